#include "platform/change_listener.h"

#include <poll.h>

#include <cerrno>
#include <chrono>
#include <memory>

#include <libpq-fe.h>
#include <spdlog/spdlog.h>

#include "platform/change_notice.h"

namespace diseasemaps {
namespace {

// How long a wait for a notice lasts before looking whether the process is stopping.
constexpr int kPollMillis = 200;
constexpr std::chrono::seconds kReconnectDelay{1};

struct ConnectionCloser {
  void operator()(PGconn* connection) const { PQfinish(connection); }
};
using Connection = std::unique_ptr<PGconn, ConnectionCloser>;

// A connection that listens, or null with `error` set.
Connection Listen(const std::string& conninfo, std::string& error) {
  Connection connection(PQconnectdb(conninfo.c_str()));
  if (!connection || PQstatus(connection.get()) != CONNECTION_OK) {
    error = connection ? PQerrorMessage(connection.get()) : "out of memory";
    return nullptr;
  }
  PGresult* result = PQexec(connection.get(), (std::string("LISTEN ") + kChangesChannel).c_str());
  const bool ok = PQresultStatus(result) == PGRES_COMMAND_OK;
  if (!ok) error = PQresultErrorMessage(result);
  PQclear(result);
  if (!ok) return nullptr;
  return connection;
}

}  // namespace

ChangeListener::ChangeListener(std::string conninfo, std::function<void(const std::string&)> on_notice,
                               std::function<void()> on_reconnect)
    : conninfo_(std::move(conninfo)), on_notice_(std::move(on_notice)), on_reconnect_(std::move(on_reconnect)) {
  thread_ = std::thread([this] { Loop(); });
}

ChangeListener::~ChangeListener() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

bool ChangeListener::Stopping() {
  std::lock_guard lock(mutex_);
  return stopping_;
}

void ChangeListener::Loop() {
  bool failing = false;
  bool listened_before = false;
  while (!Stopping()) {
    std::string error;
    Connection connection = Listen(conninfo_, error);
    if (!connection) {
      if (!failing) spdlog::warn("change notices: cannot listen ({}); will retry", error);
      failing = true;
      std::unique_lock lock(mutex_);
      wake_.wait_for(lock, kReconnectDelay, [this] { return stopping_; });
      continue;
    }
    if (failing) spdlog::info("change notices: listening again");
    failing = false;
    listening_ = true;
    if (listened_before && on_reconnect_) on_reconnect_();
    listened_before = true;
    while (!Stopping()) {
      pollfd wait{PQsocket(connection.get()), POLLIN, 0};
      if (poll(&wait, 1, kPollMillis) < 0 && errno != EINTR) break;
      if (PQconsumeInput(connection.get()) == 0) break;  // the connection dropped
      while (PGnotify* notice = PQnotifies(connection.get())) {
        std::string payload = notice->extra != nullptr ? notice->extra : "";
        PQfreemem(notice);
        on_notice_(payload);
      }
      if (PQstatus(connection.get()) != CONNECTION_OK) break;
    }
    listening_ = false;
    if (!Stopping()) {
      spdlog::warn("change notices: the connection dropped ({}); reconnecting",
                   PQerrorMessage(connection.get()));
      failing = true;
    }
  }
}

}  // namespace diseasemaps
