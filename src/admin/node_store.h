// The `nodes` table: one row per running `serve` process on this database, written by
// its heartbeat (admin/node_heartbeat.h) and read by the admin home. All its SQL is here.
// Thread-safe (each call leases its own connection); every call blocks on the database.
#pragma once

#include <string>
#include <vector>

#include "platform/db/database.h"
#include "platform/status.h"

namespace diseasemaps::admin {

// A serve process as the heartbeat records it.
struct Node {
  std::string id;  // "<hostname>:<pid>:<started_at>"
  std::string hostname;
  long long pid = 0;
  std::string version;
  long long started_at = 0;  // seconds since the epoch
  long long seen_at = 0;     // its latest heartbeat
};

// This process: its host name, pid, the binary's version, and started_at as given.
Node ThisProcess(long long started_at);

// Writes node's row with seen_at = now (inserting it the first time), and deletes the
// rows of nodes not seen since `forget_before`. Internal or Unavailable on a database
// failure.
Status RecordHeartbeat(Database& db, const Node& node, long long now, long long forget_before);

// Deletes the node's row (a clean stop). Ok when there was none.
Status ForgetNode(Database& db, const std::string& id);

// The nodes seen at or after `since`, most recently started first. Empty when none.
Result<std::vector<Node>> NodesSeenSince(Database& db, long long since);

}  // namespace diseasemaps::admin
