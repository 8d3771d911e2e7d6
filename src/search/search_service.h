// SearchService: answers a query with a page of conditions. Codes first ("ORPHA:1183",
// "Q87.4"), then names, synonyms and abbreviations in any of nine languages through the
// Xapian index with typo correction ("Did you mean …"), and plain-language features
// ("jerky movements and unsteady walking", "movimientos sacádicos") ranked by how many
// features a condition has and how often.
//
// Thread-safe: Search() and Suggest() run concurrently on worker threads; they read the
// current Snapshot (swapped whole by the updater) and borrow an index reader. Any text
// is accepted: it is cut to kMaxQueryBytes, normalised, and never parsed as operators.
#pragma once

#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "platform/status.h"
#include "search/search_index.h"
#include "search/normalize.h"
#include "search/snapshot.h"

namespace diseasemaps::search {

inline constexpr std::size_t kMaxQueryBytes = 200;
inline constexpr int kPageSize = 10;
inline constexpr int kMaxPage = 1000;

enum class ResultKind { kEmpty, kCode, kText, kFeatures };

struct SearchHit {
  int orphacode = 0;
  std::string name;       // in the requested language, or English when it has none there
  std::string name_lang;  // the language of `name` ("es", "en")
  std::string slug;
  std::string entry_type;
  std::string matched_synonym_html;  // the synonym that matched, highlighted, or ""
  std::string snippet_html;          // escaped text with <mark>; safe as it is
  std::vector<std::string> features;  // in feature mode: the features it has
};

struct SearchPage {
  std::string query;        // as searched (after cutting to kMaxQueryBytes)
  bool cut = false;         // the query was longer and was cut
  ResultKind kind = ResultKind::kEmpty;
  std::string did_you_mean;  // the corrected query, or ""
  std::vector<std::string> features;  // in feature mode: the features the query names
  std::vector<SearchHit> hits;
  std::size_t total = 0;
  int page = 1;
};

class SearchService {
 public:
  explicit SearchService(std::filesystem::path index_path) : readers_(std::move(index_path)) {}

  // Installs a new state of the catalogue; the index on disk must already hold it.
  void Publish(std::shared_ptr<const Snapshot> snapshot);
  std::shared_ptr<const Snapshot> snapshot() const;
  bool ready() const { return snapshot() != nullptr; }
  // When the last snapshot was published (seconds since the epoch): the index's age, as
  // the admin home and /metrics show it. 0 before the first.
  long long published_at() const;

  // page is 1-based; pages past the end come back with no hits (and the total). The query
  // may be in any of the nine languages; results are named in `lang` (English when a
  // condition has no name there), and labels in `lang` weigh a little more.
  Result<SearchPage> Search(std::string_view query, int page, Lang lang = kEnglish);
  std::vector<Suggestion> Suggest(std::string_view query, int limit = SuggestIndex::kLimit, Lang lang = kEnglish) const;

 private:
  Result<SearchPage> SearchText(const Snapshot& s, SearchPage page_out, const std::vector<WordForm>& words, Lang lang);

  IndexReaders readers_;
  mutable std::mutex snapshot_mutex_;
  std::shared_ptr<const Snapshot> snapshot_;
  long long published_at_ = 0;  // guarded by snapshot_mutex_
};

// Cuts text to at most max_bytes without splitting a UTF-8 sequence.
std::string_view CutUtf8(std::string_view text, std::size_t max_bytes);

}  // namespace diseasemaps::search
