#include "map/demo_data.h"

#include <algorithm>
#include <chrono>

namespace diseasemaps::map {
namespace {

constexpr const char* kAdjectives[] = {"Calm",   "Bright", "Gentle", "Brave",  "Quiet",  "Swift", "Kind",
                                       "Clever", "Steady", "Warm",   "Patient", "Bold",  "Merry", "Wise",
                                       "Lucky",  "Sunny",  "Hopeful", "Keen",   "Noble", "Tender"};
constexpr const char* kNouns[] = {"Heron", "Otter",  "Falcon", "Willow", "Maple",   "Badger", "Lark",
                                  "Fox",   "Cedar",  "Robin",  "Sparrow", "Birch",  "Dolphin", "Finch",
                                  "Hazel", "Marten", "Plover", "Rowan",  "Swallow", "Wren"};

std::vector<double> Cumulative(const std::vector<double>& weights) {
  std::vector<double> out(weights.size());
  double sum = 0;
  for (size_t i = 0; i < weights.size(); ++i) out[i] = sum += weights[i];
  return out;
}

}  // namespace

DemoGenerator::DemoGenerator(uint64_t seed, const Gazetteer& gazetteer, std::vector<int> orphacodes)
    : state_(seed ^ 0x9E3779B97F4A7C15ull), seed_(seed), gazetteer_(gazetteer), orphacodes_(std::move(orphacodes)) {
  // Fisher-Yates with our own generator: which conditions draw the most depends on the seed.
  for (size_t i = orphacodes_.size(); i > 1; --i) std::swap(orphacodes_[i - 1], orphacodes_[Below(i)]);
  std::vector<double> weights(orphacodes_.size());
  for (size_t i = 0; i < weights.size(); ++i) weights[i] = 1.0 / static_cast<double>(i + 1);
  condition_weights_ = Cumulative(weights);
  const auto& cities = gazetteer_.cities();
  weights.assign(cities.size(), 1.0);
  for (size_t i = 0; i < cities.size(); ++i) weights[i] = cities[i].seat ? 25.0 : 1.0;
  city_weights_ = Cumulative(weights);
}

uint64_t DemoGenerator::Random() {  // splitmix64
  uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

size_t DemoGenerator::Pick(const std::vector<double>& cumulative) {
  const double x = static_cast<double>(Random() >> 11) * 0x1.0p-53 * cumulative.back();
  const auto it = std::upper_bound(cumulative.begin(), cumulative.end(), x);
  return std::min(static_cast<size_t>(it - cumulative.begin()), cumulative.size() - 1);
}

SyntheticMember DemoGenerator::Next(long long index) {
  SyntheticMember m;
  m.email = "demo-" + std::to_string(seed_) + "-" + std::to_string(index) + "@synthetic.invalid";
  m.display_name = std::string(kAdjectives[Below(std::size(kAdjectives))]) + " " + kNouns[Below(std::size(kNouns))] +
                   " " + std::to_string(Below(10000));
  MemberRow& r = m.row;
  const uint64_t vis = Below(100);  // 40% public, 45% members, 15% hidden
  r.visibility = vis < 40 ? guard::Visibility::kPublic : vis < 85 ? guard::Visibility::kMembers
                                                                  : guard::Visibility::kHidden;
  const uint64_t where = Below(100);  // 85% a city, 10% a country, 5% nowhere
  if (where < 95) {
    const City& city = gazetteer_.cities()[Pick(city_weights_)];
    r.country_code = std::string(city.country_code);
    if (where < 85) {
      r.place_kind = MemberRow::PlaceKind::kCity;
      r.city_id = city.id;
      r.city_name = std::string(city.name);
      r.admin_name = std::string(city.admin_area);
      r.latitude = city.latitude;
      r.longitude = city.longitude;
    } else if (const Country* country = gazetteer_.FindCountry(city.country_code)) {
      r.place_kind = MemberRow::PlaceKind::kCountry;
      r.latitude = country->latitude;
      r.longitude = country->longitude;
    }
  }
  const uint64_t n = Below(100);  // 80% one community, 15% two, 5% three
  const size_t wanted = std::min<size_t>(n < 80 ? 1 : n < 95 ? 2 : 3, orphacodes_.size());
  long long joined = 1700000000 + static_cast<long long>(Below(3 * 365 * 86400));
  while (r.memberships.size() < wanted) {
    const int code = orphacodes_[Pick(condition_weights_)];
    if (std::any_of(r.memberships.begin(), r.memberships.end(), [&](const auto& x) { return x.first == code; })) {
      continue;
    }
    const uint64_t role = Below(100);  // affected 55, family 25, adviser 5, researcher 5, professional 7, organisation 3
    const Role chosen = role < 55   ? Role::kAffected
                        : role < 80 ? Role::kFamilyAndFriends
                        : role < 85 ? Role::kAdviser
                        : role < 90 ? Role::kResearcher
                        : role < 97 ? Role::kHealthcareProfessional
                                    : Role::kOrganisation;
    r.memberships.emplace_back(code, chosen);
    m.joined_at.push_back(joined);
    joined += 1 + static_cast<long long>(Below(90 * 86400));
  }
  m.accepts_contact = Below(2) == 0;
  return m;
}

Status CreateDemoMembers(MapStore& store, long long count, uint64_t seed, const Gazetteer& gazetteer,
                         const std::function<void(long long)>& progress) {
  auto codes = store.ActiveOrphacodes();
  if (!codes.ok()) return codes.status();
  if (codes->empty()) return Status::FailedPrecondition("the catalogue has no active condition to join");
  if (gazetteer.cities().empty()) return Status::FailedPrecondition("the gazetteer has no cities");
  auto existing = store.CountSynthetic();  // keeps addresses unique when run again
  if (!existing.ok()) return existing.status();
  DemoGenerator generator(seed, gazetteer, std::move(*codes));
  std::vector<SyntheticMember> batch;
  batch.reserve(kDemoBatch);
  for (long long done = 0; done < count;) {
    batch.clear();
    for (; done < count && batch.size() < static_cast<size_t>(kDemoBatch); ++done) {
      batch.push_back(generator.Next(*existing + done));
    }
    if (Status s = store.InsertSynthetic(batch, static_cast<long long>(seed)); !s.ok()) return s;
    if (progress) progress(done);
  }
  return Status::Ok();
}

Result<long long> RemoveDemoMembers(MapStore& store) { return store.RemoveSynthetic(); }

}  // namespace diseasemaps::map
