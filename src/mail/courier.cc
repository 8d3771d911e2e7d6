#include "mail/courier.h"

#include <algorithm>
#include <iostream>

#include <spdlog/spdlog.h>

namespace diseasemaps::mail {
namespace {

long long Now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// A claim older than this belongs to a process that died while delivering.
constexpr long long kStaleClaimSeconds = 10 * 60;

}  // namespace

std::optional<long long> NextAttemptAt(int attempts, long long now) {
  if (attempts >= kMaxAttempts) return std::nullopt;
  const long long wait = std::min(60LL << std::max(0, attempts - 1), 6LL * 60 * 60);
  return now + wait;
}

Courier::Courier(OutboxStore& outbox, CourierOptions options) : outbox_(outbox), options_(std::move(options)) {
  if (options_.smtp.configured() || options_.to_console) thread_ = std::thread([this] { Loop(); });
}

Courier::~Courier() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

bool Courier::DeliverOne(const OutboxMail& mail, long long now) {
  if (!options_.smtp.configured()) {
    std::cout << "\n--- e-mail to " << mail.mail.recipient << ": " << mail.mail.subject << " ---\n"
              << mail.mail.body << "\n--- end of e-mail ---\n"
              << std::flush;
    return outbox_.MarkSent(mail.id, now, "console").ok();
  }
  Status sent = SendBySmtp(options_.smtp, mail);
  if (sent.ok()) return outbox_.MarkSent(mail.id, Now(), "smtp").ok();
  const std::optional<long long> retry = NextAttemptAt(mail.attempts, Now());
  spdlog::warn("mail {} not sent (attempt {}): {}{}", mail.id, mail.attempts, sent.message(),
               retry ? "; will retry" : "; giving up");
  if (Status s = outbox_.MarkAttemptFailed(mail.id, sent.message(), retry); !s.ok()) {
    spdlog::warn("outbox: cannot record the failed attempt for mail {}: {}", mail.id, s.message());
  }
  return false;
}

int Courier::DeliverDue() {
  int delivered = 0;
  for (;;) {
    {
      std::lock_guard lock(mutex_);
      if (stopping_) break;
    }
    const long long now = Now();
    auto due = outbox_.ClaimDue(now, now - kStaleClaimSeconds);
    if (!due.ok()) {
      spdlog::warn("outbox: {}", due.status().message());
      break;
    }
    if (!due->has_value()) break;
    if (DeliverOne(**due, now)) ++delivered;
  }
  return delivered;
}

void Courier::Loop() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    lock.unlock();
    DeliverDue();
    lock.lock();
    wake_.wait_for(lock, options_.interval, [this] { return stopping_; });
  }
}

}  // namespace diseasemaps::mail
