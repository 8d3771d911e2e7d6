// NamesWriter: every SQL statement of the imports of the catalogue in several languages
// (Orphanet's names, synonyms, ICD-11 codes and classification trees; HPO's translated
// labels and synonyms), written once for SQLite and PostgreSQL (tables: migration 0013).
//
// Each Write… is one transaction that makes the tables hold exactly what it is given
// (within the languages it is given), changing only the rows that differ
// (platform/db/table_sync.h): it happens whole or not at all, a second call with the
// same data writes nothing, and it says per table what changed. When anything changed
// it bumps the content generation, so servers drop their cached pages. Blocks; not
// thread-safe: one writer per import.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "catalog/import/hpo_translation_parser.h"
#include "platform/db/database.h"
#include "platform/db/table_sync.h"
#include "platform/status.h"

namespace diseasemaps::catalog {

struct OrphanetNameRow {
  int orphacode = 0;
  std::string language, name, disorder_type;
};

struct OrphanetSynonymRow {
  int orphacode = 0;
  std::string language;
  int position = 0;  // order within (orphacode, language)
  std::string synonym;
};

struct Icd11CodeRow {
  int orphacode = 0;
  std::string code, relation;
};

struct ClassificationRow {
  int id = 0;
  int root_orphacode = 0;
  std::string data_version;
};

struct ClassificationTitle {
  int classification_id = 0;
  std::string language, title;
};

struct ClassificationNodeRow {
  int classification_id = 0, orphacode = 0, descendants = 0;
};

struct ClassificationEdgeRow {
  int classification_id = 0, parent_orphacode = 0, child_orphacode = 0;
};

// What `import orphanet-names` writes. The names and titles of `languages` are
// replaced; the trees replace all trees. With `mapping`, the synonyms of its languages
// and all ICD-11 codes are replaced too; without it they stay as they are.
struct OrphanetNamesWrite {
  std::vector<std::string> languages;
  std::vector<OrphanetNameRow> names;
  std::vector<ClassificationRow> classifications;
  std::vector<ClassificationTitle> titles;
  std::vector<ClassificationNodeRow> nodes;
  std::vector<ClassificationEdgeRow> edges;
  struct Mapping {
    std::vector<std::string> languages;
    std::vector<OrphanetSynonymRow> synonyms;
    std::vector<Icd11CodeRow> codes;
  };
  std::optional<Mapping> mapping;
};

// What `import hpo-translations` writes: the labels and synonyms of `languages`.
struct HpoTranslationsWrite {
  std::vector<std::string> languages;
  std::vector<HpoTranslatedLabel> labels;      // unique by (hpo_id, language)
  std::vector<HpoTranslatedSynonym> synonyms;  // unique by (hpo_id, language, synonym)
};

// What one table's replacement changed: "names", {added, changed, removed, unchanged}.
struct TableChange {
  std::string what;
  SyncCounts counts;
};

class NamesWriter {
 public:
  explicit NamesWriter(Database& db) : db_(db) {}

  // REQUIRES: rows unique by their table's key; every row's language among those given.
  Result<std::vector<TableChange>> WriteOrphanetNames(const OrphanetNamesWrite& write);
  Result<std::vector<TableChange>> WriteHpoTranslations(const HpoTranslationsWrite& write);

 private:
  Database& db_;
};

}  // namespace diseasemaps::catalog
