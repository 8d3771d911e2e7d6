// The imports of the catalogue in several languages, from files an operator downloaded:
//
// - Orphanet's names: DIR/<lang>/ORPHAclassification_*.xml (Orphanet's nomenclature pack),
//   giving each ORPHAcode's name per language and the classification trees (which
//   specialty an entry belongs to, under which parents); with an ICD-11 mapping
//   directory (ORPHA_ICD11_mapping_<lang>.xml), synonyms per language and ICD-11 codes.
// - HPO's translations: DIR/hp-<lang>.babelon.tsv and hp-<lang>.synonyms.tsv, labels and
//   synonyms of phenotype terms per language with their review status.
//
// Every file is read and parsed before anything is written, and everything is written
// in one transaction: a malformed file (XML that is not well-formed, a TSV row short of
// fields, a missing column) fails the import with the file and line, and the database
// is left as it was. Idempotent: a second run on the same files changes no row, and its
// summary says so (added 0, updated 0, obsolete 0).
//
// Entries are kept by ORPHAcode whether or not the catalogue holds them (the starter
// catalogue has 306 conditions, the trees name about 9,500 entries, their groups
// included); a path from a specialty to a condition needs the groups' names, and a later
// Orphanet import finds its names already there. A name a file gives in English in
// another language's file (lang="en": not translated yet) is not stored as a
// translation: readers fall back to English themselves. Names of one ORPHAcode in one
// language come from the most recently extracted file that names it.
#pragma once

#include <filesystem>

#include "catalog/import/import_report.h"
#include "platform/db/database.h"
#include "platform/status.h"

namespace diseasemaps::catalog {

struct OrphanetNamesOptions {
  std::filesystem::path classifications;  // holds <lang>/ORPHAclassification_*.xml
  std::filesystem::path icd11_mapping;    // holds ORPHA_ICD11_mapping_<lang>.xml; empty: none
};

// Fails (InvalidArgument) when a directory holds none of its files, or a file is
// malformed; Unavailable or Internal when the database fails.
Result<ImportSummary> ImportOrphanetNames(Database& db, const OrphanetNamesOptions& options,
                                          ImportOutput& output);

// Fails (InvalidArgument) when the directory holds no hp-<lang>.babelon.tsv, or a file
// is malformed or names another language than its file name.
Result<ImportSummary> ImportHpoTranslations(Database& db, const std::filesystem::path& directory,
                                            ImportOutput& output);

}  // namespace diseasemaps::catalog
