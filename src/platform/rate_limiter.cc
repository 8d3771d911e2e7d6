#include "platform/rate_limiter.h"

namespace diseasemaps {

void MemoryRateLimiter::Prune(std::deque<long long>& events, long long now) const {
  while (!events.empty() && events.front() <= now - window_) events.pop_front();
}

bool MemoryRateLimiter::CanPerform(const std::string& key, long long now) {
  std::lock_guard lock(mutex_);
  auto it = events_.find(key);
  if (it == events_.end()) return true;
  Prune(it->second, now);
  if (it->second.empty()) {
    events_.erase(it);
    return true;
  }
  return static_cast<int>(it->second.size()) < max_events_;
}

void MemoryRateLimiter::Performed(const std::string& key, long long now) {
  std::lock_guard lock(mutex_);
  auto& events = events_[key];
  Prune(events, now);
  events.push_back(now);
}

void MemoryRateLimiter::Reset(const std::string& key) {
  std::lock_guard lock(mutex_);
  events_.erase(key);
}

long long MemoryRateLimiter::RetryAfter(const std::string& key, long long now) {
  std::lock_guard lock(mutex_);
  auto it = events_.find(key);
  if (it == events_.end()) return 0;
  Prune(it->second, now);
  if (static_cast<int>(it->second.size()) < max_events_) return 0;
  return it->second.front() + window_ - now;
}

RateLimiterFactory MemoryRateLimiters() {
  return [](const std::string&, int max_events, long long window_seconds) -> std::unique_ptr<RateLimiter> {
    return std::make_unique<MemoryRateLimiter>(max_events, window_seconds);
  };
}

}  // namespace diseasemaps
