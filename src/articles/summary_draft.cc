#include "articles/summary_draft.h"

#include <algorithm>

#include "articles/answer_rules.h"
#include "catalog/compiled_summary.h"
#include "catalog/condition_store.h"
#include "catalog/localized_names_store.h"
#include "platform/i18n.h"

namespace diseasemaps::articles {

Result<AnswerForm> SummaryDraft(Database& db, int orphacode) {
  catalog::ConditionStore conditions(db);
  auto condition = conditions.FindByOrphacode(orphacode);
  if (!condition.ok()) return condition.status();
  // English throughout, whatever the editor's interface language.
  i18n::ScopedLanguage english(std::string(i18n::kDefaultLanguage));
  catalog::SummaryInputs inputs;
  inputs.name = condition->name;
  for (std::size_t i : catalog::SummarySigns(*condition)) {
    const catalog::Phenotype& p = condition->phenotypes[i];
    inputs.sign_labels.push_back(p.lay_label.empty() ? p.term : p.lay_label);
  }
  catalog::LocalizedNamesStore names(db);
  if (auto specialties = names.SpecialtiesOf(orphacode, std::string(i18n::kDefaultLanguage)); specialties.ok()) {
    for (const auto& specialty : *specialties) {
      // As the page does: a specialty's top entry, unless the condition is that entry.
      if (specialty.paths.empty() || specialty.paths.front().size() < 2) continue;
      const std::string& root = specialty.paths.front().front().name;
      if (std::find(inputs.specialties.begin(), inputs.specialties.end(), root) == inputs.specialties.end()) {
        inputs.specialties.push_back(root);
      }
    }
  }
  std::string paragraph;
  for (const std::string& sentence : catalog::CompiledSummary(*condition, inputs)) {
    paragraph += (paragraph.empty() ? "" : " ") + sentence;
  }
  AnswerForm form;
  form.question = "What is " + condition->name + "?";
  if (form.question.size() > kMaxQuestionBytes) form.question = "What is this condition?";
  form.short_answer = paragraph.size() <= kMaxShortAnswerBytes ? paragraph : "";
  form.body_markdown = paragraph +
                       "\n\n*Started from the summary DiseaseMaps compiles from Orphanet's data (CC BY 4.0). "
                       "Check every sentence against the sources, add what a family needs to know, and "
                       "remove this line before sending it for review.*\n";
  return form;
}

}  // namespace diseasemaps::articles
