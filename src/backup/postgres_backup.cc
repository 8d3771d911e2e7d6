// Backup and Restore for PostgreSQL, through pg_dump and pg_restore (see backup.h). The
// password travels in the tools' environment (PGPASSWORD), never on their command line,
// where any local user could read it.
#include <regex>

#include "backup/backup_internal.h"
#include "platform/db/database.h"
#include "platform/process.h"

namespace diseasemaps::backup {
namespace {

struct Connection {
  std::string conninfo;  // libpq's key=value form, without the password
  std::map<std::string, std::string> environment;
};

// libpq's quoting of a value: 'it\'s' -> it's.
std::string Unquoted(const std::string& quoted) {
  std::string out;
  for (size_t i = 1; i + 1 < quoted.size(); ++i) {
    if (quoted[i] == '\\' && i + 2 < quoted.size()) ++i;
    out.push_back(quoted[i]);
  }
  return out;
}

Result<Connection> ConnectionOf(const std::string& url) {
  auto conninfo = PostgresConninfo(url);
  if (!conninfo.ok()) return conninfo.status();
  static const std::regex kPassword(R"(\s*password=('(?:[^'\\]|\\.)*'))");
  Connection connection;
  std::smatch found;
  if (std::regex_search(*conninfo, found, kPassword)) {
    connection.environment["PGPASSWORD"] = Unquoted(found[1]);
  }
  connection.conninfo = std::regex_replace(*conninfo, kPassword, "");
  return connection;
}

// The tool's exit and its last words, as one message.
Status Outcome(const Result<ProgramResult>& run, const std::string& tool) {
  if (!run.ok()) return Status::Unavailable(run.status().message() + " (Debian: apt-get install postgresql-client)");
  if (run->exit_code == 0) return Status::Ok();
  std::string said = run->output;
  if (said.size() > 2000) said = "…" + said.substr(said.size() - 2000);
  return Status::Internal(tool + " failed (exit " + std::to_string(run->exit_code) + "): " + said);
}

}  // namespace

Status PostgresBackup(const std::string& url, const std::filesystem::path& partial) {
  auto connection = ConnectionOf(url);
  if (!connection.ok()) return connection.status();
  auto run = RunProgram({"pg_dump", "--format=custom", "--no-owner", "--file=" + partial.string(),
                         "--dbname=" + connection->conninfo},
                        connection->environment);
  return Outcome(run, "pg_dump");
}

Status PostgresRestore(const std::string& url, const std::filesystem::path& from) {
  auto connection = ConnectionOf(url);
  if (!connection.ok()) return connection.status();
  auto listed = RunProgram({"pg_restore", "--list", from.string()});
  if (!listed.ok()) return Outcome(listed, "pg_restore");
  if (listed->exit_code != 0) {
    return Status::InvalidArgument(from.string() + " is not a PostgreSQL backup made by diseasemaps backup");
  }
  auto tables = RunProgram({"psql", "--no-psqlrc", "--tuples-only", "--no-align", "--dbname=" + connection->conninfo,
                            "--command=SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'"},
                           connection->environment);
  if (Status s = Outcome(tables, "psql"); !s.ok()) return Status::Unavailable(s.message());
  const std::string count = tables->output.substr(0, tables->output.find_first_of("\r\n"));
  if (count != "0") {
    return Status::FailedPrecondition("restore needs an empty database; it already holds " + count + " tables");
  }
  auto run = RunProgram({"pg_restore", "--single-transaction", "--exit-on-error", "--no-owner",
                         "--dbname=" + connection->conninfo, from.string()},
                        connection->environment);
  return Outcome(run, "pg_restore");
}

}  // namespace diseasemaps::backup
