// Reading HPO's translation files (obophenotype/hpo-translations, folder babelon/):
// hp-<lang>.babelon.tsv (translated labels) and hp-<lang>.synonyms.tsv (translated
// synonyms, a ROBOT template). Pure: no database, no global state; thread-safe.
//
// Columns are found by name in the header row, in any order (the files order them
// differently). Babelon needs source_language, translation_language, subject_id,
// source_value, predicate_id, translation_value and translation_status; rows whose
// predicate is not rdfs:label (definitions) are left out, and so are rows marked
// NOT_TRANSLATED or with no translation. A term labelled twice in one language keeps
// its first OFFICIAL label, else its first one.
//
// Synonyms need subject_id and translation_value; the row under the header whose
// subject_id is "ID" is ROBOT's template row and is skipped. A value holds one or more
// synonyms separated by "|". The status comes from a Status (or translation_status)
// column when there is one; without one, or when empty, a synonym is CANDIDATE: no one
// said it was reviewed. A synonym_type ending in "layperson" marks plain-language ones.
//
// Malformed input is an error, never skipped: a missing column, a row with fewer fields
// than the header, an id that is not HP:NNNNNNN, a status other than OFFICIAL,
// CANDIDATE or NOT_TRANSLATED: InvalidArgument "line N: what is wrong".
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "platform/status.h"

namespace diseasemaps::catalog {

inline constexpr std::string_view kOfficial = "OFFICIAL";
inline constexpr std::string_view kCandidate = "CANDIDATE";

struct HpoTranslatedLabel {
  std::string hpo_id;    // "HP:0001250"
  std::string language;  // "es"
  std::string label;     // "Convulsión"
  std::string status;    // kOfficial or kCandidate
};

struct HpoTranslatedSynonym {
  std::string hpo_id;
  std::string language;
  std::string synonym;
  std::string status;  // kOfficial or kCandidate
  bool layperson = false;
};

struct HpoBabelonFile {
  std::vector<HpoTranslatedLabel> labels;  // one per (hpo_id, language), in file order
  int left_out = 0;                        // rows not kept: other predicates, untranslated, repeats
};

struct HpoSynonymFile {
  std::vector<HpoTranslatedSynonym> synonyms;  // in file order, each (hpo_id, synonym) once
  int left_out = 0;                            // NOT_TRANSLATED rows and repeats
};

Result<HpoBabelonFile> ParseHpoBabelon(std::string_view text);

// `language`: the file's language ("fr", from hp-fr.synonyms.tsv).
Result<HpoSynonymFile> ParseHpoSynonyms(std::string_view text, std::string_view language);

}  // namespace diseasemaps::catalog
