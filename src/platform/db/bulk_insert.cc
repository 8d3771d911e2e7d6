#include "platform/db/bulk_insert.h"

#include <algorithm>
#include <type_traits>

namespace diseasemaps {
namespace {

// Runs `query` once with the values `st` was given through exchange().
void Execute(soci::statement& st, const std::string& query) {
  st.alloc();
  st.prepare(query);
  st.define_and_bind();
  st.execute(true);
}

// SQLite runs in this process: one prepared statement executed per row over SOCI's
// vector binds is the fastest way there (multi-row statements took seven times longer).
void InsertRowByRow(soci::session& sql, const std::string& table_and_columns,
                    const std::vector<BulkColumn>& columns, std::size_t rows) {
  std::string query = "INSERT INTO " + table_and_columns + " VALUES (";
  // SOCI binds vectors by reference and may resize them: copies of the first `rows`.
  std::vector<std::vector<long long>> longs;
  std::vector<std::vector<int>> ints;
  std::vector<std::vector<std::string>> texts;
  std::vector<std::vector<soci::indicator>> nulls;
  longs.reserve(columns.size());
  ints.reserve(columns.size());
  texts.reserve(columns.size());
  nulls.reserve(columns.size());
  soci::statement st(sql);
  for (std::size_t c = 0; c < columns.size(); ++c) {
    query += c == 0 ? ":c" : ", :c";
    query += std::to_string(c);
    std::visit(
        [&](const auto& column) {
          using Column = std::decay_t<decltype(column)>;
          if constexpr (std::is_same_v<Column, NullableText>) {
            texts.emplace_back(column.values->begin(), column.values->begin() + rows);
            nulls.emplace_back(column.indicators->begin(), column.indicators->begin() + rows);
            st.exchange(soci::use(texts.back(), nulls.back()));
          } else if constexpr (std::is_same_v<Column, const std::vector<long long>*>) {
            longs.emplace_back(column->begin(), column->begin() + rows);
            st.exchange(soci::use(longs.back()));
          } else if constexpr (std::is_same_v<Column, const std::vector<int>*>) {
            ints.emplace_back(column->begin(), column->begin() + rows);
            st.exchange(soci::use(ints.back()));
          } else {
            texts.emplace_back(column->begin(), column->begin() + rows);
            st.exchange(soci::use(texts.back()));
          }
        },
        columns[c]);
  }
  query += ")";
  Execute(st, query);
}

// PostgreSQL is a round trip away: multi-row statements of up to kBulkParameters values.
void InsertInChunks(soci::session& sql, const std::string& table_and_columns,
                    const std::vector<BulkColumn>& columns, std::size_t rows) {
  const std::size_t per_statement = std::max<std::size_t>(1, kBulkParameters / columns.size());
  for (std::size_t first = 0; first < rows; first += per_statement) {
    const std::size_t count = std::min(per_statement, rows - first);
    std::string query = "INSERT INTO " + table_and_columns + " VALUES ";
    // Values are bound by position (SOCI's lookup by name is linear in the number of
    // parameters). SOCI binds indicators by reference: copies that live as long as the
    // statement, in a vector that never reallocates.
    std::vector<soci::indicator> indicators;
    indicators.reserve(count * columns.size());
    soci::statement st(sql);
    for (std::size_t r = 0; r < count; ++r) {
      query += r == 0 ? "(" : ", (";
      for (std::size_t c = 0; c < columns.size(); ++c) {
        query += c == 0 ? ":p" : ", :p";
        query += std::to_string(r * columns.size() + c);
        const std::size_t row = first + r;
        std::visit(
            [&](const auto& column) {
              using Column = std::decay_t<decltype(column)>;
              if constexpr (std::is_same_v<Column, NullableText>) {
                indicators.push_back((*column.indicators)[row]);
                st.exchange(soci::use((*column.values)[row], indicators.back()));
              } else {
                st.exchange(soci::use((*column)[row]));
              }
            },
            columns[c]);
      }
      query += ")";
    }
    Execute(st, query);
  }
}

}  // namespace

void InsertRows(soci::session& sql, const std::string& table_and_columns,
                const std::vector<BulkColumn>& columns, std::size_t rows) {
  if (rows == 0 || columns.empty()) return;
  if (sql.get_backend_name() == "postgresql") {
    InsertInChunks(sql, table_and_columns, columns, rows);
  } else {
    InsertRowByRow(sql, table_and_columns, columns, rows);
  }
}

}  // namespace diseasemaps
