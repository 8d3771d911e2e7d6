#include "map/map_service.h"

#include <algorithm>
#include <charconv>

#include <spdlog/spdlog.h>

#include "map/demo_data.h"
#include "platform/db/replica_scope.h"
#include "platform/i18n.h"
#include "platform/site_banner.h"
#include "platform/text.h"
#include "profiles/profile.h"

namespace diseasemaps::map {
namespace {

constexpr uint64_t kCountryFlag = uint64_t{1} << 52;
constexpr int kRoleBits = 3;  // a point's id is place << 3 | role

uint64_t PointId(PlaceKey place, int role) { return (place << kRoleBits) | static_cast<uint64_t>(role); }

bool AllZero(const RoleCounts& counts) {
  return std::all_of(counts.begin(), counts.end(), [](uint32_t n) { return n == 0; });
}

uint32_t Sum(const RoleCounts& counts) {
  uint32_t n = 0;
  for (uint32_t c : counts) n += c;
  return n;
}

void AddTo(RoleCounts& into, const RoleCounts& from, int sign) {
  for (int r = 0; r < kRoleCount; ++r) into[r] += static_cast<uint32_t>(sign) * from[r];
}

RoleCounts Masked(const RoleCounts& counts, const RoleFilter& filter) {
  RoleCounts out{};
  for (int r = 0; r < kRoleCount; ++r) out[r] = filter.selected[r] ? counts[r] : 0;
  return out;
}


}  // namespace

std::string RoleLabel(Role role) { return profiles::MemberRoleWord(static_cast<profiles::MemberRole>(role)); }

std::string TotalsSummary(const RoleCounts& totals) {
  std::map<profiles::MemberRole, long long> counts;
  for (int r = 0; r < kRoleCount; ++r) counts[static_cast<profiles::MemberRole>(r)] = totals[r];
  const std::string sentence = profiles::MembersSentence(counts);
  return sentence.empty() ? i18n::Tr("No members yet") : sentence;
}

PlaceKey CountryKey(std::string_view code) {
  if (code.size() != 2) return kNoPlace;
  return kCountryFlag | (static_cast<uint64_t>(static_cast<unsigned char>(code[0])) << 8) |
         static_cast<unsigned char>(code[1]);
}

bool IsCountryKey(PlaceKey key) { return (key & kCountryFlag) != 0; }

std::string PlaceIdOf(PlaceKey key) {
  if (IsCountryKey(key)) {
    return std::string("country:") + static_cast<char>((key >> 8) & 0xff) + static_cast<char>(key & 0xff);
  }
  return "city:" + std::to_string(key);
}

std::optional<PlaceKey> ParsePlaceId(std::string_view id) {
  if (id.rfind("country:", 0) == 0) {
    const std::string_view code = id.substr(8);
    if (code.size() != 2 || code[0] < 'A' || code[0] > 'Z' || code[1] < 'A' || code[1] > 'Z') return std::nullopt;
    return CountryKey(code);
  }
  if (id.rfind("city:", 0) == 0) {
    const std::string_view digits = id.substr(5);
    uint64_t value = 0;
    if (digits.empty() || digits.size() > 16) return std::nullopt;
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (ec != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
    if (value == 0 || value >= kCountryFlag) return std::nullopt;
    return value;
  }
  return std::nullopt;
}

MapService::MapService(Database& db, const Gazetteer& gazetteer, MapServiceOptions options)
    : store_(db), gazetteer_(gazetteer), options_([&] {
        options.min_city_members = std::max<uint32_t>(1, options.min_city_members);
        options.cluster.group_bits = kRoleBits;
        return options;
      }()) {}

MapService::~MapService() {
  {
    std::lock_guard lock(loop_mutex_);
    stopping_ = true;
  }
  loop_wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

std::optional<Role> MapService::RoleInScope(const Member& member, int orphacode) const {
  if (member.memberships.empty()) return std::nullopt;
  if (orphacode == 0) return member.memberships.front().second;
  for (const auto& [code, role] : member.memberships) {
    if (code == orphacode) return role;
  }
  return std::nullopt;
}

bool MapService::Small(ViewerClass c, const RoleCounts& counts) const {
  return !CityShownAsCity(c, Sum(counts), options_.min_city_members);
}

namespace {

// The key of the member's place, as RegisterPlace gives it, registering nothing.
PlaceKey PlaceKeyOf(const MemberRow& row) {
  if (row.place_kind == MemberRow::PlaceKind::kNone) return kNoPlace;
  const PlaceKey country = CountryKey(row.country_code);
  if (country == kNoPlace || row.place_kind == MemberRow::PlaceKind::kCountry) return country;
  const auto id = static_cast<PlaceKey>(row.city_id);
  return id == kNoPlace || id >= kCountryFlag ? country : id;
}

}  // namespace

PlaceKey MapService::RegisterPlace(const MemberRow& row) {
  const PlaceKey key = PlaceKeyOf(row);
  if (key == kNoPlace) return kNoPlace;
  const PlaceKey country = CountryKey(row.country_code);
  if (!places_.count(country)) {
    Place p;
    p.country = country;
    p.label = gazetteer_.CountryName(row.country_code);
    if (const Country* known = gazetteer_.FindCountry(row.country_code)) {
      p.lat = known->latitude;
      p.lng = known->longitude;
    } else {
      p.lat = row.latitude;
      p.lng = row.longitude;
    }
    places_.emplace(country, std::move(p));
    country_places_[country].push_back(country);
  }
  if (key == country) return country;
  const PlaceKey id = key;
  if (!places_.count(id)) {
    Place p;
    p.country = country;
    p.lat = row.latitude;
    p.lng = row.longitude;
    p.label = row.city_name;
    if (!row.admin_name.empty() && row.admin_name != row.city_name) p.label += ", " + row.admin_name;
    p.label += ", " + gazetteer_.CountryName(row.country_code);
    places_.emplace(id, std::move(p));
    country_places_[country].push_back(id);
  }
  return id;
}

// Adds (sign 1) or removes (sign -1) the member's contribution to the scope's counts,
// recording the places whose points may change.
void MapService::Count(Scope& scope, int orphacode, const Member& member, int sign,
                       std::array<std::unordered_set<PlaceKey>, kViewerClassCount>* touched) {
  const auto role = RoleInScope(member, orphacode);
  if (!role) return;
  const int r = static_cast<int>(*role);
  scope.totals[r] += static_cast<uint32_t>(sign);
  if (member.place == kNoPlace) return;
  const Place& place = places_.at(member.place);
  for (int c = 0; c < kViewerClassCount; ++c) {
    const auto vc = static_cast<ViewerClass>(c);
    if (!ShownOnMap(vc, member.visibility, true)) continue;
    ClassState& state = scope.classes[c];
    RoleCounts& counts = state.raw[member.place];
    const bool city = !IsCountryKey(member.place);
    if (city && Folds(vc) && Small(vc, counts)) AddTo(state.folded[place.country], counts, -1);
    counts[r] += static_cast<uint32_t>(sign);
    if (city && Folds(vc) && Small(vc, counts)) AddTo(state.folded[place.country], counts, 1);
    if (AllZero(counts)) state.raw.erase(member.place);
    if (touched) {
      (*touched)[c].insert(member.place);
      (*touched)[c].insert(place.country);
    }
  }
}

RoleCounts MapService::Desired(ViewerClass c, const ClassState& state, PlaceKey key) const {
  RoleCounts out{};
  if (auto it = state.raw.find(key); it != state.raw.end()) out = it->second;
  if (IsCountryKey(key)) {
    if (auto it = state.folded.find(key); it != state.folded.end()) AddTo(out, it->second, 1);
  } else if (Folds(c) && Small(c, out)) {
    out = {};
  }
  return out;
}

void MapService::ApplyPointChanges(const PointChanges& changes) {
  for (const PointChange& change : changes) {
    Status s;
    switch (change.kind) {
      case PointChange::Kind::kAdd: s = change.index->Add(change.point); break;
      case PointChange::Kind::kRemove: s = change.index->Remove(change.point.id); break;
      case PointChange::Kind::kSetWeight: s = change.index->SetWeight(change.point.id, change.point.weight); break;
    }
    if (!s.ok()) spdlog::error("map: point {}: {}", change.point.id, s.message());
  }
}

void MapService::SyncPoints(ViewerClass c, ClassState& state, const std::unordered_set<PlaceKey>& keys,
                            PointChanges& changes) {
  for (PlaceKey key : keys) {
    const RoleCounts want = Desired(c, state, key);
    const Place& place = places_.at(key);
    for (int r = 0; r < kRoleCount; ++r) {
      const uint64_t id = PointId(key, r);
      auto it = state.weights.find(id);
      const uint32_t have = it == state.weights.end() ? 0 : it->second;
      if (have == want[r]) continue;
      const MapPoint point{id, place.lat, place.lng, want[r], static_cast<Role>(r)};
      if (have == 0) {
        changes.push_back({state.index, point, PointChange::Kind::kAdd});
        state.weights[id] = want[r];
      } else if (want[r] == 0) {
        changes.push_back({state.index, point, PointChange::Kind::kRemove});
        state.weights.erase(it);
      } else {
        changes.push_back({state.index, point, PointChange::Kind::kSetWeight});
        it->second = want[r];
      }
    }
  }
}

void MapService::BuildIndexes(Scope& scope) {
  for (int c = 0; c < kViewerClassCount; ++c) {
    const auto vc = static_cast<ViewerClass>(c);
    ClassState& state = scope.classes[c];
    std::unordered_set<PlaceKey> keys;
    for (const auto& [key, counts] : state.raw) {
      keys.insert(key);
      keys.insert(places_.at(key).country);
    }
    std::vector<MapPoint> points;
    state.weights.clear();
    for (PlaceKey key : keys) {
      const RoleCounts want = Desired(vc, state, key);
      const Place& place = places_.at(key);
      for (int r = 0; r < kRoleCount; ++r) {
        if (want[r] == 0) continue;
        points.push_back({PointId(key, r), place.lat, place.lng, want[r], static_cast<Role>(r)});
        state.weights[PointId(key, r)] = want[r];
      }
    }
    if (!state.index) state.index = std::make_shared<ClusterIndex>(options_.cluster);
    if (Status s = state.index->Stage(std::move(points)); !s.ok()) spdlog::error("map: {}", s.message());
  }
}

MapService::Scope& MapService::ScopeLocked(int orphacode) {
  auto it = scopes_.find(orphacode);
  if (it != scopes_.end()) return *it->second;
  auto scope = std::make_unique<Scope>();
  for (const auto& [id, member] : members_) Count(*scope, orphacode, member, 1, nullptr);
  BuildIndexes(*scope);
  return *scopes_.emplace(orphacode, std::move(scope)).first->second;
}

MapService::Scope* MapService::FindScope(int orphacode) {
  auto it = scopes_.find(orphacode);
  return it == scopes_.end() ? nullptr : it->second.get();
}

MapService::Scope& MapService::GetScope(int orphacode) {
  Scope* scope = nullptr;
  {
    std::shared_lock lock(mutex_);
    scope = FindScope(orphacode);  // scopes are never removed (but by Load, at start)
  }
  if (scope == nullptr) {
    std::unique_lock lock(mutex_);
    scope = &ScopeLocked(orphacode);  // counts and stages its points: no clustering yet
  }
  if (!scope->built.load(std::memory_order_acquire)) {
    // A scope's first requests build its indexes here, outside mutex_, so that requests
    // for other scopes and members' changes are not held up for the build (0.3 s for a
    // condition of 230,000 members). Concurrent first requests wait on the index's own
    // writer lock and then find nothing left to build; changes made meanwhile went to
    // the staged points. An index pointer never changes once made.
    for (ClassState& state : scope->classes) state.index->BuildStaged();
    scope->built.store(true, std::memory_order_release);
  }
  return *scope;
}

void MapService::MoveMemberLocked(long long user_id, PlaceKey from, PlaceKey to) {
  if (from == to) return;
  if (from != kNoPlace) {
    auto it = at_place_.find(from);
    if (it != at_place_.end()) {
      auto& ids = it->second;
      auto found = std::find(ids.begin(), ids.end(), user_id);
      if (found != ids.end()) {
        *found = ids.back();
        ids.pop_back();
      }
    }
  }
  if (to != kNoPlace) at_place_[to].push_back(user_id);
}

MapService::Member MapService::MemberFrom(const MemberRow& row) {
  Member m;
  m.place = RegisterPlace(row);
  m.visibility = row.visibility;
  m.memberships = row.memberships;
  return m;
}

void MapService::ApplyLocked(long long user_id, const std::optional<MemberRow>& row, PointChanges& changes) {
  auto it = members_.find(user_id);
  Member fresh;
  if (row) fresh = MemberFrom(*row);
  for (auto& [orphacode, scope] : scopes_) {
    std::array<std::unordered_set<PlaceKey>, kViewerClassCount> touched;
    if (it != members_.end()) Count(*scope, orphacode, it->second, -1, &touched);
    if (row) Count(*scope, orphacode, fresh, 1, &touched);
    for (int c = 0; c < kViewerClassCount; ++c) {
      SyncPoints(static_cast<ViewerClass>(c), scope->classes[c], touched[c], changes);
    }
  }
  MoveMemberLocked(user_id, it == members_.end() ? kNoPlace : it->second.place, row ? fresh.place : kNoPlace);
  if (row) {
    members_[user_id] = std::move(fresh);
  } else if (it != members_.end()) {
    members_.erase(it);
  }
}

Status MapService::Load() {
  auto rows = [this] {
    ReplicaReadScope from_replica;  // nothing applied yet that it could undo
    return store_.LoadAll();
  }();
  if (!rows.ok()) return rows.status();
  std::unique_lock lock(mutex_);
  members_.clear();
  scopes_.clear();
  at_place_.clear();
  members_.reserve(rows->size());
  for (const MemberRow& row : *rows) {
    Member m = MemberFrom(row);
    if (m.place != kNoPlace) at_place_[m.place].push_back(row.user_id);
    members_.emplace(row.user_id, std::move(m));
  }
  ScopeLocked(0);
  spdlog::info("map: {} members in communities", members_.size());
  lock.unlock();
  GetScope(0);  // builds the all-conditions map before serving
  DemoDataMayHaveChanged();
  resync_soon_ = false;
  return Status::Ok();
}

void MapService::DemoDataMayHaveChanged() {
  // Serve's watcher and the re-sync thread both call this: counting and setting under one
  // lock, the banner last set is the one of the latest count.
  std::lock_guard demo(demo_mutex_);
  auto count = store_.CountSynthetic();
  if (!count.ok()) return;
  const long long before = synthetic_members_.exchange(*count);
  if (before == *count) return;
  SetSiteBanner(*count > 0 ? kDemoBanner : "");
  if (before >= 0) {
    resync_soon_ = true;
    loop_wake_.notify_all();
  }
}

void MapService::MemberChanged(long long user_id) {
  // Read under the writer lock, so two changes of one member apply in the order read.
  std::lock_guard writer(writer_mutex_);
  last_member_change_.store(std::chrono::steady_clock::now().time_since_epoch().count());
  changed_at_[user_id] = ++changes_;
  auto row = store_.LoadOne(user_id);
  if (!row.ok()) {
    spdlog::warn("map: member {} not re-read ({}); the next re-sync will", user_id, row.status().message());
    return;
  }
  PointChanges changes;
  {
    std::unique_lock lock(mutex_);
    ApplyLocked(user_id, *row, changes);
  }
  ApplyPointChanges(changes);
}

Status MapService::Resync() {
  uint64_t read_after = 0;
  {
    std::lock_guard writer(writer_mutex_);
    read_after = changes_;
  }
  auto rows = [this] {
    const std::chrono::steady_clock::time_point last_change{std::chrono::steady_clock::duration(last_member_change_.load())};
    ReplicaReadScope from_replica(last_change);
    return store_.LoadAll();
  }();
  if (!rows.ok()) return rows.status();
  std::lock_guard writer(writer_mutex_);  // members_ changes under it only: the two steps agree
  // Members changed while the rows were read are as MemberChanged left them: newer.
  auto changed_since_read = [&](long long id) {
    auto it = changed_at_.find(id);
    return it != changed_at_.end() && it->second > read_after;
  };
  // 1. Which members differ from their rows: a pass over all, under the shared lock, so
  // the map keeps answering meanwhile.
  std::vector<const MemberRow*> differ;
  std::vector<long long> gone;
  {
    std::shared_lock lock(mutex_);
    std::unordered_set<long long> seen;
    seen.reserve(rows->size());
    for (const MemberRow& row : *rows) {
      seen.insert(row.user_id);
      if (changed_since_read(row.user_id)) continue;
      auto it = members_.find(row.user_id);
      if (it != members_.end()) {
        const Member& m = it->second;
        if (m.place == PlaceKeyOf(row) && m.visibility == row.visibility && m.memberships == row.memberships) continue;
      }
      differ.push_back(&row);
    }
    for (const auto& [id, m] : members_) {
      if (!seen.count(id) && !changed_since_read(id)) gone.push_back(id);
    }
  }
  // 2. Those alone, under the exclusive lock.
  PointChanges changes;
  std::unique_lock lock(mutex_);
  for (const MemberRow* row : differ) ApplyLocked(row->user_id, *row, changes);
  for (long long id : gone) ApplyLocked(id, std::nullopt, changes);
  changed_at_.clear();  // every later re-sync reads after these changes
  lock.unlock();
  ApplyPointChanges(changes);
  return Status::Ok();
}

void MapService::Start() {
  thread_ = std::thread([this] { Loop(); });
}

void MapService::Loop() {
  auto next_resync = std::chrono::steady_clock::now() + options_.resync_interval;
  std::unique_lock lock(loop_mutex_);
  while (!stopping_) {
    loop_wake_.wait_for(lock, options_.wake_interval, [this] { return stopping_; });
    if (stopping_) break;
    lock.unlock();
    if (resync_soon_.exchange(false) || std::chrono::steady_clock::now() >= next_resync) {
      DemoDataMayHaveChanged();
      resync_soon_ = false;
      if (Status s = Resync(); !s.ok()) spdlog::warn("map: re-sync failed: {}", s.message());
      next_resync = std::chrono::steady_clock::now() + options_.resync_interval;
    }
    lock.lock();
  }
}

RoleCounts MapService::Totals(int orphacode) {
  std::shared_lock lock(mutex_);
  if (const Scope* scope = FindScope(orphacode)) return scope->totals;
  // A total alone never builds a scope: condition pages ask for every condition (a
  // crawler walks them all), and a scope's indexes are only worth keeping for its map.
  RoleCounts totals{};
  for (const auto& [id, member] : members_) {
    if (const auto role = RoleInScope(member, orphacode)) ++totals[static_cast<int>(*role)];
  }
  return totals;
}

std::vector<MapItemView> MapService::Items(int orphacode, ViewerClass viewer_class, const RoleFilter& roles,
                                           double west, double south, double east, double north, int zoom) {
  Scope& scope = GetScope(orphacode);
  std::shared_ptr<ClusterIndex> index;
  {
    std::shared_lock lock(mutex_);
    index = scope.classes[static_cast<int>(viewer_class)].index;
  }
  std::vector<MapItem> found;
  index->Clusters(west, south, east, north, zoom, found);
  std::vector<MapItemView> out;
  out.reserve(found.size());
  std::unordered_map<PlaceKey, size_t> place_at;  // a place's role points come as one item
  std::shared_lock lock(mutex_);
  for (const MapItem& item : found) {
    const RoleCounts counts = Masked(item.roles, roles);
    const uint32_t count = Sum(counts);
    if (count == 0) continue;
    if (item.group == kMixedGroups) {
      MapItemView view;
      view.is_cluster = true;
      view.lat = item.lat;
      view.lng = item.lng;
      view.count = count;
      view.roles = counts;
      view.expansion_zoom = static_cast<int>(item.id & 31);
      out.push_back(view);
      continue;
    }
    const PlaceKey key = item.group;
    if (auto it = place_at.find(key); it != place_at.end()) {
      MapItemView& view = out[it->second];
      AddTo(view.roles, counts, 1);
      view.count += count;
      continue;
    }
    MapItemView view;
    view.place = key;
    view.count = count;
    view.roles = counts;
    if (auto p = places_.find(key); p != places_.end()) {
      view.lat = p->second.lat;
      view.lng = p->second.lng;
      view.place_label = p->second.label;
    } else {
      view.lat = item.lat;
      view.lng = item.lng;
    }
    place_at.emplace(key, out.size());
    out.push_back(std::move(view));
  }
  return out;
}

std::vector<ListedMember> MapService::MembersAt(int orphacode, ViewerClass viewer_class, const RoleFilter& roles,
                                                PlaceKey place) {
  Scope& scope = GetScope(orphacode);
  std::shared_lock lock(mutex_);
  std::vector<ListedMember> out;
  const bool country = IsCountryKey(place);
  if (!country) {
    const ClassState& state = scope.classes[static_cast<int>(viewer_class)];
    auto it = state.raw.find(place);
    if (it == state.raw.end() || (Folds(viewer_class) && Small(viewer_class, it->second))) return out;
  }
  auto add_from = [&](PlaceKey key) {
    auto ids = at_place_.find(key);
    if (ids == at_place_.end()) return;
    for (long long id : ids->second) {
      const Member& member = members_.at(id);
      if (!ShownOnMap(viewer_class, member.visibility, true)) continue;
      const auto role = RoleInScope(member, orphacode);
      if (!role || !roles.selected[static_cast<int>(*role)]) continue;
      out.push_back({id, *role, member.visibility});
    }
  };
  if (!country) {
    add_from(place);
  } else if (auto keys = country_places_.find(place); keys != country_places_.end()) {
    for (PlaceKey key : keys->second) add_from(key);
  }
  std::sort(out.begin(), out.end(), [](const ListedMember& a, const ListedMember& b) { return a.user_id < b.user_id; });
  return out;
}

bool MapService::CityNameable(ViewerClass viewer_class, PlaceKey city, const std::vector<int>& orphacodes) {
  if (!Folds(viewer_class)) return true;
  std::vector<int> scopes = orphacodes;
  if (scopes.empty()) scopes.push_back(0);
  std::vector<uint32_t> visible(scopes.size(), 0);
  {
    std::shared_lock lock(mutex_);
    if (auto ids = at_place_.find(city); ids != at_place_.end() && !IsCountryKey(city)) {
      for (long long id : ids->second) {
        const Member& member = members_.at(id);
        if (!ShownOnMap(viewer_class, member.visibility, true)) continue;
        for (size_t i = 0; i < scopes.size(); ++i) {
          if (RoleInScope(member, scopes[i])) ++visible[i];
        }
      }
    }
  }
  return map::CityNameable(viewer_class, visible, options_.min_city_members);
}

std::vector<CountryCount> MapService::Countries(int orphacode, ViewerClass viewer_class, const RoleFilter& roles) {
  Scope& scope = GetScope(orphacode);
  std::map<PlaceKey, RoleCounts> by_country;
  {
    std::shared_lock lock(mutex_);
    for (const auto& [key, counts] : scope.classes[static_cast<int>(viewer_class)].raw) {
      AddTo(by_country[places_.at(key).country], Masked(counts, roles), 1);
    }
  }
  std::vector<CountryCount> out;
  for (const auto& [key, counts] : by_country) {
    const uint32_t n = Sum(counts);
    if (n == 0) continue;
    out.push_back({PlaceIdOf(key).substr(8), n, counts});
  }
  return out;
}

MapServiceSize MapService::Size() {
  std::shared_lock lock(mutex_, std::try_to_lock);
  std::lock_guard size_lock(size_mutex_);
  if (lock.owns_lock()) last_size_ = MapServiceSize{members_.size(), places_.size(), scopes_.size()};
  return last_size_;
}

std::string MapService::PlaceLabel(PlaceKey place) {
  std::shared_lock lock(mutex_);
  auto it = places_.find(place);
  return it == places_.end() ? "" : it->second.label;
}

}  // namespace diseasemaps::map
