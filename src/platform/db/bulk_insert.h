// Inserting many rows fast on SQLite and PostgreSQL alike. SOCI's vector binds run one
// statement per row: right for SQLite, in this process, but one network round trip per
// row on PostgreSQL (the full Orphanet import spent 26 s of its 31 s there). So on
// PostgreSQL this sends multi-row INSERT … VALUES (…), (…) statements of up to
// kBulkParameters bound values, and on SQLite one prepared statement over vector binds.
// Values are always bound, never spliced into the SQL.
#pragma once

#include <cstddef>
#include <string>
#include <variant>
#include <vector>

#include <soci/soci.h>

namespace diseasemaps {

// Bound values per statement: under SQLite's and PostgreSQL's limits (32,766 and 65,535).
inline constexpr std::size_t kBulkParameters = 2000;

// One column's values, row by row; for a nullable text column, values and indicators.
struct NullableText {
  const std::vector<std::string>* values;
  const std::vector<soci::indicator>* indicators;
};
using BulkColumn = std::variant<const std::vector<long long>*, const std::vector<int>*,
                                const std::vector<std::string>*, NullableText>;

// Inserts rows [0, rows) into `table_and_columns` ("t (a, b, c)"), one BulkColumn per
// named column, in as few statements as the parameter limit allows. REQUIRES: every
// column holds at least `rows` values. Throws what SOCI throws, like any statement.
void InsertRows(soci::session& sql, const std::string& table_and_columns,
                const std::vector<BulkColumn>& columns, std::size_t rows);

}  // namespace diseasemaps
