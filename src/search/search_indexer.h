// SearchIndexer: keeps this process's search index and snapshot true to the database.
//
// Open() takes the index directory (creating it; rebuilding one that is missing, of an
// older schema version or corrupt, with a log line; never failing the server for it).
// When another process holds that directory, it uses a private one beside it, removed
// at exit. Start() loads the catalogue, brings the index up to date and publishes the
// first snapshot. Watch() then polls the change log (search_changes) on its own thread
// (and looks at once when woken by a change notice, platform/change_notice.h):
// a few changed conditions are re-read and replaced; a whole-catalogue change, or many,
// rebuilds from the database. Every `serve` process does this for itself, so several
// servers on one PostgreSQL database each keep their own index current.
#pragma once

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <memory>
#include <mutex>
#include <thread>

#include "platform/db/database.h"
#include "platform/status.h"
#include "search/search_index.h"
#include "search/search_service.h"
#include "search/search_store.h"

namespace diseasemaps::search {

// The default index directory for a database: beside an SQLite file
// ("var/diseasemaps.db" -> "var/diseasemaps.db.search"), or
// "var/search-index/<host>-<port>-<name>" for PostgreSQL.
std::filesystem::path DefaultIndexPath(const std::string& database_url);

struct RebuildReport {
  std::size_t conditions = 0;
  double seconds = 0;
};

class SearchIndexer {
 public:
  static Result<std::unique_ptr<SearchIndexer>> Open(Database& db, const std::filesystem::path& path,
                                                     bool allow_private_copy);
  ~SearchIndexer();

  Status Start();
  // Applies the changes logged since the index's last one. Called by Watch()'s thread.
  Status CatchUp();
  // Rebuilds the whole index from the database.
  Result<RebuildReport> Rebuild();
  void Watch(std::chrono::milliseconds interval);
  // Makes Watch()'s thread catch up now instead of at its next interval (the change
  // listener calls it on a "search" notice from another node). Any thread.
  void Wake();

  SearchService& service() { return *service_; }
  const std::filesystem::path& path() const { return path_; }

 private:
  SearchIndexer(Database& db, std::filesystem::path path, std::unique_ptr<IndexWriter> writer, bool private_copy);
  Status Apply(const std::vector<long long>& ids, long long upto);
  void Loop(std::chrono::milliseconds interval);

  SearchStore store_;
  std::filesystem::path path_;
  std::unique_ptr<IndexWriter> writer_;
  bool private_copy_;
  std::unique_ptr<SearchService> service_;
  RecordMap records_;
  std::vector<PhenotypeLabel> phenotype_labels_;  // changed only with a whole-catalogue change
  std::mutex write_mutex_;  // one writer: Start, CatchUp and Rebuild take turns

  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  bool woken_ = false;
  std::thread thread_;
};

}  // namespace diseasemaps::search
