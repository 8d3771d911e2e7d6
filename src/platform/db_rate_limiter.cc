#include "platform/db_rate_limiter.h"

#include <atomic>

#include <spdlog/spdlog.h>

#include "platform/sliding_window.h"

namespace diseasemaps {
namespace {

constexpr long long kPruneIntervalSeconds = 60;

class DatabaseRateLimiter final : public RateLimiter {
 public:
  DatabaseRateLimiter(Database& db, std::string name, int max_events, long long window_seconds,
                      std::shared_ptr<std::atomic<long long>> last_prune)
      : db_(db),
        name_(std::move(name)),
        max_events_(max_events),
        window_(window_seconds > 0 ? window_seconds : 1),
        last_prune_(std::move(last_prune)) {}

  bool CanPerform(const std::string& key, long long now) override {
    auto counts = Read(key, now);
    if (!counts.ok()) return true;
    return SlidingCount(*counts, now % window_, window_) < max_events_;
  }

  void Performed(const std::string& key, long long now) override {
    const long long start = WindowStart(now, window_);
    const long long expires = start + 2 * window_;
    const std::string stored_key = StoredKey(key);
    auto events = db_.RunOnPrimary([&](soci::session& sql) {
      long long count = 0;
      sql << "INSERT INTO rate_limit_counts (limit_key, window_start, events, expires_at) "
             "VALUES (:k, :w, 1, :e) ON CONFLICT (limit_key, window_start) "
             "DO UPDATE SET events = rate_limit_counts.events + 1 RETURNING events",
          soci::use(stored_key, "k"), soci::use(start, "w"), soci::use(expires, "e"), soci::into(count);
      return count;
    });
    if (!events.ok()) {
      spdlog::warn("rate limit {}: cannot count an event ({})", name_, events.status().message());
      return;
    }
    // Only the limit's name: keys hold addresses and e-mail addresses.
    if (*events == max_events_) spdlog::info("rate limit {}: a key reached {} in a window", name_, max_events_);
    Prune(now);
  }

  void Reset(const std::string& key) override {
    const std::string stored_key = StoredKey(key);
    Status done = db_.RunOnPrimary([&](soci::session& sql) {
      sql << "DELETE FROM rate_limit_counts WHERE limit_key = :k", soci::use(stored_key);
      return Status::Ok();
    });
    if (!done.ok()) spdlog::warn("rate limit {}: cannot reset a key ({})", name_, done.message());
  }

  long long RetryAfter(const std::string& key, long long now) override {
    auto counts = Read(key, now);
    if (!counts.ok()) return 0;
    return SlidingRetryAfter(*counts, now % window_, window_, max_events_);
  }

 private:
  std::string StoredKey(const std::string& key) const { return name_ + ":" + key; }

  Result<WindowCounts> Read(const std::string& key, long long now) {
    const long long current = WindowStart(now, window_);
    const long long previous = current - window_;
    const std::string stored_key = StoredKey(key);
    auto counts = db_.RunOnPrimary([&](soci::session& sql) {
      WindowCounts found;
      sql << "SELECT COALESCE(SUM(CASE WHEN window_start = :c THEN events ELSE 0 END), 0), "
             "COALESCE(SUM(CASE WHEN window_start = :p THEN events ELSE 0 END), 0) "
             "FROM rate_limit_counts WHERE limit_key = :k AND window_start >= :p2",
          soci::use(current, "c"), soci::use(previous, "p"), soci::use(stored_key, "k"),
          soci::use(previous, "p2"), soci::into(found.current), soci::into(found.previous);
      return found;
    });
    if (!counts.ok()) spdlog::warn("rate limit {}: cannot read the counts ({})", name_, counts.status().message());
    return counts;
  }

  // Drops counters no window can see any more, at most once a minute per process.
  void Prune(long long now) {
    long long last = last_prune_->load();
    if (now - last < kPruneIntervalSeconds || !last_prune_->compare_exchange_strong(last, now)) return;
    Status done = db_.RunOnPrimary([&](soci::session& sql) {
      sql << "DELETE FROM rate_limit_counts WHERE expires_at < :now", soci::use(now);
      return Status::Ok();
    });
    if (!done.ok()) spdlog::warn("rate limits: cannot prune old counters ({})", done.message());
  }

  Database& db_;
  const std::string name_;
  const int max_events_;
  const long long window_;
  std::shared_ptr<std::atomic<long long>> last_prune_;
};

}  // namespace

RateLimiterFactory DatabaseRateLimiters(Database& db) {
  auto last_prune = std::make_shared<std::atomic<long long>>(0);
  return [&db, last_prune](const std::string& name, int max_events,
                           long long window_seconds) -> std::unique_ptr<RateLimiter> {
    return std::make_unique<DatabaseRateLimiter>(db, name, max_events, window_seconds, last_prune);
  };
}

RateLimiterFactory RateLimitersFor(Database& db) {
  return db.backend() == Backend::kPostgresql ? DatabaseRateLimiters(db) : MemoryRateLimiters();
}

}  // namespace diseasemaps
