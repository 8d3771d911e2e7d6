// One questionnaire step as an HTML form: the answers a form sends turned into the
// JSON the rules check (experience_rules.h), and a step's questions with the answers so
// far and the messages, as the step template shows them. Pure.
//
// Field names: a question's id for choice, number, text and signs (signs repeat, one
// per ticked box); "phenotypes.HP:0001250" for each of the condition's signs;
// "other_signs" repeated, each a sign's name as typed or an HPO id; "treatments.N.name",
// ".use" and ".effect" for row N. Blank rows and blank names are left out, so what the
// rules see, and what a form shown again after a mistake shows, is row for row the same.
//
// Guarantees: every value shown comes back as the member sent it (escaped by the
// template), so a mistake costs no typing; every question's messages are shown inside
// its own fieldset, and listed in a summary that links to it.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "experiences/experience_rules.h"
#include "experiences/questionnaire.h"
#include "http/url.h"

namespace diseasemaps::experiences {

// One of the condition's phenotypes, in the words its page uses.
struct SignChoice {
  std::string hpo_id;
  std::string name;
};

// How many blank treatment rows and other-sign boxes a form offers beyond those filled.
inline constexpr int kBlankTreatmentRows = 3;
inline constexpr int kBlankOtherSigns = 3;

// The answers of `step` as the form sent them. Names typed for other signs stay as
// typed: the page resolves them to HPO ids before the rules check them.
nlohmann::json StepInputFromForm(const Step& step, const http::QueryParams& form);

// What the step template needs for every question of `step`. `answers` is the step's
// saved answers, or the input sent when showing a mistake; `sign_names` names HPO ids
// that are not the condition's own (other signs), and `treatment_suggestions` are the
// names offered while typing a treatment.
struct StepFormInput {
  const Step* step = nullptr;
  nlohmann::json answers = nlohmann::json::object();
  FieldErrors errors;
  std::vector<SignChoice> condition_signs;
  std::map<std::string, std::string> sign_names;
  std::vector<std::string> treatment_suggestions;
};
nlohmann::json StepFormView(const StepFormInput& input);

// The saved answers of `step` in words, for the review step: [{label, answer}] for each
// answered question, in the questions' order; `sign_names` names every HPO id (the
// condition's own and the others).
nlohmann::json StepAnswersView(const Step& step, const nlohmann::json& answers,
                               const std::map<std::string, std::string>& sign_names);

// The messages of `errors` for the error summary: [{message, href}], each linking to
// its question's fieldset ("#q-treatments"), in the questions' order.
nlohmann::json ErrorSummary(const Step& step, const FieldErrors& errors);

}  // namespace diseasemaps::experiences
