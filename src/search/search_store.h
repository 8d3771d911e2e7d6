// SearchStore: all of search's SQL. Reads what the index holds per condition, and the
// change log (migration 0009) that tells each server process what to refresh. Every
// method blocks (worker pool or the index updater's thread) and returns database
// failures as a Status; none throws.
#pragma once

#include <optional>
#include <vector>

#include <soci/soci.h>

#include "platform/db/database.h"
#include "platform/status.h"
#include "search/search_record.h"

namespace diseasemaps::search {

// Writers call these inside their own transaction, so that the change and its note in
// the log commit together. NoteConditionChanged: one condition's searchable text
// changed (or it became obsolete); NoteCatalogueChanged: anything may have.
void NoteConditionChanged(soci::session& sql, long long condition_id);
void NoteConditionsChanged(soci::session& sql, const std::vector<long long>& condition_ids);
void NoteCatalogueChanged(soci::session& sql);
// The condition of this answer (its published text changed).
void NoteAnswerChanged(soci::session& sql, long long answer_id);

struct SearchChange {
  long long id = 0;
  std::optional<long long> condition_id;  // nullopt: the whole catalogue
};

struct PopularCondition {
  int orphacode = 0;
  std::string slug;
  std::string name;
};

class SearchStore {
 public:
  explicit SearchStore(Database& db) : db_(db) {}

  // Every active condition with all its searchable text, ordered by id.
  Result<std::vector<SearchRecord>> LoadAll();
  // One condition; NotFound when it is gone or obsolete (it must leave the index).
  Result<SearchRecord> Load(long long condition_id);

  // Every translated label and synonym (OFFICIAL and CANDIDATE) of the HPO phenotypes
  // that conditions carry, ordered by HPO id and language (migration 0013).
  Result<std::vector<PhenotypeLabel>> LoadPhenotypeLabels();

  // The newest change's id (0 when the log is empty).
  Result<long long> LatestChange();
  // Changes after `after`, oldest first, at most `limit`.
  Result<std::vector<SearchChange>> ChangesAfter(long long after, int limit);

  // Asks every server to rebuild its index from the database (a NULL change).
  Status RequestRebuild();

  // Conditions with the most written answers, for the empty search page; then by name.
  Result<std::vector<PopularCondition>> Popular(int limit);

 private:
  Database& db_;
};

}  // namespace diseasemaps::search
