// Snapshot: the in-memory side of search for one state of the catalogue: the records
// themselves, code lookup, suggestions, features and the typo vocabulary, over names,
// synonyms and phenotype labels in all nine languages. Built off the
// request path (at start and by the updater) and then never changed: requests share it
// through a shared_ptr<const Snapshot>, so a new one replaces the old without locks on
// the read path.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "search/features.h"
#include "search/search_record.h"
#include "search/spelling.h"
#include "search/suggest.h"

namespace diseasemaps::search {

inline constexpr double kGenericShare = 0.02;

struct LabelStems {
  Lang lang = kEnglish;
  std::vector<std::string> stems;
};

using RecordMap = std::map<long long, std::shared_ptr<const SearchRecord>>;

struct Snapshot {
  RecordMap records;
  std::unordered_map<std::string, std::vector<long long>> by_code;  // key -> condition ids
  SuggestIndex suggest;
  FeatureIndex features;
  Vocabulary vocabulary;
  // Per condition, the distinctive stems of its name and of each synonym, in every
  // language, each stemmed in its own: words found in more than kGenericShare of the
  // names in that language ("syndrome", "síndrome", "type") left out.
  std::unordered_map<long long, std::vector<LabelStems>> label_stems;

  const SearchRecord* Find(long long id) const;
};

// `phenotype_labels`: the translated HPO labels (SearchStore::LoadPhenotypeLabels), for
// symptom search and typo correction in every language.
std::shared_ptr<const Snapshot> BuildSnapshot(RecordMap records, const std::vector<PhenotypeLabel>& phenotype_labels = {});

}  // namespace diseasemaps::search
