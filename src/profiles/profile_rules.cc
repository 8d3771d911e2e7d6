#include "profiles/profile_rules.h"

#include "platform/text.h"
#include "platform/i18n.h"

namespace diseasemaps::profiles {
namespace {

constexpr const char* kUnreadable = i18n::N_("This has characters we cannot read. Please type it again.");

std::string TooLong(std::size_t limit, std::size_t have) {
  const std::string& language = i18n::CurrentLanguage();
  return i18n::Tr("Please keep this to {limit} characters (it has {count}).",
                  {{"limit", i18n::FormatNumber(language, static_cast<long long>(limit))},
                   {"count", i18n::FormatNumber(language, static_cast<long long>(have))}});
}

// Stores text after a length check; sets errors[field] and returns false otherwise.
bool CheckText(const std::string& field, const std::string& text, std::size_t limit, bool required,
               std::map<std::string, std::string>& errors) {
  const auto count = CountCharacters(text);
  if (!count) {
    errors[field] = i18n::Tr(kUnreadable);
    return false;
  }
  if (required && TrimWhitespace(text).empty()) {
    errors[field] = i18n::Tr("Please choose a name to show others. A pseudonym is fine.");
    return false;
  }
  if (*count > limit) {
    errors[field] = TooLong(limit, *count);
    return false;
  }
  return true;
}

// "english,  Français ,," -> "english, Français"; nullopt with a message when too many
// or too long.
std::optional<std::string> NormaliseLanguages(const std::string& text, std::string& message) {
  std::string out;
  std::size_t count = 0;
  for (std::string_view piece : SplitOn(text, ",")) {
    const std::string name(TrimWhitespace(piece));
    if (name.empty()) continue;
    if (name.find('\n') != std::string::npos || name.find('\t') != std::string::npos) {
      message = i18n::Tr("Separate languages with commas, on one line.");
      return std::nullopt;
    }
    const std::size_t length = CountCharacters(name).value_or(0);
    if (length > kMaxLanguageName) {
      message = i18n::Tr("A language name is at most {limit} characters.", {{"limit", std::to_string(kMaxLanguageName)}});
      return std::nullopt;
    }
    if (++count > kMaxLanguages) {
      message = i18n::Tr("Please list at most {limit} languages.", {{"limit", std::to_string(kMaxLanguages)}});
      return std::nullopt;
    }
    if (!out.empty()) out += ", ";
    out += name;
  }
  return out;
}

Location CityLocation(const City& city) {
  Location location;
  location.kind = Location::Kind::kCity;
  location.city_id = city.id;
  location.city_name = std::string(city.name);
  location.admin_area = std::string(city.admin_area);
  location.country_code = std::string(city.country_code);
  location.latitude = city.latitude;
  location.longitude = city.longitude;
  return location;
}

// Fills check.change->location or check.errors["city"/"country"].
void CheckLocation(const ProfileForm& form, const Gazetteer& gazetteer, ProfileCheck& check,
                   Location& location) {
  const Country* country = nullptr;
  if (!form.country.empty()) {
    country = gazetteer.FindCountry(form.country);
    if (!country) {
      check.errors["country"] = i18n::Tr("Please choose a country from the list.");
      return;
    }
  }
  const std::string city_text(TrimWhitespace(form.city));
  if (!city_text.empty()) {
    if (!CountCharacters(city_text) || city_text.size() > kMaxCityText * 4) {
      check.errors["city"] = i18n::Tr("Please type the name of a city.");
      return;
    }
    if (!form.city_id.empty()) {
      const auto id = ParsePositiveInteger(form.city_id);
      const City* city = id ? gazetteer.FindCity(*id) : nullptr;
      if (!city) {
        check.errors["city"] = i18n::Tr("We do not know that city. Please choose one from the list.");
        return;
      }
      location = CityLocation(*city);
      return;
    }
    std::vector<const City*> found = gazetteer.Resolve(city_text, 200);
    if (country) {
      std::erase_if(found, [&](const City* c) { return c->country_code != country->code; });
    }
    if (found.empty()) {
      check.errors["city"] = i18n::Tr(
          "We know no city called “{city}”. Check the spelling, add the region after a comma, or choose just a "
          "country.",
          {{"city", city_text}});
      return;
    }
    if (found.size() > 1) {
      check.errors["city"] = i18n::Tr("Several places are called “{city}”: which one?", {{"city", city_text}});
      for (std::size_t i = 0; i < found.size() && i < kCityChoices; ++i) {
        check.city_choices.push_back({found[i]->id, gazetteer.Label(*found[i])});
      }
      return;
    }
    location = CityLocation(*found.front());
    return;
  }
  if (country) {
    location.kind = Location::Kind::kCountry;
    location.country_code = std::string(country->code);
    location.latitude = country->latitude;
    location.longitude = country->longitude;
  }
}

}  // namespace

ProfileCheck CheckProfile(const ProfileForm& form, const Gazetteer& gazetteer) {
  ProfileCheck check;
  ProfileChange change;
  if (CheckText("display_name", form.display_name, kMaxDisplayName, true, check.errors)) {
    change.display_name = std::string(TrimWhitespace(form.display_name));
  }
  if (CheckText("bio", form.bio, kMaxBio, false, check.errors)) {
    change.bio = std::string(TrimWhitespace(form.bio));
  }
  if (CheckText("languages", form.languages, kMaxLanguagesText, false, check.errors)) {
    std::string message;
    if (auto languages = NormaliseLanguages(form.languages, message)) {
      change.languages = *languages;
    } else {
      check.errors["languages"] = message;
    }
  }
  CheckLocation(form, gazetteer, check, change.location);
  if (auto visibility = guard::ParseVisibility(form.visibility)) {
    change.visibility = *visibility;
  } else {
    check.errors["visibility"] = i18n::Tr("Please choose who can see your profile.");
  }
  change.accepts_contact = form.accepts_contact;
  if (check.errors.empty()) check.change = std::move(change);
  return check;
}

ProfileForm FormFromProfile(const Profile& profile, const Gazetteer& gazetteer) {
  ProfileForm form;
  form.display_name = profile.display_name;
  form.bio = profile.bio;
  form.languages = profile.languages;
  form.visibility = guard::VisibilityName(profile.visibility);
  form.accepts_contact = profile.accepts_contact;
  const Location& where = profile.location;
  if (where.kind == Location::Kind::kCity) {
    form.city_id = std::to_string(where.city_id);
    const City* city = gazetteer.FindCity(where.city_id);
    form.city = city ? gazetteer.Label(*city) : where.city_name;
  } else if (where.kind == Location::Kind::kCountry) {
    form.country = where.country_code;
  }
  return form;
}

}  // namespace diseasemaps::profiles
