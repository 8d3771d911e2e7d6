// DigestStore: all the SQL of digests (migration 0025), written once for SQLite and
// PostgreSQL: a member's digest frequency (with one-click unsubscribe and "subscribe
// again"), their last visit, the members due a digest, and the sending of one digest.
//
// What it guarantees: SendDigest claims the member's digest with one conditional UPDATE
// (or the INSERT of their first row) and enqueues the e-mail in the same transaction, so
// a digest is sent once even when several server nodes run the job at the same moment;
// the loser of the claim sends nothing. A digest lists only topics created in its period
// in forums the member watches or tracks (never muted, never a topic they muted), that
// they may read now (guard::CanReadForum on their account), whose first post is neither
// deleted nor hidden, not their own and not by a member they blocked; nothing is sent
// when there is none, or when they visited the site since the last digest.
// Thread-safe: every method leases its own connection (blocking: run on the worker pool).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <soci/soci.h>

#include "notifications/digest_rules.h"
#include "platform/db/database.h"
#include "platform/status.h"

namespace diseasemaps::notifications {

// A digest lists at most this many new topics, and says how many more; it reads at most
// kDigestTopicsRead of them to count.
inline constexpr int kDigestTopicsListed = 20;
inline constexpr int kDigestTopicsRead = 500;

// A member due a digest, as DueMembers found them.
struct DigestCandidate {
  long long user_id = 0;
  std::string email;
  std::string language;
  bool has_row = false;  // member_digests holds their row (else: defaults, from their account's creation)
  DigestState state;
};

class DigestStore {
 public:
  explicit DigestStore(Database& db) : db_(db) {}

  // The member's choice (the default when they never chose).
  Result<DigestFrequency> Frequency(long long user_id);
  // Sets it; forgets what "subscribe again" would restore.
  Status SetFrequency(long long user_id, DigestFrequency frequency, long long now);
  // One-click unsubscribe: "never", remembering the choice before for Resubscribe.
  Status Unsubscribe(long long user_id, long long now);
  // Back to the choice before the unsubscribe (weekly when there was none); returns it.
  Result<DigestFrequency> Resubscribe(long long user_id, long long now);

  // Notes that the member opened a page at `now` (visit_recorder.h throttles the calls).
  Status RecordVisit(long long user_id, long long now);

  // Up to `limit` active members with a forum they watch or track whose digest is due
  // at `now` (digest_rules.h DigestDue), by account number from `after_id` on.
  Result<std::vector<DigestCandidate>> DueMembers(long long now, long long after_id, int limit);
  // One pass for one member (see the header comment): true when an e-mail was enqueued.
  Result<bool> SendDigest(const DigestCandidate& member, long long now, const std::string& public_url);

  // Data rights: the member's digest choice and last visit; inside the account deletion's
  // transaction, they go.
  static nlohmann::json ExportIn(soci::session& sql, long long user_id);
  static void DeleteMemberData(soci::session& sql, long long user_id);

 private:
  Database& db_;
};

}  // namespace diseasemaps::notifications
