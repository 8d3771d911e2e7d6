// The experiences questionnaire: its steps and questions as data
// (content/experiences/questionnaire-v<N>.json, compiled into the binary), parsed and
// checked by a pure module.
//
// A questionnaire names each answer by a stable code (a step id, a question id, an
// option code); the words shown for them belong to the pages, through the message
// catalogues. Every saved answer records the version it was written against, so a
// later version never changes what an earlier answer means.
//
// Guarantees: a Questionnaire returned by ParseQuestionnaire is complete and consistent
// (ids unique and well formed, every kind known, every bound sensible); a malformed file
// is refused with a message that names the file's place ("steps[1].questions[2].options:
// …"). Immutable after parsing, so thread-safe to share.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "platform/status.h"

namespace diseasemaps::experiences {

enum class QuestionKind {
  kChoice,      // one of `options`
  kNumber,      // a whole number from `min` to `max`
  kText,        // free text of at most `max_chars` characters
  kSigns,       // up to `max_items` of the condition's own phenotypes (HPO ids)
  kPhenotypes,  // for each of the condition's phenotypes, one of `options`
  kHpoTerms,    // up to `max_items` HPO ids beyond the condition's own
  kTreatments,  // up to `max_items` of {name (max_chars), use (use_options), effect (effect_options)}
};

// "choice", "number", … as the file spells them.
std::string_view QuestionKindName(QuestionKind kind);

struct Question {
  std::string id;
  QuestionKind kind = QuestionKind::kChoice;
  std::vector<std::string> options;         // kChoice, kPhenotypes
  long long min = 0, max = 0;               // kNumber
  int max_chars = 0;                        // kText, kTreatments (the name)
  int max_items = 0;                        // kSigns, kHpoTerms, kTreatments
  std::vector<std::string> use_options;     // kTreatments
  std::vector<std::string> effect_options;  // kTreatments

  bool HasOption(std::string_view code) const;
};

struct Step {
  std::string id;
  std::vector<Question> questions;

  // The question with that id, or nullptr.
  const Question* Find(std::string_view question_id) const;
};

struct Questionnaire {
  int version = 0;
  std::vector<Step> steps;

  // The step with that id, or nullptr.
  const Step* Find(std::string_view step_id) const;
};

// Limits on the file itself, so a mistake in it cannot make every form unbounded.
inline constexpr int kMaxTextChars = 10000;
inline constexpr int kMaxItems = 100;
inline constexpr int kMaxOptions = 50;

// Parses and checks one questionnaire file. InvalidArgument naming `source` and the
// place in it when the JSON is malformed or breaks a rule (unknown kind, duplicate id,
// empty options, min > max, a limit out of bounds, a missing field).
Result<Questionnaire> ParseQuestionnaire(std::string_view text, std::string_view source);

// Every questionnaire version compiled into the binary, keyed by version (parsed once,
// on first use). A malformed shipped file is a build defect: the unit tests parse each
// one; here it is logged and left out, so the versions it would add are "unknown".
const std::map<int, Questionnaire>& ShippedQuestionnaires();

// The shipped questionnaire with that version, or nullptr when there is none.
const Questionnaire* FindQuestionnaire(int version);

// The newest shipped version: what new experiences are written against.
int CurrentQuestionnaireVersion();

}  // namespace diseasemaps::experiences
