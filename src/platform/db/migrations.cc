#include "platform/db/migrations.h"

#include <algorithm>
#include <chrono>
#include <regex>

#include "platform/db/sql_script.h"
#include "platform/embedded_files.h"

namespace diseasemaps {
namespace {

constexpr long long kMigrationLockKey = 7101183;  // any constant shared by all nodes

const char* kCreateSchemaTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version INTEGER PRIMARY KEY,"
    " name TEXT NOT NULL,"
    " applied_at BIGINT NOT NULL)";

long long NowSeconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

void LockForMigration(Database& db, soci::session& sql) {
  if (db.backend() == Backend::kPostgresql) {
    sql << "SELECT pg_advisory_xact_lock(" << kMigrationLockKey << ")";
  }
}

bool IsApplied(soci::session& sql, int version) {
  long long count = 0;
  sql << "SELECT COUNT(*) FROM schema_migrations WHERE version = :v", soci::use(version), soci::into(count);
  return count > 0;
}

int ReadVersion(soci::session& sql) {
  long long version = 0;
  soci::indicator ind = soci::i_ok;
  sql << "SELECT MAX(version) FROM schema_migrations", soci::into(version, ind);
  return ind == soci::i_null ? 0 : static_cast<int>(version);
}

}  // namespace

Status ValidateMigrations(const std::vector<Migration>& migrations) {
  int previous = 0;
  for (const Migration& migration : migrations) {
    if (migration.version <= previous) {
      return Status::Internal("migration " + migration.name + " should be numbered after " +
                              std::to_string(previous) + ", and only once");
    }
    previous = migration.version;
  }
  return Status::Ok();
}

Result<std::vector<Migration>> EmbeddedMigrations() {
  static const std::regex kName(R"(^migrations/((\d{4})_[a-z0-9_]+)\.sql$)");
  std::vector<Migration> migrations;
  for (const auto& file : embedded::Files()) {
    std::smatch match;
    const std::string name(file.name);
    if (!std::regex_match(name, match, kName)) continue;
    migrations.push_back({std::stoi(match[2]), match[1], std::string(file.content)});
  }
  std::sort(migrations.begin(), migrations.end(),
            [](const Migration& a, const Migration& b) { return a.version < b.version; });
  if (Status s = ValidateMigrations(migrations); !s.ok()) return s;
  return migrations;
}

Result<int> SchemaVersion(Database& db) {
  return db.InTransaction([&](soci::session& sql) {
    LockForMigration(db, sql);
    sql << kCreateSchemaTable;
    return ReadVersion(sql);
  });
}

Result<MigrationOutcome> Migrate(Database& db, const std::vector<Migration>& migrations) {
  Result<int> start = SchemaVersion(db);
  if (!start.ok()) return start.status();
  const int known = migrations.empty() ? 0 : migrations.back().version;
  if (*start > known) {
    return Status::FailedPrecondition(
        "the database " + db.description() + " has schema version " +
        std::to_string(*start) + ", newer than this diseasemaps knows (" +
        std::to_string(known) + "): run a newer diseasemaps, or restore a backup");
  }
  MigrationOutcome outcome;
  outcome.from_version = *start;
  outcome.to_version = *start;
  for (const Migration& migration : migrations) {
    Result<bool> applied = db.InTransaction([&](soci::session& sql) -> Result<bool> {
      LockForMigration(db, sql);
      if (IsApplied(sql, migration.version)) return false;  // before, or by another node
      for (const std::string& statement :
           SplitSqlStatements(SqlForBackend(migration.script, db.backend()))) {
        sql << statement;
      }
      const long long applied_at = NowSeconds();
      sql << "INSERT INTO schema_migrations (version, name, applied_at) VALUES (:v, :n, :t)",
          soci::use(migration.version), soci::use(migration.name), soci::use(applied_at);
      return true;
    });
    if (!applied.ok()) {
      return Status::Internal("migration " + migration.name + " failed; the database is "
                              "left without it, at version " + std::to_string(outcome.to_version) +
                              " (see the log for the database's message)");
    }
    if (*applied) outcome.applied.push_back(migration.name);
    outcome.to_version = std::max(outcome.to_version, migration.version);
  }
  return outcome;
}

}  // namespace diseasemaps
