#include "backup/backup.h"

#include <system_error>

#include "backup/backup_internal.h"
#include "platform/db/database.h"

namespace diseasemaps::backup {

Result<BackupReport> Backup(const std::string& database_url, const std::filesystem::path& to) {
  namespace fs = std::filesystem;
  if (to.empty()) return Status::InvalidArgument("say where the backup goes: --to FILE");
  if (to.has_parent_path() && !fs::is_directory(to.parent_path())) {
    return Status::NotFound("there is no folder " + to.parent_path().string() + " for the backup");
  }
  const fs::path partial = to.string() + ".partial";
  std::error_code ignored;
  fs::remove(partial, ignored);
  const Status copied = BackendOf(database_url) == Backend::kSqlite
                            ? SqliteBackup(SqlitePath(database_url), partial)
                            : PostgresBackup(database_url, partial);
  if (!copied.ok()) {
    fs::remove(partial, ignored);
    return copied;
  }
  std::error_code error;
  fs::rename(partial, to, error);
  if (error) return Status::Internal("cannot move the backup to " + to.string() + ": " + error.message());
  BackupReport report;
  report.bytes = fs::file_size(to, error);
  return report;
}

Status Restore(const std::string& database_url, const std::filesystem::path& from) {
  if (!std::filesystem::is_regular_file(from)) return Status::NotFound("there is no backup file " + from.string());
  return BackendOf(database_url) == Backend::kSqlite ? SqliteRestore(SqlitePath(database_url), from)
                                                     : PostgresRestore(database_url, from);
}

}  // namespace diseasemaps::backup
