// The checks on a member's answers, pure: one step of an experience against the
// questionnaire version it is written for and the condition's own phenotypes.
//
// Guarantees: a CheckedStep exists only when every field passed, and holds only known
// questions with values in range (options from the questionnaire, numbers within
// bounds, text readable and within its length, phenotype codes among the condition's),
// normalised (numbers as numbers, text trimmed, unanswered questions left out). A step
// with any mistake yields no CheckedStep and one message per field, in the current
// interface language, so a page can show each beside its field and save nothing.
// Markup in text is kept as typed: pages escape it when they show it.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "experiences/experience.h"

namespace diseasemaps::experiences {

// field -> message. Fields are question ids, with a place inside them where it matters:
// "treatments[2].name", "phenotypes.HP:0001251"; "questionnaire_version" and "step" for
// the request itself.
using FieldErrors = std::map<std::string, std::string>;

inline constexpr std::size_t kMaxLabelChars = 60;

// One step's answers that passed CheckStep.
class CheckedStep {
 public:
  int questionnaire_version() const { return version_; }
  const std::string& step_id() const { return step_id_; }
  const nlohmann::json& answers() const { return answers_; }  // {question id: value}

 private:
  friend struct StepChecker;
  CheckedStep(int version, std::string step_id, nlohmann::json answers)
      : version_(version), step_id_(std::move(step_id)), answers_(std::move(answers)) {}
  int version_;
  std::string step_id_;
  nlohmann::json answers_;
};

struct StepCheck {
  std::optional<CheckedStep> step;  // set exactly when errors is empty
  FieldErrors errors;
  bool ok() const { return errors.empty(); }
};

// Checks `input` (a JSON object {question id: value}; a form's strings are accepted for
// numbers) as the answers to step `step_id` of questionnaire `version`.
// `condition_phenotypes` are the HPO ids of the condition's phenotypes: the only codes
// "signs" and "phenotypes" questions accept. A question left out, null or "" is
// unanswered, which a draft allows.
StepCheck CheckStep(int version, std::string_view step_id, const nlohmann::json& input,
                    const std::set<std::string>& condition_phenotypes);

// The private label of an experience: required for someone cared for ("my son"), empty
// for oneself; at most kMaxLabelChars characters. nullopt when fine, else the message.
std::optional<std::string> CheckLabel(Subject subject, std::string_view label);

// True for an HPO term id: "HP:" and seven digits.
bool IsHpoId(std::string_view text);

}  // namespace diseasemaps::experiences
