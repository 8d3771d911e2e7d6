// The starter catalogue: the project's own short list of conditions people look up
// most (content/catalog/starter.tsv, compiled into the binary), so that a new server
// shows real conditions before anyone imports Orphanet's full catalogue.
//
// The file is tab-separated with `#` comment lines and a header row: orphacode, name,
// type, synonyms (joined by " | "). Loading is all or nothing, in one transaction, and
// only into an empty catalogue; the Orphanet import later upgrades these rows in place.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "platform/db/database.h"
#include "platform/status.h"

namespace diseasemaps::catalog {

struct StarterEntry {
  int orphacode = 0;
  std::string name;
  std::string type;
  std::vector<std::string> synonyms;
};

// Parses the TSV. Fails on the first malformed line, naming its number and the problem.
Result<std::vector<StarterEntry>> ParseStarterCatalogue(std::string_view tsv);

// The starter catalogue compiled into this binary.
Result<std::vector<StarterEntry>> EmbeddedStarterCatalogue();

// Loads entries when the catalogue holds no condition at all. Returns how many were
// loaded (0 when the catalogue was not empty).
Result<int> LoadStarterCatalogueIfEmpty(Database& db, const std::vector<StarterEntry>& entries);

}  // namespace diseasemaps::catalog
