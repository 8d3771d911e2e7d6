// ReplicaReadScope: marks the database reads made on this thread, while the scope lives,
// as reads that may come from the read replica (`serve --database-replica`,
// platform/db/replica.h). Entered around the handlers of GET routes that tolerate lag
// (http/dispatcher.cc) and around the community map's full reads; everything else reads
// and writes on the primary.
//
// A scope may require freshness: `must_include` is a moment, and the replica is used only
// when it has replayed every change the primary had committed at that moment (a page the
// cache will keep must not be older than the last change that emptied the cache).
// PrimaryOnly suspends an enclosing scope (limits, whose counts must be exact).
//
// Thread-local and nestable; no locks.
#pragma once

#include <chrono>
#include <optional>

namespace diseasemaps {

class ReplicaReadScope {
 public:
  using Clock = std::chrono::steady_clock;
  explicit ReplicaReadScope(Clock::time_point must_include = {});
  ~ReplicaReadScope();
  ReplicaReadScope(const ReplicaReadScope&) = delete;
  ReplicaReadScope& operator=(const ReplicaReadScope&) = delete;

  // The freshness the innermost scope of this thread asks for, or nullopt outside any
  // scope (or inside PrimaryOnly).
  static std::optional<Clock::time_point> Current();

 private:
  std::optional<Clock::time_point> enclosing_;
};

class PrimaryOnly {
 public:
  PrimaryOnly();
  ~PrimaryOnly();
  PrimaryOnly(const PrimaryOnly&) = delete;
  PrimaryOnly& operator=(const PrimaryOnly&) = delete;

 private:
  std::optional<ReplicaReadScope::Clock::time_point> enclosing_;
};

}  // namespace diseasemaps
