// The catalogue imports: Orphanet's ORPHApackets, MONDO's cross-references and HPO's
// plain-language phenotype labels, from files an operator downloaded into the database.
//
// Every import is idempotent: run twice on the same files, the second run changes
// nothing but timestamps, and never duplicates a row. A malformed input (a packet that
// is not JSON or lacks its ORPHAcode, a short line in a TSV) is listed in the summary's
// skipped_inputs with its name and why, and the import goes on with the rest; the
// caller turns a non-empty list into a non-zero exit code. A failure that stops the
// whole import (no packets in the directory, the database gone) is a Status.
//
// Orphanet: packets are read and parsed on a second thread while the calling thread
// writes them in batches, one transaction per batch. A condition imported before from
// Orphanet but absent from the directory is marked obsolete (never deleted); one that
// comes back is active again. Conditions of the starter catalogue (source 'starter')
// are taken over in place, matched by ORPHAcode. Slugs are made from names; when two
// names give the same slug, the later ORPHAcode gets "<slug>-<orphacode>"; a
// condition keeps its slug across imports while its name gives the same one.
#pragma once

#include <cstddef>
#include <filesystem>

#include "catalog/import/import_report.h"
#include "platform/db/database.h"
#include "platform/status.h"

namespace diseasemaps::catalog {

struct OrphanetImportOptions {
  std::filesystem::path directory;  // holds ORPHApacket_<code>.json files
  std::size_t batch_size = 500;     // conditions per transaction
};

// Imports every ORPHApacket_*.json in the directory. Fails when the directory does not
// exist or holds no packet, or when the database fails (batches already written stay).
Result<ImportSummary> ImportOrphanet(Database& db, const OrphanetImportOptions& options,
                                     ImportOutput& output);

// Replaces every cross-reference of origin 'mondo' with those of the *.sssom.tsv files
// in the directory, reaching conditions through the MONDO-to-Orphanet exact matches.
// Conditions named by the mappings but not in the catalogue are counted in `skipped`
// (not listed: that is normal when the catalogue is partial). Fails when the directory
// holds no SSSOM file or no MONDO-to-Orphanet mapping.
Result<ImportSummary> ImportMondo(Database& db, const std::filesystem::path& directory,
                                  ImportOutput& output);

// Replaces the plain-language phenotype labels with those of layperson-synonyms.tsv.
// Fails when the file cannot be read or has no recognisable header.
Result<ImportSummary> ImportHpoLay(Database& db, const std::filesystem::path& file,
                                   ImportOutput& output);

}  // namespace diseasemaps::catalog
