// MapService: the community map in memory, per process. It answers /api/v1/map and its
// members and countries lists from ClusterIndexes kept current from the database.
//
// What it holds: every active member who belongs to a community (visibility, coarse
// place, memberships), and per scope (0: all conditions, as /map shows them; else one
// ORPHAcode, built lazily on its first request and kept) the totals by role and, per
// viewer class (map_privacy.h: anonymous, signed-in member), the members visible to that
// class counted by place and role, and one ClusterIndex whose points are (place, role)
// with weight = members: a city is one point per role present, all in one group
// (ClusterOptions::group_bits), so a place comes back as ONE item with counts per role.
// The all-conditions scope counts each member once, in the role of their earliest
// membership.
//
// Changes: the code that writes a member's data (profile, memberships, suspension,
// deletion) calls MemberChanged(user_id); the service re-reads that member's rows and
// applies the difference to the counts and to the points (Add/Remove/SetWeight; for
// anonymous viewers a city crossing k moves its weights between its own points and its
// country's). The index repairs its levels locally (cluster_index.h), so a change is on
// the map when MemberChanged returns; nothing is reloaded or rebuilt for it. A
// background thread re-reads every member from the database every `resync_interval`
// and applies the differences the same way, so several `serve` processes on one
// database converge even for changes made by another process.
//
// Role filter: applied at query time to the role counts each item carries (a cluster's
// count and roles then count the selected roles only, and items left with 0 are
// dropped), not by per-role indexes: six more indexes per scope and class would cost six
// times the memory and the publication time, and any subset of roles can be asked. The
// price: with a filter, a cluster keeps the position and the grouping computed for all
// roles.
//
// Read replica (platform/db/replica_scope.h): Load and the re-syncs read every member
// from the replica when it may be read; a re-sync asks it for every change up to the
// last MemberChanged, so it never undoes a change the primary already showed us.
// MemberChanged itself reads the primary.
//
// Demo data (demo_data.h): the service knows how many synthetic members exist and sets
// the layout's "Demo data" banner (platform/site_banner.h) while any do. It re-counts
// them at Load, at each re-sync, and when serve sees the content generation move
// (DemoDataMayHaveChanged); a changed count also brings the next re-sync forward, so
// members made or removed by `diseasemaps demo-data` reach the map within a second or so.
//
// Thread-safety: every public method may be called from any thread. Queries take a
// shared lock on the member tables only to copy what they need; cluster queries take the
// index's own reader lock. Writers (MemberChanged, Resync) are serialised by their own
// mutex; each updates the tables under the exclusive lock and records the point
// changes, then applies them to the indexes after releasing it. A re-sync compares every
// member with its row under the shared lock, and takes the exclusive one only to apply
// the members that differ.
#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "map/cluster_index.h"
#include "map/map_privacy.h"
#include "map/map_store.h"
#include "platform/gazetteer.h"

namespace diseasemaps::map {

struct MapServiceOptions {
  uint32_t min_city_members = kDefaultMinCityMembers;  // k
  // How often the background thread looks for a re-sync brought forward.
  std::chrono::milliseconds wake_interval{500};
  std::chrono::milliseconds resync_interval{60000};
  ClusterOptions cluster;  // radius 60, extent 512: what the Leaflet client draws
};

// A place on the map: a city ("city:ID") or a country's point ("country:CC"). Keys are
// 53-bit numbers: a city's gazetteer id (below 2^52), or 2^52 + the country's two letters.
using PlaceKey = uint64_t;
inline constexpr PlaceKey kNoPlace = 0;
std::string PlaceIdOf(PlaceKey key);                       // "city:2996944", "country:FR"
std::optional<PlaceKey> ParsePlaceId(std::string_view id);  // nullopt when malformed
PlaceKey CountryKey(std::string_view code);
bool IsCountryKey(PlaceKey key);

struct RoleFilter {
  std::array<bool, kRoleCount> selected{true, true, true, true, true, true};
};

struct MapItemView {
  bool is_cluster = false;
  double lat = 0, lng = 0;
  uint32_t count = 0;
  RoleCounts roles{};
  int expansion_zoom = 0;  // clusters
  PlaceKey place = kNoPlace;  // places
  std::string place_label;    // places
};

struct CountryCount {
  std::string code;
  uint32_t count = 0;
  RoleCounts roles{};
};

struct ListedMember {
  long long user_id = 0;
  Role role = Role::kAffected;
  guard::Visibility visibility = guard::Visibility::kMembers;
};

// What a MapService holds: members (with a place or not), places with members, and
// scopes (all conditions, and each condition whose map was asked for).
struct MapServiceSize {
  std::size_t members = 0;
  std::size_t places = 0;
  std::size_t scopes = 0;
};

class MapService {
 public:
  MapService(Database& db, const Gazetteer& gazetteer, MapServiceOptions options = {});
  ~MapService();  // stops the background thread
  MapService(const MapService&) = delete;
  MapService& operator=(const MapService&) = delete;

  // Loads every member and builds the all-conditions scope. Unavailable on a database
  // failure (the service then stays empty). REQUIRES: called once, before Start() and
  // before any query (it drops every scope, and queries hold scopes without a lock).
  Status Load();
  // Starts the re-syncing thread. REQUIRES: Load() succeeded.
  void Start();

  // Re-reads that member's rows and applies the difference. Blocks on the database:
  // call it after the write's transaction committed, off the I/O threads. A database
  // failure is logged and left to the next re-sync.
  void MemberChanged(long long user_id);
  // Re-reads every member and applies the differences.
  Status Resync();
  // Re-counts the synthetic members and sets the banner; a change brings the next
  // re-sync forward. Blocks on the database; call it off the I/O threads.
  void DemoDataMayHaveChanged();

  // Totals of the scope (0: all conditions) by role: every active member, hidden ones
  // included. Counted from the members when the scope has no map yet (never builds one).
  RoleCounts Totals(int orphacode);
  // The items of the scope visible to the class, inside the box, at that zoom, with
  // only the selected roles counted.
  std::vector<MapItemView> Items(int orphacode, ViewerClass viewer_class, const RoleFilter& roles,
                                 double west, double south, double east, double north, int zoom);
  // Members the class may list at the place, in the selected roles, by user id: for a
  // city, its members (none for an anonymous viewer when the city has fewer than k);
  // for a country, every listable member located in it (city or country), as
  // Countries() counts them.
  std::vector<ListedMember> MembersAt(int orphacode, ViewerClass viewer_class, const RoleFilter& roles,
                                      PlaceKey place);
  // True when pages may name `city` (a city's place key: its gazetteer id) beside a
  // member whose conditions are `orphacodes` to a viewer of the class: map_privacy.h's
  // CityNameable over the members visible to the class in that city, in each of those
  // conditions (in all conditions when the list is empty), as the map counts them.
  bool CityNameable(ViewerClass viewer_class, PlaceKey city, const std::vector<int>& orphacodes);
  // Members the class may list, by country, in the selected roles, in no particular order
  // (the API sorts them by count, then by the country's name).
  std::vector<CountryCount> Countries(int orphacode, ViewerClass viewer_class, const RoleFilter& roles);
  // What a members list shows of those members (display name, contact, verified).
  Result<std::vector<MemberCard>> Cards(const std::vector<long long>& user_ids) { return store_.Cards(user_ids); }
  // The place's label: "Lyon, Auvergne-Rhône-Alpes, France", "France"; "" when unknown.
  std::string PlaceLabel(PlaceKey place);

  uint32_t min_city_members() const { return options_.min_city_members; }
  // What the service holds in memory, for the admin home and /metrics. Never waits: while
  // a writer holds the service, the size seen at the last call that got in.
  MapServiceSize Size();

 private:
  struct Member {
    PlaceKey place = kNoPlace;
    guard::Visibility visibility = guard::Visibility::kMembers;
    std::vector<std::pair<int, Role>> memberships;  // earliest first
  };
  struct Place {
    double lat = 0, lng = 0;
    std::string label;
    PlaceKey country = kNoPlace;  // a city's country; a country's own key
  };
  struct ClassState {
    std::unordered_map<PlaceKey, RoleCounts> raw;     // visible members by their own place
    std::unordered_map<PlaceKey, RoleCounts> folded;  // anonymous: small cities, by country
    std::unordered_map<uint64_t, uint32_t> weights;   // point id -> weight, as the index holds
    std::shared_ptr<ClusterIndex> index;
  };
  struct Scope {
    RoleCounts totals{};
    std::array<ClassState, kViewerClassCount> classes;
    // Set once the indexes staged at the scope's creation have been built.
    std::atomic<bool> built{false};
  };

  std::optional<Role> RoleInScope(const Member& member, int orphacode) const;
  bool Folds(ViewerClass c) const { return c == ViewerClass::kAnonymous; }
  bool Small(ViewerClass c, const RoleCounts& counts) const;
  void Count(Scope& scope, int orphacode, const Member& member, int sign,
             std::array<std::unordered_set<PlaceKey>, kViewerClassCount>* touched);
  RoleCounts Desired(ViewerClass c, const ClassState& state, PlaceKey key) const;
  // A change to one index, decided under mutex_ and applied after it is released.
  struct PointChange {
    std::shared_ptr<ClusterIndex> index;
    MapPoint point;  // Add: the point; Remove: its id; SetWeight: id and weight
    enum class Kind { kAdd, kRemove, kSetWeight } kind = Kind::kAdd;
  };
  using PointChanges = std::vector<PointChange>;
  static void ApplyPointChanges(const PointChanges& changes);
  void SyncPoints(ViewerClass c, ClassState& state, const std::unordered_set<PlaceKey>& keys,
                  PointChanges& changes);
  void BuildIndexes(Scope& scope);
  Scope& ScopeLocked(int orphacode);  // counts and stages a new scope; REQUIRES: mutex_ held exclusively
  Scope* FindScope(int orphacode);
  Scope& GetScope(int orphacode);     // builds it when missing; returns with no lock held
  PlaceKey RegisterPlace(const MemberRow& row);
  // The member as the service keeps them (registers their place). REQUIRES: mutex_ held.
  Member MemberFrom(const MemberRow& row);
  void MoveMemberLocked(long long user_id, PlaceKey from, PlaceKey to);
  void ApplyLocked(long long user_id, const std::optional<MemberRow>& row, PointChanges& changes);
  void Loop();

  MapStore store_;
  const Gazetteer& gazetteer_;
  const MapServiceOptions options_;

  std::mutex writer_mutex_;  // serialises MemberChanged and Resync, and their point changes
  // Guarded by writer_mutex_: MemberChanged calls so far, and the count at each member's
  // latest one, so a re-sync never applies a row it read before that member's change.
  uint64_t changes_ = 0;
  std::unordered_map<long long, uint64_t> changed_at_;
  // When MemberChanged last ran (steady clock ticks): the freshness a re-sync asks of the replica.
  std::atomic<std::chrono::steady_clock::rep> last_member_change_{0};
  std::shared_mutex mutex_;  // guards members_, places_, scopes_ and their contents
  std::unordered_map<long long, Member> members_;
  std::unordered_map<PlaceKey, Place> places_;
  std::map<int, std::unique_ptr<Scope>> scopes_;
  // For the members lists: who is at each place, and each country's places (itself too).
  std::unordered_map<PlaceKey, std::vector<long long>> at_place_;
  std::unordered_map<PlaceKey, std::vector<PlaceKey>> country_places_;

  std::mutex size_mutex_;  // guards last_size_
  MapServiceSize last_size_;
  std::mutex demo_mutex_;  // serialises DemoDataMayHaveChanged
  std::atomic<long long> synthetic_members_{-1};
  std::atomic<bool> resync_soon_{false};
  std::mutex loop_mutex_;
  std::condition_variable loop_wake_;
  bool stopping_ = false;  // guarded by loop_mutex_
  std::thread thread_;
};

// profiles::MembersSentence of the counts ("41 members: 36 affected, 2 family & friends,
// 1 adviser"), or "No members yet".
std::string TotalsSummary(const RoleCounts& totals);
// "affected", "family & friends", …, "healthcare professional", "organisation".
std::string RoleLabel(Role role);

}  // namespace diseasemaps::map
