#include "admin/node_store.h"

#include <unistd.h>

#include <climits>

#include "platform/db/row_text.h"

namespace diseasemaps::admin {

Node ThisProcess(long long started_at) {
  char host[HOST_NAME_MAX + 1] = {};
  if (gethostname(host, sizeof host - 1) != 0) host[0] = '\0';
  Node node;
  node.hostname = host[0] != '\0' ? host : "unknown";
  node.pid = static_cast<long long>(getpid());
  node.version = DISEASEMAPS_VERSION;
  node.started_at = started_at;
  node.seen_at = started_at;
  node.id = node.hostname + ":" + std::to_string(node.pid) + ":" + std::to_string(started_at);
  return node;
}

Status RecordHeartbeat(Database& db, const Node& node, long long now, long long forget_before) {
  return db.InTransaction([&](soci::session& sql) {
    // ON CONFLICT ... DO UPDATE: SQLite 3.24 and later, and PostgreSQL, alike.
    sql << "INSERT INTO nodes (id, hostname, pid, version, started_at, seen_at)"
           " VALUES (:id, :hostname, :pid, :version, :started_at, :seen_at)"
           " ON CONFLICT (id) DO UPDATE SET seen_at = excluded.seen_at",
        soci::use(node.id, "id"), soci::use(node.hostname, "hostname"), soci::use(node.pid, "pid"),
        soci::use(node.version, "version"), soci::use(node.started_at, "started_at"), soci::use(now, "seen_at");
    sql << "DELETE FROM nodes WHERE seen_at < :before", soci::use(forget_before, "before");
    return Status::Ok();
  });
}

Status ForgetNode(Database& db, const std::string& id) {
  return db.RunOnPrimary([&](soci::session& sql) {
    sql << "DELETE FROM nodes WHERE id = :id", soci::use(id, "id");
    return Status::Ok();
  });
}

Result<std::vector<Node>> NodesSeenSince(Database& db, long long since) {
  return db.Run([&](soci::session& sql) {
    std::vector<Node> nodes;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT id, hostname, pid, version, started_at, seen_at FROM nodes"
                        " WHERE seen_at >= :since ORDER BY started_at DESC, id",
         soci::use(since, "since"));
    for (const soci::row& row : rows) {
      Node node;
      node.id = RowText(row, 0);
      node.hostname = RowText(row, 1);
      node.pid = RowInteger(row, 2);
      node.version = RowText(row, 3);
      node.started_at = RowInteger(row, 4);
      node.seen_at = RowInteger(row, 5);
      nodes.push_back(std::move(node));
    }
    return nodes;
  });
}

}  // namespace diseasemaps::admin
