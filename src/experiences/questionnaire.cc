#include "experiences/questionnaire.h"

#include <algorithm>
#include <set>

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include "platform/embedded_files.h"

namespace diseasemaps::experiences {
namespace {

using nlohmann::json;

constexpr std::string_view kFilePrefix = "content/experiences/questionnaire-v";

struct KindRow {
  QuestionKind kind;
  std::string_view name;
};
constexpr KindRow kKinds[] = {
    {QuestionKind::kChoice, "choice"},       {QuestionKind::kNumber, "number"},
    {QuestionKind::kText, "text"},           {QuestionKind::kSigns, "signs"},
    {QuestionKind::kPhenotypes, "phenotypes"}, {QuestionKind::kHpoTerms, "hpo_terms"},
    {QuestionKind::kTreatments, "treatments"},
};

// An id or option code: 1 to 40 of [a-z0-9_], so it is safe in a form field's name, a
// URL and an aggregate's key.
bool IsCode(const std::string& text) {
  if (text.empty() || text.size() > 40) return false;
  return std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

// Reading one file: each check names the place it looks at.
class Reader {
 public:
  explicit Reader(std::string_view source) : source_(source) {}

  Status Fail(const std::string& where, const std::string& what) const {
    return Status::InvalidArgument(std::string(source_) + ": " + where + ": " + what);
  }

  Status Code(const json& object, const std::string& where, const char* field, std::string& out) const {
    const std::string place = where + "." + field;
    if (!object.contains(field)) return Fail(place, "missing");
    if (!object[field].is_string()) return Fail(place, "must be a string");
    out = object[field].get<std::string>();
    if (!IsCode(out)) return Fail(place, "\"" + out + "\" is not a code (1 to 40 of a-z, 0-9, _)");
    return Status::Ok();
  }

  Status Integer(const json& object, const std::string& where, const char* field, long long low,
                 long long high, long long& out) const {
    const std::string place = where + "." + field;
    if (!object.contains(field)) return Fail(place, "missing");
    if (!object[field].is_number_integer()) return Fail(place, "must be a whole number");
    out = object[field].get<long long>();
    if (out < low || out > high) {
      return Fail(place, std::to_string(out) + " is outside " + std::to_string(low) + ".." + std::to_string(high));
    }
    return Status::Ok();
  }

  Status Options(const json& object, const std::string& where, const char* field,
                 std::vector<std::string>& out) const {
    const std::string place = where + "." + field;
    if (!object.contains(field)) return Fail(place, "missing");
    if (!object[field].is_array() || object[field].empty()) return Fail(place, "must be a non-empty list");
    if (object[field].size() > static_cast<std::size_t>(kMaxOptions)) {
      return Fail(place, "more than " + std::to_string(kMaxOptions) + " options");
    }
    std::set<std::string> seen;
    for (std::size_t i = 0; i < object[field].size(); ++i) {
      const json& option = object[field][i];
      const std::string at = place + "[" + std::to_string(i) + "]";
      if (!option.is_string() || !IsCode(option.get<std::string>())) {
        return Fail(at, "not a code (1 to 40 of a-z, 0-9, _)");
      }
      if (!seen.insert(option.get<std::string>()).second) {
        return Fail(at, "\"" + option.get<std::string>() + "\" appears twice");
      }
      out.push_back(option.get<std::string>());
    }
    return Status::Ok();
  }

  Status ReadQuestion(const json& object, const std::string& where, Question& q) const {
    if (!object.is_object()) return Fail(where, "must be an object");
    if (Status s = Code(object, where, "id", q.id); !s.ok()) return s;
    if (!object.contains("kind") || !object["kind"].is_string()) return Fail(where + ".kind", "missing");
    const std::string kind = object["kind"].get<std::string>();
    const auto* row = std::find_if(std::begin(kKinds), std::end(kKinds),
                                   [&](const KindRow& r) { return r.name == kind; });
    if (row == std::end(kKinds)) return Fail(where + ".kind", "unknown kind \"" + kind + "\"");
    q.kind = row->kind;
    long long number = 0;
    Status s;
    switch (q.kind) {
      case QuestionKind::kChoice:
      case QuestionKind::kPhenotypes:
        return Options(object, where, "options", q.options);
      case QuestionKind::kNumber:
        if (s = Integer(object, where, "min", -1000000, 1000000, q.min); !s.ok()) return s;
        if (s = Integer(object, where, "max", -1000000, 1000000, q.max); !s.ok()) return s;
        if (q.min > q.max) return Fail(where, "min is greater than max");
        return Status::Ok();
      case QuestionKind::kText:
        if (s = Integer(object, where, "max_chars", 1, kMaxTextChars, number); !s.ok()) return s;
        q.max_chars = static_cast<int>(number);
        return Status::Ok();
      case QuestionKind::kSigns:
      case QuestionKind::kHpoTerms:
        if (s = Integer(object, where, "max_items", 1, kMaxItems, number); !s.ok()) return s;
        q.max_items = static_cast<int>(number);
        return Status::Ok();
      case QuestionKind::kTreatments:
        if (s = Integer(object, where, "max_items", 1, kMaxItems, number); !s.ok()) return s;
        q.max_items = static_cast<int>(number);
        if (s = Integer(object, where, "max_chars", 1, kMaxTextChars, number); !s.ok()) return s;
        q.max_chars = static_cast<int>(number);
        if (s = Options(object, where, "use_options", q.use_options); !s.ok()) return s;
        return Options(object, where, "effect_options", q.effect_options);
    }
    return Fail(where + ".kind", "unknown kind");
  }

  Status ReadStep(const json& object, const std::string& where, Step& step) const {
    if (!object.is_object()) return Fail(where, "must be an object");
    if (Status s = Code(object, where, "id", step.id); !s.ok()) return s;
    if (!object.contains("questions") || !object["questions"].is_array() || object["questions"].empty()) {
      return Fail(where + ".questions", "must be a non-empty list");
    }
    for (std::size_t i = 0; i < object["questions"].size(); ++i) {
      Question q;
      const std::string at = where + ".questions[" + std::to_string(i) + "]";
      if (Status s = ReadQuestion(object["questions"][i], at, q); !s.ok()) return s;
      step.questions.push_back(std::move(q));
    }
    return Status::Ok();
  }

 private:
  std::string_view source_;
};

}  // namespace

std::string_view QuestionKindName(QuestionKind kind) {
  for (const KindRow& row : kKinds) {
    if (row.kind == kind) return row.name;
  }
  return "choice";
}

bool Question::HasOption(std::string_view code) const {
  return std::find(options.begin(), options.end(), code) != options.end();
}

const Question* Step::Find(std::string_view question_id) const {
  for (const Question& q : questions) {
    if (q.id == question_id) return &q;
  }
  return nullptr;
}

const Step* Questionnaire::Find(std::string_view step_id) const {
  for (const Step& step : steps) {
    if (step.id == step_id) return &step;
  }
  return nullptr;
}

Result<Questionnaire> ParseQuestionnaire(std::string_view text, std::string_view source) {
  Reader reader(source);
  json root;
  try {
    root = json::parse(text);
  } catch (const json::exception& e) {
    return reader.Fail("(file)", std::string("not JSON: ") + e.what());
  }
  if (!root.is_object()) return reader.Fail("(file)", "must be a JSON object");
  Questionnaire questionnaire;
  long long version = 0;
  if (Status s = reader.Integer(root, "(file)", "version", 1, 1000000, version); !s.ok()) return s;
  questionnaire.version = static_cast<int>(version);
  if (!root.contains("steps") || !root["steps"].is_array() || root["steps"].empty()) {
    return reader.Fail("steps", "must be a non-empty list");
  }
  std::set<std::string> step_ids;
  std::set<std::string> question_ids;  // unique across steps: an aggregate is keyed by it alone
  for (std::size_t i = 0; i < root["steps"].size(); ++i) {
    Step step;
    const std::string where = "steps[" + std::to_string(i) + "]";
    if (Status s = reader.ReadStep(root["steps"][i], where, step); !s.ok()) return s;
    if (!step_ids.insert(step.id).second) return reader.Fail(where + ".id", "\"" + step.id + "\" appears twice");
    for (std::size_t j = 0; j < step.questions.size(); ++j) {
      if (!question_ids.insert(step.questions[j].id).second) {
        return reader.Fail(where + ".questions[" + std::to_string(j) + "].id",
                           "\"" + step.questions[j].id + "\" appears twice in the questionnaire");
      }
    }
    questionnaire.steps.push_back(std::move(step));
  }
  return questionnaire;
}

const std::map<int, Questionnaire>& ShippedQuestionnaires() {
  static const std::map<int, Questionnaire> shipped = [] {
    std::map<int, Questionnaire> out;
    for (const auto& file : embedded::Files()) {
      if (!file.name.starts_with(kFilePrefix) || !file.name.ends_with(".json")) continue;
      auto parsed = ParseQuestionnaire(file.content, file.name);
      if (!parsed.ok()) {
        spdlog::error("{}", parsed.status().message());
        continue;
      }
      const std::string expected = std::string(kFilePrefix) + std::to_string(parsed->version) + ".json";
      if (file.name != expected) {
        spdlog::error("{}: holds version {}, so it should be named {}", file.name, parsed->version, expected);
        continue;
      }
      out.emplace(parsed->version, std::move(*parsed));
    }
    return out;
  }();
  return shipped;
}

const Questionnaire* FindQuestionnaire(int version) {
  const auto& shipped = ShippedQuestionnaires();
  auto it = shipped.find(version);
  return it == shipped.end() ? nullptr : &it->second;
}

int CurrentQuestionnaireVersion() {
  const auto& shipped = ShippedQuestionnaires();
  return shipped.empty() ? 0 : shipped.rbegin()->first;
}

}  // namespace diseasemaps::experiences
