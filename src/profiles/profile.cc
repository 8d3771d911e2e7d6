// Names and labels of member roles; the verified badge's rule.
#include "profiles/profile.h"

#include <algorithm>
#include <cctype>

#include "platform/text.h"

namespace diseasemaps::profiles {

std::optional<MemberRole> ParseMemberRole(std::string_view name) {
  for (MemberRole role : kAllMemberRoles) {
    if (MemberRoleName(role) == name) return role;
  }
  return std::nullopt;
}

std::string MemberRoleName(MemberRole role) {
  switch (role) {
    case MemberRole::kAffected: return "affected";
    case MemberRole::kFamily: return "family";
    case MemberRole::kAdviser: return "adviser";
    case MemberRole::kResearcher: return "researcher";
    case MemberRole::kProfessional: return "professional";
    case MemberRole::kOrganisation: return "organisation";
  }
  return "affected";
}

std::string MemberRoleLabel(MemberRole role) {
  switch (role) {
    case MemberRole::kAffected: return "Affected";
    case MemberRole::kFamily: return "Family & friends";
    case MemberRole::kAdviser: return "Adviser";
    case MemberRole::kResearcher: return "Researcher";
    case MemberRole::kProfessional: return "Healthcare professional";
    case MemberRole::kOrganisation: return "Organisation";
  }
  return "Affected";
}

std::string MemberRoleWord(MemberRole role) {
  std::string word = MemberRoleLabel(role);
  word[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(word[0])));
  return word;
}

std::string MembersSentence(const std::map<MemberRole, long long>& counts) {
  long long total = 0;
  std::string parts;
  for (MemberRole role : kAllMemberRoles) {
    auto it = counts.find(role);
    if (it == counts.end() || it->second == 0) continue;
    total += it->second;
    if (!parts.empty()) parts += ", ";
    parts += GroupedNumber(it->second) + " " + MemberRoleWord(role);
  }
  if (total == 0) return "";
  return GroupedNumber(total) + (total == 1 ? " member: " : " members: ") + parts;
}

bool IsVerifiable(MemberRole role) {
  return role == MemberRole::kProfessional || role == MemberRole::kOrganisation;
}

Location CountryOnly(const Location& location) {
  if (location.kind == Location::Kind::kNone || location.country_code.empty()) return Location{};
  Location country;
  country.kind = Location::Kind::kCountry;
  country.country_code = location.country_code;
  return country;
}

bool Profile::ShowsVerifiedBadge() const {
  return verified_at.has_value() &&
         std::any_of(memberships.begin(), memberships.end(),
                     [](const Membership& m) { return IsVerifiable(m.role); });
}

}  // namespace diseasemaps::profiles
