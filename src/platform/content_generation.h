// The content generation: one counter in the database that every write changing what
// anonymous visitors see moves forward, and that every server process watches, so that
// each drops its page cache when another process (an import, another node) wrote.
//
// BumpContentGeneration() runs inside the writer's own transaction, so the bump is
// committed exactly when the change is. ContentGenerationWatcher polls on its own
// thread; a database that does not answer is logged once and retried, never fatal.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

#include <soci/soci.h>

#include "platform/db/database.h"
#include "platform/status.h"

namespace diseasemaps {

// REQUIRES: called inside a transaction on `sql`.
void BumpContentGeneration(soci::session& sql);

Result<long long> ReadContentGeneration(Database& db);

class ContentGenerationWatcher {
 public:
  // Calls on_change() (from the watcher's thread) each time the generation moves.
  ContentGenerationWatcher(Database& db, std::chrono::milliseconds interval,
                           std::function<void()> on_change);
  ~ContentGenerationWatcher();  // stops and joins
  ContentGenerationWatcher(const ContentGenerationWatcher&) = delete;
  ContentGenerationWatcher& operator=(const ContentGenerationWatcher&) = delete;

 private:
  void Loop();

  Database& db_;
  std::chrono::milliseconds interval_;
  std::function<void()> on_change_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace diseasemaps
