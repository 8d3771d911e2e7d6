// SystemStatus: the facts about a running site that an administrator checks first, as
// the admin home (admin/admin_home_page.h) shows them: the database answers (and which
// backend), the read replica (reachable, lag), the outbox's backlog, the age of
// this node's search index, what this node's community map holds in memory, and the
// serve nodes seen on the database in the last minute.
//
// GatherSystemStatus() blocks on the database (a few small queries): call it off the
// I/O threads. A part that cannot be read is marked unknown; gathering never fails.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "admin/node_store.h"
#include "mail/outbox_store.h"
#include "map/map_service.h"
#include "platform/db/database.h"
#include "platform/db/replica.h"
#include "search/search_service.h"

namespace diseasemaps::admin {

// Where the facts come from: the running server's services (map may be null).
struct SystemParts {
  Database& db;
  mail::OutboxStore& outbox;
  search::SearchService& search;
  map::MapService* map = nullptr;
  std::string this_node_id;  // "" when this process keeps no heartbeat
};

struct SystemStatus {
  long long now = 0;  // when gathered, seconds since the epoch
  bool database_reachable = false;
  std::string database_backend;      // "SQLite" or "PostgreSQL"
  std::string database_description;  // the URL without a password
  // The read replica (`serve --database-replica`, platform/db/replica.h); configured false: none.
  ReplicaState replica;
  std::string replica_description;  // its URL without a password
  std::optional<mail::OutboxQueue> outbox;  // nullopt: could not be read
  long long search_published_at = 0;        // 0: the index is not ready yet
  std::size_t search_conditions = 0;        // conditions in the published snapshot
  std::optional<map::MapServiceSize> map;   // nullopt: this server keeps no map
  std::optional<std::vector<Node>> nodes;   // seen within kNodeSeenWithin; nullopt: unreadable
  std::string this_node_id;
};

SystemStatus GatherSystemStatus(const SystemParts& parts, long long now);

}  // namespace diseasemaps::admin
