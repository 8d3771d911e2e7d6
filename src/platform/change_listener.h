// ChangeListener: one PostgreSQL connection per server process that LISTENs on
// diseasemaps_changes (platform/change_notice.h) and hands every notice to a callback
// at once, so a change made on another node reaches this one's caches in well under a
// second instead of at the next poll.
//
// The connection is its own (libpq, outside the pool) and lives on the listener's
// thread; the callback runs there, one notice at a time, and may block briefly. When
// the connection drops, the listener reconnects every second and, once it listens
// again, calls on_reconnect(): notices sent meanwhile are lost, so whatever they would
// have woken should look now. Never fatal: a database that does not answer is logged
// once and retried. The destructor stops and joins within a fraction of a second.
#pragma once

#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace diseasemaps {

class ChangeListener {
 public:
  // conninfo: libpq's key=value form (platform/db/database.h: PostgresConninfo).
  ChangeListener(std::string conninfo, std::function<void(const std::string& notice)> on_notice,
                 std::function<void()> on_reconnect);
  ~ChangeListener();
  ChangeListener(const ChangeListener&) = delete;
  ChangeListener& operator=(const ChangeListener&) = delete;

  // True while the connection listens (for /metrics and tests).
  bool listening() const { return listening_.load(); }

 private:
  void Loop();
  bool Stopping();

  std::string conninfo_;
  std::function<void(const std::string&)> on_notice_;
  std::function<void()> on_reconnect_;
  std::atomic<bool> listening_{false};
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace diseasemaps
