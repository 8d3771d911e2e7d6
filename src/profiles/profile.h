// The profiles feature's model: what a member shows others (display name, bio,
// languages, a coarse location), who may see it (guard::Visibility), whether others may
// contact them, and the condition communities they belong to, each in one role.
// Plain values; the rules are in profile_rules.h, the SQL in profile_store.h.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "guard/guard.h"

namespace diseasemaps::profiles {

// A member's role in one condition's community.
enum class MemberRole { kAffected, kFamily, kAdviser, kResearcher, kProfessional, kOrganisation };
inline constexpr MemberRole kAllMemberRoles[] = {MemberRole::kAffected,     MemberRole::kFamily,
                                                 MemberRole::kAdviser,      MemberRole::kResearcher,
                                                 MemberRole::kProfessional, MemberRole::kOrganisation};

std::optional<MemberRole> ParseMemberRole(std::string_view name);  // "affected", "family", …
std::string MemberRoleName(MemberRole role);                      // as stored
std::string MemberRoleLabel(MemberRole role);                     // "Family & friends"
std::string MemberRoleWord(MemberRole role);                      // "family & friends", in a sentence
// "41 members: 36 affected, 2 family & friends, 1 adviser"; "" when there is nobody.
// Roles with 0 are left out. The condition page and the map both say it this way.
std::string MembersSentence(const std::map<MemberRole, long long>& counts);
// Healthcare professionals and organisations can be verified by an admin.
bool IsVerifiable(MemberRole role);

// Where a member says they are: nothing, a country, or a gazetteer city. The
// coordinates are the city's or the country's own, never the person's.
struct Location {
  enum class Kind { kNone, kCountry, kCity };
  Kind kind = Kind::kNone;
  long long city_id = 0;
  std::string city_name;
  std::string admin_area;
  std::string country_code;
  double latitude = 0;
  double longitude = 0;
};

// The same place named no closer than its country (its country's code only).
Location CountryOnly(const Location& location);

struct Membership {
  int orphacode = 0;
  std::string condition_name;
  std::string condition_slug;
  MemberRole role = MemberRole::kAffected;
  long long joined_at = 0;
};

struct Profile {
  long long user_id = 0;
  std::string display_name;
  std::string bio;
  std::string languages;  // "English, Français"
  Location location;
  guard::Visibility visibility = guard::Visibility::kMembers;
  bool accepts_contact = false;
  std::optional<long long> verified_at;
  bool suspended = false;  // suspended or deleted: the account is not active
  bool synthetic = false;  // a demo member (map/demo_data.h): the page says so; never contactable
  std::vector<Membership> memberships;  // by condition name

  // True when an admin verified them and they still hold a verifiable role.
  bool ShowsVerifiedBadge() const;
  // What the guard asks about the owner (CanSeeProfile, CanContact).
  guard::MemberFacts Facts() const { return {user_id, visibility, accepts_contact, !suspended, synthetic}; }
};

// What a member may change about themselves, already checked (profile_rules.h).
struct ProfileChange {
  std::string display_name;
  std::string bio;
  std::string languages;
  Location location;
  guard::Visibility visibility = guard::Visibility::kMembers;
  bool accepts_contact = false;
};

}  // namespace diseasemaps::profiles
