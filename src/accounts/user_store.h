// UserStore: the accounts' SQL in one place: users, their roles, sessions, single-use
// e-mail tokens, failed sign-ins, the audit log, and an account's export and deletion
// (user_store.cc and user_store_lifecycle.cc). Every method blocks (worker pool) and returns database failures as a Status.
// E-mail addresses are matched case-insensitively (email_key) and never returned to
// pages; only the digest of a session token is stored.
#pragma once

#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "guard/guard.h"
#include "mail/outbox_store.h"
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
  long long created_at = 0;
  bool email_confirmed = false;
  long long locked_until = 0;  // sign-in refused before this time (0: not locked)
  std::string suspended_reason;
  bool deleted = false;
  std::string language = "en";  // for e-mails (platform/i18n.h codes)
};

struct NewUser {
  std::string email;
  std::string display_name;
  std::string credentials;
  std::string password_hash;
  std::set<guard::Role> roles;
  bool email_confirmed = true;  // false for people who register themselves
  std::string language = "en";
};

enum class TokenPurpose { kConfirmEmail, kResetPassword };

// A single-use link's token, as stored: only its digest.
struct TokenGrant {
  std::string digest;
  long long expires_at = 0;
};

enum class Registration { kCreated, kAddressTaken };

struct AuditEntry {
  long long id = 0;
  long long at = 0;
  std::string actor_name;  // "" for the command line or the system
  std::string action;
  std::string subject;
  std::string detail;
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

// The site roles of that account (none when no such account), read on `sql`.
std::set<guard::Role> RolesIn(soci::session& sql, long long user_id);

// Suspends an account inside the caller's transaction, as UserStore::SetSuspended does
// (status, reason, every session ended, audited): for moderation actions that change
// other things in the same transaction (messages/: a reported message's author).
// NotFound when no such account (or it was deleted).
// REQUIRES: called inside a transaction on `sql`.
Status SuspendIn(soci::session& sql, long long user_id, const std::string& reason, std::optional<long long> actor);

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
  // The member's language. REQUIRES: i18n::IsSupported(language).
  Status SetLanguage(long long user_id, const std::string& language);

  // Sessions. CreateSession stores the token's digest; FindSession ignores expired ones.
  Status CreateSession(long long user_id, const std::string& token_digest,
                       const std::string& csrf_token, long long expires_at);
  Result<SessionRecord> FindSession(const std::string& token_digest, long long now);
  Status DeleteSession(const std::string& token_digest);
  Status DeleteSessionsOf(long long user_id);

  // Registration, in one transaction: a new, unconfirmed member with `confirm` stored
  // and `welcome` queued; or, when the address already has an account, nothing but
  // `owner_notice` queued to its owner (the visitor is told the same either way).
  Result<Registration> Register(const NewUser& user, const TokenGrant& confirm,
                                mail::Mail welcome, mail::Mail owner_notice);
  // Stores a new single-use token (earlier unused ones of that purpose stop working)
  // and queues mail that carries it, in one transaction.
  Status IssueToken(long long user_id, TokenPurpose purpose, const TokenGrant& grant, mail::Mail mail);
  // Uses a confirm_email token: marks the address confirmed. NotFound when the token is
  // unknown, used or expired. Returns the user's id.
  Result<long long> ConfirmEmail(const std::string& token_digest, long long now);
  // True when the reset token is live (for showing the form); does not use it.
  bool ResetTokenIsLive(const std::string& token_digest, long long now);
  // Uses a reset_password token: sets the password, confirms the address (the link
  // reached it), ends every session. NotFound as above.
  Result<long long> ResetPassword(const std::string& token_digest, const std::string& password_hash,
                                  long long now);

  // A failed sign-in for an existing account. When this makes `threshold` failures
  // within `window` seconds, the account is locked for `lock_seconds`, `lock_notice` is
  // queued to its owner and the lock is audited. Returns locked_until (0: not locked).
  Result<long long> RecordLoginFailure(long long user_id, long long now, long long window, int threshold,
                                       long long lock_seconds, mail::Mail lock_notice);
  Status ClearLoginFailures(long long user_id);

  // Suspends (with the admin's reason; ends every session) or reinstates an account.
  Status SetSuspended(long long user_id, bool suspended, const std::string& reason, long long actor);

  Result<std::vector<AuditEntry>> ListAudit(long long offset, int limit);
  Result<long long> CountAudit();
  // Writes one audit entry on its own (for actions with no other write, e.g. an export).
  Status Audit(std::optional<long long> actor, const std::string& action, const std::string& subject,
               const std::string& detail);

  // Everything held about the user, table by table (secrets such as password hashes and
  // token digests left out), as JSON for "Download my data".
  Result<nlohmann::json> ExportData(long long user_id);
  // Deletes the account: sessions, tokens, roles, private data and mail go; the row stays
  // as "Deleted member" with nothing personal, so that what others rely on (reviewed
  // answers) keeps an author. Audited.
  // delete_feature_data(sql, user_id) runs in the same transaction, for other features'
  // rows about the member (profile, memberships).
  Status DeleteAccount(long long user_id, long long now,
                       const std::function<void(soci::session&, long long)>& delete_feature_data = {});

 private:
  Database& db_;
};

}  // namespace diseasemaps::accounts
