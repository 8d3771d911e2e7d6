// Reported stories: a member's report of a story shown on a condition's experiences page,
// and the moderators' side of it in the one reports queue (/admin/reports), beside
// reported messages and flagged forum posts.
//
// What it guarantees: only a signed-in, confirmed, active member reports (the guard's
// CanReportStory); bad input (an unknown reason, "other" without a note, an over-long
// note, a story the page does not show) gets a clear message and changes nothing; a
// moderator's decision follows messages/report_decision.h — a warning or a suspension
// hides the story at once (the charts still count its answers) and the author reads why
// in "My experiences"; nobody learns who reported.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "accounts/member_events.h"
#include "catalog/condition_store.h"
#include "experiences/story_report_store.h"
#include "http/request.h"
#include "platform/db/database.h"
#include "platform/page_cache.h"

namespace diseasemaps::experiences {

class StoryReportPages {
 public:
  StoryReportPages(Database& db, catalog::ConditionStore& conditions, PageCache* page_cache, std::string public_url,
                   accounts::MemberChangedFn member_changed)
      : store_(db),
        conditions_(conditions),
        page_cache_(page_cache),
        public_url_(std::move(public_url)),
        member_changed_(std::move(member_changed)) {}

  // POST /conditions/{slug}/experiences/stories/{id}/report: reason, note.
  http::Response Report(const http::Request& request);
  // The reported stories' fields of /admin/reports (moderators only; nothing for others).
  void AddQueueFields(const http::Request& request, nlohmann::json& view);
  // POST /admin/reports/stories/{id}: action (dismiss, warn, suspend), note.
  http::Response Handle(const http::Request& request);

 private:
  StoryReportStore store_;
  catalog::ConditionStore& conditions_;
  PageCache* page_cache_;  // cached anonymous pages drop a hidden story at once
  std::string public_url_;
  accounts::MemberChangedFn member_changed_;
};

}  // namespace diseasemaps::experiences
