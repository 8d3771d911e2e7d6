// RateLimiter: at most `max_events` per key within a `window`; the interface every
// limit (app/limits.h) is counted through, and MemoryRateLimiter, its in-process
// implementation (an exact sliding window).
//
// Thread-safe. Time is passed in (seconds), so tests move the clock without sleeping.
// Keys are whatever the caller limits by ("ip:1.2.3.4", "login:alice@example.org").
// Where the counts live is chosen once, at start, by the database's backend
// (platform/db_rate_limiter.h: RateLimitersFor): on SQLite, one server process, in
// memory; on PostgreSQL, in the database, so that every node of a cluster counts the
// same events.
#pragma once

#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace diseasemaps {

class RateLimiter {
 public:
  virtual ~RateLimiter() = default;
  // True when one more event for key is allowed at `now`. When the counts cannot be
  // read, true (a limit never takes the site down with it).
  virtual bool CanPerform(const std::string& key, long long now) = 0;
  // Records an event for key at `now`.
  virtual void Performed(const std::string& key, long long now) = 0;
  // Forgets key's events (after a success that should reset a failure count).
  virtual void Reset(const std::string& key) = 0;
  // Seconds until key may act again (0 when it may now).
  virtual long long RetryAfter(const std::string& key, long long now) = 0;
};

// Makes one limiter. `name` ("login-ip") keeps its keys apart from every other
// limiter's where they share one store.
using RateLimiterFactory =
    std::function<std::unique_ptr<RateLimiter>(const std::string& name, int max_events, long long window_seconds)>;

class MemoryRateLimiter final : public RateLimiter {
 public:
  MemoryRateLimiter(int max_events, long long window_seconds)
      : max_events_(max_events), window_(window_seconds) {}

  bool CanPerform(const std::string& key, long long now) override;
  void Performed(const std::string& key, long long now) override;
  void Reset(const std::string& key) override;
  long long RetryAfter(const std::string& key, long long now) override;

 private:
  void Prune(std::deque<long long>& events, long long now) const;

  const int max_events_;
  const long long window_;
  std::mutex mutex_;
  std::unordered_map<std::string, std::deque<long long>> events_;
};

// Limiters counting in this process's memory (each limiter its own map).
RateLimiterFactory MemoryRateLimiters();

}  // namespace diseasemaps
