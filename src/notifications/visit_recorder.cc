// VisitRecorder (see visit_recorder.h).
#include "notifications/visit_recorder.h"

#include <iterator>


namespace diseasemaps::notifications {

void VisitRecorder::Seen(long long user_id, long long now) {
  {
    std::lock_guard lock(mutex_);
    auto found = written_.find(user_id);
    if (found != written_.end() && now - found->second < kVisitRecordSeconds) return;
    if (written_.size() >= kMaxRemembered) {
      for (auto it = written_.begin(); it != written_.end();) {
        it = now - it->second >= kVisitRecordSeconds ? written_.erase(it) : std::next(it);
      }
      if (written_.size() >= kMaxRemembered) written_.clear();
    }
    written_[user_id] = now;
  }
  (void)store_.RecordVisit(user_id, now);
}

}  // namespace diseasemaps::notifications
