// VisitRecorder: keeps each member's last visit (member_visits, migration 0025) cheaply,
// for the digests, which go only to members who have not come since the last one. Every
// page a signed-in member opens calls Seen(); it writes only when this process has not
// written for that member in kVisitRecordSeconds, so a visit is known to within
// that time and most page views cost no write. It remembers at most kMaxRemembered
// members, forgetting the stale ones first. A failed write is ignored (the page is shown
// all the same; the next view tries again). Thread-safe.
#pragma once

#include <cstddef>
#include <mutex>
#include <unordered_map>

#include "notifications/digest_store.h"
#include "platform/db/database.h"

namespace diseasemaps::notifications {

class VisitRecorder {
 public:
  explicit VisitRecorder(Database& db) : store_(db) {}

  // The member opened a page at `now` (seconds).
  void Seen(long long user_id, long long now);

  static constexpr std::size_t kMaxRemembered = 100000;
  static constexpr long long kVisitRecordSeconds = 5 * 60;

 private:
  DigestStore store_;
  std::mutex mutex_;
  std::unordered_map<long long, long long> written_;  // member -> when this process last wrote; guarded by mutex_
};

}  // namespace diseasemaps::notifications
