// CatalogueWriter: every SQL statement of the catalogue import, written once for SQLite
// and PostgreSQL. Parameterised only; no statement text is built from data.
//
// Each method is one transaction: it either happens whole or not at all, and a failure
// comes back as a Status (the database's own words in the message). Every transaction
// that changes what visitors see also bumps the content generation, so running servers
// drop their page caches (platform/content_generation.h). Methods block; the
// import runs them from its own thread. Not thread-safe: one writer per import.
#pragma once

#include <string>
#include <vector>

#include "catalog/import/hpo_lay_parser.h"
#include "catalog/import/orphapacket_parser.h"
#include "platform/db/database.h"
#include "platform/status.h"

namespace diseasemaps::catalog {

// A condition already in the database, as the import needs to know it.
struct ExistingCondition {
  long long id = 0;
  int orphacode = 0;
  std::string slug;
  std::string source;  // "orphanet" or "starter"
  std::string status;  // "active" or "obsolete"
};

// One packet to write, with the slug the importer chose for it.
struct ConditionWrite {
  const OrphaPacket* packet = nullptr;
  std::string slug;
  long long existing_id = 0;  // 0: a new condition
};

struct ParentLink {
  int child_orphacode = 0;
  int parent_orphacode = 0;
  std::string parent_label;
};

struct XrefRow {
  long long condition_id = 0;
  std::string system;
  std::string code;
  std::string relation;
};

// How a replace-all changed the set of owners (conditions, or HPO ids).
struct ReplaceCounts {
  int added = 0;    // owners that had no rows before
  int updated = 0;  // owners that had rows before and have rows now
  int removed = 0;  // owners that had rows before and have none now
};

// One row of catalogue_imports.
struct ImportRecord {
  std::string kind;          // "orphanet", "mondo", "hpo-lay"
  std::string data_version;  // "" is stored as NULL
  long long started_at = 0;  // Unix seconds
  long long finished_at = 0;
  int added = 0, updated = 0, obsoleted = 0, skipped = 0;
};

class CatalogueWriter {
 public:
  explicit CatalogueWriter(Database& db) : db_(db) {}

  // Every condition in the database, whatever its source and status.
  Result<std::vector<ExistingCondition>> LoadConditions();

  // Writes one batch: inserts the new conditions, updates the existing ones (their
  // source becomes 'orphanet'; an obsolete one becomes active again) and replaces
  // their Orphanet detail rows: synonyms, phenotypes, prevalences, onsets,
  // inheritance, genes and cross-references of origin 'orphanet' (MONDO's stay).
  // Returns the ids of the batch's conditions, in batch order.
  // REQUIRES: slugs unique among the batch and unused by other conditions.
  Result<std::vector<long long>> WriteOrphanetBatch(const std::vector<ConditionWrite>& batch,
                                                    long long now);

  // Replaces every parent link that has one of `orphacodes` on either side by `links`.
  // REQUIRES: links free of duplicates.
  Status ReplaceParentLinks(const std::vector<int>& orphacodes, const std::vector<ParentLink>& links);

  // Marks these conditions obsolete as of `now` (their rows stay).
  Status MarkObsolete(const std::vector<long long>& ids, long long now);

  // Replaces all cross-references of origin 'mondo' by `rows`.
  // REQUIRES: rows unique by (condition_id, system, code).
  Result<ReplaceCounts> ReplaceMondoXrefs(const std::vector<XrefRow>& rows);

  // Replaces all plain-language phenotype labels. REQUIRES: labels unique by hpo_id.
  Result<ReplaceCounts> ReplaceHpoLayLabels(const std::vector<HpoLayLabel>& labels);

  Status RecordImport(const ImportRecord& record);

 private:
  Database& db_;
};

}  // namespace diseasemaps::catalog
