// The home page. See home_page.h.
#include "home/home_page.h"

#include <map>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "catalog/a_to_z_pages.h"
#include "catalog/localized_names_store.h"
#include "home/home_store.h"
#include "pages/error_pages.h"
#include "platform/i18n.h"
#include "platform/templates.h"

namespace diseasemaps::home {
namespace {

using nlohmann::json;
using i18n::Tr;

constexpr const char* kUnavailable = i18n::N_("The catalogue is unavailable right now. Please try again in a moment.");

// A name's lang attribute: empty when it is in the page's language, else its own.
json LangOf(const std::string& name_language) {
  const std::string& page = i18n::CurrentLanguage();
  return TextOrNull(name_language.empty() || name_language == i18n::InterfaceLanguage(page) ? ""
                                                                                            : name_language);
}

// The English name unless the page's language has one, and its lang attribute.
std::pair<std::string, json> NameIn(const std::map<int, catalog::LocalizedName>& names, int orphacode,
                                    const std::string& english) {
  const auto found = names.find(orphacode);
  if (found == names.end()) return {english, LangOf("en")};
  return {found->second.name, LangOf(found->second.language)};
}

json NumbersView(const SiteNumbers& n) {
  json facts = json::array();
  facts.push_back(i18n::Plural("{count} rare condition described", "{count} rare conditions described", n.conditions));
  facts.push_back(i18n::Plural("{count} member in the communities", "{count} members in the communities", n.members));
  facts.push_back(i18n::Plural("{count} experience shared", "{count} experiences shared", n.experiences));
  return facts;
}

std::string MapLine(const SiteNumbers& n) {
  if (n.members == 0) return Tr("No one is on the map yet: join the community of your condition to be the first.");
  if (n.countries == 0) {
    return i18n::Plural("{count} member so far; none has shown a place yet.",
                        "{count} members so far; none has shown a place yet.", n.members);
  }
  return Tr("{members} in {countries}, shown by city or country, never closer.",
            {{"members", i18n::Plural("{count} member", "{count} members", n.members)},
             {"countries", i18n::Plural("{count} country", "{count} countries", n.countries)}});
}

json SpecialtiesView(const std::vector<catalog::Specialty>& specialties) {
  json items = json::array();
  for (const auto& s : specialties) {
    items.push_back({{"name", s.root.name},
                     {"lang", LangOf(s.root.language)},
                     {"href", "/conditions/browse/" + std::to_string(s.id)},
                     {"count", i18n::Plural("{count} condition or group", "{count} conditions and groups", s.entries)}});
  }
  return items;
}

json CommunitiesView(const std::vector<Community>& communities, const std::map<int, catalog::LocalizedName>& names) {
  json items = json::array();
  for (const auto& c : communities) {
    auto [name, lang] = NameIn(names, c.orphacode, c.name);
    items.push_back({{"name", name},
                     {"lang", lang},
                     {"href", "/conditions/" + c.slug},
                     {"members", i18n::Plural("{count} member", "{count} members", c.members)}});
  }
  return items;
}

json AnswersView(const std::vector<ReviewedAnswer>& answers, const std::map<int, catalog::LocalizedName>& names) {
  json items = json::array();
  for (const auto& a : answers) {
    auto [condition, condition_lang] = NameIn(names, a.orphacode, a.condition_name);
    const std::string reviewer =
        a.reviewer_credentials.empty() ? a.reviewer_name : a.reviewer_name + ", " + a.reviewer_credentials;
    items.push_back({{"question", a.question},
                     {"question_lang", LangOf("en")},
                     {"href", "/conditions/" + a.condition_slug + "#answer-" + a.answer_slug},
                     {"condition", condition},
                     {"condition_lang", condition_lang},
                     {"reviewed", Tr("Reviewed by {reviewer} on {date}",
                                     {{"reviewer", reviewer},
                                      {"date", i18n::FormatDate(i18n::CurrentLanguage(), a.reviewed_at)}})}});
  }
  return items;
}

}  // namespace

http::Response HomePage(Database& db, const http::Request& request) {
  // The paged list this page used to be: its pages now live in the A–Z index.
  if (request.Query("page")) return http::Response::Redirect(catalog::kAToZPath, 301);

  HomeStore store(db);
  auto numbers = store.Numbers();
  if (!numbers.ok()) return pages::ErrorPage(&request, 503, Tr(kUnavailable));
  const bool empty = numbers->conditions == 0;
  const std::string& language = i18n::CurrentLanguage();

  json view = {
      {"title", Tr("DiseaseMaps: rare conditions and the people who live with them")},
      {"description", Tr("Plain-language, medically reviewed pages about rare conditions, and a "
                         "privacy-first map of the people who live with them.")},
      {"canonical", "/"},
      {"catalogue_empty", empty},
      {"a_to_z_href", catalog::kAToZPath},
  };
  if (!empty) {
    catalog::LocalizedNamesStore names(db);
    auto specialties = names.Specialties(language);
    auto communities = store.LargestCommunities(kCommunitiesShown);
    auto answers = store.RecentlyReviewed(kReviewedAnswersShown);
    if (!specialties.ok() || !communities.ok() || !answers.ok()) {
      return pages::ErrorPage(&request, 503, Tr(kUnavailable));
    }
    std::vector<int> codes;
    for (const auto& c : *communities) codes.push_back(c.orphacode);
    for (const auto& a : *answers) codes.push_back(a.orphacode);
    std::map<int, catalog::LocalizedName> localized;
    if (!codes.empty()) {
      auto found = names.NamesOfMany(codes, language);
      if (!found.ok()) return pages::ErrorPage(&request, 503, Tr(kUnavailable));
      localized = std::move(*found);
    }
    view["numbers"] = NumbersView(*numbers);
    view["map_line"] = MapLine(*numbers);
    view["specialties"] = SpecialtiesView(*specialties);
    view["has_specialties"] = !specialties->empty();
    view["communities"] = CommunitiesView(*communities, localized);
    view["has_communities"] = !communities->empty();
    view["answers"] = AnswersView(*answers, localized);
    view["has_answers"] = !answers->empty();
  }
  return http::Response::Html(Templates::RenderPage("home", view));
}

}  // namespace diseasemaps::home
