// MessageStore, second part: reports of messages and their handling by moderators, and
// a member's export and deletion (see message_store.h).
#include <chrono>

#include "accounts/user_store.h"
#include "messages/message_store.h"
#include "messages/message_store_internal.h"
#include "platform/db/row_text.h"
#include "platform/db/rows_json.h"

namespace diseasemaps::messages {
namespace {

using detail::MembershipOf;

Report ReadReport(const soci::row& row) {
  Report r;
  r.id = RowInteger(row, 0);
  r.message_id = RowInteger(row, 1);
  r.conversation_id = RowInteger(row, 2);
  r.reason = RowText(row, 3);
  r.reported_at = RowInteger(row, 4);
  r.reporter_name = RowText(row, 5);
  r.author_id = RowInteger(row, 6);
  r.author_name = RowText(row, 7);
  r.author_deleted = row.get_indicator(15) != soci::i_null;
  r.author_suspended = !r.author_deleted && RowText(row, 8) != "active";
  r.body = RowText(row, 9);
  r.written_at = RowInteger(row, 10);
  r.status = RowText(row, 11);
  r.handled_by_name = RowText(row, 12);
  r.handled_at = RowInteger(row, 13);
  r.note = RowText(row, 14);
  return r;
}

constexpr const char* kReportQuery =
    "SELECT r.id, r.message_id, m.conversation_id, r.reason, r.created_at, rep.display_name, m.author_id,"
    " au.display_name, au.status, m.body, m.created_at, r.status, hb.display_name, r.handled_at, r.note,"
    " au.deleted_at"
    " FROM message_reports r JOIN messages m ON m.id = r.message_id JOIN users au ON au.id = m.author_id"
    " LEFT JOIN users rep ON rep.id = r.reporter_id LEFT JOIN users hb ON hb.id = r.handled_by";

}  // namespace

Result<long long> MessageStore::AddReport(long long conversation_id, long long message_id, long long reporter_id,
                                          const std::string& reason, long long now) {
  return db_.InTransaction([&](soci::session& sql) -> Result<long long> {
    auto membership = MembershipOf(sql, conversation_id, reporter_id);
    if (!membership || membership->i_left) return Status::NotFound("no such conversation");
    long long found = 0;
    sql << "SELECT COUNT(*) FROM messages WHERE id = :m AND conversation_id = :c AND author_id <> :u",
        soci::use(message_id, "m"), soci::use(conversation_id, "c"), soci::use(reporter_id, "u"), soci::into(found);
    if (found == 0) return Status::NotFound("no such message");
    // Reporting the same message again while it waits adds nothing to the queue.
    long long id = 0;
    soci::indicator waiting = soci::i_ok;
    sql << "SELECT MIN(id) FROM message_reports WHERE message_id = :m AND reporter_id = :u AND status = 'open'",
        soci::use(message_id, "m"), soci::use(reporter_id, "u"), soci::into(id, waiting);
    if (waiting != soci::i_null) return id;
    sql << "INSERT INTO message_reports (message_id, reporter_id, reason, created_at)"
           " VALUES (:m, :u, :r, :t) RETURNING id",
        soci::use(message_id, "m"), soci::use(reporter_id, "u"), soci::use(reason, "r"), soci::use(now, "t"),
        soci::into(id);
    return id;
  });
}

Result<std::vector<Report>> MessageStore::OpenReports(int limit) {
  return db_.Run([&](soci::session& sql) {
    std::vector<Report> list;
    soci::rowset<soci::row> rows = (sql.prepare << std::string(kReportQuery) +
                                                       " WHERE r.status = 'open' ORDER BY r.id LIMIT :limit",
                                    soci::use(limit, "limit"));
    for (const soci::row& row : rows) list.push_back(ReadReport(row));
    return list;
  });
}

Result<std::vector<Report>> MessageStore::HandledReports(int limit) {
  return db_.Run([&](soci::session& sql) {
    std::vector<Report> list;
    soci::rowset<soci::row> rows =
        (sql.prepare << std::string(kReportQuery) + " WHERE r.status <> 'open' ORDER BY r.handled_at DESC, r.id DESC"
                                                    " LIMIT :limit",
         soci::use(limit, "limit"));
    for (const soci::row& row : rows) list.push_back(ReadReport(row));
    return list;
  });
}

Status MessageStore::HandleReport(long long report_id, ReportAction action, long long moderator_id,
                                  const std::string& note, long long now,
                                  const std::function<Status(soci::session&, const ReportedAuthor&)>& effect) {
  return db_.InTransaction([&](soci::session& sql) -> Status {
    soci::row row;
    sql << "SELECT r.status, m.author_id, u.display_name, u.email, r.message_id, u.language FROM message_reports r"
           " JOIN messages m ON m.id = r.message_id JOIN users u ON u.id = m.author_id WHERE r.id = :r",
        soci::use(report_id, "r"), soci::into(row);
    if (!sql.got_data()) return Status::NotFound("no such report");
    if (RowText(row, 0) != "open") return Status::Conflict("This report was handled already.");
    ReportedAuthor subject{RowInteger(row, 1), RowText(row, 2), RowText(row, 3), {}, RowText(row, 5), {}};
    subject.author_roles = accounts::RolesIn(sql, subject.author_id);
    const std::string status = ReportStatusAfter(action);
    // Still open when written: on PostgreSQL two moderators can both have read "open"; the
    // second waits for the first's row lock, then finds nothing left to handle.
    soci::statement handled =
        (sql.prepare << "UPDATE message_reports SET status = :s, handled_by = :by, handled_at = :t, note = :n"
                        " WHERE id = :r AND status = 'open'",
         soci::use(status, "s"), soci::use(moderator_id, "by"), soci::use(now, "t"), soci::use(note, "n"),
         soci::use(report_id, "r"));
    handled.execute(true);
    if (handled.get_affected_rows() == 0) return Status::Conflict("This report was handled already.");
    if (effect) {
      if (Status s = effect(sql, subject); !s.ok()) return s;
    }
    accounts::AppendAudit(sql, moderator_id, "message_report." + status, "user:" + std::to_string(subject.author_id),
                          "report " + std::to_string(report_id) + " on message " +
                              std::to_string(RowInteger(row, 4)) + (note.empty() ? "" : ": " + note));
    return Status::Ok();
  });
}

Result<nlohmann::json> MessageStore::Export(long long user_id) {
  return db_.Run([&](soci::session& sql) -> Result<nlohmann::json> {
    nlohmann::json data = nlohmann::json::object();
    data["messages_you_wrote"] = RowsAsJson(sql,
                                      "SELECT conversation_id, created_at, body FROM messages"
                                      " WHERE author_id = :id ORDER BY id",
                                      user_id);
    data["conversations"] = RowsAsJson(sql,
                                 "SELECT c.id, c.created_at, CASE WHEN c.started_by = :id THEN 1 ELSE 0 END"
                                 " AS you_started_it, m.left_at FROM conversation_members m"
                                 " JOIN conversations c ON c.id = m.conversation_id WHERE m.user_id = :id"
                                 " ORDER BY c.id",
                                 user_id);
    data["members_you_blocked"] = RowsAsJson(sql,
                                       "SELECT b.blocked_id AS member_id, b.created_at FROM blocks b"
                                       " WHERE b.blocker_id = :id ORDER BY b.created_at",
                                       user_id);
    data["messages_you_reported"] = RowsAsJson(sql,
                                         "SELECT message_id, reason, created_at, status FROM message_reports"
                                         " WHERE reporter_id = :id ORDER BY id",
                                         user_id);
    return data;
  });
}

void MessageStore::DeleteMemberData(soci::session& sql, long long user_id) {
  const long long now = std::chrono::duration_cast<std::chrono::seconds>(
                            std::chrono::system_clock::now().time_since_epoch())
                            .count();
  // The member leaves every conversation: the others see "Deleted member left the
  // conversation" and keep what was said; conversations nobody is left in go.
  sql << "UPDATE conversation_members SET left_at = COALESCE(left_at, :t), last_notified_at = NULL"
         " WHERE user_id = :u",
      soci::use(now, "t"), soci::use(user_id, "u");
  sql << "DELETE FROM conversations WHERE id IN (SELECT conversation_id FROM conversation_members"
         " WHERE user_id = :u) AND NOT EXISTS (SELECT 1 FROM conversation_members m"
         " WHERE m.conversation_id = conversations.id AND m.left_at IS NULL)",
      soci::use(user_id, "u");
  sql << "DELETE FROM blocks WHERE blocker_id = :u OR blocked_id = :u", soci::use(user_id, "u");
  sql << "UPDATE message_reports SET reporter_id = NULL WHERE reporter_id = :u", soci::use(user_id, "u");
}

}  // namespace diseasemaps::messages
