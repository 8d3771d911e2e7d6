// The profiles feature's view models: the JSON the templates render, built from checked
// values, pure (no HTTP, no database) and unit-testable. Every member-supplied text goes
// to templates as data and is escaped there; nothing here builds markup.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "guard/guard.h"
#include "platform/gazetteer.h"
#include "profiles/profile.h"
#include "profiles/profile_rules.h"
#include "profiles/profile_store.h"

namespace diseasemaps::profiles {

// "Paris, Île-de-France, France", "France", or "" for no location.
std::string LocationLabel(const Location& location, const Gazetteer& gazetteer);

// The edit form: every field with its value and its message, the country list, the
// visibility choices and, after an ambiguous city, the places to choose from.
nlohmann::json ProfileFormView(const ProfileForm& form, const std::map<std::string, std::string>& errors,
                               const std::vector<CityChoice>& city_choices, const Gazetteer& gazetteer);

// A member's page as `viewer` sees it (the caller has asked guard::CanSeeProfile).
nlohmann::json ProfilePageView(const Profile& profile, const guard::Viewer& viewer, const Gazetteer& gazetteer);

// What the condition page's community box needs.
struct CommunityBoxInput {
  std::string condition_name;
  std::string condition_slug;
  Community community;
  std::optional<MemberRole> my_role;  // the viewer's, when a member
  std::string error;                  // a message beside the role field
  std::string chosen_role;            // the role the viewer had picked, kept on error
};
nlohmann::json CommunityBoxView(const CommunityBoxInput& input, const guard::Viewer& viewer,
                                const Gazetteer& gazetteer);

}  // namespace diseasemaps::profiles
