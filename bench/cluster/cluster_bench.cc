// cluster_bench: the C++ side of bench/cluster.sh.
//
//   cluster_bench generate --points N --seed S --out DIR
//     writes DIR/points.f64 (lng, lat per point, little-endian doubles, ids are the
//     index) and DIR/viewports.f64 (zoom, west, south, east, north per viewport: 1,000
//     random screens of 1280×800 px in 256-px tiles at each of zooms 2, 5 and 8).
//   cluster_bench run --in DIR [--radius R --extent E]
//     loads the points into a ClusterIndex (build time, peak RSS), answers every
//     viewport (time per zoom), times 4,000 changes (adds, re-weights, moves, removes,
//     each repaired in place: the cost of an update as a member sees it), and prints one
//     `key value` line per figure for the script to compare.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>
#include <numbers>
#include <random>
#include <string>
#include <vector>

#include "map/cluster_index.h"

namespace {

using diseasemaps::map::ClusterIndex;
using diseasemaps::map::ClusterOptions;
using diseasemaps::map::MapItem;
using diseasemaps::map::MapPoint;
using diseasemaps::map::Role;
using Clock = std::chrono::steady_clock;

constexpr int kZooms[] = {2, 5, 8};
constexpr int kViewportsPerZoom = 1000;

double Seconds(Clock::time_point a, Clock::time_point b) { return std::chrono::duration<double>(b - a).count(); }

long PeakRssKiB() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

bool WriteDoubles(const std::string& path, const std::vector<double>& v) {
  std::ofstream out(path, std::ios::binary);
  out.write(reinterpret_cast<const char*>(v.data()), static_cast<std::streamsize>(v.size() * sizeof(double)));
  return static_cast<bool>(out);
}

std::vector<double> ReadDoubles(const std::string& path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  std::vector<double> v(static_cast<size_t>(in.tellg()) / sizeof(double));
  in.seekg(0);
  in.read(reinterpret_cast<char*>(v.data()), static_cast<std::streamsize>(v.size() * sizeof(double)));
  return v;
}

int Generate(size_t n, uint64_t seed, const std::string& dir) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> lng(-180, 180), lat(-85, 85);
  std::vector<double> points;
  points.reserve(2 * n);
  for (size_t i = 0; i < n; ++i) {
    points.push_back(lng(rng));
    points.push_back(lat(rng));
  }
  std::vector<double> viewports;
  std::uniform_real_distribution<double> centre_lat(-70, 70);
  for (int z : kZooms) {
    const double tiles = std::ldexp(1.0, z);
    for (int i = 0; i < kViewportsPerZoom; ++i) {
      const double cx = lng(rng), half_w = 1280.0 / 256 / tiles * 360 / 2;
      // Height in mercator: 800 px of a world 256 * 2^z px high.
      const double s = std::sin(centre_lat(rng) * std::numbers::pi / 180);
      const double cy = 0.5 - 0.25 * std::log((1 + s) / (1 - s)) / std::numbers::pi;
      const double half_h = 800.0 / 256 / tiles / 2;
      auto lat_of = [](double y) {
        y = std::clamp(y, 0.0, 1.0);
        return 360 * std::atan(std::exp((180 - y * 360) * std::numbers::pi / 180)) / std::numbers::pi - 90;
      };
      viewports.insert(viewports.end(), {static_cast<double>(z), cx - half_w, lat_of(cy + half_h),
                                         cx + half_w, lat_of(cy - half_h)});
    }
  }
  if (!WriteDoubles(dir + "/points.f64", points) || !WriteDoubles(dir + "/viewports.f64", viewports)) {
    std::fprintf(stderr, "cluster_bench: cannot write to %s\n", dir.c_str());
    return 1;
  }
  return 0;
}

int Run(const std::string& dir, const ClusterOptions& options) {
  const std::vector<double> raw = ReadDoubles(dir + "/points.f64");
  const std::vector<double> viewports = ReadDoubles(dir + "/viewports.f64");
  if (raw.empty() || viewports.empty()) {
    std::fprintf(stderr, "cluster_bench: no points or viewports in %s\n", dir.c_str());
    return 1;
  }
  std::vector<MapPoint> points(raw.size() / 2);
  for (size_t i = 0; i < points.size(); ++i) {
    points[i] = {.id = i, .lat = raw[2 * i + 1], .lng = raw[2 * i], .weight = 1,
                 .role = static_cast<Role>(i % diseasemaps::map::kRoleCount)};
  }
  const long rss_before = PeakRssKiB();
  ClusterIndex index(options);
  const auto t0 = Clock::now();
  if (auto s = index.Load(std::move(points)); !s.ok()) {
    std::fprintf(stderr, "cluster_bench: %s\n", s.message().c_str());
    return 1;
  }
  const auto t1 = Clock::now();
  std::printf("points %zu\n", raw.size() / 2);
  std::printf("build_s %.3f\n", Seconds(t0, t1));
  std::printf("rss_before_build_mib %.0f\n", rss_before / 1024.0);
  std::printf("peak_rss_mib %.0f\n", PeakRssKiB() / 1024.0);
  std::printf("index_mib %.0f\n", index.memory_bytes() / 1048576.0);

  std::vector<MapItem> out;
  std::map<int, double> seconds;
  std::map<int, size_t> items;
  for (size_t v = 0; v + 4 < viewports.size(); v += 5) {
    const int z = static_cast<int>(viewports[v]);
    const auto q0 = Clock::now();
    index.Clusters(viewports[v + 1], viewports[v + 2], viewports[v + 3], viewports[v + 4], z, out);
    seconds[z] += Seconds(q0, Clock::now());
    items[z] += out.size();
  }
  for (int z : kZooms) {
    std::printf("query_z%d_ms %.3f\n", z, seconds[z] * 1000);
    std::printf("items_z%d %zu\n", z, items[z]);
  }

  // The cost of an update, by kind: 1,000 adds (a new place), 1,000 re-weights (a member
  // joins or leaves a place: what the map service does most), 1,000 moves and 1,000
  // removes, each timed alone and visible to readers when the call returns.
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> lng(-180, 180), lat(-85, 85);
  std::map<std::string, std::vector<double>> micros;
  std::vector<double> all;
  auto timed = [&](const std::string& kind, auto&& change) {
    const auto c0 = Clock::now();
    change();
    const double us = Seconds(c0, Clock::now()) * 1e6;
    micros[kind].push_back(us);
    all.push_back(us);
  };
  const uint64_t first_new = raw.size() + 1;
  for (uint64_t k = 0; k < 1000; ++k) {
    timed("add", [&] { (void)index.Add({.id = first_new + k, .lat = lat(rng), .lng = lng(rng), .weight = 3, .role = Role::kAdviser}); });
  }
  for (uint64_t k = 0; k < 1000; ++k) {
    timed("weight", [&] { (void)index.SetWeight(rng() % raw.size(), 1 + static_cast<uint32_t>(rng() % 50)); });
  }
  for (uint64_t k = 0; k < 1000; ++k) {
    timed("move", [&] { (void)index.Move(rng() % raw.size(), lat(rng), lng(rng)); });
  }
  for (uint64_t k = 0; k < 1000; ++k) {
    timed("remove", [&] { (void)index.Remove(first_new + k); });
  }
  auto report = [](const std::string& name, std::vector<double> us) {
    std::sort(us.begin(), us.end());
    double sum = 0;
    for (double m : us) sum += m;
    std::printf("%s_mean_us %.1f\n", name.c_str(), sum / static_cast<double>(us.size()));
    std::printf("%s_p99_us %.1f\n", name.c_str(), us[us.size() * 99 / 100]);
    std::printf("%s_max_us %.1f\n", name.c_str(), us.back());
  };
  report("update", all);
  for (const auto& [kind, us] : micros) report("update_" + kind, us);
  std::printf("peak_rss_after_updates_mib %.0f\n", PeakRssKiB() / 1024.0);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: cluster_bench generate --points N --seed S --out DIR | run --in DIR\n");
    return 2;
  }
  const std::string command = argv[1];
  std::map<std::string, std::string> flags;
  for (int i = 2; i + 1 < argc; i += 2) flags[argv[i]] = argv[i + 1];
  auto flag = [&](const std::string& name, const std::string& fallback) {
    auto it = flags.find(name);
    return it == flags.end() ? fallback : it->second;
  };
  if (command == "generate") {
    return Generate(std::stoul(flag("--points", "1000000")), std::stoull(flag("--seed", "42")), flag("--out", "."));
  }
  if (command == "run") {
    ClusterOptions options;
    options.radius = std::stod(flag("--radius", "60"));
    options.extent = std::stod(flag("--extent", "512"));
    return Run(flag("--in", "."), options);
  }
  std::fprintf(stderr, "cluster_bench: unknown command %s\n", command.c_str());
  return 2;
}
