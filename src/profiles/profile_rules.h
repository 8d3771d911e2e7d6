// The profile form's rules, as pure functions (unit-tested without HTTP or a database):
// what a member typed becomes a checked ProfileChange, or a message per field that
// says what to do. Nothing here writes; a form with any error changes nothing.
//
// Limits are counted in characters (Unicode code points), as the database's CHECKs do.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "platform/gazetteer.h"
#include "profiles/profile.h"

namespace diseasemaps::profiles {

constexpr std::size_t kMaxDisplayName = 60;
constexpr std::size_t kMaxBio = 1000;
constexpr std::size_t kMaxLanguagesText = 200;
constexpr std::size_t kMaxLanguages = 10;
constexpr std::size_t kMaxLanguageName = 40;
constexpr std::size_t kMaxCityText = 200;
constexpr std::size_t kCityChoices = 20;  // "which one?" without JavaScript

// The form as typed. city_id is set by the type-ahead (or the "which one?" choices);
// city is the text; country an ISO code or "".
struct ProfileForm {
  std::string display_name;
  std::string bio;
  std::string languages;
  std::string city;
  std::string city_id;
  std::string country;
  std::string visibility;
  bool accepts_contact = false;
};

struct CityChoice {
  long long id = 0;
  std::string label;  // "Paris, Texas, United States"
};

struct ProfileCheck {
  std::optional<ProfileChange> change;        // set when errors is empty
  std::map<std::string, std::string> errors;  // field name -> message
  std::vector<CityChoice> city_choices;       // when the city text named several places
};

// Checks a submitted form against the gazetteer. The city is, in order: the city_id
// when it is a known city (and the city text is not empty); else the one city the text
// names ("Paris, Texas"; the country field narrows it), or an "unknown city" /
// "which one?" error; else the country alone; else no location.
ProfileCheck CheckProfile(const ProfileForm& form, const Gazetteer& gazetteer);

// The form pre-filled from a stored profile, for the edit page.
ProfileForm FormFromProfile(const Profile& profile, const Gazetteer& gazetteer);

}  // namespace diseasemaps::profiles
