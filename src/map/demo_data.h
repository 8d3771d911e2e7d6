// Demo data: synthetic members for trying and measuring the community map
// (`diseasemaps demo-data --members N --seed S`, `diseasemaps demo-data --remove`).
//
// DemoGenerator makes members from a seed alone, so the same seed, catalogue and
// gazetteer give the same members in the same order on every machine (its own
// splitmix64 generator, no std:: distributions, whose results vary between libraries).
// Each member has a pseudonymous display name ("Calm Heron 4821"), an address under
// .invalid, an unusable password (the accounts are marked in synthetic_members, migration
// 0010: nobody can sign in as one), a profile with a real city of the embedded
// gazetteer (or only its country, or no place), a mix of visibilities and roles, and one
// to three memberships of real conditions of the catalogue, some conditions drawing far
// more members than others.
//
// The gazetteer has no populations, so "populous" is approximated: cities that give
// their name to their administrative area (seats: capitals and large towns, mostly) are
// drawn 25 times as often as the others.
//
// CreateDemoMembers writes in batches of kDemoBatch members, each batch one transaction
// with prepared statements; RemoveDemoMembers deletes every synthetic member and nothing
// else. Both move the content generation, so running servers refresh their pages and
// their demo banner; the map picks the members up at its next re-sync.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "map/map_store.h"
#include "platform/gazetteer.h"
#include "platform/i18n.h"

namespace diseasemaps::map {

inline constexpr int kDemoBatch = 20000;
inline constexpr const char* kDemoBanner = i18n::N_("Demo data: the members shown are synthetic");

class DemoGenerator {
 public:
  // REQUIRES: orphacodes not empty, the gazetteer has cities.
  DemoGenerator(uint64_t seed, const Gazetteer& gazetteer, std::vector<int> orphacodes);
  // The next member of the stream; `index` (its number among the synthetic members,
  // those made by earlier runs first) makes its address unique.
  SyntheticMember Next(long long index);

 private:
  uint64_t Random();
  uint64_t Below(uint64_t n) { return Random() % n; }
  size_t Pick(const std::vector<double>& cumulative);

  uint64_t state_;
  uint64_t seed_;
  const Gazetteer& gazetteer_;
  std::vector<int> orphacodes_;            // shuffled by the seed: the first draw most
  std::vector<double> condition_weights_;  // cumulative, Zipf
  std::vector<double> city_weights_;       // cumulative, seats weigh more
};

// Creates `count` synthetic members from `seed`; `progress(done)` after each batch.
// FailedPrecondition when the catalogue has no active condition.
Status CreateDemoMembers(MapStore& store, long long count, uint64_t seed, const Gazetteer& gazetteer,
                         const std::function<void(long long)>& progress = {});
// Deletes every synthetic member; returns how many.
Result<long long> RemoveDemoMembers(MapStore& store);

}  // namespace diseasemaps::map
