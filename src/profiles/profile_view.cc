#include "profiles/profile_view.h"

#include "pages/moment.h"
#include "platform/templates.h"
#include "platform/text.h"
#include "platform/i18n.h"

namespace diseasemaps::profiles {
namespace {

using nlohmann::json;

json Field(const std::map<std::string, std::string>& errors, const std::string& name, const std::string& value) {
  json field = {{"value", value}, {"id", "profile-" + name}};
  if (auto it = errors.find(name); it != errors.end()) {
    field["error"] = it->second;
    field["error_id"] = "profile-" + name + "-error";
  }
  return field;
}

json RoleOptions(const std::string& selected) {
  json options = json::array();
  for (MemberRole role : kAllMemberRoles) {
    options.push_back({{"value", MemberRoleName(role)},
                       {"label", MemberRoleLabel(role)},
                       {"selected", MemberRoleName(role) == selected}});
  }
  return options;
}

}  // namespace

std::string LocationLabel(const Location& location, const Gazetteer& gazetteer) {
  switch (location.kind) {
    case Location::Kind::kNone: return "";
    case Location::Kind::kCountry: return gazetteer.CountryName(location.country_code);
    case Location::Kind::kCity: {
      City city;
      city.name = location.city_name;
      city.admin_area = location.admin_area;
      city.country_code = location.country_code;
      return gazetteer.Label(city);
    }
  }
  return "";
}

json ProfileFormView(const ProfileForm& form, const std::map<std::string, std::string>& errors,
                     const std::vector<CityChoice>& city_choices, const Gazetteer& gazetteer) {
  json countries = json::array();
  for (const Country& c : gazetteer.countries()) {
    countries.push_back({{"code", c.code}, {"name", c.name}, {"selected", c.code == form.country}});
  }
  json visibility = json::array();
  const std::pair<const char*, const char*> choices[] = {
      {"public", i18n::N_("Everyone, including visitors who are not signed in")},
      {"members", i18n::N_("Signed-in members only")},
      {"hidden", i18n::N_("Nobody: keep me out of lists and the map")}};
  for (const auto& [value, label] : choices) {
    visibility.push_back({{"value", value}, {"label", i18n::Tr(label)}, {"checked", form.visibility == value}});
  }
  json choice_list = json::array();
  for (const CityChoice& c : city_choices) {
    choice_list.push_back({{"id", c.id}, {"label", c.label}, {"field_id", "city-choice-" + std::to_string(c.id)}});
  }
  json summary = json::array();
  for (const char* name : {"display_name", "bio", "languages", "city", "country", "visibility"}) {
    if (auto it = errors.find(name); it != errors.end()) {
      summary.push_back({{"href", std::string("#profile-") + name}, {"message", it->second}});
    }
  }
  return {{"error_summary", summary},
          {"display_name", Field(errors, "display_name", form.display_name)},
          {"bio", Field(errors, "bio", form.bio)},
          {"languages", Field(errors, "languages", form.languages)},
          {"city", Field(errors, "city", form.city)},
          {"city_id", form.city_id},
          {"country", Field(errors, "country", form.country)},
          {"countries", countries},
          {"visibility", Field(errors, "visibility", form.visibility)},
          {"visibility_choices", visibility},
          {"accepts_contact", form.accepts_contact},
          {"city_choices", choice_list},
          {"has_city_choices", !city_choices.empty()},
          {"has_errors", !errors.empty()},
          {"limits", {{"display_name", kMaxDisplayName}, {"bio", kMaxBio}, {"languages", kMaxLanguagesText}}}};
}

json ProfilePageView(const Profile& profile, const guard::Viewer& viewer, const Gazetteer& gazetteer) {
  json memberships = json::array();
  std::string verified_as;
  for (const Membership& m : profile.memberships) {
    memberships.push_back({{"condition", m.condition_name},
                           {"href", "/conditions/" + m.condition_slug},
                           {"role", MemberRoleLabel(m.role)},
                           {"since_time", pages::DayView(m.joined_at)}});
    if (IsVerifiable(m.role) && verified_as.empty()) verified_as = MemberRoleLabel(m.role);
  }
  const bool own = viewer.user_id == profile.user_id;
  json view = {{"user_id", profile.user_id},
               {"display_name", profile.display_name},
               {"bio", TextOrNull(profile.bio)},
               {"languages", TextOrNull(profile.languages)},
               {"location", TextOrNull(LocationLabel(profile.location, gazetteer))},
               {"memberships", memberships},
               {"has_memberships", !profile.memberships.empty()},
               {"verified", profile.ShowsVerifiedBadge()},
               {"verified_as", verified_as},
               {"own", own},
               {"visibility_note", !own ? ""
                                   : profile.visibility == guard::Visibility::kPublic
                                       ? i18n::Tr("Who can see this page: everyone")
                                   : profile.visibility == guard::Visibility::kMembers
                                       ? i18n::Tr("Who can see this page: signed-in members")
                                       : i18n::Tr("Who can see this page: only you (and the site's administrators)")},
               {"synthetic", profile.synthetic},
               {"can_contact", guard::CanContact(viewer, profile.Facts())},
               {"accepts_contact", profile.accepts_contact && !guard::NeverContactable(profile.Facts())}};
  return view;
}

json CommunityBoxView(const CommunityBoxInput& input, const guard::Viewer& viewer, const Gazetteer& gazetteer) {
  json roles = json::array();
  for (MemberRole role : kAllMemberRoles) {
    auto it = input.community.counts.find(role);
    if (it == input.community.counts.end() || it->second == 0) continue;
    roles.push_back({{"label", MemberRoleLabel(role)}, {"count", it->second}});
  }
  const long long total = input.community.total;
  auto members = [&](const std::vector<CommunityMember>& list) {
    json out = json::array();
    for (const CommunityMember& m : list) {
      out.push_back({{"display_name", m.display_name},
                     {"href", "/members/" + std::to_string(m.user_id)},
                     {"role", MemberRoleLabel(m.role)},
                     {"location", TextOrNull(LocationLabel(m.location, gazetteer))}});
    }
    return out;
  };
  const json listed = members(input.community.listed);
  const json verified = members(input.community.verified);
  const std::string selected =
      !input.chosen_role.empty() ? input.chosen_role : input.my_role ? MemberRoleName(*input.my_role) : "";
  json box = {{"total", total},
              {"has_members", total > 0},
              {"summary", MembersSentence(input.community.counts)},
              {"roles", roles},
              {"listed", listed},
              {"has_listed", !listed.empty()},
              {"verified", verified},
              {"has_verified", !verified.empty()},
              {"signed_in", viewer.signed_in()},
              {"can_join", guard::Can(viewer, guard::Action::kJoinCommunities)},
              {"sign_in_href", "/login?next=%2Fconditions%2F" + input.condition_slug + "%23community-title"},
              {"action", "/conditions/" + input.condition_slug + "/membership"},
              {"is_member", input.my_role.has_value()},
              {"my_role", input.my_role ? MemberRoleLabel(*input.my_role) : ""},
              {"role_options", RoleOptions(selected)}};
  if (!input.error.empty()) box["error"] = input.error;
  return box;
}

}  // namespace diseasemaps::profiles
