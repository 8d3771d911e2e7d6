#include "platform/db/replica.h"

#include <condition_variable>

#include <spdlog/spdlog.h>

namespace diseasemaps {
namespace {

constexpr std::size_t kHistoryChecks = 600;  // ten minutes at one check a second

// The standby's URL with a short connect timeout, so that a check never hangs on a
// machine that went away.
std::string WithConnectTimeout(const std::string& url) {
  if (url.find("connect_timeout=") != std::string::npos) return url;
  return url + (url.find('?') == std::string::npos ? "?" : "&") + "connect_timeout=2";
}

Replica::Clock::rep Ticks(Replica::Clock::time_point t) { return t.time_since_epoch().count(); }
Replica::Clock::time_point FromTicks(Replica::Clock::rep ticks) {
  return Replica::Clock::time_point(Replica::Clock::duration(ticks));
}

}  // namespace

Result<std::unique_ptr<Replica>> Replica::Create(Database& primary, ReplicaOptions options) {
  if (primary.backend() != Backend::kPostgresql) {
    return Status::InvalidArgument("--database-replica needs a PostgreSQL --database (SQLite has no replicas)");
  }
  if (BackendOf(options.url) != Backend::kPostgresql) {
    return Status::InvalidArgument("--database-replica must be a postgresql:// URL");
  }
  if (auto conninfo = PostgresConninfo(options.url); !conninfo.ok()) return conninfo.status();
  if (options.pool_size < 1) return Status::InvalidArgument("the replica pool needs at least one connection");
  std::string description = Database::Describe(options.url);
  return std::unique_ptr<Replica>(new Replica(primary, std::move(options), std::move(description)));
}

Replica::Replica(Database& primary, ReplicaOptions options, std::string description)
    : primary_(primary), options_(std::move(options)), description_(std::move(description)) {}

Replica::~Replica() {
  if (thread_.joinable()) {
    thread_.request_stop();
    thread_.join();
  }
}

void Replica::Start() {
  Check();
  thread_ = std::jthread([this](std::stop_token stop) { Loop(stop); });
}

void Replica::Loop(std::stop_token stop) {
  std::mutex mutex;
  std::condition_variable_any wake;
  while (!stop.stop_requested()) {
    std::unique_lock lock(mutex);
    if (wake.wait_for(lock, stop, options_.check_interval, [] { return false; })) break;
    lock.unlock();
    if (stop.stop_requested()) break;
    Check();
  }
}

Database* Replica::ForRead(Clock::time_point must_include) {
  Database* standby = standby_.load(std::memory_order_acquire);
  if (standby == nullptr || !usable_.load(std::memory_order_acquire)) return nullptr;
  const Clock::time_point last_check = FromTicks(last_good_check_.load());
  if (Clock::now() - last_check > 3 * options_.check_interval) return nullptr;
  if (must_include > FromTicks(fresh_as_of_.load())) return nullptr;
  return standby;
}

void Replica::ReadFailed() {
  fallbacks_.fetch_add(1, std::memory_order_relaxed);
  if (usable_.exchange(false)) {
    spdlog::warn("replica ({}): a read failed; reads go to the primary until the next check", description_);
  }
}

void Replica::MarkUnreachable(std::string why) {
  usable_.store(false);
  const bool was_reachable = reachable_.exchange(false);
  lag_bytes_.store(-1);
  lag_seconds_.store(-1);
  std::lock_guard lock(problem_mutex_);
  if (was_reachable || problem_ != why) {
    spdlog::warn("replica ({}): {}; reads go to the primary", description_, why);
  }
  problem_ = std::move(why);
}

void Replica::Check() {
  // The primary's position first, then the standby's: everything committed before
  // `sampled` is at or before `primary_position`.
  const Clock::time_point sampled = Clock::now();
  auto primary_position = primary_.Run([](soci::session& sql) -> Result<long long> {
    long long position = 0;
    sql << "SELECT pg_wal_lsn_diff(pg_current_wal_insert_lsn(), '0/0')::bigint", soci::into(position);
    return position;
  });
  if (!primary_position.ok()) return;  // nothing to compare with; the primary's own trouble shows elsewhere

  if (standby_.load() == nullptr) {
    DatabaseOptions standby_options;
    standby_options.url = WithConnectTimeout(options_.url);
    standby_options.pool_size = options_.pool_size;
    standby_options.acquire_timeout = std::chrono::milliseconds(1000);
    auto opened = Database::Open(standby_options);
    if (!opened.ok()) return MarkUnreachable(opened.status().message());
    standby_owner_ = std::move(*opened);
    standby_.store(standby_owner_.get(), std::memory_order_release);
  }
  struct Position {
    bool replaying = false;
    long long replayed = 0;
  };
  auto read_position = [](soci::session& sql) -> Result<Position> {
    Position position;
    int replaying = 0;
    long long replayed = 0;
    soci::indicator replayed_indicator = soci::i_null;
    sql << "SELECT CASE WHEN pg_is_in_recovery() THEN 1 ELSE 0 END,"
           " pg_wal_lsn_diff(pg_last_wal_replay_lsn(), '0/0')::bigint",
        soci::into(replaying), soci::into(replayed, replayed_indicator);
    position.replaying = replaying == 1 && replayed_indicator == soci::i_ok;
    position.replayed = position.replaying ? replayed : 0;
    return position;
  };
  // Twice: a connection that dropped when the standby restarted is reconnected by the first.
  auto standby_position = standby_.load()->Run(read_position);
  if (!standby_position.ok()) standby_position = standby_.load()->Run(read_position);
  if (!standby_position.ok()) return MarkUnreachable("cannot be reached");
  if (!standby_position->replaying) {
    return MarkUnreachable("is not a hot standby replaying the primary (pg_is_in_recovery() is false)");
  }

  history_.emplace_back(sampled, *primary_position);
  while (history_.size() > kHistoryChecks) history_.pop_front();
  const long long replayed = standby_position->replayed;
  long long lag_bytes = std::max(0LL, *primary_position - replayed);
  double lag_seconds = 0;
  Clock::time_point fresh_as_of = sampled;
  if (lag_bytes > 0) {
    // The last check whose position the standby has passed, and the one after it.
    std::size_t after = history_.size() - 1;
    while (after > 0 && history_[after - 1].second > replayed) --after;
    if (after == 0) {
      fresh_as_of = Clock::time_point{};  // behind every check we remember
      lag_seconds = std::chrono::duration<double>(sampled - history_.front().first).count();
    } else {
      const auto& [before_time, before_position] = history_[after - 1];
      const auto& [after_time, after_position] = history_[after];
      fresh_as_of = before_time;
      const double share = static_cast<double>(replayed - before_position) /
                           static_cast<double>(std::max(1LL, after_position - before_position));
      const Clock::time_point reached = before_time + std::chrono::duration_cast<Clock::duration>(
                                                          (after_time - before_time) * share);
      lag_seconds = std::chrono::duration<double>(sampled - reached).count();
    }
  }
  lag_bytes_.store(lag_bytes);
  lag_seconds_.store(lag_seconds);
  fresh_as_of_.store(Ticks(fresh_as_of));
  last_good_check_.store(Ticks(Clock::now()));
  const bool was_reachable = reachable_.exchange(true);
  const bool close_enough = lag_seconds <= std::chrono::duration<double>(options_.max_lag).count();
  const bool was_usable = usable_.exchange(close_enough);
  if (!was_reachable) {
    spdlog::info("replica ({}): reachable, {} bytes behind", description_, lag_bytes);
    std::lock_guard lock(problem_mutex_);
    problem_.clear();
  }
  if (was_usable && !close_enough) {
    spdlog::warn("replica ({}): {:.1f} s behind; reads go to the primary until it catches up", description_,
                 lag_seconds);
  }
}

ReplicaState Replica::state() const {
  ReplicaState state;
  state.configured = true;
  state.reachable = reachable_.load();
  state.in_use = usable_.load();
  state.lag_bytes = lag_bytes_.load();
  state.lag_seconds = lag_seconds_.load();
  state.reads = reads_.load();
  state.fallbacks = fallbacks_.load();
  std::lock_guard lock(problem_mutex_);
  state.problem = problem_;
  return state;
}

}  // namespace diseasemaps
