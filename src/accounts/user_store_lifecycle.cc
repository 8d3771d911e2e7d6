// UserStore, second file: an account's life after it is made: single-use e-mail
// tokens, failed sign-ins and locks, suspension, the audit log, export and deletion.
#include <nlohmann/json.hpp>

#include "accounts/user_store.h"
#include "accounts/user_store_internal.h"
#include "platform/db/row_text.h"
#include "platform/db/rows_json.h"

namespace diseasemaps::accounts {
namespace detail {

namespace {

const char* PurposeName(TokenPurpose purpose) {
  return purpose == TokenPurpose::kConfirmEmail ? "confirm_email" : "reset_password";
}

// Marks a live token of `purpose` used; returns its user, or nullopt.
std::optional<long long> UseToken(soci::session& sql, const std::string& digest, TokenPurpose purpose,
                                  long long now) {
  const std::string name = PurposeName(purpose);
  long long user_id = 0;
  soci::indicator ind = soci::i_null;
  sql << "SELECT user_id FROM account_tokens WHERE token_digest = :d AND purpose = :p"
         " AND used_at IS NULL AND expires_at > :now",
      soci::use(digest), soci::use(name), soci::use(now), soci::into(user_id, ind);
  if (!sql.got_data() || ind == soci::i_null) return std::nullopt;
  soci::statement use = (sql.prepare << "UPDATE account_tokens SET used_at = :now"
                                        " WHERE token_digest = :d AND used_at IS NULL",
                         soci::use(now), soci::use(digest));
  use.execute(true);
  if (use.get_affected_rows() == 0) return std::nullopt;  // used by a request racing this one
  return user_id;
}

}  // namespace

void InsertToken(soci::session& sql, long long user_id, TokenPurpose purpose, const TokenGrant& grant,
                 long long now) {
  const std::string name = PurposeName(purpose);
  sql << "UPDATE account_tokens SET used_at = :now WHERE user_id = :u AND purpose = :p AND used_at IS NULL",
      soci::use(now), soci::use(user_id), soci::use(name);
  sql << "INSERT INTO account_tokens (token_digest, user_id, purpose, created_at, expires_at)"
         " VALUES (:d, :u, :p, :now, :e)",
      soci::use(grant.digest), soci::use(user_id), soci::use(name), soci::use(now), soci::use(grant.expires_at);
}

}  // namespace detail

using detail::Now;

Status UserStore::IssueToken(long long user_id, TokenPurpose purpose, const TokenGrant& grant,
                             mail::Mail mail) {
  return db_.InTransaction([&](soci::session& sql) -> Status {
    const long long now = Now();
    detail::InsertToken(sql, user_id, purpose, grant, now);
    mail.user_id = user_id;
    mail::EnqueueIn(sql, mail, now);
    return Status::Ok();
  });
}

Result<long long> UserStore::ConfirmEmail(const std::string& token_digest, long long now) {
  return db_.InTransaction([&](soci::session& sql) -> Result<long long> {
    auto user_id = detail::UseToken(sql, token_digest, TokenPurpose::kConfirmEmail, now);
    if (!user_id) return Status::NotFound("this link has expired or was already used");
    sql << "UPDATE users SET email_confirmed_at = :now WHERE id = :id AND email_confirmed_at IS NULL",
        soci::use(now), soci::use(*user_id);
    AppendAudit(sql, *user_id, "user.confirm_email", "user:" + std::to_string(*user_id), "");
    return *user_id;
  });
}

bool UserStore::ResetTokenIsLive(const std::string& token_digest, long long now) {
  auto live = db_.Run([&](soci::session& sql) {
    long long n = 0;
    sql << "SELECT COUNT(*) FROM account_tokens WHERE token_digest = :d AND purpose = 'reset_password'"
           " AND used_at IS NULL AND expires_at > :now",
        soci::use(token_digest), soci::use(now), soci::into(n);
    return n > 0;
  });
  return live.ok() && *live;
}

Result<long long> UserStore::ResetPassword(const std::string& token_digest, const std::string& password_hash,
                                           long long now) {
  return db_.InTransaction([&](soci::session& sql) -> Result<long long> {
    auto user_id = detail::UseToken(sql, token_digest, TokenPurpose::kResetPassword, now);
    if (!user_id) return Status::NotFound("this link has expired or was already used");
    sql << "UPDATE users SET password_hash = :p, locked_until = NULL,"
           " email_confirmed_at = COALESCE(email_confirmed_at, :now) WHERE id = :id",
        soci::use(password_hash), soci::use(now), soci::use(*user_id);
    sql << "DELETE FROM sessions WHERE user_id = :id", soci::use(*user_id);
    sql << "DELETE FROM login_failures WHERE user_id = :id", soci::use(*user_id);
    AppendAudit(sql, *user_id, "user.password_reset", "user:" + std::to_string(*user_id), "");
    return *user_id;
  });
}

Result<long long> UserStore::RecordLoginFailure(long long user_id, long long now, long long window,
                                                int threshold, long long lock_seconds,
                                                mail::Mail lock_notice) {
  return db_.InTransaction([&](soci::session& sql) -> Result<long long> {
    const long long since = now - window;
    sql << "DELETE FROM login_failures WHERE user_id = :u AND at <= :since", soci::use(user_id),
        soci::use(since);
    sql << "INSERT INTO login_failures (user_id, at) VALUES (:u, :at)", soci::use(user_id), soci::use(now);
    long long failures = 0;
    sql << "SELECT COUNT(*) FROM login_failures WHERE user_id = :u", soci::use(user_id), soci::into(failures);
    long long locked_until = 0;
    soci::indicator ind = soci::i_null;
    sql << "SELECT locked_until FROM users WHERE id = :u", soci::use(user_id), soci::into(locked_until, ind);
    if (ind != soci::i_null && locked_until > now) return locked_until;  // already locked and told
    if (failures < threshold) return 0LL;
    locked_until = now + lock_seconds;
    sql << "UPDATE users SET locked_until = :until WHERE id = :u", soci::use(locked_until), soci::use(user_id);
    lock_notice.user_id = user_id;
    mail::EnqueueIn(sql, lock_notice, now);
    AppendAudit(sql, std::nullopt, "user.locked", "user:" + std::to_string(user_id),
               std::to_string(failures) + " failed sign-ins");
    return locked_until;
  });
}

Status UserStore::ClearLoginFailures(long long user_id) {
  return db_.InTransaction([&](soci::session& sql) -> Status {
    sql << "DELETE FROM login_failures WHERE user_id = :u", soci::use(user_id);
    return Status::Ok();
  });
}

namespace {

Status SetStatusIn(soci::session& sql, long long user_id, bool suspended, const std::string& reason,
                   std::optional<long long> actor) {
  long long exists = 0;
  sql << "SELECT COUNT(*) FROM users WHERE id = :id AND deleted_at IS NULL", soci::use(user_id),
      soci::into(exists);
  if (exists == 0) return Status::NotFound("no such account");
  const std::string status = suspended ? "suspended" : "active";
  const std::string why = suspended ? reason : "";
  sql << "UPDATE users SET status = :s, suspended_reason = :r WHERE id = :id", soci::use(status),
      soci::use(why), soci::use(user_id);
  if (suspended) sql << "DELETE FROM sessions WHERE user_id = :id", soci::use(user_id);
  AppendAudit(sql, actor, suspended ? "user.suspend" : "user.reinstate", "user:" + std::to_string(user_id),
             why);
  return Status::Ok();
}

}  // namespace

Status SuspendIn(soci::session& sql, long long user_id, const std::string& reason, std::optional<long long> actor) {
  return SetStatusIn(sql, user_id, true, reason, actor);
}

Status UserStore::SetSuspended(long long user_id, bool suspended, const std::string& reason, long long actor) {
  return db_.InTransaction([&](soci::session& sql) -> Status {
    return SetStatusIn(sql, user_id, suspended, reason, actor);
  });
}

Result<std::vector<AuditEntry>> UserStore::ListAudit(long long offset, int limit) {
  return db_.Run([&](soci::session& sql) {
    std::vector<AuditEntry> entries;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT a.id, a.at, u.display_name, a.action, a.subject, a.detail"
                        " FROM audit_log a LEFT JOIN users u ON u.id = a.actor_user_id"
                        " ORDER BY a.id DESC LIMIT :limit OFFSET :offset",
         soci::use(limit, "limit"), soci::use(offset, "offset"));
    for (const soci::row& row : rows) {
      entries.push_back({RowInteger(row, 0), RowInteger(row, 1), RowText(row, 2), RowText(row, 3),
                         RowText(row, 4), RowText(row, 5)});
    }
    return entries;
  });
}

Result<long long> UserStore::CountAudit() {
  return db_.Run([&](soci::session& sql) {
    long long n = 0;
    sql << "SELECT COUNT(*) FROM audit_log", soci::into(n);
    return n;
  });
}

Status UserStore::Audit(std::optional<long long> actor, const std::string& action, const std::string& subject,
                        const std::string& detail) {
  return db_.InTransaction([&](soci::session& sql) -> Status {
    AppendAudit(sql, actor, action, subject, detail);
    return Status::Ok();
  });
}

Result<nlohmann::json> UserStore::ExportData(long long user_id) {
  return db_.Run([&](soci::session& sql) -> Result<nlohmann::json> {
    nlohmann::json data = nlohmann::json::object();
    data["account"] = RowsAsJson(sql,
                           "SELECT id, email, display_name, credentials, status, suspended_reason,"
                           " created_at, email_confirmed_at, locked_until FROM users WHERE id = :id",
                           user_id);
    if (data["account"].empty()) return Status::NotFound("no such account");
    data["site_roles"] = RowsAsJson(sql, "SELECT role, granted_at FROM user_roles WHERE user_id = :id", user_id);
    data["sessions"] = RowsAsJson(sql, "SELECT created_at, expires_at FROM sessions WHERE user_id = :id", user_id);
    data["email_links"] = RowsAsJson(sql,
                               "SELECT purpose, created_at, expires_at, used_at FROM account_tokens"
                               " WHERE user_id = :id ORDER BY created_at",
                               user_id);
    data["failed_sign_ins"] = RowsAsJson(sql, "SELECT at FROM login_failures WHERE user_id = :id", user_id);
    data["emails_sent_to_you"] = RowsAsJson(sql,
                                      "SELECT created_at, recipient, subject, body, status, sent_at"
                                      " FROM outbox WHERE user_id = :id ORDER BY id",
                                      user_id);
    data["answer_versions_written_or_reviewed"] =
        RowsAsJson(sql,
             "SELECT answer_id, number, question, status, author_label, created_at, submitted_at,"
             " reviewed_at, review_comment, CASE WHEN author_user_id = :id THEN 'author' ELSE 'reviewer' END"
             " AS your_part FROM answer_versions WHERE author_user_id = :id OR reviewer_user_id = :id"
             " ORDER BY answer_id, number",
             user_id);
    data["answer_translation_versions_written_or_reviewed"] =
        RowsAsJson(sql,
             "SELECT t.answer_id, t.lang, v.number, v.question, v.status, v.author_label, v.created_at,"
             " v.submitted_at, v.reviewed_at, v.review_comment, CASE WHEN v.author_user_id = :id THEN 'author'"
             " ELSE 'reviewer' END AS your_part FROM answer_translation_versions v"
             " JOIN answer_translations t ON t.id = v.translation_id"
             " WHERE v.author_user_id = :id OR v.reviewer_user_id = :id ORDER BY t.answer_id, t.lang, v.number",
             user_id);
    data["audit_log_about_you"] = RowsAsJson(sql,
                                       "SELECT at, action, detail FROM audit_log"
                                       " WHERE subject = 'user:' || CAST(:id AS TEXT) OR actor_user_id = :id"
                                       " ORDER BY id",
                                       user_id);
    return data;
  });
}

Status UserStore::DeleteAccount(long long user_id, long long now,
                                const std::function<void(soci::session&, long long)>& delete_feature_data) {
  return db_.InTransaction([&](soci::session& sql) -> Status {
    long long exists = 0;
    sql << "SELECT COUNT(*) FROM users WHERE id = :id AND deleted_at IS NULL", soci::use(user_id),
        soci::into(exists);
    if (exists == 0) return Status::NotFound("no such account");
    // Experiences are not here: the experiences feature deletes them through its hook,
    // which also takes them out of the kept aggregates.
    for (const char* table : {"sessions", "account_tokens", "login_failures", "user_roles", "outbox"}) {
      sql << std::string("DELETE FROM ") + table + " WHERE user_id = :id", soci::use(user_id);
    }
    if (delete_feature_data) delete_feature_data(sql, user_id);
    const std::string gone_key = "deleted:" + std::to_string(user_id);
    sql << "UPDATE users SET email = '', email_key = :k, display_name = 'Deleted member', credentials = '',"
           " password_hash = '', status = 'suspended', suspended_reason = '', locked_until = NULL,"
           " deleted_at = :now WHERE id = :id",
        soci::use(gone_key), soci::use(now), soci::use(user_id);
    AppendAudit(sql, user_id, "user.delete", "user:" + std::to_string(user_id), "deleted by its owner");
    return Status::Ok();
  });
}

}  // namespace diseasemaps::accounts
