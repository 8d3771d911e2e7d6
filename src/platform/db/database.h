// Database: the pool of connections to SQLite or PostgreSQL, and the one way features
// reach it.
//
// Thread-safe. Every call blocks, so it belongs on the worker pool, never on an I/O
// thread. Run() and InTransaction() lease a connection for the duration of the callback,
// catch every SOCI exception and return it as a Status, so no database exception leaves
// this module. SQLite connections run in WAL mode with synchronous=FULL (an acknowledged
// write survives a power cut), foreign_keys=ON and a busy timeout.
//
// With a read replica attached (UseReplica, platform/db/replica.h), Run() inside a
// ReplicaReadScope (platform/db/replica_scope.h) runs on the standby when it may be read,
// and runs again on the primary if it fails there; InTransaction() and RunOnPrimary()
// always use the primary.
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <type_traits>

#include <soci/soci.h>
#include <spdlog/spdlog.h>

#include "platform/status.h"

namespace diseasemaps {

enum class Backend { kSqlite, kPostgresql };

class Replica;

// What Run() and InTransaction() return for a callback returning R: R itself when R is
// a Status or a Result, else Result<R>.
template <typename R>
struct DbOutcome { using type = Result<R>; };
template <typename T>
struct DbOutcome<Result<T>> { using type = Result<T>; };
template <>
struct DbOutcome<Status> { using type = Status; };
template <typename Fn>
using DbOutcomeOf = typename DbOutcome<std::invoke_result_t<Fn, soci::session&>>::type;

struct DatabaseOptions {
  // "postgresql://user@host:port/name" or a path to an SQLite file ("sqlite:" prefix
  // optional). The parent directory of an SQLite file is created when missing.
  std::string url = "var/diseasemaps.db";
  int pool_size = 8;
  std::chrono::milliseconds acquire_timeout{5000};
};

class Database {
 public:
  // Opens pool_size connections. Fails with a message an operator can act on.
  static Result<std::unique_ptr<Database>> Open(const DatabaseOptions& options);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  Backend backend() const { return backend_; }
  // The URL without any password, for logs and messages.
  const std::string& description() const { return description_; }
  int pool_size() const { return pool_size_; }
  int connections_in_use() const { return in_use_.load(); }

  // Runs fn(session) on a leased connection. Returns fn's value, or Unavailable when no
  // connection frees up within acquire_timeout, or Internal when the database fails. A
  // PostgreSQL connection found dropped after a failure is reconnected for the next
  // caller; the failed work itself is not retried on the same server. Inside a
  // ReplicaReadScope, fn may run on the replica first (so fn must only read, and be
  // safe to run twice: on the replica, then on the primary when the replica failed).
  template <typename Fn>
  auto Run(Fn&& fn) -> DbOutcomeOf<Fn>;

  // Run() on the primary even inside a ReplicaReadScope: reads that must be exact
  // (limits) and writes made outside a transaction.
  template <typename Fn>
  auto RunOnPrimary(Fn&& fn) -> DbOutcomeOf<Fn>;

  // Attaches the read replica (owned by the caller, outliving this Database). Call before
  // the server starts.
  void UseReplica(Replica* replica) { replica_ = replica; }
  Replica* replica() const { return replica_; }

  // A database URL without any password, for logs and messages.
  static std::string Describe(const std::string& url);

  // Like Run, inside one transaction: committed when fn returns a Status or Result that
  // is ok (or any other value), rolled back when it returns a failure or throws. On
  // SQLite the transaction takes the write lock at once (BEGIN IMMEDIATE), so two
  // writers never deadlock on a lock upgrade.
  template <typename Fn>
  auto InTransaction(Fn&& fn) -> DbOutcomeOf<Fn>;

 private:
  Database(Backend backend, std::string description, int pool_size,
           std::chrono::milliseconds acquire_timeout);

  class Lease;
  // How RunHere went: kFailed when no connection was free or fn threw; kReconnected when
  // fn threw because the connection had dropped, and it works again now.
  enum class Trouble { kNone, kFailed, kReconnected };
  // Runs fn here; tells how it went in *trouble when given.
  template <typename Fn>
  auto RunHere(Fn& fn, Trouble* trouble) -> DbOutcomeOf<Fn>;
  // The replica's pool when this thread's read may go there now, else null.
  Database* ReplicaForThisRead() const;
  void ReplicaRead(bool failed) const;
  Result<std::size_t> Acquire();
  void Release(std::size_t position);
  soci::session& At(std::size_t position) { return pool_.at(position); }
  void Begin(soci::session& sql);
  void Commit(soci::session& sql);
  void Rollback(soci::session& sql) noexcept;
  // Logs e (unless the server was already known to be down: one line says so, not one
  // per request) and returns the Status callers see.
  Status Failure(const std::exception& e, bool known_down = false) const;
  // When a PostgreSQL connection has dropped, reconnects it. True when it was dropped
  // and now works again; false when it never dropped or cannot be reconnected. The
  // first failure to reconnect is logged, and marks the server down until a connection
  // works again (then logged too).
  bool Revive(soci::session& sql) noexcept;

  template <typename T>
  static bool Succeeded(const T& value) {
    if constexpr (std::is_same_v<T, Status>) return value.ok();
    else if constexpr (requires { value.ok(); value.status(); }) return value.ok();
    else return true;
  }

  Backend backend_;
  std::string description_;
  int pool_size_;
  std::chrono::milliseconds acquire_timeout_;
  soci::connection_pool pool_;
  std::atomic<int> in_use_{0};
  std::atomic<bool> unreachable_{false};  // a reconnect failed, and none has worked since
  Replica* replica_ = nullptr;
};

class Database::Lease {
 public:
  Lease(Database& db, std::size_t position) : db_(db), position_(position) {}
  ~Lease() { db_.Release(position_); }
  Lease(const Lease&) = delete;
  Lease& operator=(const Lease&) = delete;
  soci::session& session() { return db_.At(position_); }

 private:
  Database& db_;
  std::size_t position_;
};

template <typename Fn>
auto Database::RunHere(Fn& fn, Trouble* trouble) -> DbOutcomeOf<Fn> {
  auto position = Acquire();
  if (!position.ok()) {
    if (trouble != nullptr) *trouble = Trouble::kFailed;
    return position.status();
  }
  Lease lease(*this, *position);
  try {
    return fn(lease.session());
  } catch (const std::exception& e) {
    // Never retried here (the work may have half happened); a dropped connection is
    // reconnected so that the next caller finds it working.
    const bool known_down = unreachable_.load(std::memory_order_relaxed);
    const bool reconnected = Revive(lease.session());
    if (trouble != nullptr) *trouble = reconnected ? Trouble::kReconnected : Trouble::kFailed;
    return Failure(e, known_down);
  }
}

template <typename Fn>
auto Database::Run(Fn&& fn) -> DbOutcomeOf<Fn> {
  if (replica_ != nullptr) {
    if (Database* standby = ReplicaForThisRead()) {
      // Reads only: safe to try again on a connection that dropped (a standby restarted).
      Trouble trouble = Trouble::kNone;
      for (int attempt = 0; attempt < 2; ++attempt) {
        trouble = Trouble::kNone;
        auto value = standby->RunHere(fn, &trouble);
        if (trouble == Trouble::kNone) {
          ReplicaRead(false);
          return value;
        }
        if (trouble != Trouble::kReconnected) break;
      }
      ReplicaRead(true);
    }
  }
  return RunHere(fn, nullptr);
}

template <typename Fn>
auto Database::RunOnPrimary(Fn&& fn) -> DbOutcomeOf<Fn> {
  return RunHere(fn, nullptr);
}

template <typename Fn>
auto Database::InTransaction(Fn&& fn) -> DbOutcomeOf<Fn> {
  auto position = Acquire();
  if (!position.ok()) return position.status();
  Lease lease(*this, *position);
  soci::session& sql = lease.session();
  try {
    Begin(sql);
  } catch (const std::exception& e) {
    const bool known_down = unreachable_.load(std::memory_order_relaxed);
    if (!Revive(sql)) return Failure(e, known_down);
    try {
      Begin(sql);
    } catch (const std::exception& again) {
      return Failure(again);
    }
  }
  try {
    auto value = fn(sql);
    if (Succeeded(value)) {
      Commit(sql);
    } else {
      Rollback(sql);
    }
    return value;
  } catch (const std::exception& e) {
    Rollback(sql);
    Revive(sql);  // so the next caller gets a working connection
    return Failure(e);
  }
}

// Parses a --database value into its backend. Exposed for tests.
Backend BackendOf(const std::string& url);

// The file of an SQLite --database value ("sqlite:var/x.db" or "var/x.db" -> "var/x.db").
std::string SqlitePath(const std::string& url);

// postgresql://user:password@host:port/name?sslmode=require -> libpq's key=value form
// (host='host' port='port' dbname='name' user='user' password='password' sslmode='require').
Result<std::string> PostgresConninfo(const std::string& url);

}  // namespace diseasemaps
