// Backups of a live database and their restore into an empty one.
//
// SQLite: SQLite's online backup API copies every page inside one read transaction, so
// the copy is the database as it was at one moment, even while a server writes to it (in
// WAL mode writers carry on while the copy is taken). The backup is itself an SQLite
// file. PostgreSQL: pg_dump in its custom format (a consistent snapshot, taken while the
// site serves), restored by pg_restore in one transaction.
//
// Guarantees: a backup file appears under its final name only when complete (written as
// FILE.partial, then renamed); a restore refuses a database that already holds tables,
// and a failed restore leaves the target as empty as it found it. Thread-safe: no state;
// these block for as long as the copy takes, so commands call them, not servers.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "platform/status.h"

namespace diseasemaps::backup {

// What a backup wrote.
struct BackupReport {
  std::uintmax_t bytes = 0;  // the backup file's size
};

// Copies the database at `database_url` (an SQLite path or a postgresql:// URL) into
// `to`, replacing a file already there only once the new copy is complete.
// Unavailable when the database or pg_dump cannot be reached; Internal on a failed copy.
Result<BackupReport> Backup(const std::string& database_url, const std::filesystem::path& to);

// Restores a backup made by Backup() for the same kind of database into the empty
// database at `database_url` (an SQLite file that does not exist or holds no table; a
// PostgreSQL database with no table in its public schema). FailedPrecondition when the
// target is not empty; NotFound when `from` does not exist; InvalidArgument when it is
// not a backup of that kind.
Status Restore(const std::string& database_url, const std::filesystem::path& from);

}  // namespace diseasemaps::backup
