#include "map/map_api.h"

#include <algorithm>
#include <charconv>
#include <cmath>

#include <nlohmann/json.hpp>

#include "catalog/condition_page.h"
#include "map/map_privacy.h"
#include "pages/error_pages.h"
#include "pages/paging.h"
#include "platform/i18n.h"
#include "platform/json_text.h"
#include "platform/text.h"
#include "profiles/profile.h"

namespace diseasemaps::map {
namespace {

using nlohmann::json;

// The API's error shape, as every other endpoint's: {"error": {"status", "message"}}.
http::Response Error(const http::Request& request, const std::string& message, unsigned status = 400) {
  http::Response response = pages::ErrorPage(&request, status, message);
  response.NoStore();
  return response;
}

http::Response Answer(const json& body) {
  http::Response response = http::Response::Json(JsonText(body));
  response.NoStore();
  return response;
}

// The items are written straight into the body: nlohmann objects per item cost more than
// the clustering itself on a large map (bench/map-api.sh).
void AppendNumber(std::string& out, double value) {
  char buffer[32];
  const auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
  out.append(buffer, end);
}

void AppendRoles(std::string& out, const RoleCounts& counts) {
  out += '{';
  for (int r = 0; r < kRoleCount; ++r) {
    if (r > 0) out += ',';
    out += '"';
    out += RoleName(static_cast<Role>(r));
    out += "\":";
    out += std::to_string(counts[r]);
  }
  out += '}';
}

void AppendItem(std::string& out, const MapItemView& item) {
  out += item.is_cluster ? "{\"type\":\"cluster\",\"lat\":" : "{\"type\":\"place\",\"lat\":";
  AppendNumber(out, item.lat);
  out += ",\"lng\":";
  AppendNumber(out, item.lng);
  out += ",\"count\":";
  out += std::to_string(item.count);
  out += ",\"roles\":";
  AppendRoles(out, item.roles);
  if (item.is_cluster) {
    out += ",\"expansion_zoom\":";
    out += std::to_string(item.expansion_zoom);
  } else {
    out += ",\"place\":";
    out += JsonText(json(item.place_label));  // escaped
    out += ",\"place_id\":\"";
    out += PlaceIdOf(item.place);
    out += '"';
  }
  out += '}';
}

json RolesJson(const RoleCounts& counts) {
  json roles = json::object();
  for (int r = 0; r < kRoleCount; ++r) roles[RoleName(static_cast<Role>(r))] = counts[r];
  return roles;
}

std::optional<RoleFilter> ParseRoles(const http::Request& request, std::string& error) {
  const std::string text = request.Query("roles").value_or("");
  RoleFilter filter;
  if (text.empty()) return filter;
  filter.selected.fill(false);
  for (std::string_view name : SplitOn(text, ",")) {
    auto role = ParseRoleName(name);
    if (!role) {
      error = i18n::Tr("roles must be a comma-separated list of affected, family, adviser, researcher, professional, "
                       "organisation (or empty for all); ‘{role}’ is not one of them.",
                       {{"role", FirstCharacters(name, 40)}});
      return std::nullopt;
    }
    filter.selected[static_cast<int>(*role)] = true;
  }
  return filter;
}

// Degrees as plain decimals: digits, one point, a sign ("+" allowed); no exponent,
// no "inf" or "nan".
bool ParseDegrees(std::string_view text, double& out) {
  if (text.empty() || text.size() > 32) return false;
  if (!std::all_of(text.begin(), text.end(), [](char c) { return (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+'; })) {
    return false;
  }
  const bool plus = text.front() == '+';  // from_chars takes "-" but not "+"
  if (plus) text.remove_prefix(1);
  if (text.empty() || (plus && text.front() == '-')) return false;
  return ParseDouble(text, out);
}

struct Box {
  double west = -180, south = -90, east = 180, north = 90;
};

std::optional<Box> ParseBox(const http::Request& request, std::string& error) {
  Box box;
  const auto text = request.Query("bbox");
  if (!text) return box;
  const std::string kAllowed =
      i18n::Tr("bbox must be west,south,east,north in degrees: longitudes -180 to 180 with west < east, "
               "latitudes -90 to 90 with south < north.");
  const auto parts = SplitOn(*text, ",");
  double v[4];
  if (parts.size() != 4) {
    error = kAllowed;
    return std::nullopt;
  }
  for (int i = 0; i < 4; ++i) {
    if (!ParseDegrees(parts[i], v[i])) {
      error = kAllowed;
      return std::nullopt;
    }
  }
  box = {v[0], v[1], v[2], v[3]};
  if (box.west < -180 || box.east > 180 || box.south < -90 || box.north > 90 || !(box.west < box.east) ||
      !(box.south < box.north)) {
    error = kAllowed;
    return std::nullopt;
  }
  return box;
}

json ConditionJson(const std::optional<catalog::Condition>& condition) {
  if (!condition) return nullptr;
  return {{"orphacode", condition->orphacode}, {"name", condition->name},
          {"url", "/conditions/" + condition->slug}};
}

}  // namespace

RoleCounts SelectedOnly(RoleCounts totals, const RoleFilter& roles) {
  for (size_t r = 0; r < totals.size(); ++r) {
    if (!roles.selected[r]) totals[r] = 0;
  }
  return totals;
}

json TotalsJson(const RoleCounts& totals) {
  uint32_t n = 0;
  for (uint32_t c : totals) n += c;
  return {{"members", n}, {"roles", RolesJson(totals)}, {"summary", TotalsSummary(totals)}};
}

struct MapApi::Scope {
  int orphacode = 0;  // 0: all conditions
  std::optional<catalog::Condition> condition;
  RoleFilter roles;
};

std::optional<http::Response> MapApi::ReadScope(const http::Request& request, Scope& scope) {
  std::string error;
  auto resolved = ResolveCondition(request, error);
  if (!resolved.ok()) return Error(request, i18n::Tr("The map is unavailable right now; please try again in a moment."), 503);
  if (!error.empty()) return Error(request, error);
  auto roles = ParseRoles(request, error);
  if (!roles) return Error(request, error);
  scope = std::move(*resolved);
  scope.roles = *roles;
  return std::nullopt;
}

Result<MapApi::Scope> MapApi::ResolveCondition(const http::Request& request, std::string& error) {
  const std::string text = request.Query("condition").value_or("");
  Scope scope;
  if (text.empty()) return scope;
  const auto now = std::chrono::steady_clock::now();
  {
    std::lock_guard lock(cache_mutex_);
    if (auto it = cache_.find(text); it != cache_.end() && it->second.until > now) {
      if (it->second.error != nullptr) error = i18n::Tr(it->second.error, {{"condition", it->second.subject}});
      if (it->second.condition) {
        scope.orphacode = it->second.condition->orphacode;
        scope.condition = it->second.condition;
      }
      return scope;
    }
  }
  Result<catalog::Condition> found = Status::NotFound("");
  if (auto code = ParsePositiveInteger(text)) {
    if (*code < 100000000) found = conditions_.FindByOrphacode(static_cast<int>(*code));
  } else if (text.size() <= 200) {
    found = conditions_.FindBySlug(catalog::NormaliseSlug(text));
  }
  Remembered remembered;
  remembered.until = now + std::chrono::seconds(kConditionCacheSeconds);
  if (!found.ok()) {
    if (found.status().code() != Status::Code::kNotFound) return found.status();
    remembered.error = i18n::N_("condition must be the ORPHAcode (digits) or the slug of a condition in the "
                                "catalogue, or empty for all conditions; there is no condition ‘{condition}’.");
    remembered.subject = FirstCharacters(text, 100);
  } else if (found->status != "active") {
    remembered.error = i18n::N_("The condition ‘{condition}’ is obsolete: its community is closed.");
    remembered.subject = FirstCharacters(text, 100);
  } else {
    catalog::Condition kept;  // only what the answers need
    kept.orphacode = found->orphacode;
    kept.name = found->name;
    kept.slug = found->slug;
    kept.status = found->status;
    remembered.condition = std::move(kept);
    scope.orphacode = remembered.condition->orphacode;
    scope.condition = remembered.condition;
  }
  if (remembered.error != nullptr) error = i18n::Tr(remembered.error, {{"condition", remembered.subject}});
  if (text.size() <= 200) {
    std::lock_guard lock(cache_mutex_);
    if (cache_.size() >= 10000) cache_.clear();  // bounded: odd parameters cannot grow it
    cache_[text] = std::move(remembered);
  }
  return scope;
}

void AddMapToCommunityBox(json& box, const std::string& slug) { box["map_href"] = "/conditions/" + slug + "/map"; }

http::Response MapApi::Map(const http::Request& request) {
  Scope scope;
  if (auto refused = ReadScope(request, scope)) return *refused;
  std::string error;
  auto box = ParseBox(request, error);
  if (!box) return Error(request, error);
  const std::string zoom_text = request.Query("zoom").value_or("");
  const auto zoom = zoom_text == "0" ? std::optional<long long>(0) : ParsePositiveInteger(zoom_text);
  if (!zoom || *zoom > kMaxZoom) {
    return Error(request, i18n::Tr("zoom is required: a whole number from 0 to {max}.", {{"max", std::to_string(kMaxZoom)}}));
  }
  const ViewerClass viewer_class = ClassOf(request.viewer);
  const auto items = service_.Items(scope.orphacode, viewer_class, scope.roles, box->west, box->south, box->east,
                                    box->north, static_cast<int>(*zoom));
  std::string body = "{\"zoom\":" + std::to_string(*zoom) + ",\"condition\":" +
                     JsonText(ConditionJson(scope.condition)) + ",\"totals\":" +
                     JsonText(TotalsJson(SelectedOnly(service_.Totals(scope.orphacode), scope.roles))) +
                     ",\"items\":[";
  body.reserve(body.size() + items.size() * 150);
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) body += ',';
    AppendItem(body, items[i]);
  }
  body += "]}";
  http::Response response = http::Response::Json(std::move(body));
  response.NoStore();
  return response;
}

http::Response MapApi::Members(const http::Request& request) {
  Scope scope;
  if (auto refused = ReadScope(request, scope)) return *refused;
  const std::string place_text = request.Query("place").value_or("");
  const auto place = ParsePlaceId(place_text);
  if (!place) {
    return Error(request, i18n::Tr("place is required: a place_id from the map, city:ID (digits) or country:CC "
                                   "(two capital letters)."));
  }
  const auto page = pages::ParsePageNumber(request.Query("page"));
  if (!page.ok()) return Error(request, page.status().message());
  const auto all = service_.MembersAt(scope.orphacode, ClassOf(request.viewer), scope.roles, *place);
  const pages::Paging paging(*page, kMembersPerPage, static_cast<long long>(all.size()));
  std::vector<long long> ids;
  const long long first = paging.offset();
  for (long long i = first; i < static_cast<long long>(all.size()) && i < first + kMembersPerPage; ++i) {
    ids.push_back(all[static_cast<size_t>(i)].user_id);
  }
  auto cards = service_.Cards(ids);
  if (!cards.ok()) return Error(request, i18n::Tr("The map is unavailable right now; please try again in a moment."), 503);
  json members = json::array();
  size_t k = static_cast<size_t>(first);
  for (const MemberCard& card : *cards) {
    while (k < all.size() && all[k].user_id != card.user_id) ++k;
    if (k == all.size()) break;
    const ListedMember& m = all[k];
    const bool verifiable = profiles::IsVerifiable(static_cast<profiles::MemberRole>(m.role));
    json contact = nullptr;
    // The map lists active accounts only.
    guard::MemberFacts facts{m.user_id, m.visibility, card.accepts_contact, true};
    facts.synthetic = card.synthetic;
    if (guard::CanContact(request.viewer, facts)) {
      contact = "/messages/new?to=" + std::to_string(m.user_id);
    }
    members.push_back({{"id", m.user_id},
                       {"display_name", card.display_name},
                       {"role", RoleName(m.role)},
                       {"role_label", RoleLabel(m.role)},
                       {"verified", card.verified && verifiable},
                       {"synthetic", card.synthetic},
                       {"conditions", card.conditions},
                       {"url", "/members/" + std::to_string(m.user_id)},
                       {"contact_url", contact}});
  }
  json body = {{"place", service_.PlaceLabel(*place)}, {"page", paging.page()}, {"per_page", kMembersPerPage},
               {"total", all.size()}, {"members", std::move(members)}};
  return Answer(body);
}

http::Response MapApi::Countries(const http::Request& request) {
  Scope scope;
  if (auto refused = ReadScope(request, scope)) return *refused;
  struct Named {
    CountryCount count;
    std::string name;
  };
  std::vector<Named> named;
  for (CountryCount& c : service_.Countries(scope.orphacode, ClassOf(request.viewer), scope.roles)) {
    std::string name = service_.PlaceLabel(CountryKey(c.code));
    named.push_back({std::move(c), std::move(name)});
  }
  std::sort(named.begin(), named.end(), [](const Named& a, const Named& b) {
    return a.count.count != b.count.count ? a.count.count > b.count.count : a.name < b.name;
  });
  json list = json::array();
  for (const Named& n : named) {
    list.push_back({{"code", n.count.code}, {"name", n.name}, {"count", n.count.count},
                    {"roles", RolesJson(n.count.roles)}, {"place_id", "country:" + n.count.code}});
  }
  return Answer(json{{"countries", std::move(list)}});
}

}  // namespace diseasemaps::map
