// Numbered schema migrations, applied in order, each in one transaction.
//
// The migrations are the files migrations/NNNN_name.sql, compiled into the binary. The
// table schema_migrations records each applied version. Migrate() applies what is
// missing; a database already at a version newer than this binary knows is refused
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
// version or a number is skipped (a build error, caught by the unit tests).
Result<std::vector<Migration>> EmbeddedMigrations();

// Checks that migrations are numbered 1, 2, 3 … with no gap or repeat.
Status ValidateMigrations(const std::vector<Migration>& migrations);

struct MigrationOutcome {
  int from_version = 0;
  int to_version = 0;
  std::vector<std::string> applied;  // names, in order
};

// Applies every migration newer than the database's version.
Result<MigrationOutcome> Migrate(Database& db, const std::vector<Migration>& migrations);

// The highest version recorded in the database (0 for a new database).
Result<int> SchemaVersion(Database& db);

}  // namespace diseasemaps
