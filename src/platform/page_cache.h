// PageCache: rendered pages for anonymous visitors, kept in memory by a key the
// dispatcher makes from the request target and its language (http/dispatcher.cc).
//
// Thread-safe. A page is stored with the cache generation it was rendered under;
// Invalidate() starts a new generation, so a page rendered before a write can never be
// stored after it (Store refuses a stale generation). Bounded in bytes: past the budget,
// new pages are simply not stored until the next invalidation. A page older than
// max_age is a miss, so time-dependent text ("Review overdue") is never stale for long.
// A text page of 1 KiB or more is also kept gzipped (made once, when stored), for the
// clients that accept gzip; both copies count against the budget. Each copy's head (status
// line and headers) is written out once too (http/response_head.h).
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <shared_mutex>
#include <string>
#include <unordered_map>

#include "http/request.h"

namespace diseasemaps {

class PageCache {
 public:
  explicit PageCache(std::size_t budget_bytes,
                     std::chrono::seconds max_age = std::chrono::hours(1))
      : budget_bytes_(budget_bytes), max_age_(max_age) {}

  std::uint64_t generation() const { return generation_.load(); }

  // The cached response for key, or null.
  std::shared_ptr<const http::Response> Find(const std::string& key) const;

  // Stores response (adding a strong ETag and a gzip copy) unless the cache moved past generation.
  // Returns the stored page, or null when it was not stored.
  std::shared_ptr<const http::Response> Store(const std::string& key,
                                              http::Response response,
                                              std::uint64_t generation);

  // Drops every page; called by each write that changes what anonymous pages show.
  void Invalidate();

  // When Invalidate() last ran (the epoch when never): a page read from the replica may
  // be stored only when the replica holds every change made before that moment
  // (platform/db/replica_scope.h).
  std::chrono::steady_clock::time_point last_invalidated() const {
    return std::chrono::steady_clock::time_point(std::chrono::steady_clock::duration(last_invalidated_.load()));
  }

  std::size_t entries() const;

 private:
  struct Entry {
    std::shared_ptr<const http::Response> page;
    std::chrono::steady_clock::time_point stored_at;
  };
  const std::size_t budget_bytes_;
  const std::chrono::seconds max_age_;
  mutable std::shared_mutex mutex_;
  std::unordered_map<std::string, Entry> pages_;
  std::size_t bytes_ = 0;
  std::atomic<std::uint64_t> generation_{1};
  std::atomic<std::chrono::steady_clock::rep> last_invalidated_{0};
};

}  // namespace diseasemaps
