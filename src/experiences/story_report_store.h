// StoryReportStore: the SQL of reported stories, written once for SQLite and PostgreSQL.
// A member reports a story shown on a condition's experiences page; moderators handle
// the report in the one reports queue (/admin/reports) beside reported messages and
// flagged forum posts (see messages/report_decision.h).
//
// What it guarantees: a report is accepted only for a story the experiences page shows
// (submitted, consent (b) in force, words present, shown to someone, not hidden); a
// member's second report of the same story while the first waits changes nothing. A
// decision is one transaction: the report and every other waiting report of the same
// story are answered, a warning or a suspension hides the story (the charts still count
// its answers), the content generation moves so cached pages drop it, the audit entry
// is written, and the caller's effect (the e-mail, the suspension) runs on the same
// session. The reporter is never returned to anyone but moderators.
// Thread-safe: every method leases its own connection (blocking: run on the worker pool).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "messages/message_rules.h"
#include "messages/reported_author.h"
#include "platform/db/database.h"
#include "platform/status.h"

namespace diseasemaps::experiences {

// Why a member reports a story.
enum class StoryReportReason { kIdentifying, kUnkind, kSpam, kMisinformation, kOther };
// "identifying", "unkind", "spam", "misinformation", "other"; nullopt for anything else.
std::optional<StoryReportReason> ParseStoryReportReason(const std::string& name);
std::string StoryReportReasonName(StoryReportReason reason);

// One report as the moderators' queue shows it.
struct StoryReport {
  long long id = 0;
  long long experience_id = 0;
  std::string condition_slug;
  std::string condition_name;
  std::string reason;  // StoryReportReasonName
  std::string note;
  long long reported_at = 0;
  std::string reporter_name;  // "" once the reporter deleted their account
  std::string author_name;
  bool author_suspended = false;
  std::string story;  // the words as they are now ("" if the author has taken them away)
  bool story_hidden = false;
  std::string status;  // open, dismissed, warned, suspended
  std::string handled_by_name;
  long long handled_at = 0;
  std::string moderator_note;
};

class StoryReportStore {
 public:
  explicit StoryReportStore(Database& db) : db_(db) {}

  // Records `reporter`'s report of the story of experience `experience_id`, shown on the
  // experiences page of the condition with that ORPHAcode. NotFound when that page
  // shows no such story. REQUIRES: note checked (at most 1,000 characters).
  Status Report(long long reporter, int orphacode, long long experience_id, StoryReportReason reason,
                const std::string& note, long long now);

  // Open reports oldest first; the latest handled ones.
  Result<std::vector<StoryReport>> Open(int limit);
  Result<std::vector<StoryReport>> Handled(int limit);

  // A moderator's decision (see the header comment). NotFound for no such report;
  // Conflict when it was handled already; effect's failure rolls everything back.
  Status Handle(long long report_id, messages::ReportAction action, long long moderator_id, const std::string& note,
                long long now, const std::function<Status(soci::session&, const messages::ReportedAuthor&)>& effect);

 private:
  Database& db_;
};

}  // namespace diseasemaps::experiences
