// LocalizedNamesStore: the catalogue in other languages, as pages and search read it:
// Orphanet's names and synonyms per language, HPO's translated phenotype labels with
// their review status, and Orphanet's classification trees (specialties, their
// branches, a condition's paths). All its SQL is here; the imports that fill these
// tables are in catalog/import/names_importer.h (migration 0013).
//
// Thread-safe (the database is); every method blocks, so call it from the worker pool.
// Database failures come back as a Status. Languages are ISO 639-1 codes ("es").
//
// Names fall back: the requested language, else Orphanet's English name, else the
// catalogue's own name. Every name says which language it is in, so a page can mark an
// English name inside a Spanish page (lang="en"). Synonyms are never mixed: only those
// in the requested language (the catalogue's English synonyms stay with ConditionStore).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "platform/db/database.h"
#include "platform/status.h"

namespace diseasemaps::catalog {

// An Orphanet entry's name as shown in one language.
struct LocalizedName {
  int orphacode = 0;
  std::string name;
  std::string language;  // the name's own language: the one asked for, or "en"
};

struct ConditionNames {
  LocalizedName name;
  std::vector<std::string> synonyms;  // in the language asked for, in Orphanet's order
};

struct HpoLabel {
  std::string hpo_id;   // "HP:0001250"
  std::string label;    // "Convulsión"
  std::string status;   // "OFFICIAL" (reviewed) or "CANDIDATE" (not yet reviewed)
  struct Synonym {
    std::string text, status;
    bool layperson = false;
  };
  std::vector<Synonym> synonyms;  // in the same language, in the file's order
};

// One specialty (an Orphanet classification) for a browse page.
struct Specialty {
  int id = 0;              // Orphanet's classification id: 181
  LocalizedName root;      // its top entry: "Rare neurological disease"
  std::string title;       // "Orphanet classification of rare neurological diseases"; "" when none
  int entries = 0;         // distinct entries below the top one
};

// One branch under an entry of a tree, with how many entries lie below it.
struct Branch {
  LocalizedName entry;
  int entries = 0;
};

// A condition's place in one specialty: every path from the top entry down to it
// (the first step is the top entry, the last the condition itself).
struct SpecialtyPaths {
  int specialty_id = 0;
  std::vector<std::vector<LocalizedName>> paths;  // at most kMaxPathsPerSpecialty, shortest first
};

struct Icd11Code {
  std::string code;      // "8A44.2"
  std::string relation;  // Orphanet's mapping relation, in English
};

inline constexpr std::size_t kMaxPathsPerSpecialty = 12;

class LocalizedNamesStore {
 public:
  explicit LocalizedNamesStore(Database& db) : db_(db) {}

  // The entry's name in `language` (with fallback) and its synonyms in that language.
  // NotFound when no language names this ORPHAcode and the catalogue lacks it.
  Result<ConditionNames> NamesOf(int orphacode, const std::string& language);

  // The names of several entries (a page's related conditions) in `language`, with the
  // same fallback as NamesOf, by ORPHAcode. Codes nothing names are left out.
  Result<std::map<int, LocalizedName>> NamesOfMany(const std::vector<int>& orphacodes,
                                                   const std::string& language);

  // Every active condition of the catalogue, by ORPHAcode, named as NamesOf does (for
  // indexing). Entries the catalogue lacks are not listed.
  Result<std::vector<ConditionNames>> AllConditionNames(const std::string& language);

  // The HPO term's label in `language` with its status and synonyms. NotFound when the
  // term has no label in that language (show the English one).
  Result<HpoLabel> HpoLabelOf(const std::string& hpo_id, const std::string& language);

  // The translated labels of a condition's phenotypes (those translated only), by HPO id.
  Result<std::vector<HpoLabel>> HpoLabelsOfCondition(int orphacode, const std::string& language);

  // Every translated label of a language, by HPO id, without synonyms (for indexing).
  Result<std::vector<HpoLabel>> AllHpoLabels(const std::string& language);

  // Every specialty, named in `language`, ordered by name.
  Result<std::vector<Specialty>> Specialties(const std::string& language);

  // The entries directly under `parent` in a specialty, ordered by name; empty when
  // none (or no such specialty or entry).
  Result<std::vector<Branch>> Branches(int specialty_id, int parent_orphacode, const std::string& language);

  // The specialties the entry appears in, ordered by id, each with its paths; empty
  // when it appears in none.
  Result<std::vector<SpecialtyPaths>> SpecialtiesOf(int orphacode, const std::string& language);

  // Orphanet's ICD-11 codes for the entry, by code; empty when none.
  Result<std::vector<Icd11Code>> Icd11CodesOf(int orphacode);

 private:
  Database& db_;
};

}  // namespace diseasemaps::catalog
