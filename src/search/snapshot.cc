#include "search/snapshot.h"

#include "search/codes.h"
#include "search/normalize.h"

namespace diseasemaps::search {
namespace {

// How strongly a field's words speak for themselves when correcting typos.
constexpr double kNameWord = 5, kSynonymWord = 3, kFeatureWord = 1, kDefinitionWord = 0.2;

void AddWords(Vocabulary& vocabulary, const std::string& text, double weight) {
  for (const std::string& w : Words(text)) vocabulary.Add(w, weight);
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
    AddWords(snapshot->vocabulary, r.definition, kDefinitionWord);
  }
  snapshot->suggest.Finish();
  snapshot->features.Finish();
  snapshot->vocabulary.Finish();
  return snapshot;
}

}  // namespace diseasemaps::search
