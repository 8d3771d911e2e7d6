// StoryReportStore (see story_report_store.h).
#include "experiences/story_report_store.h"

#include <nlohmann/json.hpp>

#include "accounts/user_store.h"
#include "platform/content_generation.h"
#include "platform/db/row_text.h"

namespace diseasemaps::experiences {
namespace {

// The story's words and to whom they are shown, from an experience's answers.
struct StoryWords {
  std::string text;
  std::string visibility;
};

StoryWords StoryOf(const std::string& answers_json) {
  const nlohmann::json answers = nlohmann::json::parse(answers_json, nullptr, /*allow_exceptions=*/false);
  if (!answers.is_object() || !answers.contains("story") || !answers["story"].is_object()) return {};
  const nlohmann::json& step = answers["story"];
  return {step.value("story", std::string()), step.value("story_visibility", std::string())};
}

constexpr const char* kReportQuery =
    "SELECT r.id, r.experience_id, c.slug, c.name, r.reason, r.note, r.created_at, rep.display_name,"
    " au.display_name, au.status, e.answers, e.story_hidden_at, r.status, hb.display_name, r.handled_at,"
    " r.moderator_note"
    " FROM experience_story_reports r JOIN experiences e ON e.id = r.experience_id"
    " JOIN conditions c ON c.id = e.condition_id JOIN users au ON au.id = e.user_id"
    " LEFT JOIN users rep ON rep.id = r.reporter_id LEFT JOIN users hb ON hb.id = r.handled_by";

StoryReport ReadReport(const soci::row& row) {
  StoryReport r;
  r.id = RowInteger(row, 0);
  r.experience_id = RowInteger(row, 1);
  r.condition_slug = RowText(row, 2);
  r.condition_name = RowText(row, 3);
  r.reason = RowText(row, 4);
  r.note = RowText(row, 5);
  r.reported_at = RowInteger(row, 6);
  r.reporter_name = RowText(row, 7);
  r.author_name = RowText(row, 8);
  r.author_suspended = RowText(row, 9) != "active";
  r.story = StoryOf(RowText(row, 10)).text;
  r.story_hidden = row.get_indicator(11) != soci::i_null;
  r.status = RowText(row, 12);
  r.handled_by_name = RowText(row, 13);
  r.handled_at = RowInteger(row, 14);
  r.moderator_note = RowText(row, 15);
  return r;
}

Result<std::vector<StoryReport>> ReadReports(Database& db, const std::string& where_and_order, int limit) {
  return db.Run([&](soci::session& sql) {
    std::vector<StoryReport> list;
    soci::rowset<soci::row> rows =
        (sql.prepare << std::string(kReportQuery) + where_and_order + " LIMIT :limit", soci::use(limit, "limit"));
    for (const soci::row& row : rows) list.push_back(ReadReport(row));
    return list;
  });
}

}  // namespace

std::optional<StoryReportReason> ParseStoryReportReason(const std::string& name) {
  if (name == "identifying") return StoryReportReason::kIdentifying;
  if (name == "unkind") return StoryReportReason::kUnkind;
  if (name == "spam") return StoryReportReason::kSpam;
  if (name == "misinformation") return StoryReportReason::kMisinformation;
  if (name == "other") return StoryReportReason::kOther;
  return std::nullopt;
}

std::string StoryReportReasonName(StoryReportReason reason) {
  switch (reason) {
    case StoryReportReason::kIdentifying: return "identifying";
    case StoryReportReason::kUnkind: return "unkind";
    case StoryReportReason::kSpam: return "spam";
    case StoryReportReason::kMisinformation: return "misinformation";
    case StoryReportReason::kOther: return "other";
  }
  return "other";
}

Status StoryReportStore::Report(long long reporter, int orphacode, long long experience_id, StoryReportReason reason,
                                const std::string& note, long long now) {
  return db_.InTransaction([&](soci::session& sql) -> Status {
    soci::row row;
    sql << "SELECT e.answers FROM experiences e JOIN conditions c ON c.id = e.condition_id"
           " JOIN users u ON u.id = e.user_id AND u.status = 'active'"
           " WHERE e.id = :e AND c.orphacode = :o AND e.submitted_at IS NOT NULL AND e.consent_story = 1"
           " AND e.story_hidden_at IS NULL",
        soci::use(experience_id, "e"), soci::use(orphacode, "o"), soci::into(row);
    if (!sql.got_data()) return Status::NotFound("no such story");
    const StoryWords story = StoryOf(RowText(row, 0));
    if (story.text.empty() || (story.visibility != "everyone" && story.visibility != "members")) {
      return Status::NotFound("no such story");
    }
    long long waiting = 0;
    sql << "SELECT COUNT(*) FROM experience_story_reports WHERE experience_id = :e AND reporter_id = :u"
           " AND status = 'open'",
        soci::use(experience_id, "e"), soci::use(reporter, "u"), soci::into(waiting);
    if (waiting > 0) return Status::Ok();
    const std::string reason_name = StoryReportReasonName(reason);
    sql << "INSERT INTO experience_story_reports (experience_id, reporter_id, reason, note, created_at)"
           " VALUES (:e, :u, :r, :n, :t)",
        soci::use(experience_id, "e"), soci::use(reporter, "u"), soci::use(reason_name, "r"), soci::use(note, "n"),
        soci::use(now, "t");
    return Status::Ok();
  });
}

Result<std::vector<StoryReport>> StoryReportStore::Open(int limit) {
  return ReadReports(db_, " WHERE r.status = 'open' ORDER BY r.id", limit);
}

Result<std::vector<StoryReport>> StoryReportStore::Handled(int limit) {
  return ReadReports(db_, " WHERE r.status <> 'open' ORDER BY r.handled_at DESC, r.id DESC", limit);
}

Status StoryReportStore::Handle(long long report_id, messages::ReportAction action, long long moderator_id,
                                const std::string& note, long long now,
                                const std::function<Status(soci::session&, const messages::ReportedAuthor&)>& effect) {
  return db_.InTransaction([&](soci::session& sql) -> Status {
    soci::row row;
    sql << "SELECT r.status, e.user_id, u.display_name, u.email, r.experience_id, u.language, c.name"
           " FROM experience_story_reports r JOIN experiences e ON e.id = r.experience_id"
           " JOIN users u ON u.id = e.user_id JOIN conditions c ON c.id = e.condition_id WHERE r.id = :r",
        soci::use(report_id, "r"), soci::into(row);
    if (!sql.got_data()) return Status::NotFound("no such report");
    if (RowText(row, 0) != "open") return Status::Conflict("This report was handled already.");
    messages::ReportedAuthor author{RowInteger(row, 1), RowText(row, 2), RowText(row, 3), {}, RowText(row, 5),
                                    RowText(row, 6)};
    author.author_roles = accounts::RolesIn(sql, author.author_id);
    const long long experience_id = RowInteger(row, 4);
    const std::string status = messages::ReportStatusAfter(action);
    // Still open when written: on PostgreSQL a second moderator waits for the first's row
    // lock, then finds nothing left to handle.
    soci::statement handled =
        (sql.prepare << "UPDATE experience_story_reports SET status = :s, handled_by = :by, handled_at = :t,"
                        " moderator_note = :n WHERE id = :r AND status = 'open'",
         soci::use(status, "s"), soci::use(moderator_id, "by"), soci::use(now, "t"), soci::use(note, "n"),
         soci::use(report_id, "r"));
    handled.execute(true);
    if (handled.get_affected_rows() == 0) return Status::Conflict("This report was handled already.");
    // The story's other waiting reports are answered by the same decision.
    sql << "UPDATE experience_story_reports SET status = :s, handled_by = :by, handled_at = :t, moderator_note = :n"
           " WHERE experience_id = :e AND status = 'open'",
        soci::use(status, "s"), soci::use(moderator_id, "by"), soci::use(now, "t"), soci::use(note, "n"),
        soci::use(experience_id, "e");
    if (action != messages::ReportAction::kDismiss) {
      sql << "UPDATE experiences SET story_hidden_at = :t, story_hidden_note = :n WHERE id = :e"
             " AND story_hidden_at IS NULL",
          soci::use(now, "t"), soci::use(note, "n"), soci::use(experience_id, "e");
      BumpContentGeneration(sql);
    }
    if (effect) {
      if (Status s = effect(sql, author); !s.ok()) return s;
    }
    accounts::AppendAudit(sql, moderator_id, "story_report." + status, "user:" + std::to_string(author.author_id),
                          "report " + std::to_string(report_id) + " on the story of experience " +
                              std::to_string(experience_id) + (note.empty() ? "" : ": " + note));
    return Status::Ok();
  });
}

}  // namespace diseasemaps::experiences
