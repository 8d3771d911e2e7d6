// RateLimiter: at most `max_events` per key within a sliding `window`, in memory.
//
// Thread-safe. Time is passed in (seconds), so tests move the clock without sleeping.
// Keys are whatever the caller limits by ("ip:1.2.3.4", "login:alice@example.org").
// The limits themselves live in one commented place: app/limits.h.
#pragma once

#include <deque>
#include <mutex>
#include <string>
#include <unordered_map>

namespace diseasemaps {

class RateLimiter {
 public:
  RateLimiter(int max_events, long long window_seconds)
      : max_events_(max_events), window_(window_seconds) {}

  // True when one more event for key is allowed at `now`.
  bool CanPerform(const std::string& key, long long now);
  // Records an event for key at `now`.
  void Performed(const std::string& key, long long now);
  // Forgets key's events (after a success that should reset a failure count).
  void Reset(const std::string& key);
  // Seconds until key may act again (0 when it may now).
  long long RetryAfter(const std::string& key, long long now);

 private:
  void Prune(std::deque<long long>& events, long long now) const;

  const int max_events_;
  const long long window_;
  std::mutex mutex_;
  std::unordered_map<std::string, std::deque<long long>> events_;
};

}  // namespace diseasemaps
