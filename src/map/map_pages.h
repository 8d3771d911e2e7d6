// The community map's pages: /map (every condition) and /conditions/{slug}/map (one).
//
// The server renders the page's frame in the site layout: the heading, what the map
// shows, the role filters with each role's colour and shape (so the legend never relies
// on colour alone), and the empty map and list that web/static/js/map.js fills from the
// JSON API (/api/v1/map*). Nothing on the page depends on who is looking (the totals
// count every member, hidden ones included), so it is cached for anonymous visitors;
// what each viewer may see is decided by the API. Without
// JavaScript the page still says what it is and that the map needs JavaScript.
#pragma once

#include <string>
#include <vector>

#include "catalog/condition_store.h"
#include "http/request.h"
#include "map/map_service.h"

namespace diseasemaps::map {

// One role as the map shows it: the API's name, the words people read, and the marker's
// colour and shape (a path in a 20 × 20 box). In the order of the filters and the legend.
struct MapRole {
  std::string name;    // "family": the API's and memberships.role's name
  std::string label;   // "family & friends": as in the totals sentence
  std::string colour;  // "#D55E00"
  std::string shape;   // "square": said in words next to the picture
  std::string path;    // SVG path data
};
const std::vector<MapRole>& MapRoles();

// GET /map: every condition's members. With a `service` (may be null), the totals
// sentence is in the page as served, so it reads right before the script runs.
http::Response AllConditionsMapPage(MapService* service, const http::Request& request);

// GET /conditions/{slug}/map: one condition's members; a synonym's slug or another case
// is a 301 to the canonical address, an unknown slug the site's 404 page.
http::Response ConditionMapPage(catalog::ConditionStore& conditions, MapService* service,
                                const http::Request& request);

}  // namespace diseasemaps::map
