// MapStore: all of the community map's SQL. It reads what the map service keeps in
// memory (every active member who belongs to at least one community: visibility,
// coarse location, memberships) and what a members list shows of a page of members.
// Every method blocks (call it off the I/O threads) and returns database failures as
// a Status; nothing here writes.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "guard/guard.h"
#include "map/cluster_index.h"
#include "platform/db/database.h"
#include "platform/status.h"

namespace diseasemaps::map {

// One member as the map needs them. Only active accounts with at least one
// membership are ever returned: anyone else is off the map and out of the totals.
struct MemberRow {
  long long user_id = 0;
  guard::Visibility visibility = guard::Visibility::kMembers;
  enum class PlaceKind { kNone, kCountry, kCity } place_kind = PlaceKind::kNone;
  long long city_id = 0;
  std::string city_name;
  std::string admin_name;
  std::string country_code;
  double latitude = 0;
  double longitude = 0;
  // (orphacode, role), earliest joined first (ties by orphacode); never empty.
  std::vector<std::pair<int, Role>> memberships;

  bool operator==(const MemberRow&) const = default;
};

// What a members list shows of one member, besides what the service knows.
struct MemberCard {
  long long user_id = 0;
  std::string display_name;
  bool accepts_contact = false;
  bool verified = false;  // an admin verified them
  bool synthetic = false;  // a demo member (demo_data.h): shown as such, never contactable
  std::vector<std::string> conditions;  // the communities they joined, by name (as their profile shows)
};

// A synthetic member for `diseasemaps demo-data` (demo_data.h).
struct SyntheticMember {
  std::string email;         // unique, under .invalid
  std::string display_name;  // pseudonymous
  MemberRow row;             // user_id unused; memberships in the order joined
  std::vector<long long> joined_at;  // one per membership
  bool accepts_contact = false;
};

// "affected" … "organisation" (memberships.role) to Role and back: the profile's names.
std::optional<Role> ParseRoleName(std::string_view name);
std::string RoleName(Role role);

class MapStore {
 public:
  explicit MapStore(Database& db) : db_(db) {}

  // Every active member with a membership, by user id.
  Result<std::vector<MemberRow>> LoadAll();
  // That member, or nullopt when they are not on the map at all (no such account,
  // suspended, deleted, or in no community).
  Result<std::optional<MemberRow>> LoadOne(long long user_id);
  // The cards of those members, in the same order; a vanished account is left out.
  Result<std::vector<MemberCard>> Cards(const std::vector<long long>& user_ids);

  // Demo data (demo_data.h): how many synthetic members exist.
  Result<long long> CountSynthetic();
  // The ORPHAcodes of the active conditions, ascending.
  Result<std::vector<int>> ActiveOrphacodes();
  // Inserts the batch in one transaction with prepared statements, marking each account
  // synthetic (with the seed); moves the content generation. Nothing is kept on failure.
  Status InsertSynthetic(const std::vector<SyntheticMember>& batch, long long seed);
  // Deletes every synthetic account with its profile and memberships, and nothing else,
  // in one transaction; returns how many.
  Result<long long> RemoveSynthetic();

 private:
  Database& db_;
};

}  // namespace diseasemaps::map
