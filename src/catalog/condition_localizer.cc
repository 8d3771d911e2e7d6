// A condition in the page's language. See condition_localizer.h.
#include "catalog/condition_localizer.h"

#include "platform/i18n.h"

namespace diseasemaps::catalog {

Result<LocalizedCondition> Localize(const Condition& c, LocalizedNamesStore& names, const std::string& language,
                                    UnreviewedLabels unreviewed) {
  LocalizedCondition out;
  out.language = language;
  out.name = {c.name, std::string(i18n::kDefaultLanguage)};
  out.synonyms = c.synonyms;
  out.synonyms_language = i18n::kDefaultLanguage;
  if (language == i18n::kDefaultLanguage) return out;

  auto own = names.NamesOf(c.orphacode, language);
  if (!own.ok() && own.status().code() != Status::Code::kNotFound) return own.status();
  if (own.ok() && own->name.language == language) {
    out.name = {own->name.name, language};
    if (own->name.name != c.name) out.english_name = c.name;
    if (!own->synonyms.empty()) {
      out.synonyms = own->synonyms;
      out.synonyms_language = language;
    }
  }
  // Orphanet translates names, not definitions: a definition on a page in another
  // language is English.
  out.definition_in_english = !c.definition.empty();

  auto labels = names.HpoLabelsOfCondition(c.orphacode, language);
  if (!labels.ok()) return labels.status();
  for (const auto& label : *labels) {
    const bool reviewed = label.status == "OFFICIAL";
    if (!reviewed && unreviewed == UnreviewedLabels::kEnglish) continue;
    out.symptoms[label.hpo_id] = {label.label, language, !reviewed};
  }

  std::vector<int> related;
  for (const auto* list : {&c.parents, &c.children}) {
    for (const auto& r : *list) related.push_back(r.orphacode);
  }
  if (c.replacement) related.push_back(c.replacement->orphacode);
  auto related_names = names.NamesOfMany(related, language);
  if (!related_names.ok()) return related_names.status();
  for (const auto& [code, name] : *related_names) out.related[code] = {name.name, name.language};
  return out;
}

}  // namespace diseasemaps::catalog
