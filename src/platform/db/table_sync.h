// Making a table hold exactly a given set of rows while touching only the rows that
// differ: the rows to add are inserted (platform/db/bulk_insert.h), the ones gone or
// changed deleted first, the others left alone. So an import run twice on the same
// files writes nothing the second time and can say how much changed.
//
// Runs inside the caller's transaction (it opens none). Values travel as text and are
// compared as the database shows them as text, so a column's value must read back as
// it was written (integers in decimal, text as given). Throws what SOCI throws.
#pragma once

#include <string>
#include <vector>

#include <soci/soci.h>

namespace diseasemaps {

struct SyncTable {
  std::string table;                    // "orphanet_names"
  std::vector<std::string> keys;        // the primary key's columns
  std::vector<std::string> values;      // the other columns
  std::vector<std::string> integers;    // those of the columns above that hold integers
  // When set, only the rows whose `scope_column` is one of `scope_values` are compared
  // and replaced; the table's other rows are not touched.
  std::string scope_column;
  std::vector<std::string> scope_values;
};

struct SyncCounts {
  int added = 0, changed = 0, removed = 0, unchanged = 0;
  bool any() const { return added + changed + removed > 0; }
};

// A row: its keys then its values, as text, in the order `SyncTable` names them.
using SyncRow = std::vector<std::string>;

// Makes the table (or its scope) hold exactly `rows`.
// REQUIRES: rows unique by key; each row has keys.size() + values.size() fields, and
// in scope when a scope is set.
SyncCounts SyncRows(soci::session& sql, const SyncTable& table, const std::vector<SyncRow>& rows);

}  // namespace diseasemaps
