// OutboxGauges: the outbox's backlog (OutboxStore::Queue) in /metrics, as
// diseasemaps_outbox_pending and diseasemaps_outbox_failed. /metrics is rendered on an
// I/O thread, which never waits for the database, so a thread of its own counts the
// backlog every `interval` and the gauges read the last counts (-1 until the first, or
// while the database does not answer). Thread-safe.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

#include "mail/outbox_store.h"
#include "platform/metrics.h"

namespace diseasemaps::mail {

class OutboxGauges {
 public:
  // Registers the two gauges on `metrics` and starts counting. REQUIRES: outbox and
  // metrics outlive this object.
  OutboxGauges(OutboxStore& outbox, Metrics& metrics, std::chrono::milliseconds interval);
  ~OutboxGauges();  // stops and joins; the gauges then read the last counts
  OutboxGauges(const OutboxGauges&) = delete;
  OutboxGauges& operator=(const OutboxGauges&) = delete;

 private:
  void Count();
  void Loop();

  OutboxStore& outbox_;
  const std::chrono::milliseconds interval_;
  // Shared with the gauges, which may outlive this object inside Metrics.
  struct Counts {
    std::atomic<double> pending{-1};
    std::atomic<double> failed{-1};
  };
  std::shared_ptr<Counts> counts_ = std::make_shared<Counts>();
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;  // guarded by mutex_
  std::thread thread_;
};

}  // namespace diseasemaps::mail
