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

namespace {

// A handle on a limiter that several features share by name.
class SharedRateLimiter final : public RateLimiter {
 public:
  explicit SharedRateLimiter(std::shared_ptr<MemoryRateLimiter> limiter) : limiter_(std::move(limiter)) {}
  bool CanPerform(const std::string& key, long long now) override { return limiter_->CanPerform(key, now); }
  void Performed(const std::string& key, long long now) override { limiter_->Performed(key, now); }
  void Reset(const std::string& key) override { limiter_->Reset(key); }
  long long RetryAfter(const std::string& key, long long now) override { return limiter_->RetryAfter(key, now); }

 private:
  std::shared_ptr<MemoryRateLimiter> limiter_;
};

}  // namespace

// Limiters made by one factory under one name share their counts, as the database's do,
// so that a password reset can forget the sign-in failures the login pages counted.
RateLimiterFactory MemoryRateLimiters() {
  struct Shared {
    std::mutex mutex;
    std::unordered_map<std::string, std::shared_ptr<MemoryRateLimiter>> by_name;
  };
  auto shared = std::make_shared<Shared>();
  return [shared](const std::string& name, int max_events, long long window_seconds) -> std::unique_ptr<RateLimiter> {
    std::lock_guard lock(shared->mutex);
    auto& limiter = shared->by_name[name];
    if (!limiter) limiter = std::make_shared<MemoryRateLimiter>(max_events, window_seconds);
    return std::make_unique<SharedRateLimiter>(limiter);
  };
}

}  // namespace diseasemaps
