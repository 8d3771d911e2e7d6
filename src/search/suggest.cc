#include "search/suggest.h"

#include <algorithm>
#include <unordered_set>

#include "search/codes.h"
#include "search/normalize.h"

namespace diseasemaps::search {
namespace {

// Ranks: 0 name from its start, 1 synonym from its start, 2 code, 3 name from a later
// word, 4 synonym from a later word.
void AddKeys(std::vector<std::string>& keys, const std::string& normalized) {
  keys.push_back(normalized);
  for (std::size_t i = normalized.find(' '); i != std::string::npos; i = normalized.find(' ', i + 1)) {
    keys.push_back(normalized.substr(i + 1));
  }
}

}  // namespace

void SuggestIndex::Add(const SearchRecord& record) {
  const auto record_index = static_cast<std::uint32_t>(records_.size());
  Brief brief{record.name, record.slug, record.orphacode, {}};
  for (const SearchLabel& t : record.translations) {
    if (t.is_name) brief.names.emplace_back(t.lang, t.text);
  }
  records_.push_back(std::move(brief));
  std::unordered_set<std::string> seen;  // a label said twice (in two languages) is one label
  auto add_label = [&](const std::string& text, bool is_name, std::uint8_t start_rank, bool words, Lang lang) {
    const std::string normalized = Normalize(text);
    if (normalized.empty() || !seen.insert(normalized).second) return;
    const auto label = static_cast<std::uint32_t>(labels_.size());
    labels_.push_back({record.id, text, record_index, is_name, lang});
    std::vector<std::string> keys;
    if (words) {
      AddKeys(keys, normalized);
    } else {
      keys.push_back(normalized);
    }
    for (std::size_t k = 0; k < keys.size(); ++k) {
      AddEntry(std::move(keys[k]), label, static_cast<std::uint8_t>(k == 0 ? start_rank : start_rank + 3));
    }
  };
  add_label(record.name, true, 0, true, kEnglish);
  for (const SearchLabel& t : record.translations) {
    if (t.is_name) add_label(t.text, true, 0, true, t.lang);
  }
  for (const std::string& synonym : record.synonyms) add_label(synonym, false, 1, true, kEnglish);
  for (const SearchLabel& t : record.translations) {
    if (!t.is_name) add_label(t.text, false, 1, true, t.lang);
  }
  for (const std::string& code : record.codes) {
    const std::string shown = DisplayCode(code);
    add_label(shown, false, 2, false, kEnglish);
    // "ORPHA:1183" is also found as "1183"; "ICD-10 Q87.4" as "Q87.4".
    if (const std::size_t cut = shown.find_first_of(" :"); cut != std::string::npos) {
      const std::string bare = Normalize(shown.substr(cut + 1));
      if (!bare.empty()) AddEntry(bare, static_cast<std::uint32_t>(labels_.size() - 1), 2);
    }
  }
}

void SuggestIndex::AddEntry(std::string key, std::uint32_t label, std::uint8_t rank) {
  const std::size_t length = std::min<std::size_t>(labels_[label].text.size(), 0xFFFF);
  entries_.push_back({std::move(key), label, rank, labels_[label].lang, static_cast<std::uint16_t>(length)});
}

void SuggestIndex::Finish() {
  std::sort(entries_.begin(), entries_.end(), [](const Entry& a, const Entry& b) { return a.key < b.key; });
}

std::vector<Suggestion> SuggestIndex::Suggest(std::string_view query, int limit, Lang lang) const {
  const std::string prefix = Normalize(query);
  std::vector<Suggestion> out;
  if (prefix.empty() || limit <= 0) return out;
  auto before = [](const Entry& e, const std::string& p) { return e.key < p; };
  const auto first = std::lower_bound(entries_.begin(), entries_.end(), prefix, before);
  // The range's end: the first key not starting with prefix. (A prefix ending in byte
  // 0xFF has no successor: its range ends where the keys stop matching.)
  auto last = entries_.end();
  if (static_cast<unsigned char>(prefix.back()) != 0xFF) {
    std::string after = prefix;
    after.back() = static_cast<char>(static_cast<unsigned char>(after.back()) + 1);
    last = std::lower_bound(first, entries_.end(), after, before);
  }
  // Best `limit` entries of the range by (a whole label typed, rank, own language, label
  // length, label): "OMS", a synonym typed whole, comes before "Omsk hemorrhagic fever",
  // a name it starts. A bounded scan that reads only the entries, never their labels.
  constexpr std::size_t kScanLimit = 20000;
  if (static_cast<std::size_t>(last - first) > kScanLimit) last = first + kScanLimit;
  std::vector<const Entry*> best;
  auto whole = [&](const Entry* e) { return e->rank <= 2 && e->key.size() == prefix.size(); };
  auto worse = [&](const Entry* a, const Entry* b) {
    if (whole(a) != whole(b)) return whole(a);
    if (a->rank != b->rank) return a->rank < b->rank;
    const bool a_own = a->lang == lang, b_own = b->lang == lang;
    if (a_own != b_own) return a_own;
    if (a->length != b->length) return a->length < b->length;
    return a->label < b->label;
  };
  for (auto it = first; it != last; ++it) {
    if (it->key.compare(0, prefix.size(), prefix) != 0) break;  // only when 0xFF ended the prefix
    best.push_back(&*it);
    if (best.size() > static_cast<std::size_t>(limit) * 8) {
      std::partial_sort(best.begin(), best.begin() + limit * 4, best.end(), worse);
      best.resize(static_cast<std::size_t>(limit) * 4);
    }
  }
  std::sort(best.begin(), best.end(), worse);
  std::unordered_set<long long> seen;
  for (const Entry* e : best) {
    const Label& label = labels_[e->label];
    if (!seen.insert(label.condition_id).second) continue;
    const Brief& brief = records_[label.record];
    Suggestion suggestion{label.condition_id, label.text, brief.name, brief.slug, brief.orphacode, label.is_name,
                          label.lang, kEnglish};
    for (const auto& [name_lang, name] : brief.names) {
      if (name_lang == lang) {
        suggestion.name = name;
        suggestion.name_lang = lang;
      }
    }
    out.push_back(std::move(suggestion));
    if (static_cast<int>(out.size()) == limit) break;
  }
  return out;
}

}  // namespace diseasemaps::search
