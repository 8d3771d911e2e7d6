// The community map's JSON API (the contract shared with the map pages):
//   GET /api/v1/map?condition=&roles=&bbox=&zoom=         clusters and places
//   GET /api/v1/map/members?condition=&roles=&place=&page= who is at a place, 20 a page
//   GET /api/v1/map/countries?condition=&roles=           listable members by country
// Thin handlers: they parse and check the query (anything malformed, out of range or
// unknown: 400 with {"error": {"status": 400, "message": "what is wrong and what is
// allowed"}}, the API's one error shape), ask MapService, and
// ask the guard (through map_privacy.h and guard::CanContact) what this viewer may see.
// Answers are never cached by the page cache (they depend on the viewer's class and
// change as members join); they carry Cache-Control: no-store. The condition a
// `condition=` names is looked up once and remembered for kConditionCacheSeconds (a
// renamed or retired condition shows within that time), so a map request touches no
// database. Thread-safe.
#pragma once

#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "catalog/condition_store.h"
#include "http/request.h"
#include "map/map_service.h"

namespace diseasemaps::map {

inline constexpr int kMembersPerPage = 20;
inline constexpr int kMaxZoom = 20;
inline constexpr int kConditionCacheSeconds = 10;

class MapApi {
 public:
  MapApi(MapService& service, catalog::ConditionStore& conditions) : service_(service), conditions_(conditions) {}

  http::Response Map(const http::Request& request);        // GET /api/v1/map
  http::Response Members(const http::Request& request);    // GET /api/v1/map/members
  http::Response Countries(const http::Request& request);  // GET /api/v1/map/countries

 private:
  struct Scope;  // the condition= parameter resolved
  Result<Scope> ResolveCondition(const http::Request& request, std::string& error);
  // Reads condition= and roles=, which every endpoint takes, into `scope`; on a bad or
  // unknown one, returns the answer to give instead.
  std::optional<http::Response> ReadScope(const http::Request& request, Scope& scope);

  MapService& service_;
  catalog::ConditionStore& conditions_;
  struct Remembered {
    std::optional<catalog::Condition> condition;  // nullopt: none by that name
    // The refusal as a message id with {condition} (translated when it is given, so one
    // remembered answer serves every language), or null.
    const char* error = nullptr;
    std::string subject;  // the condition as typed, cut to 100 characters
    std::chrono::steady_clock::time_point until;
  };
  std::mutex cache_mutex_;
  std::unordered_map<std::string, Remembered> cache_;  // by the parameter's text
};

// Gives a condition page's community box (profiles::ProfilePages::CommunityBox, whose
// totals count the same members as the map's, in the same sentence: profiles::
// MembersSentence) the link to the condition's map ("map_href": /conditions/{slug}/map).
void AddMapToCommunityBox(nlohmann::json& box, const std::string& slug);

// The totals object of the contract: {"members", "roles": {six keys}, "summary"}.
nlohmann::json TotalsJson(const RoleCounts& totals);
// The totals with the roles the filter leaves out set to 0, so the totals line follows
// the role filter ("12 members: 10 affected" with only "affected" ticked).
RoleCounts SelectedOnly(RoleCounts totals, const RoleFilter& roles);

}  // namespace diseasemaps::map
