// Replica: the PostgreSQL hot standby that `serve --database-replica URL` reads from, and
// the check that decides, every second, whether it may be read and how far behind it is.
//
// What it guarantees:
// - Only reads inside a ReplicaReadScope (platform/db/replica_scope.h) ever reach it, and
//   only Database::Run; InTransaction and everything outside a scope use the primary.
// - It is read only while the last check (at most 3 intervals old) reached it, found it
//   replaying (a standby, not a server of its own), and found it at most `max_lag`
//   behind. A read that fails on it is run again on the primary at once, and the replica
//   is left alone until the next good check: the site keeps serving when it stops.
// - Lag is measured against the primary's own history: each check records the primary's
//   WAL insert position with the time, then reads the standby's replay position. Bytes
//   behind are the difference; seconds behind are how long ago the primary was where the
//   standby now is (interpolated between checks), 0 when it has replayed everything.
//   `fresh_as_of` is the last checked moment whose every change the standby holds; a
//   scope that asks for freshness (must_include) is served only when it is late enough.
//
// Thread-safe: the check runs on its own thread; ForRead() and the counters are atomics.
#pragma once

#include <atomic>
#include <chrono>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility>

#include "platform/db/database.h"
#include "platform/status.h"

namespace diseasemaps {

struct ReplicaOptions {
  std::string url;  // postgresql://… of the hot standby
  int pool_size = 4;
  std::chrono::milliseconds check_interval{1000};
  std::chrono::milliseconds max_lag{10000};  // further behind: reads go to the primary
};

struct ReplicaState {
  bool configured = false;
  bool reachable = false;   // the last check reached it and found it replaying
  bool in_use = false;      // reads may go to it now
  long long lag_bytes = -1;  // -1: not measured
  double lag_seconds = -1;
  long long reads = 0;      // reads it served
  long long fallbacks = 0;  // reads that failed on it and went to the primary
  std::string problem;      // why it is not reachable, for operators
};

class Replica {
 public:
  using Clock = std::chrono::steady_clock;

  // Checks the settings only (a PostgreSQL primary, a PostgreSQL URL); connects later.
  static Result<std::unique_ptr<Replica>> Create(Database& primary, ReplicaOptions options);
  ~Replica();
  Replica(const Replica&) = delete;
  Replica& operator=(const Replica&) = delete;

  // Checks once now (so the first requests may use it), then every check_interval.
  void Start();

  // The standby's pool for a read that needs every change made before must_include, or
  // null when it may not be read now.
  Database* ForRead(Clock::time_point must_include);
  void ReadServed() { reads_.fetch_add(1, std::memory_order_relaxed); }
  // A read failed on it: the primary answers until the next good check.
  void ReadFailed();

  ReplicaState state() const;
  const std::string& description() const { return description_; }

 private:
  Replica(Database& primary, ReplicaOptions options, std::string description);
  void Check();
  void MarkUnreachable(std::string why);
  void Loop(std::stop_token stop);

  Database& primary_;
  const ReplicaOptions options_;
  const std::string description_;
  std::unique_ptr<Database> standby_owner_;  // written by the check thread only
  std::atomic<Database*> standby_{nullptr};
  // (when, WAL insert position) of the primary at recent checks; check thread only.
  std::deque<std::pair<Clock::time_point, long long>> history_;

  std::atomic<bool> reachable_{false};
  std::atomic<bool> usable_{false};
  std::atomic<Clock::rep> last_good_check_{0};
  std::atomic<Clock::rep> fresh_as_of_{0};
  std::atomic<long long> lag_bytes_{-1};
  std::atomic<double> lag_seconds_{-1};
  std::atomic<long long> reads_{0};
  std::atomic<long long> fallbacks_{0};
  mutable std::mutex problem_mutex_;
  std::string problem_;
  std::jthread thread_;
};

}  // namespace diseasemaps
