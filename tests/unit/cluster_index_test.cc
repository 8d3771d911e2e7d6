// ClusterIndex against brute force: each level is recomputed from the level above with
// an O(n²) greedy pass, box queries against a linear scan, updates against a rebuild.
#include "map/cluster_index.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <map>
#include <memory>
#include <numbers>
#include <random>
#include <set>
#include <thread>
#include <tuple>
#include <utility>
#include <vector>

namespace diseasemaps::map {
namespace {

double X(double lng) { return lng / 360.0 + 0.5; }
double Y(double lat) {
  const double s = std::sin(lat * std::numbers::pi / 180.0);
  return std::clamp(0.5 - 0.25 * std::log((1 + s) / (1 - s)) / std::numbers::pi, 0.0, 1.0);
}

// n points, some sharing a place (as members of one city would if they were not merged),
// weights 1..5, roles at random.
std::vector<MapPoint> RandomPoints(size_t n, uint32_t seed, double lng_span = 360) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> lat(-80, 80), lng(-lng_span / 2, lng_span / 2);
  std::uniform_int_distribution<uint32_t> weight(1, 5), role(0, kRoleCount - 1);
  std::vector<MapPoint> points;
  for (size_t i = 0; i < n; ++i) {
    MapPoint p{.id = 1000 + i * 7, .lat = lat(rng), .lng = lng(rng), .weight = weight(rng),
               .role = static_cast<Role>(role(rng))};
    if (i % 10 == 9) { p.lat = points[i / 2].lat; p.lng = points[i / 2].lng; }
    points.push_back(p);
  }
  std::shuffle(points.begin(), points.end(), rng);
  return points;
}

double Radius(const ClusterOptions& o, int z) { return o.radius / (o.extent * std::ldexp(1.0, z)); }

using Key = std::tuple<double, double, uint32_t, bool, RoleCounts>;
Key KeyOf(const LevelItem& it) {
  return {it.y, it.x, it.item.count, it.item.is_cluster, it.item.roles};
}

// Level z computed from level z+1 (in its storage order) by brute force.
std::vector<Key> BruteForceLevel(const std::vector<LevelItem>& above, double r, uint32_t min_points) {
  std::vector<Key> out;
  std::vector<bool> taken(above.size());
  for (size_t i = 0; i < above.size(); ++i) {
    if (taken[i]) continue;
    taken[i] = true;
    std::vector<size_t> near;
    uint64_t sum = above[i].item.count;
    for (size_t j = 0; j < above.size(); ++j) {
      if (taken[j]) continue;
      const double dx = above[j].x - above[i].x, dy = above[j].y - above[i].y;
      if (dx * dx + dy * dy <= r * r) { near.push_back(j); sum += above[j].item.count; }
    }
    if (!near.empty() && sum >= min_points) {
      double wx = above[i].x * above[i].item.count, wy = above[i].y * above[i].item.count;
      RoleCounts roles = above[i].item.roles;
      for (size_t j : near) {
        taken[j] = true;
        wx += above[j].x * above[j].item.count;
        wy += above[j].y * above[j].item.count;
        for (int k = 0; k < kRoleCount; ++k) roles[k] += above[j].item.roles[k];
      }
      out.emplace_back(wy / sum, wx / sum, static_cast<uint32_t>(sum), true, roles);
    } else {
      out.push_back(KeyOf(above[i]));
      for (size_t j : near) { taken[j] = true; out.push_back(KeyOf(above[j])); }
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::unique_ptr<ClusterIndex> Loaded(const std::vector<MapPoint>& points, ClusterOptions options = {}) {
  auto index = std::make_unique<ClusterIndex>(options);
  EXPECT_TRUE(index->Load(points).ok());
  return index;
}

void ExpectSameLevels(const ClusterSnapshot& a, const ClusterSnapshot& b) {
  for (int z = a.options().min_zoom; z <= a.options().max_zoom + 1; ++z) {
    const auto ia = a.Items(z), ib = b.Items(z);
    ASSERT_EQ(ia.size(), ib.size()) << "zoom " << z;
    for (size_t i = 0; i < ia.size(); ++i) {
      EXPECT_EQ(KeyOf(ia[i]), KeyOf(ib[i])) << "zoom " << z << " item " << i;
      EXPECT_EQ(ia[i].item.id, ib[i].item.id) << "zoom " << z << " item " << i;
    }
  }
}

TEST(ClusterIndex, EachLevelMatchesBruteForceGreedy) {
  for (uint32_t min_points : {2u, 6u}) {
    for (auto [n, seed] : {std::pair<size_t, uint32_t>{200, 1}, {2000, 2}}) {
      ClusterOptions options{.min_points = min_points};
      auto index = Loaded(RandomPoints(n, seed), options);
      auto snap = index->Snapshot();
      for (int z = options.max_zoom; z >= options.min_zoom; --z) {
        std::vector<Key> expected = BruteForceLevel(snap->Items(z + 1), Radius(options, z), min_points);
        std::vector<Key> got;
        for (const LevelItem& it : snap->Items(z)) got.push_back(KeyOf(it));
        std::sort(got.begin(), got.end());
        ASSERT_EQ(got.size(), expected.size()) << "n " << n << " zoom " << z;
        for (size_t i = 0; i < got.size(); ++i) {
          // Positions are kept in 32-bit fixed point: within 2^-33 of the exact centre.
          EXPECT_NEAR(std::get<0>(got[i]), std::get<0>(expected[i]), 1.2e-10);
          EXPECT_NEAR(std::get<1>(got[i]), std::get<1>(expected[i]), 1.2e-10);
          EXPECT_EQ(std::get<2>(got[i]), std::get<2>(expected[i]));
          EXPECT_EQ(std::get<3>(got[i]), std::get<3>(expected[i]));
          EXPECT_EQ(std::get<4>(got[i]), std::get<4>(expected[i]));
        }
      }
      // Something did cluster, and not into one blob: the test would be empty otherwise.
      EXPECT_LT(snap->Items(0).size(), n / 4);
      EXPECT_GT(snap->Items(0).size(), 1u);
    }
  }
}

TEST(ClusterIndex, EveryMemberCountedOnceAtEveryZoomWithRoles) {
  const auto points = RandomPoints(2000, 3);
  RoleCounts total_roles{};
  uint64_t total = 0;
  for (const MapPoint& p : points) { total_roles[static_cast<int>(p.role)] += p.weight; total += p.weight; }
  auto index = Loaded(points);
  auto snap = index->Snapshot();
  EXPECT_EQ(snap->total_weight(), total);
  for (int z = 0; z <= 17; ++z) {
    RoleCounts roles{};
    uint64_t sum = 0;
    for (const MapItem& it : snap->Clusters(-180, -90, 180, 90, z)) {
      sum += it.count;
      uint32_t item_roles = 0;
      for (int k = 0; k < kRoleCount; ++k) { roles[k] += it.roles[k]; item_roles += it.roles[k]; }
      EXPECT_EQ(item_roles, it.count);
    }
    EXPECT_EQ(sum, total) << "zoom " << z;
    EXPECT_EQ(roles, total_roles) << "zoom " << z;
  }
}

TEST(ClusterIndex, SeedsOfOneZoomAreFartherApartThanTheRadius) {
  ClusterOptions options;
  auto index = Loaded(RandomPoints(1500, 4), options);
  auto snap = index->Snapshot();
  for (int z = 0; z <= options.max_zoom; ++z) {
    const auto above = snap->Items(z + 1);
    std::vector<std::pair<double, double>> seeds;
    for (const LevelItem& it : snap->Items(z)) {
      const bool made_here = it.item.is_cluster && (it.item.id & 31) == static_cast<uint64_t>(z + 1);
      if (made_here) {
        const LevelItem& origin = above.at(it.item.id >> 5);
        seeds.emplace_back(origin.x, origin.y);
      } else {
        seeds.emplace_back(it.x, it.y);
      }
    }
    const double r = Radius(options, z);
    for (size_t i = 0; i < seeds.size(); ++i) {
      for (size_t j = i + 1; j < seeds.size(); ++j) {
        const double dx = seeds[i].first - seeds[j].first, dy = seeds[i].second - seeds[j].second;
        ASSERT_GT(dx * dx + dy * dy, r * r) << "zoom " << z;
      }
    }
  }
}

TEST(ClusterIndex, AboveMaxZoomEveryPointComesBack) {
  const auto points = RandomPoints(1000, 5);
  auto index = Loaded(points);
  std::map<uint64_t, MapPoint> by_id;
  for (const MapPoint& p : points) by_id[p.id] = p;
  for (int zoom : {17, 20}) {
    const auto items = index->Clusters(-180, -90, 180, 90, zoom);
    ASSERT_EQ(items.size(), points.size());
    for (const MapItem& it : items) {
      ASSERT_FALSE(it.is_cluster);
      const MapPoint& p = by_id.at(it.id);
      EXPECT_EQ(it.lat, p.lat);
      EXPECT_EQ(it.lng, p.lng);
      EXPECT_EQ(it.count, p.weight);
      EXPECT_EQ(it.roles[static_cast<int>(p.role)], p.weight);
    }
  }
}

std::set<std::pair<uint64_t, bool>> Ids(const std::vector<MapItem>& items) {
  std::set<std::pair<uint64_t, bool>> ids;
  for (const MapItem& it : items) EXPECT_TRUE(ids.emplace(it.id, it.is_cluster).second);
  return ids;
}

TEST(ClusterIndex, BoxQueryReturnsExactlyTheItemsInsideTheBox) {
  auto index = Loaded(RandomPoints(2000, 6));
  auto snap = index->Snapshot();
  std::mt19937 rng(7);
  std::uniform_real_distribution<double> lng(-180, 180), lat(-85, 85);
  std::uniform_int_distribution<int> zoom(0, 17);
  size_t nonempty = 0;
  for (int q = 0; q < 300; ++q) {
    double w = lng(rng), e = lng(rng), s = lat(rng), n = lat(rng);
    if (w > e) std::swap(w, e);
    if (s > n) std::swap(s, n);
    const int z = zoom(rng);
    std::set<std::pair<uint64_t, bool>> expected;
    for (const LevelItem& it : snap->Items(z)) {
      if (it.x >= X(w) && it.x <= X(e) && it.y >= Y(n) && it.y <= Y(s)) {
        expected.emplace(it.item.id, it.item.is_cluster);
      }
    }
    EXPECT_EQ(Ids(snap->Clusters(w, s, e, n, z)), expected) << "query " << q;
    nonempty += !expected.empty();
  }
  EXPECT_GT(nonempty, 100u);
  EXPECT_TRUE(snap->Clusters(10, 20, 30, 10, 5).empty());  // south above north
}

TEST(ClusterIndex, BoxAcrossTheAntimeridian) {
  auto index = Loaded(RandomPoints(2000, 8));
  auto snap = index->Snapshot();
  for (int z : {1, 4, 8, 17}) {
    std::set<std::pair<uint64_t, bool>> expected;
    for (const LevelItem& it : snap->Items(z)) {
      if ((it.x >= X(150) || it.x <= X(-160)) && it.y >= Y(60) && it.y <= Y(-40)) {
        expected.emplace(it.item.id, it.item.is_cluster);
      }
    }
    EXPECT_FALSE(expected.empty());
    EXPECT_EQ(Ids(snap->Clusters(150, -40, -160, 60, z)), expected) << "zoom " << z;
    EXPECT_EQ(Ids(snap->Clusters(150, -40, 200, 60, z)), expected) << "zoom " << z;   // east past 180
    EXPECT_EQ(Ids(snap->Clusters(-210, -40, -160, 60, z)), expected) << "zoom " << z; // west past -180
    // A box 360° wide or more is the whole world; latitudes are clamped.
    EXPECT_EQ(snap->Clusters(-500, -100, 500, 100, z).size(), snap->Items(z).size());
  }
}

TEST(ClusterIndex, AddRemoveMoveAndWeightGiveTheSameLevelsAsARebuild) {
  auto points = RandomPoints(1500, 9);
  auto index = Loaded(points);
  auto before = index->Snapshot();
  std::mt19937 rng(10);
  std::uniform_real_distribution<double> lat(-80, 80), lng(-180, 180);
  for (int k = 0; k < 50; ++k) {
    MapPoint added{.id = 900000 + static_cast<uint64_t>(k), .lat = lat(rng), .lng = lng(rng),
                   .weight = 3, .role = Role::kResearcher};
    ASSERT_TRUE(index->Add(added).ok());
    points.push_back(added);
  }
  for (int k = 0; k < 50; ++k) {
    const size_t i = rng() % points.size();
    ASSERT_TRUE(index->Remove(points[i].id).ok());
    points.erase(points.begin() + static_cast<std::ptrdiff_t>(i));
  }
  for (int k = 0; k < 50; ++k) {
    MapPoint& p = points[rng() % points.size()];
    p.lat = lat(rng);
    p.lng = lng(rng);
    ASSERT_TRUE(index->Move(p.id, p.lat, p.lng).ok());
  }
  for (int k = 0; k < 20; ++k) {
    MapPoint& p = points[rng() % points.size()];
    p.weight = 1 + static_cast<uint32_t>(rng() % 40);
    ASSERT_TRUE(index->SetWeight(p.id, p.weight).ok());
  }
  EXPECT_EQ(index->Snapshot(), before);  // nothing visible before Publish()
  EXPECT_TRUE(index->Publish());
  EXPECT_FALSE(index->Publish());  // nothing changed since
  EXPECT_EQ(index->Snapshot()->point_count(), points.size());
  auto rebuilt = Loaded(points);
  ExpectSameLevels(*index->Snapshot(), *rebuilt->Snapshot());
  // The old snapshot is untouched, so readers holding it see a consistent map.
  ExpectSameLevels(*before, *Loaded(RandomPoints(1500, 9))->Snapshot());
}

TEST(ClusterIndex, LevelsDependOnTheSetOfPointsNotTheirOrder) {
  auto points = RandomPoints(1500, 13);
  ClusterSnapshot shuffled({}, points);
  std::sort(points.begin(), points.end(), [](const MapPoint& a, const MapPoint& b) { return a.id > b.id; });
  ClusterSnapshot reversed({}, points);
  ExpectSameLevels(shuffled, reversed);
}

TEST(ClusterIndex, StagedPointsShowAtTheNextPublishAsLoadedOnesDo) {
  const auto points = RandomPoints(800, 21);
  ClusterIndex staged;
  ASSERT_TRUE(staged.Stage(points).ok());
  EXPECT_EQ(staged.Snapshot()->point_count(), 0u) << "nothing is built before Publish()";
  EXPECT_TRUE(staged.Publish());
  EXPECT_FALSE(staged.Publish()) << "a second Publish() has nothing left to do";
  ClusterIndex loaded;
  ASSERT_TRUE(loaded.Load(points).ok());
  ExpectSameLevels(*staged.Snapshot(), *loaded.Snapshot());
  EXPECT_FALSE(staged.Stage({{.id = 1}, {.id = 1}}).ok());
  EXPECT_EQ(staged.Snapshot()->point_count(), points.size()) << "a refused Stage() changes nothing";
}

TEST(ClusterIndex, RefusesBadPointsAndUnknownIds) {
  ClusterIndex index;
  EXPECT_FALSE(index.Load({{.id = 1}, {.id = 1}}).ok());
  EXPECT_FALSE(index.Load({{.id = 1, .lat = 91}}).ok());
  EXPECT_FALSE(index.Load({{.id = 1, .lng = -181}}).ok());
  EXPECT_FALSE(index.Load({{.id = 1, .weight = 0}}).ok());
  ASSERT_TRUE(index.Load({{.id = 1, .lat = 10, .lng = 10}}).ok());
  EXPECT_EQ(index.Add({.id = 1}).code(), Status::Code::kConflict);
  EXPECT_EQ(index.Remove(2).code(), Status::Code::kNotFound);
  EXPECT_EQ(index.Move(2, 0, 0).code(), Status::Code::kNotFound);
  EXPECT_EQ(index.Move(1, 0, 200).code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(index.SetWeight(1, 0).code(), Status::Code::kInvalidArgument);
  EXPECT_FALSE(index.Publish());
  EXPECT_EQ(index.Clusters(-180, -90, 180, 90, 0).size(), 1u);
}

TEST(ClusterIndex, ZoomsAreClampedToTheLevelsThatExist) {
  const auto points = RandomPoints(300, 12);
  auto index = Loaded(points, {.min_zoom = 3, .max_zoom = 40});
  auto snap = index->Snapshot();
  EXPECT_EQ(snap->options().max_zoom, 30);
  EXPECT_EQ(Ids(snap->Clusters(-180, -90, 180, 90, 0)), Ids(snap->Clusters(-180, -90, 180, 90, 3)));
  EXPECT_LT(snap->Items(3).size(), points.size());
  EXPECT_EQ(snap->Clusters(-180, -90, 180, 90, 99).size(), points.size());
}

TEST(ClusterIndex, ReadersSeeWholeSnapshotsWhileAWriterPublishes) {
  auto index = Loaded(RandomPoints(500, 11));
  std::atomic<bool> stop = false;
  std::atomic<int> reads = 0;
  std::thread reader([&] {
    while (!stop) {
      auto snap = index->Snapshot();
      uint64_t sum = 0;
      for (const MapItem& it : snap->Clusters(-180, -90, 180, 90, 2)) sum += it.count;
      EXPECT_EQ(sum, snap->total_weight());
      ++reads;
    }
  });
  for (int k = 0; k < 20; ++k) {
    ASSERT_TRUE(index->Add({.id = 5000 + static_cast<uint64_t>(k), .lat = 1.0 * k, .lng = 2.0 * k, .weight = 2}).ok());
    index->Publish();
  }
  while (reads < 5) std::this_thread::yield();
  stop = true;
  reader.join();
  EXPECT_EQ(index->Snapshot()->point_count(), 520u);
}

}  // namespace
}  // namespace diseasemaps::map
