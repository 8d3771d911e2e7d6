// The community map's pages (see map_pages.h): view models for map.mustache.
#include "map/map_pages.h"

#include <map>

#include <nlohmann/json.hpp>

#include "catalog/condition_page.h"
#include "map/map_store.h"
#include "pages/error_pages.h"
#include "platform/i18n.h"
#include "platform/templates.h"

namespace diseasemaps::map {
namespace {

using nlohmann::json;

// How each role is drawn, in the order of map::Role. Colours from Okabe and Ito's
// palette, told apart by most people with a colour vision deficiency; each role also
// has its own shape, with a dark outline (map.css), so colour is never the only cue.
struct RoleStyle {
  const char* colour;
  const char* shape;
  const char* path;
};
// The shape's name is the legend's words for screen readers ("shown as a circle").
constexpr RoleStyle kStyles[kRoleCount] = {
    {"#0072B2", "circle", "M10 1.5a8.5 8.5 0 1 0 0.01 0Z"},
    {"#D55E00", "square", "M2.5 2.5h15v15h-15Z"},
    {"#009E73", "triangle", "M10 1.5L19 18H1Z"},
    {"#CC79A7", "diamond", "M10 1L19 10L10 19L1 10Z"},
    {"#E69F00", "star", "M10 1.3L12.4 7.6L19 7.9L13.8 12L15.6 18.5L10 14.8L4.4 18.5L6.2 12L1 7.9L7.6 7.6Z"},
    {"#56B4E9", "hexagon", "M19 10L14.5 17.8H5.5L1 10L5.5 2.2H14.5Z"},
};

// Names and words come from the API's own table (map_store.h, map_service.h), so the
// filters send what the API parses and the legend says what the totals say.
std::vector<MapRole> MakeRoles() {
  i18n::ScopedLanguage english{std::string(i18n::kDefaultLanguage)};  // made once: the API's words
  std::vector<MapRole> roles;
  for (int i = 0; i < kRoleCount; ++i) {
    const Role role = static_cast<Role>(i);
    roles.push_back({RoleName(role), RoleLabel(role), kStyles[i].colour, kStyles[i].shape, kStyles[i].path});
  }
  return roles;
}

std::string Capitalised(std::string text) {
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 'a' + 'A');
  return text;
}

std::string ShapeWords(const std::string& shape) {
  using i18n::N_;
  static const std::map<std::string, const char*> kWords = {
      {"circle", N_("shown as a circle")},   {"square", N_("shown as a square")},
      {"triangle", N_("shown as a triangle")}, {"diamond", N_("shown as a diamond")},
      {"star", N_("shown as a star")},       {"hexagon", N_("shown as a hexagon")},
  };
  auto it = kWords.find(shape);
  return it == kWords.end() ? shape : i18n::Tr(it->second);
}

// The legend and filters; labels in the request's language (MapRoles() keeps English,
// made once per process).
json RolesView() {
  json roles = json::array();
  for (int i = 0; i < kRoleCount; ++i) {
    const MapRole& r = MapRoles()[i];
    const std::string label = RoleLabel(static_cast<Role>(i));
    roles.push_back({{"name", r.name},
                     {"label", label},
                     {"heading", Capitalised(label)},
                     {"colour", r.colour},
                     {"shape", r.shape},
                     {"shape_words", ShapeWords(r.shape)},
                     {"path", r.path}});
  }
  return roles;
}

// The page's view model; `condition` is null for every condition.
http::Response Render(const json& condition, MapService* service) {
  const bool one = !condition.is_null();
  const std::string name = one ? condition["name"].get<std::string>() : "";
  json page = {
      {"title", one ? i18n::Tr("Community map: {name}", {{"name", name}}) : i18n::Tr("Community map")},
      {"heading", one ? i18n::Tr("Community map: {name}", {{"name", name}}) : i18n::Tr("Community map")},
      {"description", one ? i18n::Tr("Where the members of the {name} community live, by city or country, and how "
                                     "to contact them.", {{"name", name}})
                          : i18n::Tr("Where DiseaseMaps members live, by city or country, and how to contact them.")},
      {"canonical", one ? condition["url"].get<std::string>() + "/map" : std::string("/map")},
      {"condition", condition},
      {"roles", RolesView()},
      {"nav_map_current", !one},  // the header's link to /map is this page
      {"totals_summary", service == nullptr ? std::string()
                                            : TotalsSummary(service->Totals(one ? condition["orphacode"].get<int>() : 0))},
      {"styles", json::array({"/static/vendor/leaflet/leaflet.css", "/static/css/map.css"})},
      {"scripts", json::array({"/static/js/map.js"})},
  };
  return http::Response::Html(Templates::RenderPage("map", page));
}

http::Response NotFound(const http::Request& request) {
  return pages::ErrorPage(&request, 404,
                          i18n::Tr("We have no condition at this address, so there is no map of its community. "
                                   "Try searching for it by name, by a symptom or by a code such as ORPHA:1183."));
}

}  // namespace

const std::vector<MapRole>& MapRoles() {
  static const std::vector<MapRole> roles = MakeRoles();
  return roles;
}

http::Response AllConditionsMapPage(MapService* service, const http::Request&) {
  return Render(nullptr, service);
}

http::Response ConditionMapPage(catalog::ConditionStore& conditions, MapService* service,
                                const http::Request& request) {
  auto resolved = catalog::ResolveConditionAddress(conditions, request, "/map", NotFound);
  if (auto* answer = std::get_if<http::Response>(&resolved)) return std::move(*answer);
  const catalog::Condition& found = std::get<catalog::Condition>(resolved);
  return Render({{"orphacode", found.orphacode},
                 {"name", found.name},
                 {"url", "/conditions/" + found.slug}},
                service);
}

}  // namespace diseasemaps::map
