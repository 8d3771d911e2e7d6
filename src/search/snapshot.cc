#include "search/snapshot.h"

#include <algorithm>
#include <array>
#include <set>

#include "search/codes.h"
#include "search/stemming.h"

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

std::shared_ptr<const Snapshot> BuildSnapshot(RecordMap records, const std::vector<PhenotypeLabel>& phenotype_labels) {
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
    for (const SearchLabel& t : r.translations) AddWords(snapshot->vocabulary, t.text, t.is_name ? kNameWord : kSynonymWord);
    for (const SearchFeature& f : r.features) {
      AddWords(snapshot->vocabulary, f.term, kFeatureWord);
      AddWords(snapshot->vocabulary, f.lay_label, kFeatureWord);
      for (const std::string& phrase : f.phrases) AddWords(snapshot->vocabulary, phrase, kFeatureWord);
    }
    AddWords(snapshot->vocabulary, r.definition, kDefinitionWord, /*offer=*/false);
  }
  snapshot->features.AddTranslations(phenotype_labels);
  for (const PhenotypeLabel& l : phenotype_labels) AddWords(snapshot->vocabulary, l.text, kFeatureWord);

  // Which name words are generic in their language: counted once per name.
  std::array<std::unordered_map<std::string, std::size_t>, kLanguageCount> in_names;
  std::array<double, kLanguageCount> names{};
  auto count_name = [&](const std::string& name, Lang lang) {
    std::set<std::string> seen;
    for (const std::string& w : Words(name)) {
      std::string s = StemIn(w, lang);
      if (seen.insert(s).second) ++in_names[lang][s];
    }
    names[lang] += 1;
  };
  for (const auto& [id, record] : snapshot->records) {
    count_name(record->name, kEnglish);
    for (const SearchLabel& t : record->translations) {
      if (t.is_name) count_name(t.text, t.lang);
    }
  }
  auto distinctive = [&](const std::string& label, Lang lang) {
    LabelStems out{lang, {}};
    for (const std::string& w : Words(label)) {
      if (IsStopword(w)) continue;
      std::string s = StemIn(w, lang);
      auto it = in_names[lang].find(s);
      if (it != in_names[lang].end() && static_cast<double>(it->second) > kGenericShare * names[lang]) continue;
      if (std::find(out.stems.begin(), out.stems.end(), s) == out.stems.end()) out.stems.push_back(std::move(s));
    }
    return out;
  };
  for (const auto& [id, record] : snapshot->records) {
    auto& labels = snapshot->label_stems[id];
    labels.push_back(distinctive(record->name, kEnglish));
    for (const std::string& s : record->synonyms) labels.push_back(distinctive(s, kEnglish));
    for (const SearchLabel& t : record->translations) labels.push_back(distinctive(t.text, t.lang));
  }
  snapshot->suggest.Finish();
  snapshot->features.Finish();
  snapshot->vocabulary.Finish();
  return snapshot;
}

}  // namespace diseasemaps::search
