// ConditionLocalizer: a condition as a page in another language shows it. Orphanet's
// name and synonyms in that language, HPO's translated symptom labels, and the names of
// related entries; whatever has no translation stays in English and says so, so the
// page can mark it (lang="en") instead of passing English off as Spanish.
//
// Guarantees: English asks nothing of the database and changes nothing. A symptom label
// whose translation HPO has not reviewed (CANDIDATE) is shown with `unreviewed` set, or
// in English when the site's setting says so; an OFFICIAL one is shown as it is.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "catalog/condition.h"
#include "catalog/localized_names_store.h"
#include "platform/status.h"

namespace diseasemaps::catalog {

// What to do with HPO labels translated but not yet reviewed (--unreviewed-symptom-labels).
enum class UnreviewedLabels { kShowWithNote, kEnglish };

// A text and the language it is actually in.
struct ShownText {
  std::string text;
  std::string language;   // "es", or "en" when no translation exists
  bool unreviewed = false;  // an HPO CANDIDATE translation
};

struct LocalizedCondition {
  std::string language;                 // the page's language
  ShownText name;                       // shown first
  std::string english_name;             // shown beneath when `name` is translated; else ""
  std::vector<std::string> synonyms;    // in synonyms_language
  std::string synonyms_language;
  std::map<std::string, ShownText> symptoms;  // by HPO id; absent: the English label
  std::map<int, ShownText> related;           // parents, children, replacement, by ORPHAcode
  bool definition_in_english = false;   // Orphanet gives no translated definitions
};

// The condition as shown in `language`. For English, the catalogue's own words.
Result<LocalizedCondition> Localize(const Condition& condition, LocalizedNamesStore& names,
                                    const std::string& language, UnreviewedLabels unreviewed);

}  // namespace diseasemaps::catalog
