// Browsing by specialty. See browse_pages.h.
#include "catalog/browse_pages.h"

#include <string>

#include "pages/error_pages.h"
#include "platform/i18n.h"
#include "platform/templates.h"

namespace diseasemaps::catalog {
namespace {

using nlohmann::json;
using i18n::Tr;

constexpr const char* kUnavailable = i18n::N_("The catalogue is unavailable right now.");

// A positive ORPHAcode or specialty id from the address, or 0.
int IdFrom(const std::string& text) {
  if (text.empty() || text.size() > 9 || text.find_first_not_of("0123456789") != std::string::npos) return 0;
  return std::stoi(text);
}

json LangOf(const LocalizedName& name, const std::string& page) {
  return TextOrNull(name.language == i18n::InterfaceLanguage(page) ? "" : name.language);
}

std::string BrowseHref(int specialty, int orphacode = 0) {
  std::string href = "/conditions/browse/" + std::to_string(specialty);
  if (orphacode != 0) href += "/" + std::to_string(orphacode);
  return href;
}

std::string PageHref(int orphacode) { return "/conditions/orpha/" + std::to_string(orphacode); }

http::Response NotFound(const http::Request& request) {
  return pages::ErrorPage(&request, 404, Tr("There is no such specialty or entry to browse."));
}

}  // namespace

json PlacesView(const std::vector<SpecialtyPaths>& specialties, const std::string& page, std::size_t limit) {
  json places = json::array();
  for (const auto& specialty : specialties) {
    if (places.size() >= limit) break;
    if (specialty.paths.empty() || specialty.paths.front().size() < 2) continue;  // the top itself
    json steps = json::array();
    const auto& path = specialty.paths.front();
    for (std::size_t i = 0; i < path.size(); ++i) {
      json step = {{"name", path[i].name}, {"lang", LangOf(path[i], page)}};
      if (i + 1 < path.size()) step["href"] = BrowseHref(specialty.specialty_id, i == 0 ? 0 : path[i].orphacode);
      steps.push_back(std::move(step));
    }
    places.push_back({{"steps", steps}});
  }
  return places;
}

http::Response BrowseSpecialties(Database& db, const http::Request& request) {
  LocalizedNamesStore names(db);
  const std::string& language = i18n::CurrentLanguage();
  auto specialties = names.Specialties(language);
  if (!specialties.ok()) return pages::ErrorPage(&request, 503, Tr(kUnavailable));
  json items = json::array();
  for (const auto& s : *specialties) {
    items.push_back({{"name", s.root.name},
                     {"lang", LangOf(s.root, language)},
                     {"href", BrowseHref(s.id)},
                     {"count", i18n::Plural("{count} condition or group", "{count} conditions and groups", s.entries)}});
  }
  json view = {{"title", Tr("Browse by specialty")},
               {"description", Tr("Rare conditions grouped as Orphanet classifies them, by branch of medicine.")},
               {"heading", Tr("Browse by specialty")},
               {"intro", Tr("Orphanet, the European reference for rare diseases, sorts every condition into the "
                            "branches of medicine that care for it. A condition can sit in several.")},
               {"items", items},
               {"has_items", !items.empty()},
               {"empty", Tr("The specialties appear once Orphanet's classifications are imported (see the README).")}};
  return http::Response::Html(Templates::RenderPage("browse", view));
}

http::Response BrowseSpecialty(Database& db, const http::Request& request) {
  const int specialty_id = IdFrom(request.Param("specialty"));
  const auto given = request.path_params.find("orphacode");
  const std::string raw_entry = given == request.path_params.end() ? "" : given->second;
  const int entry = raw_entry.empty() ? 0 : IdFrom(raw_entry);
  if (specialty_id == 0 || (!raw_entry.empty() && entry == 0)) return NotFound(request);

  LocalizedNamesStore names(db);
  const std::string& language = i18n::CurrentLanguage();
  auto specialties = names.Specialties(language);
  if (!specialties.ok()) return pages::ErrorPage(&request, 503, Tr(kUnavailable));
  const Specialty* specialty = nullptr;
  for (const auto& s : *specialties) {
    if (s.id == specialty_id) specialty = &s;
  }
  if (specialty == nullptr) return NotFound(request);
  const int parent = entry == 0 ? specialty->root.orphacode : entry;

  // Where the entry sits: its shortest path from the top of this specialty.
  std::vector<LocalizedName> path = {specialty->root};
  if (entry != 0 && entry != specialty->root.orphacode) {
    auto places = names.SpecialtiesOf(entry, language);
    if (!places.ok()) return pages::ErrorPage(&request, 503, Tr(kUnavailable));
    path.clear();
    for (const auto& place : *places) {
      if (place.specialty_id == specialty_id && !place.paths.empty()) path = place.paths.front();
    }
    if (path.empty()) return NotFound(request);
  }
  auto branches = names.Branches(specialty_id, parent, language);
  if (!branches.ok()) return pages::ErrorPage(&request, 503, Tr(kUnavailable));

  json trail = json::array();
  for (std::size_t i = 0; i < path.size(); ++i) {
    json step = {{"name", path[i].name}, {"lang", LangOf(path[i], language)}};
    if (i + 1 < path.size()) step["href"] = BrowseHref(specialty_id, i == 0 ? 0 : path[i].orphacode);
    trail.push_back(std::move(step));
  }
  json items = json::array();
  for (const auto& b : *branches) {
    json item = {{"name", b.entry.name}, {"lang", LangOf(b.entry, language)}, {"page_href", PageHref(b.entry.orphacode)}};
    if (b.entries > 0) {
      item["href"] = BrowseHref(specialty_id, b.entry.orphacode);
      item["count"] = i18n::Plural("{count} entry below", "{count} entries below", b.entries);
    }
    items.push_back(std::move(item));
  }
  const LocalizedName& here = path.back();
  json view = {{"title", here.name},
               {"description", Tr("Rare conditions grouped as Orphanet classifies them, by branch of medicine.")},
               {"heading", here.name},
               {"heading_lang", LangOf(here, language)},
               {"trail", trail},
               {"has_trail", true},
               {"all_href", "/conditions/browse"},
               {"here_page_href", entry == 0 ? json(nullptr) : json(PageHref(entry))},
               {"items", items},
               {"has_items", !items.empty()},
               {"empty", Tr("Nothing is classified below this entry.")}};
  return http::Response::Html(Templates::RenderPage("browse", view));
}

}  // namespace diseasemaps::catalog
