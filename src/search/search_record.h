// SearchRecord: everything search knows about one condition, read from the database
// (search_store.h) and turned into an index document (search_index.h) and into the
// in-memory structures (snapshot.h). A plain value.
//
// `name` and `synonyms` are the catalogue's own (English); `translations` hold Orphanet's
// names and synonyms in the nine languages (migration 0013), those that say something
// the English ones do not.
#pragma once

#include <string>
#include <vector>

#include "search/languages.h"

namespace diseasemaps::search {

struct SearchFeature {
  std::string hpo_id;     // "HP:0001251"
  std::string term;       // "Ataxia"
  std::string lay_label;  // "Unsteady walk", HPO's or ours (catalog/plain_sign_labels.h), or ""
  std::string frequency;  // Orphanet's class, "Very frequent (99-80%)"
  std::vector<std::string> phrases;  // other ways people say it ("jerky movements"), ours
};

// A name or synonym of a condition in one language.
struct SearchLabel {
  Lang lang = kEnglish;
  std::string text;
  bool is_name = false;  // Orphanet's name in that language (else a synonym)
};

struct SearchRecord {
  long long id = 0;  // conditions.id, also the index's document id
  int orphacode = 0;
  std::string slug;
  std::string name;
  std::string entry_type;
  std::string definition;
  std::vector<std::string> synonyms;
  std::vector<std::string> codes;  // canonical keys (codes.h), ORPHA first
  std::vector<SearchFeature> features;
  std::vector<std::string> answers;  // published answers: question, short answer, body
  std::vector<SearchLabel> translations;

  // The name in `lang` when Orphanet gives one, else the English name.
  const std::string& NameIn(Lang lang) const {
    for (const SearchLabel& l : translations) {
      if (l.is_name && l.lang == lang) return l.text;
    }
    return name;
  }
};

// A translated label of an HPO phenotype (OFFICIAL or CANDIDATE alike: search matches on
// both), or one of its translated synonyms.
struct PhenotypeLabel {
  std::string hpo_id;
  Lang lang = kEnglish;
  std::string text;
};

}  // namespace diseasemaps::search
