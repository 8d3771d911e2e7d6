// The two backends of backup.h, each in its own file. Internal to src/backup/.
#pragma once

#include <filesystem>
#include <string>

#include "platform/status.h"

namespace diseasemaps::backup {

// Copies the SQLite database into `partial` (which does not exist yet).
Status SqliteBackup(const std::filesystem::path& database, const std::filesystem::path& partial);
Status SqliteRestore(const std::filesystem::path& database, const std::filesystem::path& from);

// pg_dump / pg_restore on the database at the postgresql:// URL.
Status PostgresBackup(const std::string& url, const std::filesystem::path& partial);
Status PostgresRestore(const std::string& url, const std::filesystem::path& from);

}  // namespace diseasemaps::backup
