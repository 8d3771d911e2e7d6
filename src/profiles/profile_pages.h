// The profiles feature's handlers: a member edits their own profile
// (/account/profile), anyone opens a member's page as far as its visibility allows
// (/members/{id}), members join or leave a condition's community from its page
// (/conditions/{slug}/membership), and the type-ahead asks for places
// (/api/v1/places?q=, /api/v1/places/countries).
//
// The guard decides every permission; the rules (profile_rules.h) check every form; a
// form with mistakes comes back 422 with what was typed and a message beside each
// field, and changes nothing. Not signed in: 303 to the sign-in page. A profile the
// viewer may not see answers exactly as one that does not exist (404), so pages reveal
// no member's existence. Thread-safe: the handlers keep no state between requests.
#pragma once

#include <functional>
#include <string>

#include <nlohmann/json.hpp>

#include "accounts/member_events.h"
#include "catalog/condition.h"
#include "catalog/condition_page.h"
#include "catalog/condition_store.h"
#include "http/request.h"
#include "platform/gazetteer.h"
#include "platform/page_cache.h"
#include "profiles/profile_rules.h"
#include "profiles/profile_store.h"

namespace diseasemaps::profiles {

constexpr int kCommunityListLimit = 20;
constexpr std::size_t kMaxPlaceQuery = 100;
constexpr std::size_t kPlaceResults = 8;

class ProfilePages {
 public:
  // member_changed is told of every profile saved and every community joined or left.
  ProfilePages(Database& db, catalog::ConditionStore& conditions, PageCache* page_cache,
               const Gazetteer& gazetteer, accounts::MemberChangedFn member_changed = {});

  http::Response EditForm(const http::Request& request);     // GET /account/profile
  http::Response SaveProfile(const http::Request& request);  // POST /account/profile
  http::Response MemberPage(const http::Request& request);   // GET /members/{id}
  http::Response Membership(const http::Request& request);   // POST /conditions/{slug}/membership
  http::Response Places(const http::Request& request);       // GET /api/v1/places?q=
  http::Response Countries(const http::Request& request);    // GET /api/v1/places/countries

  // Adds other features' fields to a member's page (messages/: block and unblock).
  // REQUIRES: called before serving starts.
  using MemberPageExtras = std::function<void(const http::Request&, long long member_id, nlohmann::json& view)>;
  void SetMemberPageExtras(MemberPageExtras extras) { member_page_extras_ = std::move(extras); }

  // How precisely a member's place may be named to a viewer: true for their city, false
  // for their country only. The map's privacy rule (map/map_privacy.h CityNameable),
  // asked through the map service, so that no page names a place more precisely than
  // the map shows it; orphacodes are the conditions the page ties the member to. Without
  // it (no map), cities are named to signed-in active members only.
  // REQUIRES: called before serving starts.
  using CityNameableFn =
      std::function<bool(const guard::Viewer&, long long city_id, const std::vector<int>& orphacodes)>;
  void SetCityNameable(CityNameableFn rule) { city_nameable_ = std::move(rule); }

  // How a condition's page is shown again with a refused join form (catalog/); without
  // it, with the default settings.
  void SetConditionPage(catalog::ConditionPageFn page) { condition_page_ = std::move(page); }

  // The community box of a condition's page for request.viewer, with `error` beside
  // the role field and `chosen_role` kept when a join was refused.
  Result<nlohmann::json> CommunityBox(const catalog::Condition& condition, const http::Request& request,
                                      const std::string& error = "", const std::string& chosen_role = "");

 private:
  http::Response Form(const http::Request& request, const ProfileForm& form,
                      const std::map<std::string, std::string>& errors,
                      const std::vector<CityChoice>& choices, unsigned status);
  void Invalidate();
  // location as `viewer` may see it beside a member of those conditions (CityNameableFn).
  Location ShownTo(const guard::Viewer& viewer, const Location& location, const std::vector<int>& orphacodes) const;

  Database& db_;
  catalog::ConditionStore& conditions_;
  PageCache* page_cache_;
  const Gazetteer& gazetteer_;
  ProfileStore store_;
  MemberPageExtras member_page_extras_;
  CityNameableFn city_nameable_;
  catalog::ConditionPageFn condition_page_;
  accounts::MemberChangedFn member_changed_;
};

}  // namespace diseasemaps::profiles
