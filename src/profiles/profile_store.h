// ProfileStore: all of the profiles feature's SQL: profiles, memberships of condition
// communities, verification, and what "download my data" and "delete my account"
// need. Every method blocks (worker pool) and returns database failures as a Status;
// each write is one transaction that also moves the content generation, so cached
// anonymous pages (condition pages' community boxes) show it.
//
// The store trusts its inputs to be checked (profile_rules.h) and the caller to have
// asked the guard; the database's CHECKs refuse anything that slips through.
#pragma once

#include <map>
#include <optional>
#include <vector>

#include <nlohmann/json.hpp>

#include "guard/guard.h"
#include "platform/db/database.h"
#include "platform/status.h"
#include "profiles/profile.h"

namespace diseasemaps::profiles {

// A member as a community's list shows them (only listable members are returned).
struct CommunityMember {
  long long user_id = 0;
  std::string display_name;
  MemberRole role = MemberRole::kAffected;
  Location location;
};

struct Community {
  std::map<MemberRole, long long> counts;  // every active member, hidden ones included
  long long total = 0;
  std::vector<CommunityMember> listed;     // newest first, at most the limit asked for
  // Listable healthcare professionals and organisations of this community whom an admin
  // verified, by name (at most the limit asked for).
  std::vector<CommunityMember> verified;
};

struct Verification {
  bool verifiable = false;  // holds a healthcare professional or organisation membership
  bool verified = false;
};

class ProfileStore {
 public:
  explicit ProfileStore(Database& db) : db_(db) {}

  // The member's profile with their memberships; the defaults when they never saved
  // one. NotFound when there is no such account.
  Result<Profile> Find(long long user_id);
  // Saves the member's own changes (display name included). NotFound when no account.
  Status Save(long long user_id, const ProfileChange& change);

  // Joins the community of the condition with that ORPHAcode in `role`, or changes the
  // role when already a member. NotFound when no active condition has that code.
  Status Join(long long user_id, int orphacode, MemberRole role);
  // Leaves it. NotFound when the member did not belong to it.
  Status Leave(long long user_id, int orphacode);
  // The member's role in that community, or nullopt.
  Result<std::optional<MemberRole>> RoleIn(long long user_id, int orphacode);

  // Counts by role, and up to `limit` members whose visibility is in `listable` (asked
  // of guard::CanListMember by the caller). Suspended accounts are left out of both.
  Result<Community> CommunityOf(int orphacode, const std::vector<guard::Visibility>& listable, int limit);

  Result<Verification> VerificationOf(long long user_id);
  // Marks the member verified (or not) by admin_id, with an audit entry. NotFound when
  // no account; FailedPrecondition when verifying someone who holds no verifiable role.
  Status SetVerified(long long user_id, bool verified, long long admin_id);

  // For "download my data": the profile and memberships as JSON (never another
  // member's data: the verifying admin is not named).
  Result<nlohmann::json> Export(long long user_id);
  // For "delete my account": removes the profile and every membership, in the caller's
  // transaction. REQUIRES: called inside a transaction on `sql`.
  static void DeleteMemberData(soci::session& sql, long long user_id);

 private:
  Database& db_;
};

}  // namespace diseasemaps::profiles
