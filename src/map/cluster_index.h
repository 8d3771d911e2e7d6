// ClusterIndex: hierarchical point clustering for the community map, one level per zoom,
// in the manner of Mapbox's supercluster (greedy clustering from the maximum zoom down),
// kept current by local repair: adding, removing, moving or re-weighting a point changes
// only the items its change reaches, level by level; nothing is ever rebuilt.
//
// Points are projected to web-mercator [0,1]² and kept in 32-bit fixed point. Level
// maxZoom+1 holds the points; level z is made from level z+1 by greedy clustering: the
// items of z+1 are taken in the order of a fixed hash of their origin id (a point's id; a
// cluster's, the id of the point its seed came from), and each item not yet taken
// becomes a seed and takes every item not yet taken within `radius / (extent * 2^z)` of
// it. When the weights of a seed and what it took sum to at least `min_points` they
// become one cluster at their weighted centre, else they stay as they are. A point's
// weight is its number of members (a city is ONE point with a count), and every cluster
// counts its members per role.
//
// Equivalently: an item is a seed iff no seed earlier in the order lies within the
// radius, and any other item belongs to the earliest seed within the radius. Both depend
// only on earlier items nearby, which is what makes a local repair exact: a change marks
// the later items within the radius of the changed one; they are re-decided in order, and
// only a decision that flips marks its own later neighbours. The groups that lost or
// gained a member, or whose members moved or changed weight, are re-made; the items they
// make are matched by origin id with the ones they made before, and the differences
// (added, removed, moved, re-weighted) are the changes applied to the next level down.
// A change usually touches a handful of items per level.
//
// Guarantees:
//  - at each zoom every point's weight is counted exactly once (sum of counts = total);
//  - the levels are a function of the SET of points (ids must be unique), not of the
//    order in which they were loaded, added, removed or moved: after any sequence of
//    changes they are exactly (bit for bit) what Load() of the same points makes
//    (the weighted centres are computed in exact integer arithmetic);
//  - with min_points <= 2 the seeds of any two items at zoom z are farther apart than
//    the radius at z;
//  - Clusters() at a zoom above max_zoom returns every point, unclustered.
//
// Thread-safety: every method may be called from any thread. Readers (Clusters, Items,
// counts) share a lock; a change takes it exclusively for the time of its repair
// (microseconds), and a waiting writer holds new readers back, so a stream of readers
// cannot starve it. Load() and BuildStaged() build outside that lock and swap the result
// in, so readers keep answering from the previous levels during a build.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>
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
  // For a point, its MapPoint::id. For a cluster, (origin << 5) | (zoom + 1): origin is
  // the id of the point its seed came from (its top 5 bits dropped), zoom the one at
  // which it was made, so zoom + 1 is where it splits (its expansion zoom).
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

class ClusterLevels;  // cluster_levels.h: the levels and their repair

// The live index.
class ClusterIndex {
 public:
  explicit ClusterIndex(ClusterOptions options = {});
  ~ClusterIndex();
  ClusterIndex(const ClusterIndex&) = delete;
  ClusterIndex& operator=(const ClusterIndex&) = delete;

  // Replaces every point and builds the levels. Fails (and changes nothing) on a
  // duplicate id, a weight of 0, or a latitude/longitude out of range.
  Status Load(std::vector<MapPoint> points);
  // As Load, but builds nothing yet: the points replace the current ones at the next
  // BuildStaged(), so a caller can build outside its own locks. Changes made meanwhile
  // apply to the staged points.
  Status Stage(std::vector<MapPoint> points);
  // Builds the staged points and swaps them in; returns whether there were any.
  bool BuildStaged();

  // Changes to the points, visible to readers when the call returns. Add fails on an
  // existing id or invalid point; Remove, Move and SetWeight fail with NotFound on an
  // unknown id. A failed call changes nothing.
  Status Add(const MapPoint& point);
  Status Remove(uint64_t id);
  Status Move(uint64_t id, double lat, double lng);
  Status SetWeight(uint64_t id, uint32_t weight);

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
  size_t point_count() const;
  uint64_t total_weight() const;
  // Bytes held by the levels and points (not counting allocator overhead).
  size_t memory_bytes() const;

 private:
  // A reader's lock, and a writer's: a writer waits holding gate_, so new readers queue
  // behind it instead of starving it.
  std::shared_lock<std::shared_mutex> ReadLock() const;
  std::unique_lock<std::shared_mutex> WriteLock() const;
  static Status Validate(const MapPoint& point);
  Status CheckTotal(uint64_t old_weight, uint64_t new_weight) const;
  std::vector<MapPoint>::iterator FindStaged(uint64_t id);
  static Status SortAndCheck(std::vector<MapPoint>& points);

  const ClusterOptions options_;
  std::mutex writer_mutex_;            // serialises writers, held across a build
  mutable std::mutex gate_;            // a writer waiting for levels_mutex_ holds it
  mutable std::shared_mutex levels_mutex_;
  std::unique_ptr<ClusterLevels> levels_;  // never null; guarded by levels_mutex_
  // Points given to Stage() and not built yet; guarded by writer_mutex_.
  std::optional<std::vector<MapPoint>> staged_;
};

}  // namespace diseasemaps::map
