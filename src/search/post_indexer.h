// PostIndexer: keeps this process's forum posts index (post_index.h) true to the database.
//
// Open() takes the conditions' index directory and uses PostIndexPath() beside it (or a
// private copy when another process holds it, removed at exit). Start() builds a missing,
// outdated or unreadable index from the database, in batches of posts, or catches up an
// existing one. Watch() then polls forum_search_changes (migration 0023) on its own
// thread: each changed topic's posts are removed and its searchable posts added again, so
// the cost of a change is the size of its topic, never of the forums; only a NULL change
// (`diseasemaps reindex`) rebuilds everything. Replacing a topic is idempotent, so work cut
// short (a stop, a crash) is simply done again.
#pragma once

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <memory>
#include <mutex>
#include <thread>

#include "platform/db/database.h"
#include "platform/status.h"
#include "search/post_index.h"
#include "search/post_search_service.h"
#include "search/post_search_store.h"

namespace diseasemaps::search {

struct PostRebuildReport {
  std::size_t posts = 0;
  double seconds = 0;
};

class PostIndexer {
 public:
  static Result<std::unique_ptr<PostIndexer>> Open(Database& db, const std::filesystem::path& conditions_index,
                                                   bool allow_private_copy);
  ~PostIndexer();

  Status Start();
  // Applies the changes logged since the index's last one; returns how many topics.
  Result<std::size_t> CatchUp();
  Result<PostRebuildReport> Rebuild();
  void Watch(std::chrono::milliseconds interval);
  // Makes Watch()'s thread catch up now instead of at its next interval (the change
  // listener calls it on a "search" notice from another node). Any thread.
  void Wake();

  PostSearchService& service() { return service_; }

 private:
  PostIndexer(Database& db, std::filesystem::path path, std::unique_ptr<PostIndexWriter> writer, bool private_copy);
  Result<PostRebuildReport> RebuildLocked();
  void Loop(std::chrono::milliseconds interval);
  // True once the destructor has begun: long catch-ups stop between topics or batches, so
  // a server stops promptly; what was not recorded as applied is done again at the next start.
  bool Stopping();

  PostSearchStore store_;
  std::filesystem::path path_;
  std::unique_ptr<PostIndexWriter> writer_;
  bool private_copy_;
  PostSearchService service_;
  std::mutex write_mutex_;  // one writer: Start, CatchUp and Rebuild take turns

  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  bool woken_ = false;
  std::thread thread_;
};

}  // namespace diseasemaps::search
