#include "search/snapshot.h"

#include <algorithm>
#include <set>

#include "search/codes.h"
#include "search/normalize.h"

namespace diseasemaps::search {
namespace {

// How strongly a field's words speak for themselves when correcting typos.
constexpr double kNameWord = 5, kSynonymWord = 3, kFeatureWord = 1, kDefinitionWord = 0.2;

void AddWords(Vocabulary& vocabulary, const std::string& text, double weight, bool offer = true) {
  for (const std::string& w : Words(text)) vocabulary.Add(w, weight, offer);
}

}  // namespace

const SearchRecord* Snapshot::Find(long long id) const {
  auto it = records.find(id);
  return it == records.end() ? nullptr : it->second.get();
}

std::shared_ptr<const Snapshot> BuildSnapshot(RecordMap records) {
  auto snapshot = std::make_shared<Snapshot>();
  snapshot->records = std::move(records);
  for (const auto& [id, record] : snapshot->records) {
    const SearchRecord& r = *record;
    for (const std::string& code : r.codes) {
      snapshot->by_code[code].push_back(id);
      if (std::string category = Icd10Category(code); !category.empty()) {
        auto& ids = snapshot->by_code[category + "*"];
        if (ids.empty() || ids.back() != id) ids.push_back(id);
      }
    }
    snapshot->suggest.Add(r);
    snapshot->features.Add(r);
    AddWords(snapshot->vocabulary, r.name, kNameWord);
    for (const std::string& s : r.synonyms) AddWords(snapshot->vocabulary, s, kSynonymWord);
    for (const SearchFeature& f : r.features) {
      AddWords(snapshot->vocabulary, f.term, kFeatureWord);
      AddWords(snapshot->vocabulary, f.lay_label, kFeatureWord);
    }
    AddWords(snapshot->vocabulary, r.definition, kDefinitionWord, /*offer=*/false);
  }
  // Which name words are generic: counted once per name.
  std::unordered_map<std::string, std::size_t> in_names;
  for (const auto& [id, record] : snapshot->records) {
    std::set<std::string> seen;
    for (const std::string& w : Words(record->name)) {
      if (seen.insert(Stem(w)).second) ++in_names[Stem(w)];
    }
  }
  const double generic_above = kGenericShare * static_cast<double>(snapshot->records.size());
  auto distinctive = [&](const std::string& label) {
    std::vector<std::string> stems;
    for (const std::string& w : Words(label)) {
      if (IsStopword(w)) continue;
      std::string s = Stem(w);
      auto it = in_names.find(s);
      if (it != in_names.end() && static_cast<double>(it->second) > generic_above) continue;
      if (std::find(stems.begin(), stems.end(), s) == stems.end()) stems.push_back(std::move(s));
    }
    return stems;
  };
  for (const auto& [id, record] : snapshot->records) {
    auto& labels = snapshot->label_stems[id];
    labels.push_back(distinctive(record->name));
    for (const std::string& s : record->synonyms) labels.push_back(distinctive(s));
  }
  snapshot->suggest.Finish();
  snapshot->features.Finish();
  snapshot->vocabulary.Finish();
  return snapshot;
}

}  // namespace diseasemaps::search
