#include "search/features.h"

#include <algorithm>
#include <unordered_set>

#include "search/stemming.h"

namespace diseasemaps::search {
namespace {

std::vector<std::string> ContentStems(const std::string& text, Lang lang) {
  std::vector<std::string> stems;
  for (const std::string& w : Words(text)) {
    if (IsStopword(w)) continue;
    std::string s = StemIn(w, lang);
    if (std::find(stems.begin(), stems.end(), s) == stems.end()) stems.push_back(std::move(s));
  }
  return stems;
}

}  // namespace

double FrequencyWeight(const std::string& c) {
  if (c.rfind("Obligate", 0) == 0) return 1.0;
  if (c.rfind("Very frequent", 0) == 0) return 0.9;
  if (c.rfind("Frequent", 0) == 0) return 0.55;
  if (c.rfind("Occasional", 0) == 0) return 0.17;
  if (c.rfind("Very rare", 0) == 0) return 0.03;
  if (c.rfind("Excluded", 0) == 0) return 0.0;
  return 0.3;
}

void FeatureIndex::Add(const SearchRecord& record) {
  for (const SearchFeature& f : record.features) {
    const double weight = FrequencyWeight(f.frequency);
    if (weight > 0) conditions_by_hpo_[f.hpo_id].emplace_back(record.id, weight);
    for (const std::string* text : {&f.term, &f.lay_label}) {
      if (text->empty()) continue;
      labels_.push_back({f.hpo_id, *text, ContentStems(*text, kEnglish)});
    }
    // Phrases match like labels, but the feature is still shown by its label.
    const std::string& shown = f.lay_label.empty() ? f.term : f.lay_label;
    for (const std::string& phrase : f.phrases) labels_.push_back({f.hpo_id, shown, ContentStems(phrase, kEnglish)});
  }
}

void FeatureIndex::AddTranslations(const std::vector<PhenotypeLabel>& labels) {
  for (const PhenotypeLabel& l : labels) {
    if (conditions_by_hpo_.count(l.hpo_id)) labels_.push_back({l.hpo_id, l.text, ContentStems(l.text, l.lang)});
  }
}

void FeatureIndex::Finish() {
  std::sort(labels_.begin(), labels_.end(),
            [](const Label& a, const Label& b) {
              return std::tie(a.hpo_id, a.text, a.stems) < std::tie(b.hpo_id, b.text, b.stems);
            });
  labels_.erase(std::unique(labels_.begin(), labels_.end(),
                            [](const Label& a, const Label& b) {
                              return a.hpo_id == b.hpo_id && a.text == b.text && a.stems == b.stems;
                            }),
                labels_.end());
  labels_by_stem_.clear();
  for (std::size_t i = 0; i < labels_.size(); ++i) {
    for (const std::string& s : labels_[i].stems) labels_by_stem_[s].push_back(i);
  }
}

FeatureMatch FeatureIndex::Match(const std::vector<std::string>& stems) const {
  FeatureMatch match;
  const std::unordered_set<std::string> query(stems.begin(), stems.end());
  std::unordered_set<std::size_t> candidates;
  for (const std::string& s : stems) {
    if (auto it = labels_by_stem_.find(s); it != labels_by_stem_.end()) {
      candidates.insert(it->second.begin(), it->second.end());
    }
  }
  std::vector<std::size_t> ordered(candidates.begin(), candidates.end());
  std::sort(ordered.begin(), ordered.end());
  for (std::size_t i : ordered) {
    const Label& label = labels_[i];
    if (label.stems.empty()) continue;
    std::size_t present = 0;
    for (const std::string& s : label.stems) present += query.count(s);
    const std::size_t needed = label.stems.size() >= 3 ? label.stems.size() - 1 : label.stems.size();
    if (present < needed) continue;
    if (std::find(match.hpo_ids.begin(), match.hpo_ids.end(), label.hpo_id) == match.hpo_ids.end()) {
      match.hpo_ids.push_back(label.hpo_id);
      match.labels.push_back(label.text);
    }
    for (const std::string& s : label.stems) {
      if (query.count(s)) match.covered.insert(s);
    }
  }
  return match;
}

std::vector<FeatureHit> FeatureIndex::Rank(const FeatureMatch& match) const {
  std::unordered_map<long long, FeatureHit> hits;
  for (const std::string& hpo : match.hpo_ids) {
    auto it = conditions_by_hpo_.find(hpo);
    if (it == conditions_by_hpo_.end()) continue;
    for (const auto& [condition, weight] : it->second) {
      FeatureHit& hit = hits[condition];
      hit.condition_id = condition;
      hit.matched += 1;
      hit.weight += weight;
    }
  }
  std::vector<FeatureHit> ranked;
  ranked.reserve(hits.size());
  for (auto& [id, hit] : hits) ranked.push_back(hit);
  std::sort(ranked.begin(), ranked.end(), [](const FeatureHit& a, const FeatureHit& b) {
    if (a.matched != b.matched) return a.matched > b.matched;
    if (a.weight != b.weight) return a.weight > b.weight;
    return a.condition_id < b.condition_id;
  });
  return ranked;
}

}  // namespace diseasemaps::search
