-- The serve processes on this database: each writes its row when it starts and again
-- every 15 seconds (admin/node_heartbeat.h), and deletes it when it stops cleanly. The
-- admin home lists the nodes seen in the last minute; a row not seen for a day is
-- deleted by the next heartbeat of any node.
-- id: "<hostname>:<pid>:<started_at>", unique per process even when a pid comes back.
CREATE TABLE nodes (
  id TEXT NOT NULL PRIMARY KEY,
  hostname TEXT NOT NULL,
  pid BIGINT NOT NULL,
  version TEXT NOT NULL,
  started_at BIGINT NOT NULL,
  seen_at BIGINT NOT NULL
);
CREATE INDEX nodes_seen ON nodes (seen_at);
