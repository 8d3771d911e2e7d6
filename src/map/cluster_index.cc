// ClusterIndex: see cluster_index.h. Each level is a flat vector of items sorted by the
// cell of a uniform grid over [0,1]² (row-major), with the start of every cell kept: a
// box or radius query reads one contiguous span per grid row. Building a level is one pass over the level above plus a counting
// sort: no per-item allocation.
#include "map/cluster_index.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <string>

namespace diseasemaps::map {
namespace {

constexpr uint32_t kClusterFlag = 1u << 31;  // Item::ref names a ClusterRecord
constexpr uint32_t kMaxGridSide = 2048;
constexpr double kFixedUnit = 1.0 / 4294967296.0;  // 2^-32

// A mercator coordinate in [0,1] as 32-bit fixed point, rounded to nearest.
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

}  // namespace

// One zoom level.
struct ClusterSnapshot::Level {
  // 16 bytes: the position in 32-bit fixed point (2^-32 of the world is 1/128 of a
  // pixel at zoom 16 in a 512-px tile), exact in a double.
  struct Item {
    uint32_t fx, fy;
    uint32_t count;
    uint32_t ref;  // a BasePoint index, or kClusterFlag | a ClusterRecord index
    double x() const { return fx * kFixedUnit; }
    double y() const { return fy * kFixedUnit; }
  };
  struct ClusterRecord {
    uint64_t id;
    RoleCounts roles;
    uint64_t group;  // of every point inside, or kMixedGroups
  };

  std::vector<Item> items;              // grid order
  std::vector<ClusterRecord> clusters;  // referenced by items
  uint32_t side = 1;                    // grid side, in cells
  std::vector<uint32_t> cell_start;     // side*side + 1 offsets into items

  uint32_t Cell(double v) const {
    const double c = v * side;
    if (!(c > 0)) return 0;
    return std::min(static_cast<uint32_t>(c), side - 1);
  }

  // Sorts `items` into grid order and fills the grid; a stable counting sort, so items
  // of one cell keep the order they were made in, which is canonical because the points
  // are sorted by id and every level is made in the order of the level above.
  // `scratch` and `cells` are reused memory.
  void Index(std::vector<Item>& scratch, std::vector<uint32_t>& cells) {
    const size_t n = items.size();
    side = static_cast<uint32_t>(std::clamp<double>(std::ceil(std::sqrt(n / 2.0)), 1, kMaxGridSide));
    cell_start.assign(static_cast<size_t>(side) * side + 1, 0);
    cells.resize(n);
    for (size_t i = 0; i < n; ++i) {
      cells[i] = Cell(items[i].y()) * side + Cell(items[i].x());
      ++cell_start[cells[i] + 1];
    }
    for (size_t c = 1; c < cell_start.size(); ++c) cell_start[c] += cell_start[c - 1];
    scratch.resize(n);
    std::vector<uint32_t> fill(cell_start.begin(), cell_start.end() - 1);
    for (size_t i = 0; i < n; ++i) scratch[fill[cells[i]]++] = items[i];
    items.swap(scratch);
  }

  // Calls f(index) for every item, in the order the level below takes seeds: grid cells
  // in a scattered but fixed order (cell k * 2654435761 mod cells, a permutation as the
  // multiplier is a prime above any cell count), items of a cell in storage order. Taken
  // row by row, seeds fall on a regular lattice and leave ~20% more clusters at low zooms
  // than supercluster, which takes them in input order.
  template <typename F>
  void ForEachInSeedOrder(F&& f) const {
    const uint64_t cells = cell_start.size() - 1;
    for (uint64_t k = 0; k < cells; ++k) {
      const uint64_t c = (k * 2654435761ull) % cells;
      for (uint32_t i = cell_start[c]; i < cell_start[c + 1]; ++i) f(i);
    }
  }

  // Calls f(index) for every item in [x0,x1]×[y0,y1].
  template <typename F>
  void ForEachInBox(double x0, double y0, double x1, double y1, F&& f) const {
    if (items.empty() || !(x0 <= x1) || !(y0 <= y1)) return;
    const uint32_t cx0 = Cell(x0), cx1 = Cell(x1), cy0 = Cell(y0), cy1 = Cell(y1);
    for (uint32_t cy = cy0; cy <= cy1; ++cy) {
      const uint32_t b = cell_start[cy * side + cx0], e = cell_start[cy * side + cx1 + 1];
      for (uint32_t i = b; i < e; ++i) {
        const Item& it = items[i];
        const double x = it.x(), y = it.y();
        if (x >= x0 && x <= x1 && y >= y0 && y <= y1) f(i);
      }
    }
  }
};

ClusterSnapshot::ClusterSnapshot(const ClusterOptions& options, std::span<const MapPoint> points)
    : options_(options) {
  // As supercluster: zooms within 0..30 (the id keeps zoom + 1 in 5 bits).
  options_.max_zoom = std::clamp(options_.max_zoom, 0, 30);
  options_.min_zoom = std::clamp(options_.min_zoom, 0, options_.max_zoom);
  options_.group_bits = std::clamp(options_.group_bits, 0, 63);
  std::vector<MapPoint> sorted;
  if (!std::is_sorted(points.begin(), points.end(),
                      [](const MapPoint& a, const MapPoint& b) { return a.id < b.id; })) {
    sorted.assign(points.begin(), points.end());
    std::sort(sorted.begin(), sorted.end(),
              [](const MapPoint& a, const MapPoint& b) { return a.id < b.id; });
    points = sorted;
  }
  const int levels = options_.max_zoom + 2 - options_.min_zoom;
  levels_.resize(std::max(levels, 1));
  for (auto& level : levels_) level = std::make_unique<Level>();

  // The top level: the points themselves.
  Level& top = *levels_.back();
  points_.reserve(points.size());
  top.items.reserve(points.size());
  for (const MapPoint& p : points) {
    top.items.push_back({Fixed(LngToX(p.lng)), Fixed(LatToY(p.lat)), p.weight, static_cast<uint32_t>(points_.size())});
    points_.push_back({p.id, p.lat, p.lng, p.role});
    total_weight_ += p.weight;
  }
  std::vector<Level::Item> scratch;
  std::vector<uint32_t> cells;
  top.Index(scratch, cells);

  std::vector<uint8_t> taken;
  std::vector<uint32_t> near;
  for (int z = options_.max_zoom; z >= options_.min_zoom; --z) {
    const Level& above = *levels_[z + 1 - options_.min_zoom];
    Level& level = *levels_[z - options_.min_zoom];
    const double r = options_.radius / (options_.extent * std::ldexp(1.0, z));
    const double r2 = r * r;
    const size_t n = above.items.size();
    taken.assign(n, 0);
    level.items.reserve(n);

    auto add_roles = [&](const Level::Item& it, RoleCounts& roles) {
      if (it.ref & kClusterFlag) {
        const RoleCounts& from = above.clusters[it.ref & ~kClusterFlag].roles;
        for (int k = 0; k < kRoleCount; ++k) roles[k] += from[k];
      } else {
        roles[static_cast<int>(points_[it.ref].role)] += it.count;
      }
    };
    auto group_of = [&](const Level::Item& it) -> uint64_t {
      if (it.ref & kClusterFlag) return above.clusters[it.ref & ~kClusterFlag].group;
      return GroupOf(points_[it.ref].id);
    };
    auto copy_down = [&](const Level::Item& it) {
      Level::Item copy = it;
      if (it.ref & kClusterFlag) {
        copy.ref = kClusterFlag | static_cast<uint32_t>(level.clusters.size());
        level.clusters.push_back(above.clusters[it.ref & ~kClusterFlag]);
      }
      level.items.push_back(copy);
    };

    uint32_t rank = 0;  // of the seed in level z+1's seed order: the cluster id's origin
    above.ForEachInSeedOrder([&](uint32_t i) {
      const uint32_t seed_rank = rank++;
      if (taken[i]) return;
      taken[i] = 1;
      const Level::Item& seed = above.items[i];
      near.clear();
      uint64_t sum = seed.count;
      const double sx = seed.x(), sy = seed.y();
      above.ForEachInBox(sx - r, sy - r, sx + r, sy + r, [&](uint32_t j) {
        if (taken[j]) return;
        const Level::Item& it = above.items[j];
        const double dx = it.x() - sx, dy = it.y() - sy;
        if (dx * dx + dy * dy > r2) return;
        near.push_back(j);
        sum += it.count;
      });
      if (!near.empty() && sum >= options_.min_points) {
        double wx = sx * seed.count, wy = sy * seed.count;
        Level::ClusterRecord record{(static_cast<uint64_t>(seed_rank) << 5) | static_cast<uint64_t>(z + 1), {},
                                    group_of(seed)};
        add_roles(seed, record.roles);
        for (uint32_t j : near) {
          const Level::Item& it = above.items[j];
          taken[j] = 1;
          wx += it.x() * it.count;
          wy += it.y() * it.count;
          add_roles(it, record.roles);
          if (group_of(it) != record.group) record.group = kMixedGroups;
        }
        const auto s = static_cast<double>(sum);
        level.items.push_back({Fixed(wx / s), Fixed(wy / s), static_cast<uint32_t>(sum),
                               kClusterFlag | static_cast<uint32_t>(level.clusters.size())});
        level.clusters.push_back(record);
      } else {
        copy_down(seed);
        for (uint32_t j : near) {  // too light to cluster: they stay as they are
          taken[j] = 1;
          copy_down(above.items[j]);
        }
      }
    });
    level.items.shrink_to_fit();
    level.Index(scratch, cells);
  }
}

ClusterSnapshot::~ClusterSnapshot() = default;

int ClusterSnapshot::LimitZoom(int zoom) const {
  return std::clamp(zoom, options_.min_zoom, options_.max_zoom + 1);
}

MapItem ClusterSnapshot::ToMapItem(const Level& level, size_t index, int /*zoom*/) const {
  const Level::Item& it = level.items[index];
  MapItem out;
  out.count = it.count;
  if (it.ref & kClusterFlag) {
    const Level::ClusterRecord& c = level.clusters[it.ref & ~kClusterFlag];
    out.is_cluster = true;
    out.id = c.id;
    out.roles = c.roles;
    out.group = c.group;
    out.lat = YToLat(it.y());
    out.lng = XToLng(it.x());
  } else {
    const BasePoint& p = points_[it.ref];
    out.id = p.id;
    out.group = GroupOf(p.id);
    out.lat = p.lat;
    out.lng = p.lng;
    out.roles[static_cast<int>(p.role)] = it.count;
  }
  return out;
}

void ClusterSnapshot::Clusters(double west, double south, double east, double north, int zoom,
                               std::vector<MapItem>& out) const {
  out.clear();
  if (std::isnan(west) || std::isnan(south) || std::isnan(east) || std::isnan(north)) return;
  const int z = LimitZoom(zoom);
  const Level& level = *levels_[z - options_.min_zoom];
  const double min_lat = std::clamp(south, -90.0, 90.0), max_lat = std::clamp(north, -90.0, 90.0);
  double min_lng = WrapLng(west);
  double max_lng = east == 180 ? 180 : WrapLng(east);
  auto range = [&](double lng0, double lng1) {
    level.ForEachInBox(LngToX(lng0), LatToY(max_lat), LngToX(lng1), LatToY(min_lat),
                       [&](uint32_t i) { out.push_back(ToMapItem(level, i, z)); });
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

std::vector<MapItem> ClusterSnapshot::Clusters(double west, double south, double east,
                                               double north, int zoom) const {
  std::vector<MapItem> out;
  Clusters(west, south, east, north, zoom, out);
  return out;
}

std::vector<LevelItem> ClusterSnapshot::Items(int zoom) const {
  const int z = LimitZoom(zoom);
  const Level& level = *levels_[z - options_.min_zoom];
  std::vector<LevelItem> out;
  out.reserve(level.items.size());
  level.ForEachInSeedOrder([&](uint32_t i) {
    out.push_back({level.items[i].x(), level.items[i].y(), ToMapItem(level, i, z)});
  });
  return out;
}

size_t ClusterSnapshot::memory_bytes() const {
  size_t bytes = points_.capacity() * sizeof(BasePoint);
  for (const auto& level : levels_) {
    bytes += level->items.capacity() * sizeof(Level::Item) +
             level->clusters.capacity() * sizeof(Level::ClusterRecord) +
             level->cell_start.capacity() * sizeof(uint32_t);
  }
  return bytes;
}

// --- ClusterIndex ----------------------------------------------------------------------

ClusterIndex::ClusterIndex(ClusterOptions options)
    : options_(options),
      snapshot_(std::make_shared<const ClusterSnapshot>(options_, std::span<const MapPoint>())) {}

Status ClusterIndex::Validate(const MapPoint& p) {
  if (!(p.lat >= -90 && p.lat <= 90) || !(p.lng >= -180 && p.lng <= 180)) {
    return Status::InvalidArgument("point " + std::to_string(p.id) + ": latitude or longitude out of range");
  }
  if (p.weight == 0) return Status::InvalidArgument("point " + std::to_string(p.id) + ": weight 0");
  if (static_cast<int>(p.role) >= kRoleCount) {
    return Status::InvalidArgument("point " + std::to_string(p.id) + ": unknown role");
  }
  return Status::Ok();
}

std::vector<MapPoint>::iterator ClusterIndex::Find(uint64_t id) {
  auto it = std::lower_bound(points_.begin(), points_.end(), id,
                             [](const MapPoint& p, uint64_t v) { return p.id < v; });
  return it != points_.end() && it->id == id ? it : points_.end();
}

Status ClusterIndex::Stage(std::vector<MapPoint> points) {
  uint64_t total = 0;
  for (const MapPoint& p : points) {
    if (Status s = Validate(p); !s.ok()) return s;
    total += p.weight;
  }
  if (total > UINT32_MAX) return Status::TooLarge("total weight over 2^32 - 1");
  if (points.size() >= kClusterFlag) return Status::TooLarge("over 2^31 - 1 points");
  std::sort(points.begin(), points.end(), [](const MapPoint& a, const MapPoint& b) { return a.id < b.id; });
  for (size_t i = 1; i < points.size(); ++i) {
    if (points[i].id == points[i - 1].id) {
      return Status::InvalidArgument("duplicate point id " + std::to_string(points[i].id));
    }
  }
  // Room for growth, so that an Add after a Load moves memory instead of reallocating.
  points.reserve(points.size() + points.size() / 16 + 64);
  std::lock_guard lock(writer_mutex_);
  points_ = std::move(points);
  dirty_ = true;
  return Status::Ok();
}

Status ClusterIndex::Load(std::vector<MapPoint> points) {
  if (Status s = Stage(std::move(points)); !s.ok()) return s;
  Publish();
  return Status::Ok();
}

Status ClusterIndex::Add(const MapPoint& point) {
  if (Status s = Validate(point); !s.ok()) return s;
  std::lock_guard lock(writer_mutex_);
  auto it = std::lower_bound(points_.begin(), points_.end(), point.id,
                             [](const MapPoint& p, uint64_t v) { return p.id < v; });
  if (it != points_.end() && it->id == point.id) {
    return Status::Conflict("point " + std::to_string(point.id) + " exists");
  }
  points_.insert(it, point);
  dirty_ = true;
  return Status::Ok();
}

Status ClusterIndex::Remove(uint64_t id) {
  std::lock_guard lock(writer_mutex_);
  auto it = Find(id);
  if (it == points_.end()) return Status::NotFound("no point " + std::to_string(id));
  points_.erase(it);
  dirty_ = true;
  return Status::Ok();
}

Status ClusterIndex::Move(uint64_t id, double lat, double lng) {
  std::lock_guard lock(writer_mutex_);
  auto it = Find(id);
  if (it == points_.end()) return Status::NotFound("no point " + std::to_string(id));
  MapPoint moved = *it;
  moved.lat = lat;
  moved.lng = lng;
  if (Status s = Validate(moved); !s.ok()) return s;
  *it = moved;
  dirty_ = true;
  return Status::Ok();
}

Status ClusterIndex::SetWeight(uint64_t id, uint32_t weight) {
  std::lock_guard lock(writer_mutex_);
  auto it = Find(id);
  if (it == points_.end()) return Status::NotFound("no point " + std::to_string(id));
  if (weight == 0) return Status::InvalidArgument("point " + std::to_string(id) + ": weight 0");
  it->weight = weight;
  dirty_ = true;
  return Status::Ok();
}

bool ClusterIndex::Publish() {
  std::lock_guard lock(writer_mutex_);
  if (!dirty_) return false;
  snapshot_.store(std::make_shared<const ClusterSnapshot>(options_, points_));
  dirty_ = false;
  return true;
}

}  // namespace diseasemaps::map
