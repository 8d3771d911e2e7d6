#include "articles/summary_draft.h"

#include "articles/answer_rules.h"
#include "articles/answer_store.h"
#include "catalog/condition_first_screen.h"
#include "catalog/condition_localizer.h"
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
  catalog::LocalizedNamesStore names(db);
  auto shown = catalog::Localize(*condition, names, std::string(i18n::kDefaultLanguage),
                                 catalog::UnreviewedLabels::kEnglish);
  auto specialties = names.SpecialtiesOf(orphacode, std::string(i18n::kDefaultLanguage));
  if (!shown.ok()) return shown.status();
  if (!specialties.ok()) return specialties.status();
  const std::string paragraph = catalog::CompiledSummaryParagraph(*condition, *shown, *specialties);
  AnswerForm form;
  // The slug that makes it the page's summary once a reviewer approves it, while the
  // condition has no summary answer yet; otherwise the slug comes from the question.
  AnswerStore answers(db);
  if (!answers.FindBySlug(condition->id, catalog::kSummaryAnswerSlug).ok()) {
    form.slug = std::string(catalog::kSummaryAnswerSlug);
  }
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
