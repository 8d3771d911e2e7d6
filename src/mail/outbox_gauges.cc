#include "mail/outbox_gauges.h"

namespace diseasemaps::mail {

OutboxGauges::OutboxGauges(OutboxStore& outbox, Metrics& metrics, std::chrono::milliseconds interval)
    : outbox_(outbox), interval_(interval) {
  metrics.AddGauge("diseasemaps_outbox_pending", "E-mails waiting to be sent (-1: unknown).",
                   [counts = counts_] { return counts->pending.load(); });
  metrics.AddGauge("diseasemaps_outbox_failed", "E-mails given up after every retry (-1: unknown).",
                   [counts = counts_] { return counts->failed.load(); });
  Count();
  thread_ = std::thread([this] { Loop(); });
}

OutboxGauges::~OutboxGauges() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void OutboxGauges::Count() {
  auto queue = outbox_.Queue();
  counts_->pending = queue.ok() ? static_cast<double>(queue->pending) : -1.0;
  counts_->failed = queue.ok() ? static_cast<double>(queue->failed) : -1.0;
}

void OutboxGauges::Loop() {
  std::unique_lock lock(mutex_);
  while (!wake_.wait_for(lock, interval_, [this] { return stopping_; })) {
    lock.unlock();
    Count();
    lock.lock();
  }
}

}  // namespace diseasemaps::mail
