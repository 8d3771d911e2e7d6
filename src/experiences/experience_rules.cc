#include "experiences/experience_rules.h"

#include <charconv>

#include "experiences/questionnaire.h"
#include "platform/i18n.h"
#include "platform/text.h"

namespace diseasemaps::experiences {

using nlohmann::json;

namespace {

constexpr const char* kUnreadable = i18n::N_("This has characters we cannot read. Please type it again.");
constexpr const char* kNotAnOption = i18n::N_("Please choose one of the answers offered.");

std::string Number(long long n) { return i18n::FormatNumber(i18n::CurrentLanguage(), n); }

std::string TooLong(std::size_t limit, std::size_t have) {
  return i18n::Tr("Please keep this to {limit} characters (it has {count}).",
                  {{"limit", Number(static_cast<long long>(limit))},
                   {"count", Number(static_cast<long long>(have))}});
}

std::string TooMany(int limit) {
  return i18n::Tr("Please choose at most {limit}.", {{"limit", Number(limit)}});
}

bool Unanswered(const json& value) {
  return value.is_null() || (value.is_string() && TrimWhitespace(value.get<std::string>()).empty()) ||
         ((value.is_array() || value.is_object()) && value.empty());
}

// Readable text within `limit` characters, trimmed; nullopt with errors[field] set.
std::optional<std::string> Text(const json& value, std::size_t limit, const std::string& field,
                                FieldErrors& errors) {
  if (!value.is_string()) {
    errors[field] = i18n::Tr("Please type this as text.");
    return std::nullopt;
  }
  const std::string text(TrimWhitespace(UnixLineBreaks(value.get<std::string>())));
  const auto count = CountCharacters(text);
  if (!count) {
    errors[field] = i18n::Tr(kUnreadable);
    return std::nullopt;
  }
  if (*count > limit) {
    errors[field] = TooLong(limit, *count);
    return std::nullopt;
  }
  return text;
}

std::optional<std::string> Option(const json& value, const std::vector<std::string>& options,
                                  const std::string& field, FieldErrors& errors) {
  if (value.is_string()) {
    const std::string code(TrimWhitespace(value.get<std::string>()));
    for (const std::string& option : options) {
      if (option == code) return code;
    }
  }
  errors[field] = i18n::Tr(kNotAnOption);
  return std::nullopt;
}

std::optional<long long> WholeNumber(const json& value) {
  if (value.is_number_integer()) return value.get<long long>();
  if (!value.is_string()) return std::nullopt;
  const std::string text(TrimWhitespace(value.get<std::string>()));
  long long n = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return n;
}

}  // namespace

bool IsHpoId(std::string_view text) {
  if (text.size() != 10 || !text.starts_with("HP:")) return false;
  for (char c : text.substr(3)) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// Checks one question's value; the checked value goes into `out[q.id]`.
struct StepChecker {
  const std::set<std::string>& phenotypes;
  FieldErrors& errors;

  void Check(const Question& q, const json& value, json& out) {
    const std::string& field = q.id;
    switch (q.kind) {
      case QuestionKind::kChoice:
        if (auto code = Option(value, q.options, field, errors)) out[q.id] = *code;
        return;
      case QuestionKind::kNumber: {
        const auto n = WholeNumber(value);
        if (!n || *n < q.min || *n > q.max) {
          errors[field] = i18n::Tr("Please give a whole number from {min} to {max}.",
                                   {{"min", Number(q.min)}, {"max", Number(q.max)}});
          return;
        }
        out[q.id] = *n;
        return;
      }
      case QuestionKind::kText:
        if (auto text = Text(value, static_cast<std::size_t>(q.max_chars), field, errors)) {
          if (!text->empty()) out[q.id] = *text;
        }
        return;
      case QuestionKind::kSigns:
      case QuestionKind::kHpoTerms:
        CheckTerms(q, value, out);
        return;
      case QuestionKind::kPhenotypes:
        CheckPhenotypes(q, value, out);
        return;
      case QuestionKind::kTreatments:
        CheckTreatments(q, value, out);
        return;
    }
  }

  void CheckTerms(const Question& q, const json& value, json& out) {
    if (!value.is_array()) {
      errors[q.id] = i18n::Tr(kNotAnOption);
      return;
    }
    if (value.size() > static_cast<std::size_t>(q.max_items)) {
      errors[q.id] = TooMany(q.max_items);
      return;
    }
    std::set<std::string> seen;
    json list = json::array();
    for (const json& item : value) {
      const std::string code = item.is_string() ? item.get<std::string>() : "";
      const bool known = q.kind == QuestionKind::kSigns ? phenotypes.count(code) > 0 : IsHpoId(code);
      if (!known) {
        errors[q.id] = q.kind == QuestionKind::kSigns
                           ? i18n::Tr("Please choose among this condition's signs.")
                           : i18n::Tr("Please choose signs from the list offered.");
        return;
      }
      if (seen.insert(code).second) list.push_back(code);
    }
    out[q.id] = std::move(list);
  }

  void CheckPhenotypes(const Question& q, const json& value, json& out) {
    if (!value.is_object()) {
      errors[q.id] = i18n::Tr(kNotAnOption);
      return;
    }
    json answers = json::object();
    for (const auto& [code, answer] : value.items()) {
      const std::string field = q.id + "." + FirstCharacters(code, 20);
      if (!phenotypes.count(code)) {
        errors[field] = i18n::Tr("Please choose among this condition's signs.");
        continue;
      }
      if (Unanswered(answer)) continue;
      if (auto option = Option(answer, q.options, field, errors)) answers[code] = *option;
    }
    if (!answers.empty()) out[q.id] = std::move(answers);
  }

  void CheckTreatments(const Question& q, const json& value, json& out) {
    if (!value.is_array()) {
      errors[q.id] = i18n::Tr(kNotAnOption);
      return;
    }
    if (value.size() > static_cast<std::size_t>(q.max_items)) {
      errors[q.id] = TooMany(q.max_items);
      return;
    }
    json list = json::array();
    for (std::size_t i = 0; i < value.size(); ++i) {
      const std::string place = q.id + "[" + std::to_string(i) + "]";
      const json& item = value[i];
      if (!item.is_object()) {
        errors[place] = i18n::Tr(kNotAnOption);
        continue;
      }
      json treatment = json::object();
      const json name = item.value("name", json());
      if (Unanswered(name)) {
        errors[place + ".name"] = i18n::Tr("Please name the treatment or support.");
      } else if (auto text = Text(name, static_cast<std::size_t>(q.max_chars), place + ".name", errors)) {
        treatment["name"] = CollapseWhitespace(*text);
      }
      const json use = item.value("use", json());
      if (!Unanswered(use)) {
        if (auto code = Option(use, q.use_options, place + ".use", errors)) treatment["use"] = *code;
      }
      const json effect = item.value("effect", json());
      if (!Unanswered(effect)) {
        if (auto code = Option(effect, q.effect_options, place + ".effect", errors)) treatment["effect"] = *code;
      }
      list.push_back(std::move(treatment));
    }
    out[q.id] = std::move(list);
  }

  static CheckedStep Make(int version, std::string step_id, json answers) {
    return CheckedStep(version, std::move(step_id), std::move(answers));
  }
};

StepCheck CheckStep(int version, std::string_view step_id, const json& input,
                    const std::set<std::string>& condition_phenotypes) {
  StepCheck check;
  const Questionnaire* questionnaire = FindQuestionnaire(version);
  if (!questionnaire) {
    check.errors["questionnaire_version"] =
        i18n::Tr("This questionnaire has changed since the form was opened. Please open it again.");
    return check;
  }
  const Step* step = questionnaire->Find(step_id);
  if (!step) {
    check.errors["step"] = i18n::Tr("There is no such step in this questionnaire.");
    return check;
  }
  if (!input.is_object()) {
    check.errors["step"] = i18n::Tr("Please send the answers as a form or a JSON object.");
    return check;
  }
  StepChecker checker{condition_phenotypes, check.errors};
  json answers = json::object();
  for (const auto& [id, value] : input.items()) {
    const Question* question = step->Find(id);
    if (!question) {
      check.errors[FirstCharacters(id, 40)] = i18n::Tr("There is no such question in this step.");
      continue;
    }
    if (Unanswered(value)) continue;
    checker.Check(*question, value, answers);
  }
  if (check.errors.empty()) check.step = StepChecker::Make(version, step->id, std::move(answers));
  return check;
}

std::optional<std::string> CheckLabel(Subject subject, std::string_view label) {
  const auto count = CountCharacters(label);
  if (!count) return i18n::Tr(kUnreadable);
  const bool blank = TrimWhitespace(label).empty();
  if (subject == Subject::kCaredFor && blank) {
    return i18n::Tr("Please give a label only you will see, such as \"my son\".");
  }
  if (subject == Subject::kSelf && !blank) return i18n::Tr("An experience about yourself needs no label.");
  if (*count > kMaxLabelChars) return TooLong(kMaxLabelChars, *count);
  return std::nullopt;
}

}  // namespace diseasemaps::experiences
