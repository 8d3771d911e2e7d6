#include "admin/system_status.h"

#include "admin/node_heartbeat.h"
#include "search/snapshot.h"

namespace diseasemaps::admin {

SystemStatus GatherSystemStatus(const SystemParts& parts, long long now) {
  SystemStatus status;
  status.now = now;
  status.this_node_id = parts.this_node_id;
  status.database_backend = parts.db.backend() == Backend::kPostgresql ? "PostgreSQL" : "SQLite";
  status.database_description = parts.db.description();
  auto answer = parts.db.Run([](soci::session& sql) {
    int one = 0;
    sql << "SELECT 1", soci::into(one);
    return one;
  });
  status.database_reachable = answer.ok() && *answer == 1;
  if (const Replica* replica = parts.db.replica()) {
    status.replica = replica->state();
    status.replica_description = replica->description();
  }
  if (auto queue = parts.outbox.Queue(); queue.ok()) status.outbox = *queue;
  if (auto snapshot = parts.search.snapshot()) {
    status.search_published_at = parts.search.published_at();
    status.search_conditions = snapshot->records.size();
  }
  if (parts.map != nullptr) status.map = parts.map->Size();
  if (auto nodes = NodesSeenSince(parts.db, now - kNodeSeenWithin.count()); nodes.ok()) {
    status.nodes = std::move(*nodes);
  }
  return status;
}

}  // namespace diseasemaps::admin
