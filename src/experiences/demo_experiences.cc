#include "experiences/demo_experiences.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <set>

#include "experiences/experience_rules.h"
#include "experiences/questionnaire.h"

namespace diseasemaps::experiences {

using nlohmann::json;

namespace {

const std::vector<std::string> kAgeBands = {"before_birth", "first_4_weeks", "under_1", "1_5", "6_11",
                                            "12_17",        "18_39",         "40_64",   "65_plus"};
// Most rare conditions begin in childhood.
const std::vector<double> kOnsetWeights = {3, 8, 22, 25, 12, 8, 12, 7, 3};
const std::vector<std::string> kTreatments = {"Physiotherapy", "Speech therapy", "Occupational therapy",
                                              "Steroids",      "IVIG",           "Anti-seizure medicine",
                                              "Special diet",  "Psychological support", "Surgery",
                                              "Pain relief"};
const std::vector<std::string> kSpecialties = {"Neurologist", "Geneticist", "Paediatrician", "Immunologist",
                                               "Cardiologist", "Dermatologist"};

}  // namespace

double PresenceLikelihood(const std::string& frequency) {
  if (frequency.rfind("Obligate", 0) == 0) return 1.0;
  if (frequency.rfind("Very frequent", 0) == 0) return 0.9;
  if (frequency.rfind("Frequent", 0) == 0) return 0.55;
  if (frequency.rfind("Occasional", 0) == 0) return 0.17;
  if (frequency.rfind("Very rare", 0) == 0) return 0.03;
  if (frequency.rfind("Excluded", 0) == 0) return 0.0;
  return 0.3;
}

uint64_t DemoExperienceGenerator::Random() {
  uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

size_t DemoExperienceGenerator::Pick(const std::vector<double>& weights) {
  double total = 0;
  for (double w : weights) total += w;
  double x = Unit() * total;
  for (size_t i = 0; i < weights.size(); ++i) {
    if (x < weights[i]) return i;
    x -= weights[i];
  }
  return weights.size() - 1;
}

json DemoExperienceGenerator::Answers(const std::vector<std::pair<std::string, std::string>>& phenotypes,
                                      int version) {
  json answers = json::object();
  const size_t onset = Pick(kOnsetWeights);
  // Years to a diagnosis: often quick, with a long tail (mean near 4.7).
  const double u = Unit();
  const int years = std::min(60, static_cast<int>(-4.7 * std::log(1.0 - u * 0.999)));
  json first_signs = json::array();
  json present = json::object();
  for (const auto& [hpo, frequency] : phenotypes) {
    const double p = PresenceLikelihood(frequency);
    const double draw = Unit();
    if (Unit() < 0.1) {
      present[hpo] = "not_sure";
    } else {
      present[hpo] = draw < p ? "has" : "does_not";
    }
    if (draw < p && first_signs.size() < 3 && Unit() < 0.4) first_signs.push_back(hpo);
  }
  answers["first_signs"] = {{"onset_age", kAgeBands[onset]}};
  if (!first_signs.empty()) answers["first_signs"]["first_signs"] = first_signs;
  const char* doctors = years < 1 ? "1" : years < 3 ? "2_3" : years < 8 ? "4_7" : "8_plus";
  const size_t diagnosis_band = std::min(kAgeBands.size() - 1, onset + (years >= 6 ? 2 : years >= 1 ? 1 : 0));
  answers["diagnosis"] = {{"diagnosis_age", kAgeBands[diagnosis_band]},
                          {"years_to_diagnosis", years},
                          {"doctors_seen", doctors},
                          {"wrong_diagnoses", Unit() < 0.2 + 0.06 * std::min(years, 10) ? "yes" : "no"},
                          {"specialty", kSpecialties[Random() % kSpecialties.size()]},
                          {"genetic_test", Unit() < 0.6 ? "yes" : Unit() < 0.7 ? "no" : "not_sure"}};
  if (!present.empty()) answers["signs"] = {{"phenotypes", present}};
  json treatments = json::array();
  const int tried = static_cast<int>(Random() % 4);
  std::vector<size_t> chosen;
  for (int i = 0; i < tried; ++i) {
    const size_t t = Pick({30, 15, 12, 18, 10, 12, 6, 14, 5, 9});
    if (std::find(chosen.begin(), chosen.end(), t) != chosen.end()) continue;
    chosen.push_back(t);
    static const std::vector<std::string> effects = {"a_lot", "somewhat", "not_at_all", "made_worse"};
    treatments.push_back({{"name", kTreatments[t]},
                          {"use", Unit() < 0.6 ? "still_using" : "stopped"},
                          {"effect", effects[Pick({30, 40, 22, 8})]}});
  }
  if (!treatments.empty()) answers["treatments"] = {{"treatments", treatments}};
  static const std::vector<std::string> now = {"much_better", "better", "about_the_same", "worse", "much_worse"};
  answers["now"] = {{"compared_with_worst", now[Pick({20, 35, 25, 14, 6})]},
                    {"daily_life_effect", static_cast<int>(Pick({3, 5, 8, 10, 12, 14, 14, 12, 10, 7, 5}))}};
  (void)version;
  return answers;
}

Consents DemoExperienceGenerator::NextConsents() {
  Consents consents;
  consents.charts = Unit() < 0.92;
  consents.research = Unit() < 0.55;
  return consents;
}

Status CreateDemoExperiences(ExperienceStore& store, long long count, uint64_t seed, std::optional<int> orphacode,
                             const std::function<void(long long)>& progress) {
  auto sharers = store.SyntheticSharers(orphacode);
  if (!sharers.ok()) return sharers.status();
  if (sharers->empty()) {
    return Status::FailedPrecondition(
        "no synthetic member joined a community as affected or family; create some with demo-data --members first");
  }
  const int version = CurrentQuestionnaireVersion();
  DemoExperienceGenerator generator(seed);
  std::map<int, std::vector<std::pair<std::string, std::string>>> phenotypes;
  std::map<int, std::set<std::string>> codes;
  const long long now =
      std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
  std::vector<Experience> batch;
  for (long long i = 0; i < count; ++i) {
    const auto& [user_id, code] = (*sharers)[static_cast<size_t>(i) % sharers->size()];
    if (!phenotypes.count(code)) {
      auto found = store.PhenotypeFrequencies(code);
      if (!found.ok()) return found.status();
      phenotypes[code] = *found;
      for (const auto& p : *found) codes[code].insert(p.first);
    }
    Experience e;
    e.user_id = user_id;
    e.orphacode = code;
    // A member's second and later experiences are about someone they care for.
    const bool again = i >= static_cast<long long>(sharers->size());
    e.subject = again ? Subject::kCaredFor : Subject::kSelf;
    e.label = again ? "child " + std::to_string(i / static_cast<long long>(sharers->size()) + 1) : "";
    e.questionnaire_version = version;
    // Kept only as the rules pass them: demo answers are never other than a member's.
    const json answers = generator.Answers(phenotypes[code], version);
    for (const auto& [step, step_answers] : answers.items()) {
      StepCheck check = CheckStep(version, step, step_answers, codes[code]);
      if (!check.ok()) {
        return Status::Internal("demo answers broke the rules in step " + step + ": " + check.errors.begin()->second);
      }
      e.answers[step] = check.step->answers();
    }
    e.consents = generator.NextConsents();
    e.submitted_at = now - static_cast<long long>(i % 86400);
    batch.push_back(std::move(e));
    if (static_cast<int>(batch.size()) == kDemoExperienceBatch || i + 1 == count) {
      if (Status s = store.InsertSynthetic(batch); !s.ok()) return s;
      batch.clear();
      if (progress) progress(i + 1);
    }
  }
  return Status::Ok();
}

Result<long long> RemoveDemoExperiences(ExperienceStore& store) { return store.RemoveSynthetic(); }

}  // namespace diseasemaps::experiences
