#include "accounts/user_store.h"

#include <algorithm>
#include <chrono>

#include "accounts/user_store_internal.h"
#include "platform/db/like_pattern.h"
#include "platform/db/prepared.h"
#include "platform/db/row_text.h"

namespace diseasemaps::accounts {

namespace {

// Every signed-in request reads its member, roles and session: kept prepared.
struct RolesQuery : PreparedQuery {
  long long user = 0;
  std::string role;
  soci::statement statement;
  explicit RolesQuery(soci::session& sql)
      : statement((sql.prepare << "SELECT role FROM user_roles WHERE user_id = :id", soci::use(user, "id"),
                   soci::into(role))) {}
};

constexpr const char* kUserColumns =
    "SELECT id, email, display_name, credentials, password_hash, status, created_at,"
    " email_confirmed_at, locked_until, suspended_reason, deleted_at, language FROM users";

struct UserByIdQuery : PreparedQuery {
  long long id = 0;
  soci::row row;
  soci::statement statement;
  explicit UserByIdQuery(soci::session& sql)
      : statement((sql.prepare << std::string(kUserColumns) + " WHERE id = :id", soci::use(id, "id"),
                   soci::into(row))) {}
};

struct SessionQuery : PreparedQuery {
  std::string digest;
  long long now = 0;
  SessionRecord record;
  soci::statement statement;
  explicit SessionQuery(soci::session& sql)
      : statement((sql.prepare << "SELECT user_id, csrf_token, expires_at FROM sessions WHERE token_digest = :d"
                                  " AND expires_at > :now",
                   soci::use(digest, "d"), soci::use(now, "now"), soci::into(record.user_id),
                   soci::into(record.csrf_token), soci::into(record.expires_at))) {}
};

}  // namespace

std::set<guard::Role> RolesIn(soci::session& sql, long long user_id) {
  std::set<guard::Role> roles;
  auto query = Prepared<RolesQuery>(sql);
  query->user = user_id;
  for (bool more = query.Execute(); more; more = query.Fetch()) {
    if (auto role = guard::ParseRole(query->role)) roles.insert(*role);
  }
  return roles;
}

namespace detail {

long long Now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace detail

void AppendAudit(soci::session& sql, std::optional<long long> actor, const std::string& action,
                 const std::string& subject, const std::string& detail) {
  const long long at = detail::Now();
  soci::indicator actor_ind = actor ? soci::i_ok : soci::i_null;
  long long actor_id = actor.value_or(0);
  sql << "INSERT INTO audit_log (at, actor_user_id, action, subject, detail)"
         " VALUES (:at, :actor, :action, :subject, :detail)",
      soci::use(at), soci::use(actor_id, actor_ind), soci::use(action), soci::use(subject),
      soci::use(detail);
}

namespace {

using detail::Now;

void InsertRoles(soci::session& sql, long long user_id, const std::set<guard::Role>& roles) {
  const long long at = Now();
  for (guard::Role role : roles) {
    const std::string name = guard::RoleName(role);
    sql << "INSERT INTO user_roles (user_id, role, granted_at) VALUES (:u, :r, :t)",
        soci::use(user_id), soci::use(name), soci::use(at);
  }
}

std::string RolesText(const std::set<guard::Role>& roles) {
  std::string text;
  for (guard::Role role : roles) {
    if (!text.empty()) text += ',';
    text += guard::RoleName(role);
  }
  return text;
}

// The user of a row of kUserColumns, with their roles.
User ReadUser(soci::session& sql, const soci::row& row) {
  User user;
  user.id = RowInteger(row, 0);
  user.email = RowText(row, 1);
  user.display_name = RowText(row, 2);
  user.credentials = RowText(row, 3);
  user.password_hash = RowText(row, 4);
  user.status = RowText(row, 5);
  user.created_at = RowInteger(row, 6);
  user.email_confirmed = row.get_indicator(7) != soci::i_null;
  user.locked_until = RowInteger(row, 8);
  user.suspended_reason = RowText(row, 9);
  user.deleted = row.get_indicator(10) != soci::i_null;
  user.language = RowText(row, 11);
  user.roles = RolesIn(sql, user.id);
  return user;
}

Result<User> FindWhere(Database& db, const std::string& where, const std::string& key) {
  return db.Run([&](soci::session& sql) -> Result<User> {
    soci::row row;
    sql << std::string(kUserColumns) + " WHERE " + where, soci::use(key, "key"), soci::into(row);
    if (!sql.got_data()) return Status::NotFound("no such user");
    return ReadUser(sql, row);
  });
}

}  // namespace

std::string EmailKey(const std::string& email) {
  std::string key;
  for (char c : email) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
    key.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return key;
}

namespace {

bool AddressTaken(soci::session& sql, const std::string& email) {
  const std::string key = EmailKey(email);
  long long existing = 0;
  sql << "SELECT COUNT(*) FROM users WHERE email_key = :k", soci::use(key), soci::into(existing);
  return existing > 0;
}

long long InsertUser(soci::session& sql, const NewUser& user, std::optional<long long> actor) {
  const std::string key = EmailKey(user.email);
  const long long now = Now();
  sql << "INSERT INTO users (email, email_key, display_name, credentials, password_hash, status,"
         " created_at, language) VALUES (:e, :k, :n, :c, :p, 'active', :t, :l)",
      soci::use(user.email), soci::use(key), soci::use(user.display_name),
      soci::use(user.credentials), soci::use(user.password_hash), soci::use(now), soci::use(user.language);
  long long id = 0;
  sql << "SELECT id FROM users WHERE email_key = :k", soci::use(key), soci::into(id);
  if (user.email_confirmed) {
    sql << "UPDATE users SET email_confirmed_at = :t WHERE id = :id", soci::use(now), soci::use(id);
  }
  InsertRoles(sql, id, user.roles);
  AppendAudit(sql, actor, "user.create", "user:" + std::to_string(id), "roles=" + RolesText(user.roles));
  return id;
}

}  // namespace

Result<long long> UserStore::Create(const NewUser& user, std::optional<long long> actor) {
  return db_.InTransaction([&](soci::session& sql) -> Result<long long> {
    if (AddressTaken(sql, user.email)) {
      return Status::Conflict("an account with this e-mail address already exists");
    }
    return InsertUser(sql, user, actor);
  });
}

Result<Registration> UserStore::Register(const NewUser& user, const TokenGrant& confirm,
                                         mail::Mail welcome, mail::Mail owner_notice) {
  return db_.InTransaction([&](soci::session& sql) -> Result<Registration> {
    const long long now = Now();
    if (AddressTaken(sql, user.email)) {
      long long owner = 0;
      const std::string key = EmailKey(user.email);
      sql << "SELECT id FROM users WHERE email_key = :k", soci::use(key), soci::into(owner);
      owner_notice.user_id = owner;
      mail::EnqueueIn(sql, owner_notice, now);
      return Registration::kAddressTaken;
    }
    const long long id = InsertUser(sql, user, std::nullopt);
    detail::InsertToken(sql, id, TokenPurpose::kConfirmEmail, confirm, now);
    welcome.user_id = id;
    mail::EnqueueIn(sql, welcome, now);
    return Registration::kCreated;
  });
}

Result<User> UserStore::FindByEmail(const std::string& email) {
  return FindWhere(db_, "email_key = :key", EmailKey(email));
}

Result<User> UserStore::FindById(long long id) {
  return db_.Run([&](soci::session& sql) -> Result<User> {
    auto query = Prepared<UserByIdQuery>(sql);
    query->id = id;
    if (!query.Execute()) return Status::NotFound("no such user");
    return ReadUser(sql, query->row);
  });
}


Result<std::vector<User>> UserStore::List(const std::string& name_part, long long offset, int limit) {
  auto ids = db_.Run([&](soci::session& sql) {
    std::vector<long long> found;
    const std::string pattern = ContainsPattern(name_part);
    long long id = 0;
    soci::statement statement =
        (sql.prepare << "SELECT id FROM users WHERE LOWER(display_name) LIKE :p ESCAPE '\\'"
                        " ORDER BY LOWER(display_name), id LIMIT :limit OFFSET :offset",
         soci::into(id), soci::use(pattern, "p"), soci::use(limit, "limit"), soci::use(offset, "offset"));
    statement.execute();
    while (statement.fetch()) found.push_back(id);
    return found;
  });
  if (!ids.ok()) return ids.status();
  std::vector<User> users;
  for (long long id : *ids) {
    auto user = FindById(id);
    if (!user.ok()) return user.status();
    user->password_hash.clear();  // never leaves the store for a listing
    users.push_back(std::move(*user));
  }
  return users;
}

Result<long long> UserStore::Count(const std::string& name_part) {
  return db_.Run([&](soci::session& sql) {
    const std::string pattern = ContainsPattern(name_part);
    long long count = 0;
    sql << "SELECT COUNT(*) FROM users WHERE LOWER(display_name) LIKE :p ESCAPE '\\'",
        soci::use(pattern, "p"), soci::into(count);
    return count;
  });
}

Status UserStore::SetRoles(long long user_id, const std::set<guard::Role>& roles,
                           std::optional<long long> actor) {
  return db_.InTransaction([&](soci::session& sql) -> Status {
    long long exists = 0;
    sql << "SELECT COUNT(*) FROM users WHERE id = :id", soci::use(user_id), soci::into(exists);
    if (exists == 0) return Status::NotFound("no such user");
    sql << "DELETE FROM user_roles WHERE user_id = :id", soci::use(user_id);
    InsertRoles(sql, user_id, roles);
    AppendAudit(sql, actor, "user.roles", "user:" + std::to_string(user_id), "roles=" + RolesText(roles));
    return Status::Ok();
  });
}

Status UserStore::SetPassword(long long user_id, const std::string& password_hash,
                              std::optional<long long> actor) {
  return db_.InTransaction([&](soci::session& sql) -> Status {
    sql << "UPDATE users SET password_hash = :p WHERE id = :id", soci::use(password_hash),
        soci::use(user_id);
    sql << "DELETE FROM sessions WHERE user_id = :id", soci::use(user_id);  // sign out everywhere
    AppendAudit(sql, actor, "user.password", "user:" + std::to_string(user_id), "");
    return Status::Ok();
  });
}

Status UserStore::SetLanguage(long long user_id, const std::string& language) {
  return db_.InTransaction([&](soci::session& sql) -> Status {
    sql << "UPDATE users SET language = :l WHERE id = :id", soci::use(language), soci::use(user_id);
    return Status::Ok();
  });
}

Status UserStore::CreateSession(long long user_id, const std::string& token_digest,
                                const std::string& csrf_token, long long expires_at) {
  return db_.InTransaction([&](soci::session& sql) -> Status {
    const long long now = Now();
    sql << "DELETE FROM sessions WHERE user_id = :u AND expires_at < :now", soci::use(user_id),
        soci::use(now);
    sql << "INSERT INTO sessions (token_digest, user_id, csrf_token, created_at, expires_at)"
           " VALUES (:d, :u, :c, :t, :e)",
        soci::use(token_digest), soci::use(user_id), soci::use(csrf_token), soci::use(now),
        soci::use(expires_at);
    return Status::Ok();
  });
}

Result<SessionRecord> UserStore::FindSession(const std::string& token_digest, long long now) {
  return db_.Run([&](soci::session& sql) -> Result<SessionRecord> {
    auto query = Prepared<SessionQuery>(sql);
    query->digest = token_digest;
    query->now = now;
    if (!query.Execute()) return Status::NotFound("no such session");
    return query->record;
  });
}

Status UserStore::DeleteSession(const std::string& token_digest) {
  return db_.InTransaction([&](soci::session& sql) -> Status {
    sql << "DELETE FROM sessions WHERE token_digest = :d", soci::use(token_digest);
    return Status::Ok();
  });
}

Status UserStore::DeleteSessionsOf(long long user_id) {
  return db_.InTransaction([&](soci::session& sql) -> Status {
    sql << "DELETE FROM sessions WHERE user_id = :u", soci::use(user_id);
    return Status::Ok();
  });
}

}  // namespace diseasemaps::accounts
