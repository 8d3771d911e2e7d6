#include "platform/db/prepared.h"

#include <mutex>
#include <shared_mutex>
#include <unordered_map>

#include <soci/sqlite3/soci-sqlite3.h>

namespace diseasemaps {
namespace {

using QueriesOfSession = std::unordered_map<std::type_index, std::unique_ptr<PreparedQuery>>;

// The sessions that keep queries. The map changes only when a Database opens or closes;
// each session's own queries are touched only by the thread leasing it.
struct Registry {
  std::shared_mutex mutex;
  std::unordered_map<soci::session*, std::unique_ptr<QueriesOfSession>> sessions;
};

Registry& TheRegistry() {
  static Registry* registry = new Registry();  // never destroyed: pools may close at exit
  return *registry;
}

}  // namespace

namespace prepared_detail {

PreparedQuery* Kept(soci::session& sql, std::type_index type, std::unique_ptr<PreparedQuery> (*make)(soci::session&)) {
  QueriesOfSession* queries = nullptr;
  {
    Registry& registry = TheRegistry();
    std::shared_lock lock(registry.mutex);
    auto it = registry.sessions.find(&sql);
    if (it == registry.sessions.end()) return nullptr;
    queries = it->second.get();
  }
  auto found = queries->find(type);
  if (found == queries->end()) found = queries->emplace(type, make(sql)).first;
  return found->second.get();
}

void Finish(soci::statement& statement) noexcept {
  // Kept queries live on SQLite sessions only (KeepPreparedQueriesOn); SOCI hides its
  // backends' type information, so the cast is static.
  auto* sqlite = static_cast<soci::sqlite3_statement_backend*>(statement.get_backend());
  if (sqlite != nullptr && sqlite->stmt_ != nullptr) sqlite_api::sqlite3_reset(sqlite->stmt_);
}

}  // namespace prepared_detail

void KeepPreparedQueriesOn(soci::session& sql) {
  Registry& registry = TheRegistry();
  std::unique_lock lock(registry.mutex);
  registry.sessions.try_emplace(&sql, std::make_unique<QueriesOfSession>());
}

void DropPreparedQueriesOf(soci::session& sql) {
  std::unique_ptr<QueriesOfSession> dropped;
  {
    Registry& registry = TheRegistry();
    std::unique_lock lock(registry.mutex);
    auto it = registry.sessions.find(&sql);
    if (it == registry.sessions.end()) return;
    dropped = std::move(it->second);
    registry.sessions.erase(it);
  }
  // Freed outside the lock: finalizing statements takes SQLite's own locks.
}

}  // namespace diseasemaps
