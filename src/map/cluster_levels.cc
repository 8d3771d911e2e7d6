// ClusterLevels: see cluster_levels.h; the rules and why the repair is exact are in
// cluster_index.h.
#include "map/cluster_levels.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <numbers>
#include <queue>
#include <utility>

namespace diseasemaps::map {
namespace {

constexpr uint32_t kNone = UINT32_MAX;
constexpr uint32_t kRecordFlag = 1u << 31;  // Item::ref names a Record
constexpr uint32_t kMaxGridSide = 2048;
constexpr double kFixedUnit = 1.0 / 4294967296.0;  // 2^-32

// A mercator coordinate in [0,1] as 32-bit fixed point, rounded to nearest. 2^-32 of the
// world is 1/128 of a pixel at zoom 16 in a 512-px tile, and exact in a double.
uint32_t Fixed(double v) {
  const double f = std::round(std::clamp(v, 0.0, 1.0) * 4294967296.0);
  return f >= 4294967295.0 ? UINT32_MAX : static_cast<uint32_t>(f);
}

double LngToX(double lng) { return lng / 360.0 + 0.5; }

double LatToY(double lat) {
  const double s = std::sin(lat * std::numbers::pi / 180.0);
  const double y = 0.5 - 0.25 * std::log((1 + s) / (1 - s)) / std::numbers::pi;
  return std::clamp(y, 0.0, 1.0);  // ±90° give ±inf
}

double XToLng(double x) { return (x - 0.5) * 360.0; }

double YToLat(double y) {
  const double y2 = (180.0 - y * 360.0) * std::numbers::pi / 180.0;
  return 360.0 * std::atan(std::exp(y2)) / std::numbers::pi - 90.0;
}

// Longitude wrapped into [-180, 180).
double WrapLng(double lng) { return std::fmod(std::fmod(lng + 180.0, 360.0) + 360.0, 360.0) - 180.0; }

// The seed order: a bijective mix of an origin id (splitmix64's finaliser), so seeds are
// taken in a scattered order, as supercluster takes them in input order, and no two
// items of a level tie.
uint64_t Mix(uint64_t v) {
  v ^= v >> 30;
  v *= 0xbf58476d1ce4e5b9ull;
  v ^= v >> 27;
  v *= 0x94d049bb133111ebull;
  return v ^ (v >> 31);
}

// A slot of `slots`: a freed one if any, else a new one at the end.
template <typename T>
uint32_t Alloc(std::vector<T>& slots, std::vector<uint32_t>& free_slots) {
  if (free_slots.empty()) {
    slots.emplace_back();
    return static_cast<uint32_t>(slots.size() - 1);
  }
  const uint32_t slot = free_slots.back();
  free_slots.pop_back();
  return slot;
}

// About two items a cell.
uint32_t GridSideFor(size_t items) {
  return static_cast<uint32_t>(std::clamp<double>(std::ceil(std::sqrt(items / 2.0)), 1, kMaxGridSide));
}

}  // namespace

struct ClusterLevels::Change {
  enum class Kind : uint8_t { kAdded, kRemoved, kMoved, kChanged };
  uint32_t slot = 0;
  Kind kind = Kind::kAdded;
  uint32_t old_fx = 0, old_fy = 0;  // kRemoved, kMoved: where it was
};

// An item a group makes on the level below, and which members of the group it holds
// (a range of the caller's member list).
struct ClusterLevels::Output {
  uint64_t origin = 0;
  uint32_t fx = 0, fy = 0, count = 0;
  bool record = false;  // a cluster; else a copy of a point
  RoleCounts roles{};   // record
  uint64_t group = 0;   // record
  int made_at = 0;      // record
  uint32_t point = 0;   // a copy of a point: its slot
  uint32_t members_begin = 0, members_end = 0;
};

struct ClusterLevels::Level {
  struct Item {
    uint32_t fx = 0, fy = 0;
    uint32_t count = 0;     // 0: a free slot, or one the change being applied removed
    uint32_t ref = 0;       // a point's slot, or kRecordFlag | a record
    uint32_t next = kNone;  // the next item of its grid cell
    uint32_t seed = kNone;  // the item of this level whose group it is in (itself: a seed)
    uint32_t down = kNone;  // the item of the level below that holds it
    double x() const { return fx * kFixedUnit; }
    double y() const { return fy * kFixedUnit; }
    bool is_record() const { return (ref & kRecordFlag) != 0; }
  };
  struct Record {
    uint64_t origin = 0;
    RoleCounts roles{};
    uint64_t group = 0;
    int made_at = 0;
  };

  int zoom = 0;
  std::vector<Item> items;
  std::vector<uint32_t> free_items;
  std::vector<Record> records;
  std::vector<uint32_t> free_records;
  uint32_t live = 0;
  uint32_t side = 1;
  std::vector<uint32_t> heads{kNone};  // side * side cells, row-major

  Record& RecordOf(uint32_t slot) { return records[items[slot].ref & ~kRecordFlag]; }
  const Record& RecordOf(uint32_t slot) const { return records[items[slot].ref & ~kRecordFlag]; }

  uint32_t CellOf(const Item& it) const {
    const auto cx = static_cast<uint32_t>((uint64_t{it.fx} * side) >> 32);
    const auto cy = static_cast<uint32_t>((uint64_t{it.fy} * side) >> 32);
    return cy * side + cx;
  }
  uint32_t CellCoordinate(double v) const {
    const double c = v * side;
    if (!(c > 0)) return 0;
    return std::min(static_cast<uint32_t>(c), side - 1);
  }

  void Link(uint32_t slot) {
    Item& it = items[slot];
    uint32_t& head = heads[CellOf(it)];
    it.next = head;
    head = slot;
  }
  void Unlink(uint32_t slot) {
    Item& it = items[slot];
    uint32_t* at = &heads[CellOf(it)];
    while (*at != slot) at = &items[*at].next;
    *at = it.next;
    it.next = kNone;
  }
  // Links every live item, lists in slot order.
  void Regrid(uint32_t new_side) {
    side = new_side;
    heads.assign(static_cast<size_t>(side) * side, kNone);
    for (size_t slot = items.size(); slot-- > 0;) {
      if (items[slot].count != 0) Link(static_cast<uint32_t>(slot));
    }
  }

  uint32_t AllocItem() { return Alloc(items, free_items); }
  uint32_t AllocRecord() { return Alloc(records, free_records); }
  // Makes a filled slot (count > 0) live, growing the grid when the level has outgrown it.
  void Insert(uint32_t slot) {
    ++live;
    if (live > 4ull * side * side && side < kMaxGridSide) {
      Regrid(GridSideFor(live));
    } else {
      Link(slot);
    }
  }
  // Takes a slot out of the grid; its contents stay readable until Free().
  void Erase(uint32_t slot) {
    Unlink(slot);
    items[slot].count = 0;
    --live;
  }
  void Free(uint32_t slot) {
    if (items[slot].is_record()) free_records.push_back(items[slot].ref & ~kRecordFlag);
    items[slot] = Item{};
    free_items.push_back(slot);
  }

  // Calls f(slot) for every live item in [x0,x1]×[y0,y1].
  template <typename F>
  void ForEachInBox(double x0, double y0, double x1, double y1, F&& f) const {
    if (live == 0 || !(x0 <= x1) || !(y0 <= y1)) return;
    const uint32_t cx0 = CellCoordinate(x0), cx1 = CellCoordinate(x1);
    const uint32_t cy0 = CellCoordinate(y0), cy1 = CellCoordinate(y1);
    for (uint32_t cy = cy0; cy <= cy1; ++cy) {
      for (uint32_t cx = cx0; cx <= cx1; ++cx) {
        for (uint32_t slot = heads[cy * side + cx]; slot != kNone; slot = items[slot].next) {
          const Item& it = items[slot];
          const double x = it.x(), y = it.y();
          if (x >= x0 && x <= x1 && y >= y0 && y <= y1) f(slot);
        }
      }
    }
  }
  // Calls f(slot) for every live item within r of (x, y). The same arithmetic on the same
  // exact coordinates everywhere, so "within" is symmetric and never differs between a
  // build and a repair.
  template <typename F>
  void ForEachNear(double x, double y, double r, F&& f) const {
    const double r2 = r * r;
    ForEachInBox(x - r, y - r, x + r, y + r, [&](uint32_t slot) {
      const double dx = items[slot].x() - x, dy = items[slot].y() - y;
      if (dx * dx + dy * dy <= r2) f(slot);
    });
  }
};

ClusterOptions ClusterLevels::Clamped(ClusterOptions options) {
  // As supercluster: zooms within 0..30 (a cluster's id keeps zoom + 1 in 5 bits).
  options.max_zoom = std::clamp(options.max_zoom, 0, 30);
  options.min_zoom = std::clamp(options.min_zoom, 0, options.max_zoom);
  options.group_bits = std::clamp(options.group_bits, 0, 63);
  return options;
}

ClusterLevels::ClusterLevels(const ClusterOptions& options, std::span<const MapPoint> points)
    : options_(Clamped(options)) {
  const int count = options_.max_zoom + 2 - options_.min_zoom;
  for (int i = 0; i < count; ++i) {
    levels_.push_back(std::make_unique<Level>());
    levels_.back()->zoom = options_.min_zoom + i;
  }
  // The points, in grid order (neighbours share cache lines).
  Level& top = Top();
  const size_t n = points.size();
  top.side = GridSideFor(n);
  std::vector<Level::Item> items(n);
  std::vector<uint32_t> start(static_cast<size_t>(top.side) * top.side + 1, 0);
  for (size_t i = 0; i < n; ++i) {
    items[i].fx = Fixed(LngToX(points[i].lng));
    items[i].fy = Fixed(LatToY(points[i].lat));
    ++start[top.CellOf(items[i]) + 1];
  }
  for (size_t c = 1; c < start.size(); ++c) start[c] += start[c - 1];
  top.items.reserve(n + n / 16 + 64);  // room to grow in place
  points_.reserve(n + n / 16 + 64);
  top.items.resize(n);
  points_.resize(n);
  slot_of_.reserve(n + n / 16 + 64);
  for (size_t i = 0; i < n; ++i) {
    const uint32_t slot = start[top.CellOf(items[i])]++;
    const MapPoint& p = points[i];
    top.items[slot] = {items[i].fx, items[i].fy, p.weight, slot};
    points_[slot] = {p.id, p.lat, p.lng, p.role};
    slot_of_.emplace(p.id, slot);
    total_weight_ += p.weight;
  }
  point_count_ = n;
  top.live = static_cast<uint32_t>(n);
  top.Regrid(top.side);
  SeedOrder order;
  order.reserve(n);
  for (uint32_t slot = 0; slot < n; ++slot) order.emplace_back(Mix(points_[slot].id), slot);
  std::sort(order.begin(), order.end());
  for (size_t i = levels_.size() - 1; i > 0; --i) BuildBelow(*levels_[i], *levels_[i - 1], levels_[i - 1]->zoom, order);
}

ClusterLevels::~ClusterLevels() = default;

int ClusterLevels::LimitZoom(int zoom) const { return std::clamp(zoom, options_.min_zoom, options_.max_zoom + 1); }

double ClusterLevels::Radius(int zoom) const { return options_.radius / (options_.extent * std::ldexp(1.0, zoom)); }

uint64_t ClusterLevels::OriginOf(const Level& level, uint32_t slot) const {
  const Level::Item& it = level.items[slot];
  return it.is_record() ? level.RecordOf(slot).origin : points_[it.ref].id;
}

uint64_t ClusterLevels::KeyOf(const Level& level, uint32_t slot) const { return Mix(OriginOf(level, slot)); }

RoleCounts ClusterLevels::RolesOf(const Level& level, uint32_t slot) const {
  const Level::Item& it = level.items[slot];
  if (it.is_record()) return level.RecordOf(slot).roles;
  RoleCounts roles{};
  roles[static_cast<int>(points_[it.ref].role)] = it.count;
  return roles;
}

uint64_t ClusterLevels::GroupOfItem(const Level& level, uint32_t slot) const {
  const Level::Item& it = level.items[slot];
  return it.is_record() ? level.RecordOf(slot).group : GroupOf(points_[it.ref].id);
}

uint32_t ClusterLevels::WeightOf(uint64_t id) const {
  auto it = slot_of_.find(id);
  return it == slot_of_.end() ? 0 : levels_.back()->items[it->second].count;
}

void ClusterLevels::MakeOutputs(const Level& up, std::span<const uint32_t> group, uint32_t offset, int zoom,
                                std::vector<Output>& out) const {
  uint64_t sum = 0;
  for (uint32_t m : group) sum += up.items[m].count;
  if (group.size() > 1 && sum >= options_.min_points) {
    // One cluster at the weighted centre, exact: the same bits in whatever order.
    unsigned __int128 wx = 0, wy = 0;
    Output o;
    o.origin = OriginOf(up, group[0]);
    o.record = true;
    o.made_at = zoom;
    o.group = GroupOfItem(up, group[0]);
    for (uint32_t m : group) {
      const Level::Item& it = up.items[m];
      wx += static_cast<unsigned __int128>(it.fx) * it.count;
      wy += static_cast<unsigned __int128>(it.fy) * it.count;
      const RoleCounts roles = RolesOf(up, m);
      for (int k = 0; k < kRoleCount; ++k) o.roles[k] += roles[k];
      if (GroupOfItem(up, m) != o.group) o.group = kMixedGroups;
    }
    o.fx = static_cast<uint32_t>((wx + sum / 2) / sum);
    o.fy = static_cast<uint32_t>((wy + sum / 2) / sum);
    o.count = static_cast<uint32_t>(sum);
    o.members_begin = offset;
    o.members_end = offset + static_cast<uint32_t>(group.size());
    out.push_back(o);
    return;
  }
  // Too light to cluster: each stays as it is.
  for (size_t i = 0; i < group.size(); ++i) {
    const uint32_t m = group[i];
    const Level::Item& it = up.items[m];
    Output o;
    o.origin = OriginOf(up, m);
    o.fx = it.fx;
    o.fy = it.fy;
    o.count = it.count;
    o.record = it.is_record();
    if (o.record) {
      const Level::Record& r = up.RecordOf(m);
      o.roles = r.roles;
      o.group = r.group;
      o.made_at = r.made_at;
    } else {
      o.point = it.ref;
    }
    o.members_begin = offset + static_cast<uint32_t>(i);
    o.members_end = o.members_begin + 1;
    out.push_back(o);
  }
}

uint32_t ClusterLevels::Place(Level& down, const Output& out) {
  const uint32_t slot = down.AllocItem();
  uint32_t ref = out.point;
  if (out.record) {
    const uint32_t r = down.AllocRecord();
    down.records[r] = {out.origin, out.roles, out.group, out.made_at};
    ref = kRecordFlag | r;
  }
  down.items[slot] = {out.fx, out.fy, out.count, ref};
  return slot;
}

bool ClusterLevels::Rewrite(Level& down, uint32_t slot, const Output& out, std::vector<Change>& changes) {
  Level::Item& it = down.items[slot];
  const bool moved = it.fx != out.fx || it.fy != out.fy;
  bool changed = it.count != out.count || it.is_record() != out.record;
  if (!changed && out.record) {
    const Level::Record& r = down.RecordOf(slot);
    changed = r.roles != out.roles || r.group != out.group || r.made_at != out.made_at;
  } else if (!changed) {
    changed = it.ref != out.point;
  }
  if (!moved && !changed) return false;
  changes.push_back({slot, moved ? Change::Kind::kMoved : Change::Kind::kChanged, it.fx, it.fy});
  if (moved) down.Unlink(slot);
  it.fx = out.fx;
  it.fy = out.fy;
  it.count = out.count;
  if (out.record) {
    if (!it.is_record()) it.ref = kRecordFlag | down.AllocRecord();
    down.RecordOf(slot) = {out.origin, out.roles, out.group, out.made_at};
  } else {
    if (it.is_record()) down.free_records.push_back(it.ref & ~kRecordFlag);
    it.ref = out.point;
  }
  if (moved) down.Link(slot);
  return true;
}

void ClusterLevels::BuildBelow(Level& up, Level& down, int zoom, SeedOrder& order) {
  const double r = Radius(zoom);
  for (Level::Item& it : up.items) it.seed = kNone;
  std::vector<uint32_t> group;
  std::vector<Output> outs;
  SeedOrder made;  // the keys of the items made, as they are made: nearly in order
  made.reserve(order.size());
  down.items.reserve(order.size());
  // Seeds come in hash order, scattered over memory: fetch a few ahead, the item first,
  // then its cell and its point.
  constexpr size_t kAhead = 8;
  for (size_t i = 0; i < order.size(); ++i) {
    if (i + 2 * kAhead < order.size()) __builtin_prefetch(&up.items[order[i + 2 * kAhead].second]);
    if (i + kAhead < order.size()) {
      const Level::Item& ahead = up.items[order[i + kAhead].second];
      __builtin_prefetch(&up.heads[up.CellOf(ahead)]);
      if (!ahead.is_record()) __builtin_prefetch(&points_[ahead.ref]);
    }
    const uint32_t s = order[i].second;
    if (up.items[s].seed != kNone) continue;  // taken by an earlier seed
    up.items[s].seed = s;
    group.assign(1, s);
    up.ForEachNear(up.items[s].x(), up.items[s].y(), r, [&](uint32_t j) {
      if (up.items[j].seed != kNone) return;
      up.items[j].seed = s;
      group.push_back(j);
    });
    outs.clear();
    MakeOutputs(up, group, 0, zoom, outs);
    for (const Output& o : outs) {
      const uint32_t slot = Place(down, o);
      made.emplace_back(Mix(o.origin), slot);
      for (uint32_t k = o.members_begin; k < o.members_end; ++k) up.items[group[k]].down = slot;
    }
  }

  // Into grid order, then linked.
  const size_t n = down.items.size();
  down.live = static_cast<uint32_t>(n);
  down.side = GridSideFor(n);
  std::vector<uint32_t> start(static_cast<size_t>(down.side) * down.side + 1, 0);
  for (const Level::Item& it : down.items) ++start[down.CellOf(it) + 1];
  for (size_t c = 1; c < start.size(); ++c) start[c] += start[c - 1];
  std::vector<uint32_t> moved_to(n);
  std::vector<Level::Item> sorted;
  sorted.reserve(n + n / 16 + 64);  // room to grow in place
  sorted.resize(n);
  for (size_t i = 0; i < n; ++i) {
    moved_to[i] = start[down.CellOf(down.items[i])]++;
    sorted[moved_to[i]] = down.items[i];
  }
  down.items.swap(sorted);
  for (Level::Item& it : up.items) {
    if (it.count != 0) it.down = moved_to[it.down];
  }
  down.Regrid(down.side);
  for (auto& [key, slot] : made) slot = moved_to[slot];
  std::sort(made.begin(), made.end());
  order.swap(made);
}

void ClusterLevels::Propagate(size_t level, std::vector<Change>& changes) {
  Level& up = *levels_[level];
  auto free_removed = [&] {
    for (const Change& c : changes) {
      if (c.kind == Change::Kind::kRemoved) up.Free(c.slot);
    }
  };
  if (level == 0 || changes.empty()) {
    free_removed();
    return;
  }
  Level& down = *levels_[level - 1];
  const double r = Radius(down.zoom);

  // 1. Re-decide, in seed order, every item whose seed may have changed.
  using Entry = std::pair<uint64_t, uint32_t>;
  std::priority_queue<Entry, std::vector<Entry>, std::greater<>> queue;
  std::vector<uint32_t> groups;       // seeds whose groups must be re-made
  std::vector<uint32_t> old_outputs;  // items of `down` those groups made
  std::vector<uint32_t> regroup;      // added or moved: their new group is re-made
  auto mark_later = [&](double x, double y, uint64_t key) {
    up.ForEachNear(x, y, r, [&](uint32_t j) {
      const uint64_t k = KeyOf(up, j);
      if (k > key) queue.emplace(k, j);
    });
  };
  for (const Change& c : changes) {
    Level::Item& it = up.items[c.slot];
    const uint64_t key = KeyOf(up, c.slot);
    const double old_x = c.old_fx * kFixedUnit, old_y = c.old_fy * kFixedUnit;
    switch (c.kind) {
      case Change::Kind::kRemoved:
        mark_later(old_x, old_y, key);  // its followers, and any it kept from being seeds
        if (it.seed != c.slot) groups.push_back(it.seed);
        old_outputs.push_back(it.down);
        break;
      case Change::Kind::kAdded:
        it.seed = kNone;
        it.down = kNone;
        queue.emplace(key, c.slot);
        mark_later(it.x(), it.y(), key);
        regroup.push_back(c.slot);
        break;
      case Change::Kind::kMoved:
        queue.emplace(key, c.slot);
        mark_later(old_x, old_y, key);
        mark_later(it.x(), it.y(), key);
        groups.push_back(it.seed);
        regroup.push_back(c.slot);
        break;
      case Change::Kind::kChanged:  // weight or counts: the same groups, new totals
        groups.push_back(it.seed);
        break;
    }
  }
  // Each item depends only on earlier ones nearby, and the queue hands items out in seed
  // order, so every earlier item is final when one is decided.
  uint32_t last = kNone;
  while (!queue.empty()) {
    const auto [key, y] = queue.top();
    queue.pop();
    if (y == last) continue;  // the same item queued twice (equal keys come together)
    last = y;
    Level::Item& it = up.items[y];
    uint32_t seed = y;  // the earliest seed within the radius, else itself
    uint64_t seed_key = key;
    up.ForEachNear(it.x(), it.y(), r, [&](uint32_t j) {
      if (j == y || up.items[j].seed != j) return;
      const uint64_t k = KeyOf(up, j);
      if (k < seed_key) {
        seed_key = k;
        seed = j;
      }
    });
    const uint32_t before = it.seed;
    if (seed == before) continue;
    it.seed = seed;
    if ((before == y) != (seed == y)) mark_later(it.x(), it.y(), key);
    if (before != kNone) groups.push_back(before);
    groups.push_back(seed);
  }
  for (uint32_t slot : regroup) groups.push_back(up.items[slot].seed);
  std::sort(groups.begin(), groups.end());
  groups.erase(std::unique(groups.begin(), groups.end()), groups.end());

  // 2. Re-make those groups.
  std::vector<uint32_t> members;
  std::vector<Output> outs;
  for (uint32_t s : groups) {
    const Level::Item& seed = up.items[s];
    if (seed.count == 0 || seed.seed != s) continue;  // removed, or no longer a seed
    const size_t offset = members.size();
    members.push_back(s);
    up.ForEachNear(seed.x(), seed.y(), r, [&](uint32_t j) {
      if (j != s && up.items[j].seed == s) members.push_back(j);
    });
    for (size_t i = offset; i < members.size(); ++i) old_outputs.push_back(up.items[members[i]].down);
    MakeOutputs(up, std::span<const uint32_t>(members).subspan(offset), static_cast<uint32_t>(offset), down.zoom,
                outs);
  }

  // 3. Match what they make now with what they made, by origin; the difference is the
  // next level's change.
  std::sort(old_outputs.begin(), old_outputs.end());
  old_outputs.erase(std::unique(old_outputs.begin(), old_outputs.end()), old_outputs.end());
  std::unordered_map<uint64_t, uint32_t> made;
  for (uint32_t slot : old_outputs) {
    if (slot != kNone) made.emplace(OriginOf(down, slot), slot);
  }
  std::vector<Change> next;
  for (const Output& o : outs) {
    uint32_t slot;
    if (auto it = made.find(o.origin); it != made.end()) {
      slot = it->second;
      made.erase(it);
      Rewrite(down, slot, o, next);
    } else {
      slot = Place(down, o);
      down.Insert(slot);
      next.push_back({slot, Change::Kind::kAdded});
    }
    for (uint32_t i = o.members_begin; i < o.members_end; ++i) up.items[members[i]].down = slot;
  }
  for (const auto& [origin, slot] : made) {
    next.push_back({slot, Change::Kind::kRemoved, down.items[slot].fx, down.items[slot].fy});
    down.Erase(slot);
  }
  free_removed();
  Propagate(level - 1, next);
}

void ClusterLevels::Add(const MapPoint& p) {
  Level& top = Top();
  const uint32_t slot = top.AllocItem();
  if (slot >= points_.size()) points_.resize(slot + 1);
  points_[slot] = {p.id, p.lat, p.lng, p.role};
  slot_of_.emplace(p.id, slot);
  top.items[slot] = {Fixed(LngToX(p.lng)), Fixed(LatToY(p.lat)), p.weight, slot};
  top.Insert(slot);
  ++point_count_;
  total_weight_ += p.weight;
  std::vector<Change> changes{{slot, Change::Kind::kAdded}};
  Propagate(levels_.size() - 1, changes);
}

void ClusterLevels::Remove(uint64_t id) {
  auto found = slot_of_.find(id);
  const uint32_t slot = found->second;
  slot_of_.erase(found);
  Level& top = Top();
  const Level::Item& it = top.items[slot];
  std::vector<Change> changes{{slot, Change::Kind::kRemoved, it.fx, it.fy}};
  --point_count_;
  total_weight_ -= it.count;
  top.Erase(slot);
  Propagate(levels_.size() - 1, changes);
}

void ClusterLevels::Move(uint64_t id, double lat, double lng) {
  const uint32_t slot = slot_of_.at(id);
  points_[slot].lat = lat;  // a point's own coordinates are what queries return
  points_[slot].lng = lng;
  Level& top = Top();
  Level::Item& it = top.items[slot];
  const uint32_t fx = Fixed(LngToX(lng)), fy = Fixed(LatToY(lat));
  if (fx == it.fx && fy == it.fy) return;
  std::vector<Change> changes{{slot, Change::Kind::kMoved, it.fx, it.fy}};
  top.Unlink(slot);
  it.fx = fx;
  it.fy = fy;
  top.Link(slot);
  Propagate(levels_.size() - 1, changes);
}

void ClusterLevels::SetWeight(uint64_t id, uint32_t weight) {
  const uint32_t slot = slot_of_.at(id);
  Level::Item& it = Top().items[slot];
  if (it.count == weight) return;
  total_weight_ = total_weight_ - it.count + weight;
  it.count = weight;
  std::vector<Change> changes{{slot, Change::Kind::kChanged}};
  Propagate(levels_.size() - 1, changes);
}

MapItem ClusterLevels::ToMapItem(const Level& level, uint32_t slot) const {
  const Level::Item& it = level.items[slot];
  MapItem out;
  out.count = it.count;
  if (it.is_record()) {
    const Level::Record& r = level.RecordOf(slot);
    out.is_cluster = true;
    out.id = (r.origin << 5) | static_cast<uint64_t>(r.made_at + 1);
    out.roles = r.roles;
    out.group = r.group;
    out.lat = YToLat(it.y());
    out.lng = XToLng(it.x());
  } else {
    const Point& p = points_[it.ref];
    out.id = p.id;
    out.group = GroupOf(p.id);
    out.lat = p.lat;
    out.lng = p.lng;
    out.roles[static_cast<int>(p.role)] = it.count;
  }
  return out;
}

void ClusterLevels::Clusters(double west, double south, double east, double north, int zoom,
                             std::vector<MapItem>& out) const {
  out.clear();
  if (std::isnan(west) || std::isnan(south) || std::isnan(east) || std::isnan(north)) return;
  const Level& level = *levels_[LimitZoom(zoom) - options_.min_zoom];
  const double min_lat = std::clamp(south, -90.0, 90.0), max_lat = std::clamp(north, -90.0, 90.0);
  const double min_lng = WrapLng(west);
  const double max_lng = east == 180 ? 180 : WrapLng(east);
  auto range = [&](double lng0, double lng1) {
    level.ForEachInBox(LngToX(lng0), LatToY(max_lat), LngToX(lng1), LatToY(min_lat),
                       [&](uint32_t slot) { out.push_back(ToMapItem(level, slot)); });
  };
  if (east - west >= 360) {
    range(-180, 180);
  } else if (min_lng > max_lng) {  // across the antimeridian: two boxes
    range(min_lng, 180);
    range(-180, max_lng);
  } else {
    range(min_lng, max_lng);
  }
}

std::vector<LevelItem> ClusterLevels::Items(int zoom) const {
  const Level& level = *levels_[LimitZoom(zoom) - options_.min_zoom];
  std::vector<std::pair<uint64_t, uint32_t>> order;
  for (uint32_t slot = 0; slot < level.items.size(); ++slot) {
    if (level.items[slot].count != 0) order.emplace_back(KeyOf(level, slot), slot);
  }
  std::sort(order.begin(), order.end());
  std::vector<LevelItem> out;
  out.reserve(order.size());
  for (const auto& [key, slot] : order) {
    out.push_back({level.items[slot].x(), level.items[slot].y(), ToMapItem(level, slot)});
  }
  return out;
}

size_t ClusterLevels::memory_bytes() const {
  // The id map: a node (key, value, next pointer, cached hash) per point and a bucket.
  size_t bytes = points_.capacity() * sizeof(Point) + slot_of_.size() * 32 + slot_of_.bucket_count() * 8;
  for (const auto& level : levels_) {
    bytes += level->items.capacity() * sizeof(Level::Item) + level->records.capacity() * sizeof(Level::Record) +
             level->heads.capacity() * sizeof(uint32_t) +
             (level->free_items.capacity() + level->free_records.capacity()) * sizeof(uint32_t);
  }
  return bytes;
}

}  // namespace diseasemaps::map
