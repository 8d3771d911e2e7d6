#include "platform/content_generation.h"

#include <spdlog/spdlog.h>

#include "platform/change_notice.h"

namespace diseasemaps {

// On PostgreSQL the bump also sends the "content" change notice, delivered with the
// commit, so that other nodes drop their page caches at once (platform/change_notice.h).
void BumpContentGeneration(soci::session& sql) {
  sql << "UPDATE site_state SET value = value + 1 WHERE name = 'content_generation'";
  NotifyChange(sql, ContentNotice());
}

Result<long long> ReadContentGeneration(Database& db) {
  return db.Run([](soci::session& sql) {
    long long value = 0;
    sql << "SELECT value FROM site_state WHERE name = 'content_generation'", soci::into(value);
    return value;
  });
}

ContentGenerationWatcher::ContentGenerationWatcher(Database& db, std::chrono::milliseconds interval,
                                                   std::function<void()> on_change)
    : db_(db), interval_(interval), on_change_(std::move(on_change)) {
  thread_ = std::thread([this] { Loop(); });
}

ContentGenerationWatcher::~ContentGenerationWatcher() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void ContentGenerationWatcher::Loop() {
  long long seen = -1;
  bool failing = false;
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    lock.unlock();
    auto current = ReadContentGeneration(db_);
    if (current.ok()) {
      if (failing) spdlog::info("content generation: the database answers again");
      failing = false;
      if (seen >= 0 && *current != seen) on_change_();
      seen = *current;
    } else if (!failing) {
      failing = true;
      spdlog::warn("content generation: cannot read it ({}); will retry", current.status().message());
    }
    lock.lock();
    wake_.wait_for(lock, interval_, [this] { return stopping_; });
  }
}

}  // namespace diseasemaps
