#include "experiences/experience_aggregates.h"

#include "experiences/questionnaire.h"

namespace diseasemaps::experiences {

using nlohmann::json;

std::string FoldName(const std::string& name) {
  std::string out = name;
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::set<Cell> CellsOf(int version, const json& answers) {
  std::set<Cell> cells{kEveryoneCell};
  const Questionnaire* questionnaire = FindQuestionnaire(version);
  if (!questionnaire || !answers.is_object()) return cells;
  for (const Step& step : questionnaire->steps) {
    auto found = answers.find(step.id);
    if (found == answers.end() || !found->is_object()) continue;
    for (const Question& q : step.questions) {
      auto value = found->find(q.id);
      if (value == found->end() || value->is_null()) continue;
      cells.insert({q.id, "*"});
      switch (q.kind) {
        case QuestionKind::kChoice:
          if (value->is_string()) cells.insert({q.id, value->get<std::string>()});
          break;
        case QuestionKind::kNumber:
          if (value->is_number_integer()) cells.insert({q.id, std::to_string(value->get<long long>())});
          break;
        case QuestionKind::kText:
          break;
        case QuestionKind::kSigns:
        case QuestionKind::kHpoTerms:
          if (!value->is_array()) break;
          for (const json& code : *value) {
            if (code.is_string()) cells.insert({q.id, code.get<std::string>()});
          }
          break;
        case QuestionKind::kPhenotypes:
          if (!value->is_object()) break;
          for (const auto& [code, answer] : value->items()) {
            if (!answer.is_string()) continue;
            cells.insert({q.id, code + "|*"});
            cells.insert({q.id, code + "|" + answer.get<std::string>()});
          }
          break;
        case QuestionKind::kTreatments:
          if (!value->is_array()) break;
          for (const json& treatment : *value) {
            if (!treatment.is_object() || !treatment.contains("name") || !treatment["name"].is_string()) continue;
            const std::string name = FoldName(treatment["name"].get<std::string>());
            cells.insert({q.id, name + "|*"});
            if (treatment.contains("effect") && treatment["effect"].is_string()) {
              cells.insert({q.id, name + "|" + treatment["effect"].get<std::string>()});
            }
          }
          break;
      }
    }
  }
  return cells;
}

std::map<Cell, int> Difference(const std::set<Cell>& before, const std::set<Cell>& after) {
  std::map<Cell, int> change;
  for (const Cell& cell : before) {
    if (!after.count(cell)) change[cell] = -1;
  }
  for (const Cell& cell : after) {
    if (!before.count(cell)) change[cell] = +1;
  }
  return change;
}

}  // namespace diseasemaps::experiences
