#include "platform/db/database.h"

#include <cctype>
#include <filesystem>
#include <regex>

#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include "platform/db/prepared.h"
#include "platform/db/replica.h"
#include "platform/db/replica_scope.h"

namespace diseasemaps {
namespace {

constexpr std::string_view kSqlitePrefix = "sqlite:";

bool StartsWith(const std::string& s, std::string_view prefix) {
  return s.rfind(prefix, 0) == 0;
}

std::string WithoutPassword(const std::string& url) {
  static const std::regex kPassword(R"(^(postgres(?:ql)?://[^:/@]*):[^@]*@)");
  static const std::regex kPasswordParameter(R"(([?&]password=)[^&]*)", std::regex::icase);
  return std::regex_replace(std::regex_replace(url, kPassword, "$1:***@"), kPasswordParameter,
                            "$1***");
}

// libpq's key=value quoting: values in single quotes, with \ and ' escaped.
std::string ConninfoValue(const std::string& value) {
  std::string out = "'";
  for (char c : value) {
    if (c == '\\' || c == '\'') out.push_back('\\');
    out.push_back(c);
  }
  return out + "'";
}

std::string PercentDecoded(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out.push_back(static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16)));
      i += 2;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

// Two process-wide SQLite settings, which must come before SQLite initializes (its first
// open); asked later they change nothing, harmlessly.
// - Allocation statistics off: SQLite keeps them under one process-wide mutex, and every
//   statement allocates, so the pool's connections would queue on that one lock. Nothing
//   here reads them.
// - Multi-thread mode: without it each connection locks its own mutex on every call,
//   reading each column of each row among them (perf: ~6% of a topic page). A connection
//   here is only ever used by the one thread that leased it from the pool (or, outside
//   the server, by the one thread of a command), which is what that mode asks.
void ConfigureSqlite() {
  static const int configured = [] {
    const int threads = sqlite_api::sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
    const int statistics = sqlite_api::sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    return threads == SQLITE_OK ? statistics : threads;
  }();
  (void)configured;
}

}  // namespace

Result<std::string> PostgresConninfo(const std::string& url) {
  static const std::regex kUrl(
      R"(^postgres(?:ql)?://(?:([^:@/]*)(?::([^@/]*))?@)?(\[[^\]]+\]|[^:/?]*)(?::(\d+))?(?:/([^?]*))?(?:\?(.*))?$)");
  std::smatch m;
  if (!std::regex_match(url, m, kUrl)) {
    std::string message = WithoutPassword(url);
    message.append(" is not a PostgreSQL URL such as postgresql://user@localhost:5432/diseasemaps");
    return Status::InvalidArgument(message);
  }
  std::string conninfo;
  auto add = [&](const char* key, const std::string& value) {
    if (value.empty()) return;
    if (!conninfo.empty()) conninfo += ' ';
    conninfo += key;
    conninfo += '=';
    conninfo += ConninfoValue(value);
  };
  std::string host = m[3];
  if (host.size() > 2 && host.front() == '[') host = host.substr(1, host.size() - 2);
  add("host", PercentDecoded(host));
  add("port", m[4]);
  add("dbname", PercentDecoded(m[5]));
  add("user", PercentDecoded(m[1]));
  add("password", PercentDecoded(m[2]));
  std::string query = m[6];
  while (!query.empty()) {
    const std::size_t amp = query.find('&');
    const std::string pair = query.substr(0, amp);
    query = amp == std::string::npos ? "" : query.substr(amp + 1);
    const std::size_t eq = pair.find('=');
    if (eq == std::string::npos || eq == 0) continue;
    const std::string key = PercentDecoded(pair.substr(0, eq));
    add(key.c_str(), PercentDecoded(pair.substr(eq + 1)));
  }
  return conninfo;
}

std::string SqlitePath(const std::string& url) {
  return StartsWith(url, kSqlitePrefix) ? url.substr(kSqlitePrefix.size()) : url;
}

Backend BackendOf(const std::string& url) {
  return StartsWith(url, "postgresql://") || StartsWith(url, "postgres://")
             ? Backend::kPostgresql
             : Backend::kSqlite;
}

std::string Database::Describe(const std::string& url) { return WithoutPassword(url); }

Database* Database::ReplicaForThisRead() const {
  const auto scope = ReplicaReadScope::Current();
  return scope ? replica_->ForRead(*scope) : nullptr;
}

void Database::ReplicaRead(bool failed) const {
  if (failed) {
    replica_->ReadFailed();
  } else {
    replica_->ReadServed();
  }
}

Database::Database(Backend backend, std::string description, int pool_size,
                   std::chrono::milliseconds acquire_timeout)
    : backend_(backend),
      description_(std::move(description)),
      pool_size_(pool_size),
      acquire_timeout_(acquire_timeout),
      pool_(static_cast<std::size_t>(pool_size)) {}

Database::~Database() {
  if (backend_ != Backend::kSqlite) return;
  for (int i = 0; i < pool_size_; ++i) DropPreparedQueriesOf(pool_.at(static_cast<std::size_t>(i)));
}

Result<std::unique_ptr<Database>> Database::Open(const DatabaseOptions& options) {
  if (options.pool_size < 1) {
    return Status::InvalidArgument("the database pool needs at least one connection");
  }
  const Backend backend = BackendOf(options.url);
  std::string description = WithoutPassword(options.url);
  std::unique_ptr<Database> db(
      new Database(backend, description, options.pool_size, options.acquire_timeout));
  try {
    if (backend == Backend::kSqlite) {
      const std::filesystem::path path = SqlitePath(options.url);
      if (path.empty()) return Status::InvalidArgument("the SQLite database path is empty");
      if (path.has_parent_path()) {
        std::error_code ec;
        std::filesystem::create_directories(path.parent_path(), ec);
        if (ec) {
          return Status::Unavailable("cannot create the directory " +
                                     path.parent_path().string() + ": " + ec.message());
        }
      }
      ConfigureSqlite();
      for (int i = 0; i < options.pool_size; ++i) {
        soci::session& sql = db->pool_.at(static_cast<std::size_t>(i));
        sql.open(soci::sqlite3, "db=" + path.string() + " timeout=10 shared_cache=false");
        sql << "PRAGMA journal_mode=WAL";
        sql << "PRAGMA synchronous=FULL";
        sql << "PRAGMA foreign_keys=ON";
        sql << "PRAGMA busy_timeout=10000";
        KeepPreparedQueriesOn(sql);
      }
    } else {
      auto conninfo = PostgresConninfo(options.url);
      if (!conninfo.ok()) return conninfo.status();
      for (int i = 0; i < options.pool_size; ++i) {
        db->pool_.at(static_cast<std::size_t>(i)).open(soci::postgresql, *conninfo);
      }
    }
  } catch (const std::exception& e) {
    std::string why = e.what();
    while (!why.empty() && (why.back() == '\n' || why.back() == ' ')) why.pop_back();
    return Status::Unavailable("cannot open the database " + description + ": " + why);
  }
  return db;
}

Result<std::size_t> Database::Acquire() {
  std::size_t position = 0;
  if (!pool_.try_lease(position, static_cast<int>(acquire_timeout_.count()))) {
    return Status::Unavailable("the database is busy: no connection became free in " +
                               std::to_string(acquire_timeout_.count()) + " ms");
  }
  in_use_.fetch_add(1);
  return position;
}

void Database::Release(std::size_t position) {
  in_use_.fetch_sub(1);
  pool_.give_back(position);
}

void Database::Begin(soci::session& sql) {
  if (backend_ == Backend::kSqlite) {
    sql << "BEGIN IMMEDIATE";
  } else {
    sql << "BEGIN";
  }
}

void Database::Commit(soci::session& sql) { sql << "COMMIT"; }

void Database::Rollback(soci::session& sql) noexcept {
  try {
    sql << "ROLLBACK";
  } catch (const std::exception& e) {
    spdlog::warn("database: rollback failed: {}", e.what());
  }
}

bool Database::Revive(soci::session& sql) noexcept {
  if (backend_ != Backend::kPostgresql) return false;
  try {
    int one = 0;
    sql << "SELECT 1", soci::into(one);
    return false;  // the connection works: the failure was something else
  } catch (const std::exception&) {
  }
  try {
    sql.reconnect();
    if (unreachable_.exchange(false)) {
      spdlog::warn("database ({}): reachable again", description_);
    } else {
      spdlog::warn("database ({}): a dropped connection was reconnected", description_);
    }
    return true;
  } catch (const std::exception& e) {
    if (!unreachable_.exchange(true)) {
      spdlog::error("database ({}): cannot reconnect: {} (further failures are not logged until it answers)",
                    description_, e.what());
    }
    return false;
  }
}

Status Database::Failure(const std::exception& e, bool known_down) const {
  if (!known_down) spdlog::error("database ({}): {}", description_, e.what());
  return Status::Internal("the database failed");
}

}  // namespace diseasemaps
