// The community map's privacy rules, as pure functions: who sees which member on the
// map and in its lists, and when a small city is shown at its country's point instead.
// Everything the map service and the map API decide about privacy is asked here, and
// this module asks the guard (guard::CanListMember) for who may be listed, so the map
// and the community box can never disagree. Thread-safe: no state.
//
// The rules:
//  - public members are seen by everyone; members-only members by signed-in, active
//    (not suspended) members; hidden members by nobody: they count in totals only;
//  - suspended or deleted accounts are never on the map nor in lists (nor in totals);
//  - for an anonymous viewer (and a suspended one, who sees what a visitor sees), a
//    city with fewer than k visible members of the scope is shown at its country's
//    point instead, and the members list of that city is empty;
//  - no page names a member's city more precisely than the map shows it: a profile page
//    or a community's list names the city to an anonymous viewer only when the map of
//    every scope the page ties the member to (each of their conditions; all conditions
//    when they have none) shows that city as a city (CityNameable); else the country;
//  - a member with a country and no city is at the country's point; a member with no
//    location at all is in the totals only.
#pragma once

#include <cstdint>
#include <span>

#include "guard/guard.h"

namespace diseasemaps::map {

// The map keeps one index per viewer class: everything that differs between two
// viewers of one class is decided per request (the contact link).
enum class ViewerClass { kAnonymous, kMember };
inline constexpr int kViewerClassCount = 2;

// Signed-in active members (admins included) are kMember; visitors and suspended
// members kAnonymous.
ViewerClass ClassOf(const guard::Viewer& viewer);

// A viewer standing for the whole class, for asking the guard.
guard::Viewer RepresentativeOf(ViewerClass viewer_class);

// True when a member with this visibility, whose account is active or not, appears on
// the map and in its lists for viewers of that class.
bool ShownOnMap(ViewerClass viewer_class, guard::Visibility visibility, bool account_active);

// True when a member counts in the scope's totals: every active account, hidden too.
bool CountedInTotals(bool account_active);

// True when a city with `visible_members` members visible to the class (all roles of
// the scope) is shown at its own point; false: at its country's point. REQUIRES k >= 1.
bool CityShownAsCity(ViewerClass viewer_class, uint32_t visible_members, uint32_t k);

// True when a member's city may be named to a viewer of the class, beside their name,
// on any page: the city is shown as a city (CityShownAsCity) in every scope that page
// ties the member to, where visible_per_scope counts the members visible to the class in
// that city, scope by scope. False: name their country only.
bool CityNameable(ViewerClass viewer_class, std::span<const uint32_t> visible_per_scope, uint32_t k);

// The default of --map-min-city-members.
inline constexpr uint32_t kDefaultMinCityMembers = 3;

}  // namespace diseasemaps::map
