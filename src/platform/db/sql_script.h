// Turns a migration file into the statements one database runs.
//
// A migration is written once for both databases. A line that ends with the marker
// `--@sqlite` or `--@postgresql` is kept only for that backend (identity columns are the
// usual reason); every other line serves both. Statements end with `;`; semicolons in
// quoted strings, quoted identifiers and comments do not split.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "platform/db/database.h"

namespace diseasemaps {

// The script with the other backend's lines removed.
std::string SqlForBackend(std::string_view script, Backend backend);

// The statements of a script, trimmed, without empty ones or comment-only ones.
std::vector<std::string> SplitSqlStatements(std::string_view script);

}  // namespace diseasemaps
