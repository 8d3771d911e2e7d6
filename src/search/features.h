// Plain-language symptom search: which phenotype features (HPO terms, by their medical
// label or their lay label, "Unsteady walk", or their translations, "Marcha inestable")
// a query names, and which conditions include
// them, ranked by how many of the features they have and how frequent each is.
//
// Built once from the catalogue, then only read: concurrent calls are safe. This ranks;
// it never diagnoses, and the page says so.
#pragma once

#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "search/search_record.h"

namespace diseasemaps::search {

// How often a feature occurs in a condition, from Orphanet's class: 1 for obligate, 0.9
// very frequent, 0.55 frequent, 0.17 occasional, 0.03 very rare, 0 excluded; 0.3 when the
// class is unknown.
double FrequencyWeight(const std::string& frequency_class);

struct FeatureMatch {
  std::vector<std::string> hpo_ids;
  std::vector<std::string> labels;  // one readable label per matched feature
  std::set<std::string> covered;    // the query stems the features account for
};

struct FeatureHit {
  long long condition_id = 0;
  int matched = 0;       // how many of the query's features the condition has
  double weight = 0;     // sum of their frequency weights
};

class FeatureIndex {
 public:
  void Add(const SearchRecord& record);
  // The translated labels of the features the records added carry (others are ignored),
  // each stemmed in its language. Call after the last Add(), before Finish().
  void AddTranslations(const std::vector<PhenotypeLabel>& labels);
  void Finish();

  // The features a query names. `stems` are the query's stemmed content words, in every
  // language (stemming.h QueryStems). A label, in any language, matches when all its
  // content words are in the query (labels of three words or more: all but one).
  FeatureMatch Match(const std::vector<std::string>& stems) const;

  // Conditions with at least one of the features, best first.
  std::vector<FeatureHit> Rank(const FeatureMatch& match) const;

 private:
  struct Label {
    std::string hpo_id;
    std::string text;
    std::vector<std::string> stems;
  };
  std::vector<Label> labels_;
  std::unordered_map<std::string, std::vector<std::size_t>> labels_by_stem_;
  std::unordered_map<std::string, std::vector<std::pair<long long, double>>> conditions_by_hpo_;
};

}  // namespace diseasemaps::search
