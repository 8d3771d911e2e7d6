// ClusterIndex: see cluster_index.h. Checks every input, keeps staged points, and guards
// ClusterLevels (which does the clustering and its repair) for concurrent readers.
#include "map/cluster_index.h"

#include <algorithm>
#include <string>

#include "map/cluster_levels.h"

namespace diseasemaps::map {
namespace {

constexpr size_t kMaxPoints = (size_t{1} << 31) - 1;  // slots keep a flag in bit 31

bool ById(const MapPoint& a, const MapPoint& b) { return a.id < b.id; }

}  // namespace

ClusterIndex::ClusterIndex(ClusterOptions options)
    : options_(ClusterLevels::Clamped(options)),
      levels_(std::make_unique<ClusterLevels>(options_, std::span<const MapPoint>())) {}

ClusterIndex::~ClusterIndex() = default;

std::shared_lock<std::shared_mutex> ClusterIndex::ReadLock() const {
  std::lock_guard gate(gate_);
  return std::shared_lock(levels_mutex_);
}

std::unique_lock<std::shared_mutex> ClusterIndex::WriteLock() const {
  std::lock_guard gate(gate_);
  return std::unique_lock(levels_mutex_);
}

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

Status ClusterIndex::SortAndCheck(std::vector<MapPoint>& points) {
  uint64_t total = 0;
  for (const MapPoint& p : points) {
    if (Status s = Validate(p); !s.ok()) return s;
    total += p.weight;
  }
  if (total > UINT32_MAX) return Status::TooLarge("total weight over 2^32 - 1");
  if (points.size() > kMaxPoints) return Status::TooLarge("over 2^31 - 1 points");
  std::sort(points.begin(), points.end(), ById);
  for (size_t i = 1; i < points.size(); ++i) {
    if (points[i].id == points[i - 1].id) {
      return Status::InvalidArgument("duplicate point id " + std::to_string(points[i].id));
    }
  }
  return Status::Ok();
}

// REQUIRES: writer_mutex_ held.
Status ClusterIndex::CheckTotal(uint64_t old_weight, uint64_t new_weight) const {
  uint64_t total = 0;
  if (staged_) {
    for (const MapPoint& p : *staged_) total += p.weight;
  } else {
    total = levels_->total_weight();
  }
  if (total - old_weight + new_weight > UINT32_MAX) return Status::TooLarge("total weight over 2^32 - 1");
  return Status::Ok();
}

std::vector<MapPoint>::iterator ClusterIndex::FindStaged(uint64_t id) {
  auto it = std::lower_bound(staged_->begin(), staged_->end(), id,
                             [](const MapPoint& p, uint64_t v) { return p.id < v; });
  return it != staged_->end() && it->id == id ? it : staged_->end();
}

Status ClusterIndex::Load(std::vector<MapPoint> points) {
  if (Status s = SortAndCheck(points); !s.ok()) return s;
  auto built = std::make_unique<ClusterLevels>(options_, points);
  std::lock_guard writer(writer_mutex_);
  staged_.reset();
  auto lock = WriteLock();
  levels_.swap(built);
  lock.unlock();
  return Status::Ok();  // the old levels are freed here, outside the readers' lock
}

Status ClusterIndex::Stage(std::vector<MapPoint> points) {
  if (Status s = SortAndCheck(points); !s.ok()) return s;
  std::lock_guard writer(writer_mutex_);
  staged_ = std::move(points);
  return Status::Ok();
}

bool ClusterIndex::BuildStaged() {
  std::lock_guard writer(writer_mutex_);
  if (!staged_) return false;
  auto built = std::make_unique<ClusterLevels>(options_, *staged_);
  staged_.reset();
  auto lock = WriteLock();
  levels_.swap(built);
  return true;
}

Status ClusterIndex::Add(const MapPoint& point) {
  if (Status s = Validate(point); !s.ok()) return s;
  std::lock_guard writer(writer_mutex_);
  const bool exists = staged_ ? FindStaged(point.id) != staged_->end() : levels_->WeightOf(point.id) != 0;
  if (exists) return Status::Conflict("point " + std::to_string(point.id) + " exists");
  if (Status s = CheckTotal(0, point.weight); !s.ok()) return s;
  if (staged_) {
    if (staged_->size() >= kMaxPoints) return Status::TooLarge("over 2^31 - 1 points");
    staged_->insert(std::lower_bound(staged_->begin(), staged_->end(), point, ById), point);
    return Status::Ok();
  }
  if (levels_->point_count() >= kMaxPoints) return Status::TooLarge("over 2^31 - 1 points");
  auto lock = WriteLock();
  levels_->Add(point);
  return Status::Ok();
}

Status ClusterIndex::Remove(uint64_t id) {
  std::lock_guard writer(writer_mutex_);
  if (staged_) {
    auto it = FindStaged(id);
    if (it == staged_->end()) return Status::NotFound("no point " + std::to_string(id));
    staged_->erase(it);
    return Status::Ok();
  }
  if (levels_->WeightOf(id) == 0) return Status::NotFound("no point " + std::to_string(id));
  auto lock = WriteLock();
  levels_->Remove(id);
  return Status::Ok();
}

Status ClusterIndex::Move(uint64_t id, double lat, double lng) {
  std::lock_guard writer(writer_mutex_);
  MapPoint* staged = nullptr;
  if (staged_) {
    auto it = FindStaged(id);
    if (it == staged_->end()) return Status::NotFound("no point " + std::to_string(id));
    staged = &*it;
  } else if (levels_->WeightOf(id) == 0) {
    return Status::NotFound("no point " + std::to_string(id));
  }
  if (Status s = Validate({.id = id, .lat = lat, .lng = lng}); !s.ok()) return s;
  if (staged) {
    staged->lat = lat;
    staged->lng = lng;
    return Status::Ok();
  }
  auto lock = WriteLock();
  levels_->Move(id, lat, lng);
  return Status::Ok();
}

Status ClusterIndex::SetWeight(uint64_t id, uint32_t weight) {
  std::lock_guard writer(writer_mutex_);
  MapPoint* staged = nullptr;
  uint32_t old_weight = 0;
  if (staged_) {
    auto it = FindStaged(id);
    if (it == staged_->end()) return Status::NotFound("no point " + std::to_string(id));
    staged = &*it;
    old_weight = it->weight;
  } else if ((old_weight = levels_->WeightOf(id)) == 0) {
    return Status::NotFound("no point " + std::to_string(id));
  }
  if (weight == 0) return Status::InvalidArgument("point " + std::to_string(id) + ": weight 0");
  if (Status s = CheckTotal(old_weight, weight); !s.ok()) return s;
  if (staged) {
    staged->weight = weight;
    return Status::Ok();
  }
  auto lock = WriteLock();
  levels_->SetWeight(id, weight);
  return Status::Ok();
}

void ClusterIndex::Clusters(double west, double south, double east, double north, int zoom,
                            std::vector<MapItem>& out) const {
  auto lock = ReadLock();
  levels_->Clusters(west, south, east, north, zoom, out);
}

std::vector<MapItem> ClusterIndex::Clusters(double west, double south, double east, double north,
                                            int zoom) const {
  std::vector<MapItem> out;
  Clusters(west, south, east, north, zoom, out);
  return out;
}

std::vector<LevelItem> ClusterIndex::Items(int zoom) const {
  auto lock = ReadLock();
  return levels_->Items(zoom);
}

size_t ClusterIndex::point_count() const {
  auto lock = ReadLock();
  return levels_->point_count();
}

uint64_t ClusterIndex::total_weight() const {
  auto lock = ReadLock();
  return levels_->total_weight();
}

size_t ClusterIndex::memory_bytes() const {
  auto lock = ReadLock();
  return levels_->memory_bytes();
}

}  // namespace diseasemaps::map
