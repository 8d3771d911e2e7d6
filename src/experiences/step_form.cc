#include "experiences/step_form.h"

#include <set>

#include "experiences/questionnaire_words.h"
#include "platform/text.h"

namespace diseasemaps::experiences {
namespace {

using nlohmann::json;

bool Blank(const std::string& text) { return TrimWhitespace(text).empty(); }

std::vector<std::string> ValuesOf(const http::QueryParams& form, const std::string& name) {
  std::vector<std::string> values;
  for (const auto& [key, value] : form) {
    if (key == name) values.push_back(value);
  }
  return values;
}

// "treatments.3.name" -> (3, "name"); nullopt for anything else.
std::optional<std::pair<int, std::string>> TreatmentField(const std::string& question, const std::string& key) {
  const std::string prefix = question + ".";
  if (key.rfind(prefix, 0) != 0) return std::nullopt;
  const std::string rest = key.substr(prefix.size());
  const auto dot = rest.find('.');
  if (dot == std::string::npos || dot == 0 || dot > 3) return std::nullopt;
  int row = 0;
  for (char c : rest.substr(0, dot)) {
    if (c < '0' || c > '9') return std::nullopt;
    row = row * 10 + (c - '0');
  }
  return std::make_pair(row, rest.substr(dot + 1));
}

json OptionsView(const std::string& question, const std::vector<std::string>& codes, const std::string& chosen,
                 const std::string& field_id) {
  json options = json::array();
  for (const std::string& code : codes) {
    options.push_back({{"value", code},
                       {"label", AnswerWords(question, code)},
                       {"checked", code == chosen},
                       {"field_id", field_id + "-" + code}});
  }
  return options;
}

std::string StringOf(const json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_number_integer()) return std::to_string(value.get<long long>());
  return "";
}

// The question's messages: its own and those of its parts ("treatments[2].name").
std::vector<std::string> MessagesOf(const std::string& question, const FieldErrors& errors) {
  std::vector<std::string> messages;
  for (const auto& [field, message] : errors) {
    if (field == question || field.rfind(question + ".", 0) == 0 || field.rfind(question + "[", 0) == 0) {
      messages.push_back(message);
    }
  }
  return messages;
}

json TreatmentRows(const Question& q, const json& value) {
  json rows = json::array();
  const json list = value.is_array() ? value : json::array();
  const int shown = static_cast<int>(list.size()) + kBlankTreatmentRows;
  for (int i = 0; i < shown && i < q.max_items; ++i) {
    const json item = i < static_cast<int>(list.size()) && list[i].is_object() ? list[i] : json::object();
    const std::string base = q.id + "." + std::to_string(i);
    const std::string id = "q-" + q.id + "-" + std::to_string(i);
    rows.push_back({{"number", i + 1},
                    {"name_field", base + ".name"},
                    {"use_field", base + ".use"},
                    {"effect_field", base + ".effect"},
                    {"field_id", id},
                    {"name", StringOf(item.value("name", json()))},
                    {"max_chars", q.max_chars},
                    {"use_options", OptionsView(q.id, q.use_options, StringOf(item.value("use", json())), id + "-use")},
                    {"effect_options",
                     OptionsView(q.id, q.effect_options, StringOf(item.value("effect", json())), id + "-effect")}});
  }
  return rows;
}

}  // namespace

json StepInputFromForm(const Step& step, const http::QueryParams& form) {
  json input = json::object();
  for (const Question& q : step.questions) {
    switch (q.kind) {
      case QuestionKind::kChoice:
      case QuestionKind::kNumber:
      case QuestionKind::kText: {
        const auto value = http::QueryValue(form, q.id);
        if (value && !Blank(*value)) input[q.id] = *value;
        break;
      }
      case QuestionKind::kSigns: {
        json codes = json::array();
        for (const std::string& code : ValuesOf(form, q.id)) {
          if (!Blank(code)) codes.push_back(code);
        }
        if (!codes.empty()) input[q.id] = std::move(codes);
        break;
      }
      case QuestionKind::kHpoTerms: {
        json names = json::array();
        for (const std::string& name : ValuesOf(form, q.id)) {
          if (!Blank(name)) names.push_back(std::string(TrimWhitespace(name)));
        }
        if (!names.empty()) input[q.id] = std::move(names);
        break;
      }
      case QuestionKind::kPhenotypes: {
        json answers = json::object();
        const std::string prefix = q.id + ".";
        for (const auto& [key, value] : form) {
          if (key.rfind(prefix, 0) == 0 && !Blank(value)) answers[key.substr(prefix.size())] = value;
        }
        if (!answers.empty()) input[q.id] = std::move(answers);
        break;
      }
      case QuestionKind::kTreatments: {
        std::map<int, json> rows;
        for (const auto& [key, value] : form) {
          auto field = TreatmentField(q.id, key);
          if (!field || Blank(value)) continue;
          if (field->second == "name" || field->second == "use" || field->second == "effect") {
            rows[field->first][field->second] = value;
          }
        }
        json list = json::array();
        for (auto& [row, item] : rows) list.push_back(std::move(item));
        if (!list.empty()) input[q.id] = std::move(list);
        break;
      }
    }
  }
  return input;
}

json StepFormView(const StepFormInput& input) {
  json questions = json::array();
  for (const Question& q : input.step->questions) {
    const json value = input.answers.is_object() ? input.answers.value(q.id, json()) : json();
    const std::string field_id = "q-" + q.id;
    const std::vector<std::string> messages = MessagesOf(q.id, input.errors);
    json view = {{"id", q.id},
                 {"field_id", field_id},
                 {"label", QuestionLabel(q.id)},
                 {"hint", QuestionHint(q.id)},
                 {"has_error", !messages.empty()},
                 {"errors", messages},
                 {"error_id", field_id + "-error"}};
    switch (q.kind) {
      case QuestionKind::kChoice:
        view["is_choice"] = true;
        view["options"] = OptionsView(q.id, q.options, StringOf(value), field_id);
        break;
      case QuestionKind::kNumber:
        view["is_number"] = true;
        view["value"] = StringOf(value);
        view["min"] = q.min;
        view["max"] = q.max;
        break;
      case QuestionKind::kText:
        view["is_text"] = true;
        view["long"] = q.max_chars > 200;
        view["value"] = StringOf(value);
        view["max_chars"] = q.max_chars;
        break;
      case QuestionKind::kSigns: {
        view["is_signs"] = true;
        std::set<std::string> ticked;
        if (value.is_array()) {
          for (const json& code : value) ticked.insert(StringOf(code));
        }
        json signs = json::array();
        for (const SignChoice& sign : input.condition_signs) {
          signs.push_back({{"value", sign.hpo_id},
                           {"label", sign.name},
                           {"checked", ticked.count(sign.hpo_id) > 0},
                           {"field_id", field_id + "-" + sign.hpo_id}});
        }
        view["signs"] = std::move(signs);
        view["has_signs"] = !input.condition_signs.empty();
        break;
      }
      case QuestionKind::kPhenotypes: {
        view["is_phenotypes"] = true;
        json rows = json::array();
        int n = 0;
        for (const SignChoice& sign : input.condition_signs) {
          const std::string chosen = value.is_object() ? StringOf(value.value(sign.hpo_id, json())) : "";
          const std::string row_id = field_id + "-" + std::to_string(++n);
          rows.push_back({{"label", sign.name},
                          {"name", q.id + "." + sign.hpo_id},
                          {"row_id", row_id},
                          {"options", OptionsView(q.id, q.options, chosen, row_id)}});
        }
        view["rows"] = std::move(rows);
        view["has_rows"] = !input.condition_signs.empty();
        break;
      }
      case QuestionKind::kHpoTerms: {
        view["is_hpo_terms"] = true;
        json items = json::array();
        const json list = value.is_array() ? value : json::array();
        const int shown = static_cast<int>(list.size()) + kBlankOtherSigns;
        for (int i = 0; i < shown && i < q.max_items; ++i) {
          std::string text = i < static_cast<int>(list.size()) ? StringOf(list[i]) : "";
          auto named = input.sign_names.find(text);
          if (named != input.sign_names.end()) text = named->second;
          items.push_back({{"number", i + 1}, {"value", text}, {"field_id", field_id + "-" + std::to_string(i)}});
        }
        view["items"] = std::move(items);
        break;
      }
      case QuestionKind::kTreatments:
        view["is_treatments"] = true;
        view["rows"] = TreatmentRows(q, value);
        view["suggestions"] = input.treatment_suggestions;
        view["suggestions_id"] = field_id + "-suggestions";
        break;
    }
    questions.push_back(std::move(view));
  }
  return questions;
}

json StepAnswersView(const Step& step, const json& answers, const std::map<std::string, std::string>& sign_names) {
  auto name_of = [&](const std::string& id) {
    auto it = sign_names.find(id);
    return it == sign_names.end() ? id : it->second;
  };
  json shown = json::array();
  for (const Question& q : step.questions) {
    const json value = answers.is_object() ? answers.value(q.id, json()) : json();
    if (value.is_null()) continue;
    std::vector<std::string> parts;
    switch (q.kind) {
      case QuestionKind::kChoice:
      case QuestionKind::kNumber:
        parts.push_back(AnswerWords(q.id, StringOf(value)));
        break;
      case QuestionKind::kText:
        parts.push_back(StringOf(value));
        break;
      case QuestionKind::kSigns:
      case QuestionKind::kHpoTerms:
        if (value.is_array()) {
          for (const json& code : value) parts.push_back(name_of(StringOf(code)));
        }
        break;
      case QuestionKind::kPhenotypes:
        if (value.is_object()) {
          for (const auto& [code, answer] : value.items()) {
            parts.push_back(name_of(code) + ": " + AnswerWords(q.id, StringOf(answer)));
          }
        }
        break;
      case QuestionKind::kTreatments:
        if (value.is_array()) {
          for (const json& item : value) {
            if (!item.is_object()) continue;
            std::string line = StringOf(item.value("name", json()));
            std::vector<std::string> how;
            if (item.contains("use")) how.push_back(AnswerWords(q.id, StringOf(item["use"])));
            if (item.contains("effect")) how.push_back(AnswerWords(q.id, StringOf(item["effect"])));
            if (!how.empty()) line += " (" + how[0] + (how.size() > 1 ? "; " + how[1] : "") + ")";
            parts.push_back(line);
          }
        }
        break;
    }
    if (parts.empty()) continue;
    shown.push_back({{"label", QuestionLabel(q.id)}, {"parts", parts}, {"many", parts.size() > 1}});
  }
  return shown;
}

json ErrorSummary(const Step& step, const FieldErrors& errors) {
  json summary = json::array();
  std::set<std::string> listed;
  for (const Question& q : step.questions) {
    for (const std::string& message : MessagesOf(q.id, errors)) {
      summary.push_back({{"message", message}, {"href", "#q-" + q.id}});
    }
    for (const auto& [field, message] : errors) {
      if (field == q.id || field.rfind(q.id + ".", 0) == 0 || field.rfind(q.id + "[", 0) == 0) listed.insert(field);
    }
  }
  for (const auto& [field, message] : errors) {
    if (!listed.count(field)) summary.push_back({{"message", message}, {"href", "#step-title"}});
  }
  return summary;
}

}  // namespace diseasemaps::experiences
