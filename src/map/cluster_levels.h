// ClusterLevels: the levels of a ClusterIndex (the rules are in cluster_index.h) and the
// local repair that keeps them exact under changes. Not thread-safe: ClusterIndex
// validates every input and serialises every call.
//
// Storage: per zoom level, a vector of item slots (28 bytes each: fixed-point position,
// count, a reference to the point or to a cluster record, the next item of its grid
// cell, and, for the level below, the seed it joined and the item it became) with free
// lists, cluster records (origin, counts per role, group, the zoom that made it), and a
// uniform grid of singly linked cells sized to about two items a cell, re-sized when the
// level quadruples. The top level's slots are the points' slots.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <unordered_map>
#include <utility>
#include <vector>

#include "map/cluster_index.h"

namespace diseasemaps::map {

class ClusterLevels {
 public:
  // REQUIRES: ids unique, weights >= 1, coordinates in range, total weight < 2^32.
  ClusterLevels(const ClusterOptions& options, std::span<const MapPoint> points);
  ~ClusterLevels();
  ClusterLevels(const ClusterLevels&) = delete;
  ClusterLevels& operator=(const ClusterLevels&) = delete;

  // The options as clamped (see ClusterOptions).
  static ClusterOptions Clamped(ClusterOptions options);

  // The point's weight, or 0 when there is no such point.
  uint32_t WeightOf(uint64_t id) const;

  // REQUIRES: Add: a new id, a valid point; the others: an existing id, valid values.
  void Add(const MapPoint& point);
  void Remove(uint64_t id);
  void Move(uint64_t id, double lat, double lng);
  void SetWeight(uint64_t id, uint32_t weight);

  // As ClusterIndex's.
  void Clusters(double west, double south, double east, double north, int zoom,
                std::vector<MapItem>& out) const;
  std::vector<LevelItem> Items(int zoom) const;
  size_t point_count() const { return point_count_; }
  uint64_t total_weight() const { return total_weight_; }
  size_t memory_bytes() const;

  struct Level;   // defined in cluster_levels.cc
  struct Change;  // what happened to one item of a level

 private:
  struct Point {
    uint64_t id;
    double lat, lng;
    Role role;
  };
  struct Output;

  Level& Top() { return *levels_.back(); }
  int LimitZoom(int zoom) const;
  double Radius(int zoom) const;
  uint64_t GroupOf(uint64_t id) const { return options_.group_bits > 0 ? id >> options_.group_bits : id; }
  uint64_t OriginOf(const Level& level, uint32_t slot) const;
  uint64_t KeyOf(const Level& level, uint32_t slot) const;
  RoleCounts RolesOf(const Level& level, uint32_t slot) const;
  uint64_t GroupOfItem(const Level& level, uint32_t slot) const;
  MapItem ToMapItem(const Level& level, uint32_t slot) const;

  // The items a group of `up` (its seed first, then the items it took) makes on the
  // level below, at `zoom`, appended to `out`; `group` starts at `offset` in the
  // caller's member list, which the outputs' member ranges index.
  void MakeOutputs(const Level& up, std::span<const uint32_t> group, uint32_t offset, int zoom,
                   std::vector<Output>& out) const;
  // (seed key, slot) of every item of a level, by key: the order seeds are taken in.
  using SeedOrder = std::vector<std::pair<uint64_t, uint32_t>>;
  // Makes the level below `up` from scratch (Load); `order` is up's, and becomes down's.
  void BuildBelow(Level& up, Level& down, int zoom, SeedOrder& order);
  // Applies to the levels below `level` the changes already made to it, then frees the
  // slots they removed.
  void Propagate(size_t level, std::vector<Change>& changes);
  // Writes an output over slot `slot` of `down` (the item it made before); records the
  // change, if any, and returns whether there was one.
  bool Rewrite(Level& down, uint32_t slot, const Output& out, std::vector<Change>& changes);
  // A new slot of `down` holding `out`, not yet in the grid.
  uint32_t Place(Level& down, const Output& out);

  ClusterOptions options_;
  std::vector<std::unique_ptr<Level>> levels_;  // [0] is min_zoom, back() the points
  std::vector<Point> points_;                   // by top-level slot
  std::unordered_map<uint64_t, uint32_t> slot_of_;  // point id -> top-level slot
  size_t point_count_ = 0;
  uint64_t total_weight_ = 0;
};

}  // namespace diseasemaps::map
