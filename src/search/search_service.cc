#include "search/search_service.h"

#include <algorithm>
#include <set>
#include <unordered_map>

#include "catalog/plain_words.h"
#include "platform/text.h"
#include "search/codes.h"
#include "search/highlight.h"
#include "search/normalize.h"

namespace diseasemaps::search {
namespace {

constexpr std::size_t kMaxWords = 16;
constexpr std::size_t kSnippetWords = 28;
constexpr std::size_t kFeatureCandidates = 300;  // text hits re-ranked, and consulted for features
constexpr double kCoverageShare = 0.6;  // of the best index weight, for a label the query covers fully

// Field weights: a word in the name says more than one in a definition.
constexpr double kNameWeight = 3.0, kSynonymWeight = 2.2, kFeatureWeight = 1.0, kDefinitionWeight = 0.5,
                 kAnswerWeight = 0.5, kExactNameWeight = 12.0, kExactSynonymWeight = 10.0, kCorrectedFactor = 0.9;

Xapian::Query Scaled(const std::string& term, double factor) {
  return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(term), factor);
}

Xapian::Query WordQuery(const std::vector<std::string>& stems, double factor) {
  std::vector<Xapian::Query> parts;
  for (const std::string& stem : stems) {
    parts.push_back(Scaled(kNamePrefix + stem, kNameWeight * factor));
    parts.push_back(Scaled(kSynonymPrefix + stem, kSynonymWeight * factor));
    parts.push_back(Scaled(kFeaturePrefix + stem, kFeatureWeight * factor));
    parts.push_back(Scaled(kDefinitionPrefix + stem, kDefinitionWeight * factor));
    parts.push_back(Scaled(kAnswerPrefix + stem, kAnswerWeight * factor));
    factor *= kCorrectedFactor;
  }
  return Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
}

std::string Join(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

// How much of a condition's best label (name or synonym) the query accounts for: the
// share of the label's distinctive words that are query words. "Marfan syndrome"
// answers "marfan" better than "Marfan syndrome type 1" does.
double LabelCoverage(const Snapshot& s, long long id, const std::set<std::string>& stems) {
  auto it = s.label_stems.find(id);
  if (it == s.label_stems.end()) return 0;
  double best = 0;
  for (const std::vector<std::string>& label : it->second) {
    if (label.empty()) continue;
    std::size_t hits = 0;
    for (const std::string& stem : label) hits += stems.count(stem);
    best = std::max(best, static_cast<double>(hits) / static_cast<double>(label.size()));
  }
  return best;
}

bool Covers(const std::string& text, const std::set<std::string>& stems) {
  return !stems.empty() && CountStems(text, stems) == stems.size();
}

SearchHit HitFor(const SearchRecord& r, const std::set<std::string>& stems) {
  SearchHit hit{r.orphacode, r.name, r.slug, r.entry_type, "", "", {}};
  const std::size_t in_name = CountStems(r.name, stems);
  if (in_name < stems.size()) {
    const std::string* best = nullptr;
    std::size_t best_count = in_name;
    for (const std::string& s : r.synonyms) {
      const std::size_t n = CountStems(s, stems);
      if (n > best_count || (best && n == best_count && n > 0 && s.size() < best->size())) {
        best = &s;
        best_count = n;
      }
    }
    if (best) hit.matched_synonym_html = Highlight(*best, stems, 40);
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
  std::lock_guard lock(snapshot_mutex_);
  snapshot_ = std::move(snapshot);
}

std::shared_ptr<const Snapshot> SearchService::snapshot() const {
  std::lock_guard lock(snapshot_mutex_);
  return snapshot_;
}

std::vector<Suggestion> SearchService::Suggest(std::string_view query, int limit) const {
  auto s = snapshot();
  if (!s) return {};
  return s->suggest.Suggest(CutUtf8(query, kMaxQueryBytes), limit);
}

Result<SearchPage> SearchService::Search(std::string_view raw, int page) {
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
      SearchHit hit = HitFor(*found[i], {});
      hit.matched_synonym_html = EscapeMarkup(DisplayCode(key));
      out.hits.push_back(std::move(hit));
    }
    return out;
  }

  std::vector<std::string> words;
  for (std::string& w : Words(out.query)) {
    if (!IsStopword(w) && words.size() < kMaxWords) words.push_back(std::move(w));
  }
  if (words.empty()) return out;  // kEmpty: the page explains how to search
  return SearchText(*s, std::move(out), words);
}

Result<SearchPage> SearchService::SearchText(const Snapshot& s, SearchPage out, const std::vector<std::string>& words) {
  // Typos: an unknown word also searches as its nearest known word.
  std::vector<std::string> corrected = words;
  bool any_correction = false;
  std::vector<Xapian::Query> per_word;
  std::set<std::string> stems;
  for (std::size_t i = 0; i < words.size(); ++i) {
    std::vector<std::string> variants = {Stem(words[i])};
    if (auto fix = s.vocabulary.Correct(words[i])) {
      corrected[i] = *fix;
      any_correction = true;
      variants.push_back(Stem(*fix));
    }
    for (const std::string& v : variants) stems.insert(v);
    per_word.push_back(WordQuery(variants, 1.0));
  }
  std::set<std::string> wanted;  // the stems a result should cover: corrected where corrected
  for (const std::string& w : corrected) wanted.insert(Stem(w));
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
      named = Covers(r->name, wanted) ||
              std::any_of(r->synonyms.begin(), r->synonyms.end(), [&](const std::string& syn) { return Covers(syn, wanted); });
    }
  }
  if (!named) {
    const std::vector<std::string> wanted_list(wanted.begin(), wanted.end());
    FeatureMatch match = s.features.Match(wanted_list);
    if (!match.hpo_ids.empty() && match.covered.size() * 2 >= wanted.size()) {
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
        SearchHit hit = HitFor(*r, wanted);
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
    const double scale = top->hits.front().weight * kCoverageShare;
    for (IndexHit& h : top->hits) {
      h.weight += scale * LabelCoverage(s, h.condition_id, wanted);
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
    if (const SearchRecord* r = s.Find(h.condition_id)) out.hits.push_back(HitFor(*r, wanted));
  }
  return out;
}

}  // namespace diseasemaps::search
