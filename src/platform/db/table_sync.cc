// Replacing a table's rows by difference. See table_sync.h.
#include "platform/db/table_sync.h"

#include <algorithm>
#include <unordered_map>

#include "platform/db/bulk_insert.h"

namespace diseasemaps {
namespace {

constexpr char kSeparator = '\x1f';  // joins a row's fields into one map key

std::string Join(const SyncRow& row, std::size_t from, std::size_t to) {
  std::string joined;
  for (std::size_t i = from; i < to; ++i) {
    if (i > from) joined.push_back(kSeparator);
    joined += row[i];
  }
  return joined;
}

std::string ColumnList(const SyncTable& t) {
  std::string list;
  for (const auto* part : {&t.keys, &t.values}) {
    for (const std::string& column : *part) list += (list.empty() ? "" : ", ") + column;
  }
  return list;
}

// The scope's rows as they are now: joined keys -> joined values.
std::unordered_map<std::string, std::string> Existing(soci::session& sql, const SyncTable& t) {
  std::string select = "SELECT ";
  std::size_t n = 0;
  for (const auto* part : {&t.keys, &t.values}) {
    for (const std::string& column : *part) select += (n++ ? ", CAST(" : "CAST(") + column + " AS TEXT)";
  }
  select += " FROM " + t.table;
  std::unordered_map<std::string, std::string> rows;
  auto read = [&](soci::rowset<soci::row>& rowset) {
    for (const soci::row& r : rowset) {
      SyncRow row;
      for (std::size_t i = 0; i < n; ++i) row.push_back(r.get<std::string>(i));
      rows.emplace(Join(row, 0, t.keys.size()), Join(row, t.keys.size(), n));
    }
  };
  if (t.scope_column.empty()) {
    soci::rowset<soci::row> rowset = sql.prepare << select;
    read(rowset);
  }
  for (const std::string& scope : t.scope_values) {
    if (t.scope_column.empty()) break;
    std::string value = scope;
    soci::rowset<soci::row> rowset = (sql.prepare << select + " WHERE " + t.scope_column + " = :scope",
                                      soci::use(value));
    read(rowset);
  }
  return rows;
}

void DeleteScope(soci::session& sql, const SyncTable& t) {
  if (t.scope_column.empty()) {
    sql << "DELETE FROM " + t.table;
    return;
  }
  for (std::string value : t.scope_values) {
    sql << "DELETE FROM " + t.table + " WHERE " + t.scope_column + " = :scope", soci::use(value);
  }
}

// Deletes rows by key, one bound statement over vectors of key values.
void DeleteKeys(soci::session& sql, const SyncTable& t, const std::vector<const SyncRow*>& rows) {
  if (rows.empty()) return;
  std::vector<std::vector<std::string>> keys(t.keys.size());
  for (const SyncRow* row : rows) {
    for (std::size_t k = 0; k < t.keys.size(); ++k) keys[k].push_back((*row)[k]);
  }
  std::string query = "DELETE FROM " + t.table + " WHERE ";
  soci::statement st(sql);
  for (std::size_t k = 0; k < t.keys.size(); ++k) {
    const bool integer = std::count(t.integers.begin(), t.integers.end(), t.keys[k]) > 0;
    query += (k ? " AND " : "") + t.keys[k] + (integer ? " = CAST(:k" : " = (:k") + std::to_string(k) +
             (integer ? " AS INTEGER)" : ")");
    st.exchange(soci::use(keys[k]));
  }
  st.alloc();
  st.prepare(query);
  st.define_and_bind();
  st.execute(true);
}

void Insert(soci::session& sql, const SyncTable& t, const std::vector<const SyncRow*>& rows) {
  if (rows.empty()) return;
  const std::size_t n = t.keys.size() + t.values.size();
  std::vector<std::vector<long long>> integers(n);
  std::vector<std::vector<std::string>> texts(n);
  std::vector<BulkColumn> columns;
  std::size_t c = 0;
  for (const auto* part : {&t.keys, &t.values}) {
    for (const std::string& column : *part) {
      const bool integer = std::count(t.integers.begin(), t.integers.end(), column) > 0;
      for (const SyncRow* row : rows) {
        if (integer) {
          integers[c].push_back(std::stoll((*row)[c]));
        } else {
          texts[c].push_back((*row)[c]);
        }
      }
      columns.push_back(integer ? BulkColumn(&integers[c]) : BulkColumn(&texts[c]));
      ++c;
    }
  }
  InsertRows(sql, t.table + " (" + ColumnList(t) + ")", columns, rows.size());
}

}  // namespace

SyncCounts SyncRows(soci::session& sql, const SyncTable& t, const std::vector<SyncRow>& rows) {
  const std::unordered_map<std::string, std::string> existing = Existing(sql, t);
  const std::size_t n = t.keys.size() + t.values.size();
  SyncCounts counts;
  std::vector<const SyncRow*> to_delete, to_insert;
  std::unordered_map<std::string, bool> wanted;
  for (const SyncRow& row : rows) {
    const std::string key = Join(row, 0, t.keys.size());
    wanted.emplace(key, true);
    const auto found = existing.find(key);
    if (found == existing.end()) {
      ++counts.added;
      to_insert.push_back(&row);
    } else if (found->second != Join(row, t.keys.size(), n)) {
      ++counts.changed;
      to_delete.push_back(&row);
      to_insert.push_back(&row);
    } else {
      ++counts.unchanged;
    }
  }
  std::vector<SyncRow> gone;
  for (const auto& [key, values] : existing) {
    if (wanted.count(key)) continue;
    ++counts.removed;
    SyncRow row;
    std::size_t from = 0;
    for (std::size_t k = 0; k < t.keys.size(); ++k) {
      const std::size_t to = k + 1 < t.keys.size() ? key.find(kSeparator, from) : key.size();
      row.push_back(key.substr(from, to - from));
      from = to + 1;
    }
    gone.push_back(std::move(row));
  }
  for (const SyncRow& row : gone) to_delete.push_back(&row);

  // Past half of the scope changing, one DELETE of the scope and a bulk insert of all
  // is faster than deleting row by row (one round trip each on PostgreSQL).
  if (!to_delete.empty() && to_delete.size() * 2 > existing.size()) {
    DeleteScope(sql, t);
    std::vector<const SyncRow*> all;
    for (const SyncRow& row : rows) all.push_back(&row);
    Insert(sql, t, all);
    return counts;
  }
  DeleteKeys(sql, t, to_delete);
  Insert(sql, t, to_insert);
  return counts;
}

}  // namespace diseasemaps
