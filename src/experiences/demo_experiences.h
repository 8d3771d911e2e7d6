// Demo data for shared experiences (`diseasemaps demo-data --experiences N`): submitted
// experiences of synthetic members, with plausible spreads, so demo sites and the
// benchmark show charts.
//
// DemoExperienceGenerator makes answers from a seed alone (its own splitmix64, as
// map/demo_data.h, so every machine makes the same ones): ages at first signs weighted
// towards childhood, years to a diagnosis with a long tail (a mean near the 4.7 years
// the Rare Barometer survey found), more doctors seen the longer the road, each of the
// condition's signs reported as present about as often as Orphanet's frequency band
// says, a few treatments from a short generic list, and consents mostly given for the
// charts. Synthetic experiences have no story: nobody wrote one. Every answer is checked
// by the same rules as a member's (experience_rules.h) before it is kept.
//
// CreateDemoExperiences inserts them in batches (one transaction each, aggregates kept
// in step); RemoveDemoExperiences deletes them all and recounts. Both move the content
// generation, so running servers show the change.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "experiences/experience.h"
#include "experiences/experience_store.h"

namespace diseasemaps::experiences {

inline constexpr int kDemoExperienceBatch = 5000;

class DemoExperienceGenerator {
 public:
  explicit DemoExperienceGenerator(uint64_t seed) : state_(seed * 0x9E3779B97F4A7C15ULL + 7) {}
  // The answers of one experience ({step: {question: value}}) about a condition whose
  // phenotypes are (HPO id, Orphanet frequency), for questionnaire `version`.
  nlohmann::json Answers(const std::vector<std::pair<std::string, std::string>>& phenotypes, int version);
  // The consents of one synthetic experience.
  Consents NextConsents();

 private:
  uint64_t Random();
  double Unit() { return static_cast<double>(Random() >> 11) / 9007199254740992.0; }
  size_t Pick(const std::vector<double>& weights);
  uint64_t state_;
};

// The likelihood that someone with the condition has a sign Orphanet rates so.
double PresenceLikelihood(const std::string& frequency);

// Creates `count` experiences among the synthetic members who joined a community as
// affected or family (only that condition's with `orphacode`), a member holding more than
// one when there are fewer members than experiences. FailedPrecondition when there is no
// such member (run `demo-data --members` first). `progress(done)` after each batch.
Status CreateDemoExperiences(ExperienceStore& store, long long count, uint64_t seed, std::optional<int> orphacode,
                             const std::function<void(long long)>& progress = {});
// Deletes every synthetic member's experience; returns how many.
Result<long long> RemoveDemoExperiences(ExperienceStore& store);

}  // namespace diseasemaps::experiences
