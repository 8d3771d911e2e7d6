// SearchIndex: the Xapian index on disk, derived from the database. One document per
// active condition (document id = conditions.id) holding stemmed words per field, the
// exact normalised name and synonyms, and every code key (codes.h). Names and synonyms
// in the other languages join the name and synonym fields, each word stemmed in its
// own language (stemming.h); a query meets them by asking for its words' stems in all.
//
// Thread safety: one writer (the updater's thread, or `reindex`) at a time; Search() may
// be called from any number of threads at once (each borrows its own reader, reopened
// after every commit). Xapian exceptions stop here and come back as a Status.
#pragma once

#include <atomic>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <xapian.h>

#include "platform/status.h"
#include "search/search_record.h"

namespace diseasemaps::search {

// Bump when what a document holds changes: an index of another version is rebuilt.
inline constexpr int kIndexSchemaVersion = 6;  // 6: our plain sign labels and phrases

// Term prefixes, one per field, and the boolean terms.
inline constexpr const char* kNamePrefix = "N";
inline constexpr const char* kSynonymPrefix = "S";
inline constexpr const char* kDefinitionPrefix = "D";
inline constexpr const char* kFeaturePrefix = "P";
inline constexpr const char* kAnswerPrefix = "A";
inline constexpr const char* kExactNamePrefix = "XN";
inline constexpr const char* kExactSynonymPrefix = "XS";
inline constexpr const char* kCodePrefix = "XC";

Xapian::Document MakeDocument(const SearchRecord& record);

// The writable side. Open() creates a missing index, and recreates one that is corrupt
// or of another schema version (saying so in `why_rebuilt`, empty otherwise).
class IndexWriter {
 public:
  static Result<std::unique_ptr<IndexWriter>> Open(const std::filesystem::path& path, std::string* why_rebuilt);

  // The change-log id this index includes (0 for a new index).
  long long applied_change() const { return applied_change_; }
  Xapian::doccount documents() const;

  Status Replace(const SearchRecord& record);
  Status Remove(long long condition_id);
  Status RemoveAllExcept(const std::vector<long long>& keep);
  // Makes everything since the last commit visible to readers, recording the change id.
  Status Commit(long long applied_change);

 private:
  explicit IndexWriter(Xapian::WritableDatabase db) : db_(std::move(db)) {}
  Xapian::WritableDatabase db_;
  long long applied_change_ = 0;
};

struct IndexHit {
  long long condition_id = 0;
  double weight = 0;
};

struct IndexResults {
  std::vector<IndexHit> hits;
  std::size_t estimated_total = 0;
};

// The reading side: a pool of readers, reopened when the writer commits.
class IndexReaders {
 public:
  explicit IndexReaders(std::filesystem::path path) : path_(std::move(path)) {}
  // Tells readers to reopen before their next search.
  void Refresh() { generation_.fetch_add(1); }
  Result<IndexResults> Search(const Xapian::Query& query, std::size_t offset, std::size_t limit);
  // How many documents hold this term (0 when the index cannot be read).
  Xapian::doccount TermFrequency(const std::string& term);

 private:
  struct Reader {
    Xapian::Database db;
    unsigned long generation;
  };
  std::unique_ptr<Reader> Borrow();
  void Return(std::unique_ptr<Reader> reader);

  std::filesystem::path path_;
  std::atomic<unsigned long> generation_{0};
  std::mutex mutex_;
  std::vector<std::unique_ptr<Reader>> free_;
};

}  // namespace diseasemaps::search
