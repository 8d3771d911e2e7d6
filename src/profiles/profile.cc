// Names and labels of member roles; the verified badge's rule.
#include "profiles/profile.h"

#include <algorithm>
#include <cctype>

#include "platform/i18n.h"
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
  // TRANSLATORS: member roles; docs/GLOSSARY.md gives the words to use.
  switch (role) {
    case MemberRole::kAffected: return i18n::Tr("Affected");
    case MemberRole::kFamily: return i18n::Tr("Family & friends");
    case MemberRole::kAdviser: return i18n::Tr("Adviser");
    case MemberRole::kResearcher: return i18n::Tr("Researcher");
    case MemberRole::kProfessional: return i18n::Tr("Healthcare professional");
    case MemberRole::kOrganisation: return i18n::Tr("Organisation");
  }
  return i18n::Tr("Affected");
}

std::string MemberRoleWord(MemberRole role) {
  std::string word = MemberRoleLabel(role);
  word[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(word[0])));
  return word;
}

namespace {

// "36 affected", "2 family & friends": each role counted in words of its own, so each
// language can agree the role with the number.
std::string RoleCount(MemberRole role, long long n) {
  switch (role) {
    case MemberRole::kAffected: return i18n::Plural("{count} affected", "{count} affected", n);
    case MemberRole::kFamily: return i18n::Plural("{count} family & friends", "{count} family & friends", n);
    case MemberRole::kAdviser: return i18n::Plural("{count} adviser", "{count} advisers", n);
    case MemberRole::kResearcher: return i18n::Plural("{count} researcher", "{count} researchers", n);
    case MemberRole::kProfessional:
      return i18n::Plural("{count} healthcare professional", "{count} healthcare professionals", n);
    case MemberRole::kOrganisation: return i18n::Plural("{count} organisation", "{count} organisations", n);
  }
  return "";
}

}  // namespace

std::string MembersSentence(const std::map<MemberRole, long long>& counts) {
  long long total = 0;
  std::string parts;
  for (MemberRole role : kAllMemberRoles) {
    auto it = counts.find(role);
    if (it == counts.end() || it->second == 0) continue;
    total += it->second;
    if (!parts.empty()) parts += ", ";
    parts += RoleCount(role, it->second);
  }
  if (total == 0) return "";
  return i18n::Plural("{count} member: {roles}", "{count} members: {roles}", total, {{"roles", parts}});
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
