#include "search/search_service.h"

#include <algorithm>
#include <chrono>
#include <set>
#include <unordered_map>

#include "catalog/plain_words.h"
#include "platform/text.h"
#include "search/codes.h"
#include "search/highlight.h"
#include "search/stemming.h"

namespace diseasemaps::search {
namespace {

constexpr std::size_t kMaxWords = 16;
constexpr std::size_t kSnippetWords = 28;
constexpr std::size_t kFeatureCandidates = 300;  // text hits re-ranked, and consulted for features
constexpr double kCoverageShare = 0.6;  // of the best index weight, for a label the query covers fully
constexpr double kOtherLanguageShare = 0.9;  // of that, for a label not in the requested language
// Of the best index weight again, when the query names the whole of the entry's own
// (English) name: a group ("Ehlers-Danlos syndrome") before its subtypes, whose names
// add a word and whose texts repeat the group's name many times.
constexpr double kWholeNameShare = 0.8;

// Field weights: a word in the name says more than one in a definition.
constexpr double kNameWeight = 3.0, kSynonymWeight = 2.2, kFeatureWeight = 1.0, kDefinitionWeight = 0.5,
                 kAnswerWeight = 0.5, kExactNameWeight = 12.0, kExactSynonymWeight = 10.0, kCorrectedFactor = 0.9;

Xapian::Query Scaled(const std::string& term, double factor) {
  return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(term), factor);
}

// One query word: its stems in every language (one group), and its correction's (a
// second group, weighed a little less). Within a group the stems are synonyms, so a word
// that two stemmers agree on does not count twice.
Xapian::Query WordQuery(const std::vector<std::vector<std::string>>& groups) {
  std::vector<Xapian::Query> parts;
  double factor = 1.0;
  for (const std::vector<std::string>& stems : groups) {
    for (const auto& [prefix, weight] : {std::pair{kNamePrefix, kNameWeight}, {kSynonymPrefix, kSynonymWeight},
                                         {kFeaturePrefix, kFeatureWeight}, {kDefinitionPrefix, kDefinitionWeight},
                                         {kAnswerPrefix, kAnswerWeight}}) {
      std::vector<Xapian::Query> terms;
      for (const std::string& stem : stems) terms.emplace_back(prefix + stem);
      parts.emplace_back(Xapian::Query::OP_SCALE_WEIGHT,
                         Xapian::Query(Xapian::Query::OP_SYNONYM, terms.begin(), terms.end()), weight * factor);
    }
    factor *= kCorrectedFactor;
  }
  return Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
}

std::string Join(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

// How much of a condition's best label (name or synonym, in any language) the query
// accounts for: the share of the label's distinctive words that are query words.
// "Marfan syndrome" answers "marfan" better than "Marfan syndrome type 1" does. Labels
// in the requested language count in full, others a little less.
double LabelCoverage(const Snapshot& s, long long id, const std::set<std::string>& stems, Lang lang) {
  auto it = s.label_stems.find(id);
  if (it == s.label_stems.end()) return 0;
  double best = 0;
  for (const LabelStems& label : it->second) {
    if (label.stems.empty()) continue;
    std::size_t hits = 0;
    for (const std::string& stem : label.stems) hits += stems.count(stem);
    const double share = static_cast<double>(hits) / static_cast<double>(label.stems.size());
    best = std::max(best, share * (label.lang == lang ? 1.0 : kOtherLanguageShare));
  }
  return best;
}

// When every distinctive word of the entry's English name is a query word: the share of
// all the name's words the query names ("marfan": 1/2 of "Marfan syndrome", 1/4 of
// "Marfan syndrome and Marfan-related disorders"), so the tighter name wins; else 0.
double WholeNameTightness(const Snapshot& s, long long id, const std::set<std::string>& stems) {
  auto it = s.label_stems.find(id);
  if (it == s.label_stems.end() || it->second.empty() || it->second.front().stems.empty()) return 0;
  const LabelStems& name = it->second.front();  // the English name comes first (snapshot.cc)
  if (!std::all_of(name.stems.begin(), name.stems.end(), [&](const std::string& w) { return stems.count(w) > 0; })) {
    return 0;
  }
  const SearchRecord* record = s.Find(id);
  if (record == nullptr) return 0;
  std::set<std::string> words;
  for (const std::string& w : Words(record->name)) {
    if (!IsStopword(w)) words.insert(StemIn(w, kEnglish));
  }
  const auto named = std::count_if(words.begin(), words.end(), [&](const std::string& w) { return stems.count(w) > 0; });
  return words.empty() ? 0 : static_cast<double>(named) / static_cast<double>(words.size());
}

// How many of the query's words (each: its stems in every language) the label names.
std::size_t WordsNamed(const std::string& label, Lang lang, const std::vector<std::set<std::string>>& words) {
  std::set<std::string> stems;
  for (const std::string& w : Words(label)) stems.insert(StemIn(w, lang));
  std::size_t named = 0;
  for (const std::set<std::string>& word : words) {
    named += std::any_of(word.begin(), word.end(), [&](const std::string& v) { return stems.count(v) > 0; });
  }
  return named;
}

// Every name and synonym of a condition with its language.
std::vector<std::pair<const std::string*, Lang>> Labels(const SearchRecord& r) {
  std::vector<std::pair<const std::string*, Lang>> out = {{&r.name, kEnglish}};
  for (const std::string& s : r.synonyms) out.emplace_back(&s, kEnglish);
  for (const SearchLabel& t : r.translations) out.emplace_back(&t.text, t.lang);
  return out;
}

// A result in `lang`: the name there (else English) and, when that name does not say all
// the query said, the name or synonym that says most of it, highlighted.
SearchHit HitFor(const SearchRecord& r, const std::set<std::string>& stems, const std::vector<std::set<std::string>>& words,
                 Lang lang) {
  const std::string& name = r.NameIn(lang);
  const Lang name_lang = &name == &r.name ? kEnglish : lang;
  SearchHit hit{r.orphacode, name, std::string(LanguageCode(name_lang)), r.slug, r.entry_type, "", "", {}};
  const std::size_t in_name = WordsNamed(name, name_lang, words);
  if (in_name < words.size()) {
    std::pair<const std::string*, Lang> best = {nullptr, kEnglish};
    std::size_t best_count = in_name;
    for (const auto& [label, label_lang] : Labels(r)) {
      if (label == &name) continue;
      const std::size_t n = WordsNamed(*label, label_lang, words);
      if (n > best_count || (best.first && n == best_count && n > 0 && label->size() < best.first->size())) {
        best = {label, label_lang};
        best_count = n;
      }
    }
    if (best.first) hit.matched_synonym_html = Highlight(*best.first, stems, 40, best.second);
  }
  hit.snippet_html = Highlight(r.definition, stems, kSnippetWords);
  return hit;
}

}  // namespace

std::string_view CutUtf8(std::string_view text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  std::size_t end = max_bytes;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end);
}

void SearchService::Publish(std::shared_ptr<const Snapshot> snapshot) {
  readers_.Refresh();
  const auto now = std::chrono::system_clock::now().time_since_epoch();
  std::lock_guard lock(snapshot_mutex_);
  snapshot_ = std::move(snapshot);
  published_at_ = std::chrono::duration_cast<std::chrono::seconds>(now).count();
}

long long SearchService::published_at() const {
  std::lock_guard lock(snapshot_mutex_);
  return published_at_;
}

std::shared_ptr<const Snapshot> SearchService::snapshot() const {
  std::lock_guard lock(snapshot_mutex_);
  return snapshot_;
}

std::vector<Suggestion> SearchService::Suggest(std::string_view query, int limit, Lang lang) const {
  auto s = snapshot();
  if (!s) return {};
  const std::string_view cut = CutUtf8(query, kMaxQueryBytes);
  std::vector<Suggestion> found = s->suggest.Suggest(cut, limit, lang);
  if (!found.empty()) return found;
  // Nothing starts so: the words as the catalogue knows them. A whole word with a typo is
  // corrected ("marfn"), a plural made singular where only the singular is known
  // ("dancing eyes" -> "dancing eye syndrome"); the last word may still be being typed,
  // so it is corrected only when it cannot start a known word. All in memory.
  std::vector<std::string> words = Words(std::string(cut));
  bool changed = false;
  for (std::size_t i = 0; i < words.size(); ++i) {
    std::string& w = words[i];
    const bool last = i + 1 == words.size();
    if (w.size() > 3 && w.back() == 's' && s->vocabulary.Knows(std::string_view(w).substr(0, w.size() - 1))) {
      w.pop_back();
      changed = true;
    } else if (s->vocabulary.Knows(w)) {
      continue;
    } else if (auto fix = s->vocabulary.Correct(w); fix && (!last || s->suggest.Suggest(w, 1, lang).empty())) {
      w = *fix;
      changed = true;
    }
  }
  if (!changed) return found;
  std::string again;
  for (const std::string& w : words) again += (again.empty() ? "" : " ") + w;
  return s->suggest.Suggest(again, limit, lang);
}

Result<SearchPage> SearchService::Search(std::string_view raw, int page, Lang lang) {
  SearchPage out;
  out.page = std::clamp(page, 1, kMaxPage);
  out.cut = raw.size() > kMaxQueryBytes;
  out.query = std::string(CutUtf8(raw, kMaxQueryBytes));
  auto s = snapshot();
  if (!s) return Status::Unavailable("search is starting up; try again in a few seconds");

  // A code: every condition that carries it, ORPHAcode matches first.
  for (const std::string& key : ParseCodeQuery(out.query)) {
    std::vector<long long> ids;
    if (auto it = s->by_code.find(key); it != s->by_code.end()) ids = it->second;
    if (ids.empty()) {
      if (auto it = s->by_code.find(key + "*"); it != s->by_code.end()) ids = it->second;
    }
    if (ids.empty()) continue;
    std::vector<const SearchRecord*> found;
    for (long long id : ids) {
      if (const SearchRecord* r = s->Find(id)) found.push_back(r);
    }
    std::sort(found.begin(), found.end(), [](const SearchRecord* a, const SearchRecord* b) { return a->name < b->name; });
    out.kind = ResultKind::kCode;
    out.total = found.size();
    const std::size_t first = static_cast<std::size_t>(out.page - 1) * kPageSize;
    for (std::size_t i = first; i < found.size() && i < first + kPageSize; ++i) {
      SearchHit hit = HitFor(*found[i], {}, {}, lang);
      hit.matched_synonym_html = EscapeMarkup(DisplayCode(key));
      out.hits.push_back(std::move(hit));
    }
    return out;
  }

  std::vector<WordForm> words;
  for (WordForm& w : WordForms(out.query)) {
    if (!IsStopword(w.folded) && words.size() < kMaxWords) words.push_back(std::move(w));
  }
  if (words.empty()) return out;  // kEmpty: the page explains how to search
  return SearchText(*s, std::move(out), words, lang);
}

Result<SearchPage> SearchService::SearchText(const Snapshot& s, SearchPage out, const std::vector<WordForm>& words,
                                             Lang lang) {
  // Typos: an unknown word also searches as its nearest known word (in any language).
  // Every word is searched as its stems in every language: the query's is unknown.
  std::vector<std::string> corrected;
  bool any_correction = false;
  std::vector<Xapian::Query> per_word;
  std::vector<std::set<std::string>> wanted_words;  // per word, the stems a result should name
  std::set<std::string> wanted;                      // all of them
  for (const WordForm& word : words) {
    std::vector<std::vector<std::string>> groups = {QueryStems(word)};
    corrected.push_back(word.folded);
    if (auto fix = s.vocabulary.Correct(word.folded)) {
      corrected.back() = *fix;
      any_correction = true;
      groups.push_back(QueryStems(WordForm{*fix, *fix}));
    }
    wanted_words.emplace_back(groups.back().begin(), groups.back().end());
    wanted.insert(groups.back().begin(), groups.back().end());
    per_word.push_back(WordQuery(groups));
  }
  std::vector<Xapian::Query> parts = {
      Xapian::Query(Xapian::Query::OP_OR, per_word.begin(), per_word.end()),
      Xapian::Query(Xapian::Query::OP_AND, per_word.begin(), per_word.end()),
  };
  for (const std::string& phrase : {Normalize(out.query), Join(corrected)}) {
    parts.push_back(Scaled(kExactNamePrefix + phrase, kExactNameWeight));
    parts.push_back(Scaled(kExactSynonymPrefix + phrase, kExactSynonymWeight));
  }
  const Xapian::Query query(Xapian::Query::OP_OR, parts.begin(), parts.end());
  if (any_correction) out.did_you_mean = Join(corrected);

  const std::size_t first = static_cast<std::size_t>(out.page - 1) * kPageSize;
  auto top = readers_.Search(query, 0, kFeatureCandidates);
  if (!top.ok()) return top.status();

  // Plain-language features, when no condition's name or synonym says it all.
  bool named = false;
  if (!top->hits.empty()) {
    if (const SearchRecord* r = s.Find(top->hits.front().condition_id)) {
      const auto labels = Labels(*r);
      named = std::any_of(labels.begin(), labels.end(), [&](const auto& label) {
        return WordsNamed(*label.first, label.second, wanted_words) == wanted_words.size();
      });
    }
  }
  if (!named) {
    const std::vector<std::string> wanted_list(wanted.begin(), wanted.end());
    FeatureMatch match = s.features.Match(wanted_list);
    const auto covered = std::count_if(wanted_words.begin(), wanted_words.end(), [&](const std::set<std::string>& w) {
      return std::any_of(w.begin(), w.end(), [&](const std::string& v) { return match.covered.count(v) > 0; });
    });
    if (!match.hpo_ids.empty() && static_cast<std::size_t>(covered) * 2 >= wanted_words.size()) {
      std::vector<FeatureHit> ranked = s.features.Rank(match);
      std::unordered_map<long long, double> text_weight;
      for (const IndexHit& h : top->hits) text_weight[h.condition_id] = h.weight;
      std::stable_sort(ranked.begin(), ranked.end(), [&](const FeatureHit& a, const FeatureHit& b) {
        if (a.matched != b.matched) return a.matched > b.matched;
        if (a.weight != b.weight) return a.weight > b.weight;
        // Equal features at equal frequencies: the one the words describe better first.
        const double ta = text_weight.count(a.condition_id) ? text_weight[a.condition_id] : 0;
        const double tb = text_weight.count(b.condition_id) ? text_weight[b.condition_id] : 0;
        if (ta != tb) return ta > tb;
        return a.condition_id < b.condition_id;
      });
      out.kind = ResultKind::kFeatures;
      out.features = match.labels;
      out.total = ranked.size();
      const std::set<std::string> ids(match.hpo_ids.begin(), match.hpo_ids.end());
      for (std::size_t i = first; i < ranked.size() && i < first + kPageSize; ++i) {
        const SearchRecord* r = s.Find(ranked[i].condition_id);
        if (!r) continue;
        SearchHit hit = HitFor(*r, wanted, wanted_words, lang);
        for (const SearchFeature& f : r->features) {
          if (!ids.count(f.hpo_id)) continue;
          const std::string how_often = catalog::PlainFrequency(f.frequency).label;
          hit.features.push_back((f.lay_label.empty() ? f.term : f.lay_label) +
                                 (how_often.empty() ? "" : " (" + how_often + ")"));
        }
        out.hits.push_back(std::move(hit));
      }
      return out;
    }
  }

  // Re-rank the candidates: index weight plus a share for label coverage.
  if (!top->hits.empty()) {
    const double best = top->hits.front().weight;
    for (IndexHit& h : top->hits) {
      h.weight += best * kCoverageShare * LabelCoverage(s, h.condition_id, wanted, lang);
      h.weight += best * kWholeNameShare * WholeNameTightness(s, h.condition_id, wanted);
    }
    std::stable_sort(top->hits.begin(), top->hits.end(),
                     [](const IndexHit& a, const IndexHit& b) { return a.weight > b.weight; });
  }
  out.kind = ResultKind::kText;
  IndexResults page_hits;
  if (first + kPageSize <= kFeatureCandidates) {
    page_hits.estimated_total = top->estimated_total;
    for (std::size_t i = first; i < top->hits.size() && i < first + kPageSize; ++i) page_hits.hits.push_back(top->hits[i]);
  } else {
    auto more = readers_.Search(query, first, kPageSize);
    if (!more.ok()) return more.status();
    page_hits = std::move(*more);
  }
  out.total = std::max(page_hits.estimated_total, top->hits.size());
  for (const IndexHit& h : page_hits.hits) {
    if (const SearchRecord* r = s.Find(h.condition_id)) out.hits.push_back(HitFor(*r, wanted, wanted_words, lang));
  }
  return out;
}

}  // namespace diseasemaps::search
