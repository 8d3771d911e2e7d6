// DigestJob (see digest_job.h).
#include "notifications/digest_job.h"

#include <spdlog/spdlog.h>

namespace diseasemaps::notifications {
namespace {

constexpr int kBatch = 200;

long long NowSeconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

Result<DigestPass> RunDigestPass(Database& db, long long now, const std::string& public_url) {
  DigestStore store(db);
  DigestPass pass;
  long long after = 0;
  while (true) {
    auto due = store.DueMembers(now, after, kBatch);
    if (!due.ok()) return due.status();
    for (const DigestCandidate& member : *due) {
      after = member.user_id;
      ++pass.due;
      auto sent = store.SendDigest(member, now, public_url);
      if (!sent.ok()) {
        spdlog::warn("digests: member {}: {}", member.user_id, sent.status().message());
      } else if (*sent) {
        ++pass.sent;
      }
    }
    if (due->size() < static_cast<std::size_t>(kBatch)) return pass;
  }
}

DigestJob::DigestJob(Database& db, std::string public_url, std::chrono::milliseconds interval)
    : db_(db), public_url_(std::move(public_url)), interval_(interval) {
  thread_ = std::thread([this] { Loop(); });
}

DigestJob::~DigestJob() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void DigestJob::Loop() {
  std::unique_lock lock(mutex_);
  while (!wake_.wait_for(lock, interval_, [this] { return stopping_; })) {
    lock.unlock();
    auto pass = RunDigestPass(db_, NowSeconds(), public_url_);
    if (pass.ok()) {
      if (failing_) spdlog::info("digests: the database answers again");
      failing_ = false;
      if (pass->sent > 0) spdlog::info("digests: {} enqueued", pass->sent);
    } else if (!failing_) {
      failing_ = true;
      spdlog::warn("digests: cannot run a pass ({}); will retry", pass.status().message());
    }
    lock.lock();
  }
}

}  // namespace diseasemaps::notifications
