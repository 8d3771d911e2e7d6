// ClusterIndex against brute force: each level is recomputed from the level above with
// an O(n²) greedy pass, box queries against a linear scan, and every change (add,
// remove, move, re-weight), repaired in place, against a fresh Load of the same points.
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

void ExpectSameLevels(const ClusterIndex& a, const ClusterIndex& b) {
  for (int z = a.options().min_zoom; z <= a.options().max_zoom + 1; ++z) {
    const auto ia = a.Items(z), ib = b.Items(z);
    ASSERT_EQ(ia.size(), ib.size()) << "zoom " << z;
    for (size_t i = 0; i < ia.size(); ++i) {
      EXPECT_EQ(KeyOf(ia[i]), KeyOf(ib[i])) << "zoom " << z << " item " << i;
      EXPECT_EQ(ia[i].item.id, ib[i].item.id) << "zoom " << z << " item " << i;
      EXPECT_EQ(ia[i].item.group, ib[i].item.group) << "zoom " << z << " item " << i;
      EXPECT_EQ(ia[i].item.lat, ib[i].item.lat) << "zoom " << z << " item " << i;
      EXPECT_EQ(ia[i].item.lng, ib[i].item.lng) << "zoom " << z << " item " << i;
    }
  }
}

TEST(ClusterIndex, EachLevelMatchesBruteForceGreedy) {
  for (uint32_t min_points : {2u, 6u}) {
    for (auto [n, seed] : {std::pair<size_t, uint32_t>{200, 1}, {2000, 2}}) {
      ClusterOptions options{.min_points = min_points};
      auto index = Loaded(RandomPoints(n, seed), options);
      for (int z = options.max_zoom; z >= options.min_zoom; --z) {
        std::vector<Key> expected = BruteForceLevel(index->Items(z + 1), Radius(options, z), min_points);
        std::vector<Key> got;
        for (const LevelItem& it : index->Items(z)) got.push_back(KeyOf(it));
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
      EXPECT_LT(index->Items(0).size(), n / 4);
      EXPECT_GT(index->Items(0).size(), 1u);
    }
  }
}

TEST(ClusterIndex, EveryMemberCountedOnceAtEveryZoomWithRoles) {
  const auto points = RandomPoints(2000, 3);
  RoleCounts total_roles{};
  uint64_t total = 0;
  for (const MapPoint& p : points) { total_roles[static_cast<int>(p.role)] += p.weight; total += p.weight; }
  auto index = Loaded(points);
  EXPECT_EQ(index->total_weight(), total);
  for (int z = 0; z <= 17; ++z) {
    RoleCounts roles{};
    uint64_t sum = 0;
    for (const MapItem& it : index->Clusters(-180, -90, 180, 90, z)) {
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
  for (int z = 0; z <= options.max_zoom; ++z) {
    // A cluster's id names the point its seed came from: find that seed one level up.
    std::map<uint64_t, std::pair<double, double>> by_origin;
    for (const LevelItem& it : index->Items(z + 1)) {
      by_origin[it.item.is_cluster ? it.item.id >> 5 : it.item.id] = {it.x, it.y};
    }
    std::vector<std::pair<double, double>> seeds;
    for (const LevelItem& it : index->Items(z)) {
      const bool made_here = it.item.is_cluster && (it.item.id & 31) == static_cast<uint64_t>(z + 1);
      if (made_here) {
        seeds.push_back(by_origin.at(it.item.id >> 5));
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
    for (const LevelItem& it : index->Items(z)) {
      if (it.x >= X(w) && it.x <= X(e) && it.y >= Y(n) && it.y <= Y(s)) {
        expected.emplace(it.item.id, it.item.is_cluster);
      }
    }
    EXPECT_EQ(Ids(index->Clusters(w, s, e, n, z)), expected) << "query " << q;
    nonempty += !expected.empty();
  }
  EXPECT_GT(nonempty, 100u);
  EXPECT_TRUE(index->Clusters(10, 20, 30, 10, 5).empty());  // south above north
}

TEST(ClusterIndex, BoxAcrossTheAntimeridian) {
  auto index = Loaded(RandomPoints(2000, 8));
  for (int z : {1, 4, 8, 17}) {
    std::set<std::pair<uint64_t, bool>> expected;
    for (const LevelItem& it : index->Items(z)) {
      if ((it.x >= X(150) || it.x <= X(-160)) && it.y >= Y(60) && it.y <= Y(-40)) {
        expected.emplace(it.item.id, it.item.is_cluster);
      }
    }
    EXPECT_FALSE(expected.empty());
    EXPECT_EQ(Ids(index->Clusters(150, -40, -160, 60, z)), expected) << "zoom " << z;
    EXPECT_EQ(Ids(index->Clusters(150, -40, 200, 60, z)), expected) << "zoom " << z;   // east past 180
    EXPECT_EQ(Ids(index->Clusters(-210, -40, -160, 60, z)), expected) << "zoom " << z; // west past -180
    // A box 360° wide or more is the whole world; latitudes are clamped.
    EXPECT_EQ(index->Clusters(-500, -100, 500, 100, z).size(), index->Items(z).size());
  }
}

TEST(ClusterIndex, AddRemoveMoveAndWeightGiveTheSameLevelsAsARebuild) {
  auto points = RandomPoints(1500, 9);
  auto index = Loaded(points);
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
  EXPECT_EQ(index->point_count(), points.size());
  ExpectSameLevels(*index, *Loaded(points));
}

// The repair's own proof: crowded points (so that a change reaches far, through chains
// of seeds, at every zoom) take random changes, and after EACH one every level must be
// bit for bit what a Load of the same points makes. Cluster ids name their seed's point,
// so they must match too.
TEST(ClusterIndex, EveryChangeIsRepairedExactlyAsALoadWouldMakeIt) {
  size_t changes = 0;
  for (const ClusterOptions& options : {ClusterOptions{}, ClusterOptions{.min_points = 6},
                                        ClusterOptions{.max_zoom = 10, .group_bits = 3}}) {
    for (uint32_t seed = 1; seed <= 4; ++seed) {
      std::mt19937 rng(seed);
      std::uniform_real_distribution<double> lat(40, 50), lng(0, 12), nudge(-0.05, 0.05);
      std::uniform_int_distribution<uint32_t> weight(1, 4), role(0, kRoleCount - 1);
      std::map<uint64_t, MapPoint> points;
      uint64_t next_id = 1;
      auto random_point = [&] {
        MapPoint p{.id = next_id++, .lat = lat(rng), .lng = lng(rng), .weight = weight(rng),
                   .role = static_cast<Role>(role(rng))};
        if (!points.empty() && rng() % 3 == 0) {  // on top of another: a city's other role
          const MapPoint& other = std::next(points.begin(), rng() % points.size())->second;
          p.lat = other.lat;
          p.lng = other.lng;
        }
        return p;
      };
      for (int i = 0; i < 120; ++i) {
        MapPoint p = random_point();
        points[p.id] = p;
      }
      std::vector<MapPoint> initial;
      for (const auto& [id, p] : points) initial.push_back(p);
      auto index = Loaded(initial, options);
      for (int step = 0; step < 150; ++step) {
        const uint32_t op = rng() % 5;
        MapPoint& some = std::next(points.begin(), rng() % points.size())->second;
        if (op == 0 || points.size() < 20) {
          MapPoint p = random_point();
          ASSERT_TRUE(index->Add(p).ok());
          points[p.id] = p;
        } else if (op == 1) {
          ASSERT_TRUE(index->Remove(some.id).ok());
          points.erase(some.id);
        } else if (op == 2) {  // a short move, within a cluster's reach
          some.lat = std::clamp(some.lat + nudge(rng), -85.0, 85.0);
          some.lng = std::clamp(some.lng + nudge(rng), -180.0, 180.0);
          ASSERT_TRUE(index->Move(some.id, some.lat, some.lng).ok());
        } else if (op == 3) {
          some.lat = lat(rng);
          some.lng = lng(rng);
          ASSERT_TRUE(index->Move(some.id, some.lat, some.lng).ok());
        } else {
          some.weight = weight(rng);
          ASSERT_TRUE(index->SetWeight(some.id, some.weight).ok());
        }
        ++changes;
        std::vector<MapPoint> now;
        for (const auto& [id, p] : points) now.push_back(p);
        auto loaded = Loaded(now, options);
        ExpectSameLevels(*index, *loaded);
        if (HasFailure()) {
          FAIL() << "options " << options.min_points << "/" << options.max_zoom << ", seed " << seed
                 << ", after change " << step << " (kind " << op << ")";
        }
      }
      // The crowd did cluster at low zooms and not into one blob: the test was not empty.
      EXPECT_LT(index->Items(3).size(), points.size() / 2);
      EXPECT_GT(index->Items(8).size(), index->Items(3).size());
    }
  }
  EXPECT_EQ(changes, 3u * 4u * 150u);
}

TEST(ClusterIndex, LevelsDependOnTheSetOfPointsNotTheirOrder) {
  auto points = RandomPoints(1500, 13);
  auto shuffled = Loaded(points);
  std::sort(points.begin(), points.end(), [](const MapPoint& a, const MapPoint& b) { return a.id > b.id; });
  auto reversed = Loaded(points);
  ExpectSameLevels(*shuffled, *reversed);
  // And built one Add at a time, from nothing.
  ClusterIndex added;
  for (const MapPoint& p : points) ASSERT_TRUE(added.Add(p).ok());
  ExpectSameLevels(added, *reversed);
}

TEST(ClusterIndex, StagedPointsAreBuiltByBuildStagedWithTheChangesMadeMeanwhile) {
  auto points = RandomPoints(800, 21);
  ClusterIndex staged;
  ASSERT_TRUE(staged.Stage(points).ok());
  EXPECT_EQ(staged.point_count(), 0u) << "nothing is built before BuildStaged()";
  // Changes made while staged apply to the staged points.
  ASSERT_TRUE(staged.Add({.id = 7, .lat = 10, .lng = 20, .weight = 2}).ok());
  EXPECT_EQ(staged.Add({.id = 7}).code(), Status::Code::kConflict);
  ASSERT_TRUE(staged.Remove(points[0].id).ok());
  ASSERT_TRUE(staged.Move(points[1].id, 5, 6).ok());
  ASSERT_TRUE(staged.SetWeight(points[2].id, 9).ok());
  EXPECT_EQ(staged.point_count(), 0u);
  EXPECT_TRUE(staged.BuildStaged());
  EXPECT_FALSE(staged.BuildStaged()) << "a second BuildStaged() has nothing left to do";
  points.push_back({.id = 7, .lat = 10, .lng = 20, .weight = 2});
  points[1].lat = 5;
  points[1].lng = 6;
  points[2].weight = 9;
  points.erase(points.begin());
  ExpectSameLevels(staged, *Loaded(points));
  EXPECT_FALSE(staged.Stage({{.id = 1}, {.id = 1}}).ok());
  EXPECT_FALSE(staged.BuildStaged()) << "a refused Stage() changes nothing";
  EXPECT_EQ(staged.point_count(), points.size());
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
  EXPECT_EQ(index.Clusters(-180, -90, 180, 90, 0).size(), 1u);
  EXPECT_EQ(index.total_weight(), 1u);
}

TEST(ClusterIndex, ZoomsAreClampedToTheLevelsThatExist) {
  const auto points = RandomPoints(300, 12);
  auto index = Loaded(points, {.min_zoom = 3, .max_zoom = 40});
  EXPECT_EQ(index->options().max_zoom, 30);
  EXPECT_EQ(Ids(index->Clusters(-180, -90, 180, 90, 0)), Ids(index->Clusters(-180, -90, 180, 90, 3)));
  EXPECT_LT(index->Items(3).size(), points.size());
  EXPECT_EQ(index->Clusters(-180, -90, 180, 90, 99).size(), points.size());
}

// A writer adds a point and removes it again, over and over; readers at every zoom must
// see the total before or after a change, never a change half applied to the levels.
TEST(ClusterIndex, ReadersNeverSeeAChangeHalfApplied) {
  const auto points = RandomPoints(500, 11);
  auto index = Loaded(points);
  const uint64_t total = index->total_weight();
  std::atomic<bool> stop = false;
  std::atomic<int> reads = 0;
  std::vector<std::thread> readers;
  for (int t = 0; t < 2; ++t) {
    readers.emplace_back([&, t] {
      while (!stop) {
        uint64_t sum = 0;
        for (const MapItem& it : index->Clusters(-180, -90, 180, 90, 2 + 7 * t)) sum += it.count;
        EXPECT_TRUE(sum == total || sum == total + 5) << sum;
        ++reads;
      }
    });
  }
  for (int k = 0; k < 400 || reads < 20; ++k) {
    const MapPoint p = points[static_cast<size_t>(k) % points.size()];
    ASSERT_TRUE(index->Add({.id = 5000, .lat = p.lat, .lng = p.lng, .weight = 5}).ok());
    ASSERT_TRUE(index->Remove(5000).ok());
  }
  stop = true;
  for (std::thread& reader : readers) reader.join();
  EXPECT_EQ(index->point_count(), 500u);
  EXPECT_EQ(index->total_weight(), total);
}

}  // namespace
}  // namespace diseasemaps::map
