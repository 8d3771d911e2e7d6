// NodeHeartbeat: keeps this serve process's row in `nodes` (admin/node_store.h) fresh,
// so the admin home shows which servers run on the database. It writes the row when
// built, then every `interval` on its own thread, and deletes it when destroyed (a
// clean stop); a process killed outright leaves a row that stops being "seen" after a
// minute and is deleted by another node a day later. A database that does not answer
// is logged once and retried, never fatal. Thread-safe.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "admin/node_store.h"
#include "platform/db/database.h"

namespace diseasemaps::admin {

inline constexpr std::chrono::seconds kHeartbeatInterval{15};
// The admin home lists the nodes seen within this; four heartbeats may be missed.
inline constexpr std::chrono::seconds kNodeSeenWithin{60};
// A row not seen for this long is deleted.
inline constexpr std::chrono::hours kForgetNodesAfter{24};

class NodeHeartbeat {
 public:
  NodeHeartbeat(Database& db, std::chrono::milliseconds interval = kHeartbeatInterval);
  ~NodeHeartbeat();  // stops the thread, then deletes this node's row
  NodeHeartbeat(const NodeHeartbeat&) = delete;
  NodeHeartbeat& operator=(const NodeHeartbeat&) = delete;

  const Node& node() const { return node_; }

 private:
  void Beat();
  void Loop();

  Database& db_;
  const Node node_;
  const std::chrono::milliseconds interval_;
  bool failing_ = false;  // only the heartbeat's thread touches it after construction
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;  // guarded by mutex_
  std::thread thread_;
};

}  // namespace diseasemaps::admin
