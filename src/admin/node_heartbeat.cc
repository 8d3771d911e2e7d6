#include "admin/node_heartbeat.h"

#include <spdlog/spdlog.h>

namespace diseasemaps::admin {
namespace {

long long NowSeconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

NodeHeartbeat::NodeHeartbeat(Database& db, std::chrono::milliseconds interval)
    : db_(db), node_(ThisProcess(NowSeconds())), interval_(interval) {
  Beat();
  thread_ = std::thread([this] { Loop(); });
}

NodeHeartbeat::~NodeHeartbeat() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
  if (Status s = ForgetNode(db_, node_.id); !s.ok()) {
    spdlog::warn("node heartbeat: cannot delete this node's row ({})", s.message());
  }
}

void NodeHeartbeat::Beat() {
  const long long now = NowSeconds();
  const long long forget_before = now - std::chrono::duration_cast<std::chrono::seconds>(kForgetNodesAfter).count();
  Status s = RecordHeartbeat(db_, node_, now, forget_before);
  if (s.ok()) {
    if (failing_) spdlog::info("node heartbeat: the database answers again");
    failing_ = false;
  } else if (!failing_) {
    failing_ = true;
    spdlog::warn("node heartbeat: cannot write it ({}); will retry", s.message());
  }
}

void NodeHeartbeat::Loop() {
  std::unique_lock lock(mutex_);
  while (!wake_.wait_for(lock, interval_, [this] { return stopping_; })) {
    lock.unlock();
    Beat();
    lock.lock();
  }
}

}  // namespace diseasemaps::admin
