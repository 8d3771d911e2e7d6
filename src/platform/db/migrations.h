// Numbered schema migrations, applied in order, each in one transaction.
//
// The migrations are the files migrations/NNNN_name.sql, compiled into the binary. The
// table schema_migrations records each applied version. Migrate() applies every
// migration not recorded there, in version order, so numbers reserved by a branch
// developed in parallel may arrive later than higher ones and are still applied; a database already at a version newer than this binary knows is refused
// (an older binary must not write to a newer schema). Several processes may migrate one
// PostgreSQL database at once: an advisory lock lets one do the work.
#pragma once

#include <string>
#include <vector>

#include "platform/db/database.h"
#include "platform/status.h"

namespace diseasemaps {

struct Migration {
  int version = 0;
  std::string name;    // "0001_conditions"
  std::string script;  // for both backends; see sql_script.h
};

// The migrations compiled into this binary, in version order. Fails when two share a
// version (a build error, caught by the unit tests). Gaps are allowed: parallel
// branches reserve their numbers.
Result<std::vector<Migration>> EmbeddedMigrations();

// Checks that migration numbers start at 1 or above and strictly increase.
Status ValidateMigrations(const std::vector<Migration>& migrations);

struct MigrationOutcome {
  int from_version = 0;
  int to_version = 0;
  std::vector<std::string> applied;  // names, in order
};

// Applies every migration the database has not recorded, in order.
Result<MigrationOutcome> Migrate(Database& db, const std::vector<Migration>& migrations);

// The highest version recorded in the database (0 for a new database).
Result<int> SchemaVersion(Database& db);

}  // namespace diseasemaps
