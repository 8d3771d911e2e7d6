// Backup and Restore for SQLite, through SQLite's online backup API (see backup.h).
#include <sqlite3.h>

#include <memory>

#include "backup/backup_internal.h"

namespace diseasemaps::backup {
namespace {

struct Closer {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using Connection = std::unique_ptr<sqlite3, Closer>;

Result<Connection> OpenFile(const std::filesystem::path& path, int flags) {
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  Connection db(raw);
  if (rc != SQLITE_OK) {
    return Status::Unavailable("cannot open " + path.string() + ": " +
                               (raw != nullptr ? sqlite3_errmsg(raw) : sqlite3_errstr(rc)));
  }
  sqlite3_busy_timeout(db.get(), 10000);
  return db;
}

// Copies every page of `from` into `to` in one step: one read transaction on `from`, so
// the copy is of one moment.
Status CopyAll(sqlite3* from, sqlite3* to, const std::string& what) {
  sqlite3_backup* copy = sqlite3_backup_init(to, "main", from, "main");
  if (copy == nullptr) return Status::Internal(what + ": " + sqlite3_errmsg(to));
  const int step = sqlite3_backup_step(copy, -1);
  const int finish = sqlite3_backup_finish(copy);
  if (step != SQLITE_DONE || finish != SQLITE_OK) {
    return Status::Internal(what + ": " + std::string(sqlite3_errstr(step != SQLITE_DONE ? step : finish)));
  }
  return Status::Ok();
}

Result<long long> CountTables(sqlite3* db) {
  sqlite3_stmt* statement = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT COUNT(*) FROM sqlite_schema WHERE type = 'table'", -1, &statement,
                         nullptr) != SQLITE_OK) {
    return Status::InvalidArgument(sqlite3_errmsg(db));
  }
  long long count = -1;
  if (sqlite3_step(statement) == SQLITE_ROW) count = sqlite3_column_int64(statement, 0);
  const std::string error = sqlite3_errmsg(db);
  sqlite3_finalize(statement);
  if (count < 0) return Status::InvalidArgument(error);
  return count;
}

}  // namespace

Status SqliteBackup(const std::filesystem::path& database, const std::filesystem::path& partial) {
  if (!std::filesystem::exists(database)) return Status::NotFound("there is no SQLite database at " + database.string());
  auto from = OpenFile(database, SQLITE_OPEN_READONLY);
  if (!from.ok()) return from.status();
  auto to = OpenFile(partial, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  if (!to.ok()) return to.status();
  return CopyAll(from->get(), to->get(), "the backup of " + database.string() + " failed");
}

Status SqliteRestore(const std::filesystem::path& database, const std::filesystem::path& from_file) {
  auto from = OpenFile(from_file, SQLITE_OPEN_READONLY);
  if (!from.ok()) return from.status();
  auto tables = CountTables(from->get());
  if (!tables.ok() || *tables == 0) {
    return Status::InvalidArgument(from_file.string() + " is not an SQLite backup of a DiseaseMaps database");
  }
  if (database.has_parent_path()) std::filesystem::create_directories(database.parent_path());
  auto to = OpenFile(database, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  if (!to.ok()) return to.status();
  auto present = CountTables(to->get());
  if (!present.ok()) return Status::FailedPrecondition(database.string() + " is not an SQLite database");
  if (*present > 0) {
    return Status::FailedPrecondition("restore needs an empty database; " + database.string() + " already holds " +
                                      std::to_string(*present) + " tables");
  }
  return CopyAll(from->get(), to->get(), "the restore into " + database.string() + " failed");
}

}  // namespace diseasemaps::backup
