// ClusterIndex: hierarchical point clustering for the community map, one level per zoom,
// in the manner of Mapbox's supercluster (greedy clustering from the maximum zoom down).
//
// Points are projected to web-mercator [0,1]². Level maxZoom+1 holds the points; level z
// is made from level z+1: each item not yet taken, in a fixed order, takes every item
// of level z+1 not yet taken within `radius / (extent * 2^z)` of it; when the weights
// sum to at least `min_points` they become one cluster at their weighted centre, else
// they stay as they are. A point's weight is its number of members (a city is ONE point
// with a count), and every cluster counts its members per role.
//
// Guarantees, for every published snapshot:
//  - at each zoom every point's weight is counted exactly once (sum of counts = total);
//  - the result is a function of the SET of points (ids must be unique), not of the order
//    in which they were loaded, added, removed or moved: the points are sorted by id,
//    each level is made in a fixed order of the level above and sorted stably;
//  - with min_points <= 2 the seeds of any two items at zoom z (a cluster's origin item
//    at z+1, or the point itself) are farther apart than the radius at z;
//  - Clusters() at a zoom above max_zoom returns every point, unclustered.
//
// Updates (Add/Remove/Move/SetWeight) are not applied in place: greedy clustering is
// order-dependent and one change at the highest zoom can move clusters at every lower
// zoom, so no level can be patched locally with the same result. Instead the writer keeps
// the base points sorted by id (a change is a binary search plus a memmove of the points
// after it: at most 32 MB, a few ms, for 1,000,000 points) and marks the index stale;
// Publish() rebuilds every level from the base points, O(n) per level (a grid counting
// sort and one neighbour query per seed), about 2 s for 1,000,000 points on the 2-core
// bench machine (bench/cluster.sh), and swaps the new snapshot in atomically. Any number
// of changes between two Publish() calls costs one rebuild, so a server batches them
// (publishing from a background thread every few seconds, say); readers keep answering
// from the previous snapshot meanwhile and never wait for a rebuild. While a rebuild
// runs the old and the new snapshot are both in memory (about 250 MB each for
// 1,000,000 points).
//
// Thread-safety: a ClusterSnapshot is immutable and safe to share. ClusterIndex allows
// any number of readers (Snapshot(), Clusters()) concurrent with writers; writers are
// serialised by an internal mutex, which Publish() holds for its rebuild, so a change
// made meanwhile waits for it.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <span>
#include <vector>

#include "platform/status.h"

namespace diseasemaps::map {

// The six roles a member can have on the map. Values are indices into RoleCounts.
enum class Role : uint8_t {
  kAffected = 0,
  kFamilyAndFriends = 1,
  kAdviser = 2,
  kResearcher = 3,
  kHealthcareProfessional = 4,
  kOrganisation = 5,
};
inline constexpr int kRoleCount = 6;
using RoleCounts = std::array<uint32_t, kRoleCount>;

// One point to cluster: `weight` members of one role at one place.
struct MapPoint {
  uint64_t id = 0;
  double lat = 0;       // degrees, -90..90
  double lng = 0;       // degrees, -180..180
  uint32_t weight = 1;  // members at this point, >= 1
  Role role = Role::kAffected;
};

// Zooms are clamped to 0 <= min_zoom <= max_zoom <= 30.
struct ClusterOptions {
  double radius = 60;      // cluster radius, in pixels of a tile `extent` wide
  double extent = 512;     // tile size the radius is relative to
  int min_zoom = 0;        // lowest zoom with its own level
  int max_zoom = 16;       // highest zoom that clusters; above it every point is returned
  uint32_t min_points = 2; // least total weight that forms a cluster
  // Points whose ids agree once shifted right by group_bits form one group (the map
  // gives the points of one place, one per role, one group). 0: every point alone.
  int group_bits = 0;
};

// MapItem::group of a cluster whose points belong to more than one group.
inline constexpr uint64_t kMixedGroups = ~uint64_t{0};

// One item of a query: a cluster or a single point.
struct MapItem {
  double lat = 0;
  double lng = 0;
  // For a point, its MapPoint::id. For a cluster, (origin << 5) | (zoom + 1), where
  // origin is the rank of its seed in Items(zoom + 1): meaningful only within the
  // snapshot that returned it.
  uint64_t id = 0;
  bool is_cluster = false;
  uint32_t count = 0;     // members: a point's weight, or the sum over the cluster
  RoleCounts roles{};     // members per role; sums to count
  // id >> group_bits of every point inside, or kMixedGroups when they differ.
  uint64_t group = 0;
};

// Mercator position of an item at one level, for tests and tools (see Items()).
struct LevelItem {
  double x = 0;  // 0 (180°W) .. 1 (180°E)
  double y = 0;  // 0 (north) .. 1 (south)
  MapItem item;
};

// An immutable set of levels built from one set of points.
class ClusterSnapshot {
 public:
  // Builds every level from `points`. REQUIRES: ids unique, weights >= 1, coordinates
  // finite (ClusterIndex checks this).
  ClusterSnapshot(const ClusterOptions& options, std::span<const MapPoint> points);
  ~ClusterSnapshot();
  ClusterSnapshot(const ClusterSnapshot&) = delete;
  ClusterSnapshot& operator=(const ClusterSnapshot&) = delete;

  // Clusters and points whose position falls inside the box (degrees; west > east
  // crosses the antimeridian; latitudes are clamped to -90..90; a box 360° or wider
  // covers every longitude) at `zoom` (clamped to min_zoom..max_zoom+1). Appends to
  // `out` (cleared first). An empty box gives no items.
  void Clusters(double west, double south, double east, double north, int zoom,
                std::vector<MapItem>& out) const;
  std::vector<MapItem> Clusters(double west, double south, double east, double north,
                                int zoom) const;

  // Every item of level `zoom` (clamped as above) with its mercator position, in the
  // order the level below takes its seeds. For tests and tools; allocates.
  std::vector<LevelItem> Items(int zoom) const;

  const ClusterOptions& options() const { return options_; }
  size_t point_count() const { return points_.size(); }
  uint64_t total_weight() const { return total_weight_; }
  // Bytes held by the levels and points (not counting allocator overhead).
  size_t memory_bytes() const;

  struct Level;  // defined in cluster_index.cc

 private:
  struct BasePoint {
    uint64_t id;
    double lat, lng;
    Role role;
  };
  int LimitZoom(int zoom) const;
  uint64_t GroupOf(uint64_t id) const { return options_.group_bits > 0 ? id >> options_.group_bits : id; }
  MapItem ToMapItem(const Level& level, size_t index, int zoom) const;

  ClusterOptions options_;
  std::vector<BasePoint> points_;
  std::vector<std::unique_ptr<Level>> levels_;  // [0] is min_zoom
  uint64_t total_weight_ = 0;
};

// The live index: base points kept by the writer, snapshots published to readers.
class ClusterIndex {
 public:
  explicit ClusterIndex(ClusterOptions options = {});

  // Replaces every point and publishes at once. Fails (and changes nothing) on a
  // duplicate id, a weight of 0, or a latitude/longitude out of range.
  Status Load(std::vector<MapPoint> points);
  // As Load, but builds nothing: the points become visible at the next Publish(), so a
  // caller can build outside its own locks.
  Status Stage(std::vector<MapPoint> points);

  // Changes to the base points; visible to readers after the next Publish().
  // Add fails on an existing id or invalid point; Remove, Move and SetWeight fail
  // with NotFound on an unknown id.
  Status Add(const MapPoint& point);
  Status Remove(uint64_t id);
  Status Move(uint64_t id, double lat, double lng);
  Status SetWeight(uint64_t id, uint32_t weight);

  // Rebuilds and swaps in a new snapshot when a change happened since the last one;
  // returns whether it did. O(n log n); readers are not blocked.
  bool Publish();

  // The latest published snapshot (never null: empty before the first Load/Publish).
  std::shared_ptr<const ClusterSnapshot> Snapshot() const { return snapshot_.load(); }

  std::vector<MapItem> Clusters(double west, double south, double east, double north,
                                int zoom) const {
    return Snapshot()->Clusters(west, south, east, north, zoom);
  }

 private:
  static Status Validate(const MapPoint& point);
  std::vector<MapPoint>::iterator Find(uint64_t id);

  const ClusterOptions options_;
  std::mutex writer_mutex_;
  std::vector<MapPoint> points_;  // sorted by id; guarded by writer_mutex_
  bool dirty_ = false;            // guarded by writer_mutex_
  std::atomic<std::shared_ptr<const ClusterSnapshot>> snapshot_;
};

}  // namespace diseasemaps::map
