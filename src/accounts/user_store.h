// UserStore: the accounts' SQL in one place: users, their roles, sessions and the audit
// log. Every method blocks (worker pool) and returns database failures as a Status.
// E-mail addresses are matched case-insensitively (email_key) and never returned to
// pages; only the digest of a session token is stored.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "guard/guard.h"
#include "platform/db/database.h"
#include "platform/status.h"

namespace diseasemaps::accounts {

struct User {
  long long id = 0;
  std::string email;
  std::string display_name;
  std::string credentials;
  std::string password_hash;
  std::string status;  // "active" or "suspended"
  std::set<guard::Role> roles;
};

struct NewUser {
  std::string email;
  std::string display_name;
  std::string credentials;
  std::string password_hash;
  std::set<guard::Role> roles;
};

struct SessionRecord {
  long long user_id = 0;
  std::string csrf_token;
  long long expires_at = 0;
};

// "  Alice@Example.ORG " -> "alice@example.org".
std::string EmailKey(const std::string& email);

// Appends one entry to the audit log inside the caller's transaction; other features'
// stores use it for their account-related actions (profiles: verification).
// REQUIRES: called inside a transaction on `sql`.
void AppendAudit(soci::session& sql, std::optional<long long> actor, const std::string& action,
                 const std::string& subject, const std::string& detail);

class UserStore {
 public:
  explicit UserStore(Database& db) : db_(db) {}

  // Conflict when the e-mail address already has an account.
  Result<long long> Create(const NewUser& user, std::optional<long long> actor);
  Result<User> FindByEmail(const std::string& email);
  Result<User> FindById(long long id);
  // Users ordered by display name, `limit` from `offset`, whose display name contains
  // `name_part` (any case; "" for all), with their roles; and how many match.
  Result<std::vector<User>> List(const std::string& name_part, long long offset, int limit);
  Result<long long> Count(const std::string& name_part);

  Status SetRoles(long long user_id, const std::set<guard::Role>& roles, std::optional<long long> actor);
  Status SetPassword(long long user_id, const std::string& password_hash, std::optional<long long> actor);

  // Sessions. CreateSession stores the token's digest; FindSession ignores expired ones.
  Status CreateSession(long long user_id, const std::string& token_digest,
                       const std::string& csrf_token, long long expires_at);
  Result<SessionRecord> FindSession(const std::string& token_digest, long long now);
  Status DeleteSession(const std::string& token_digest);
  Status DeleteSessionsOf(long long user_id);

 private:
  Database& db_;
};

}  // namespace diseasemaps::accounts
