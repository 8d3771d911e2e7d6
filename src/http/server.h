// Server: the listener and the connections. Reads HTTP/1.1 requests with Boost.Beast,
// hands each to the Dispatcher, writes the answer, and enforces every limit.
//
// Limits: header bytes (431), body bytes (413), malformed bytes (400, then close), an
// idle keep-alive timeout, a timeout for a request's header and body once it has begun,
// a write timeout, and a cap on open connections. Every response carries the security
// headers. One access-log line per request (method, path, status, bytes, microseconds).
//
// Lifecycle: Bind(), then Run() on the calling thread until Stop() (or SIGTERM/SIGINT
// when installed): the listener closes, idle connections close, requests in flight are
// finished within the grace period, then Run() returns. Further signals while it drains
// are ignored.
#pragma once

#include <utility>  // before asio: Boost 1.74 needs it

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <spdlog/logger.h>

#include "http/client_address.h"
#include "http/dispatcher.h"
#include "platform/metrics.h"
#include "platform/status.h"

namespace diseasemaps::http {

struct ServerOptions {
  std::string address = "127.0.0.1";
  unsigned short port = 8080;
  int io_threads = 2;
  std::size_t body_limit = 1024 * 1024;
  std::size_t header_limit = 16 * 1024;
  std::chrono::milliseconds header_timeout{10000};
  std::chrono::milliseconds idle_timeout{60000};
  std::chrono::milliseconds write_timeout{30000};
  std::chrono::milliseconds shutdown_grace{10000};
  // After SIGTERM, how long to go on serving (with draining() true, so /healthz answers
  // 503 and a load balancer takes the node out) before the listener closes.
  std::chrono::milliseconds drain_delay{0};
  std::size_t max_connections = 10000;
  bool access_log = true;
  TrustedProxies trusted_proxies;  // empty: the socket's peer is always the client
};

class Server {
 public:
  Server(ServerOptions options, Dispatcher& dispatcher, Metrics& metrics);
  ~Server();

  // Opens the listening socket. Fails with a message naming the address and what to do.
  Status Bind();
  // The bound port (useful with port 0). REQUIRES: Bind() succeeded.
  unsigned short port() const { return bound_port_; }

  // Serves until Stop() or a signal, then drains. Call once, from one thread.
  void Run(bool handle_signals);

  // Begins a graceful stop. Thread-safe; idempotent.
  void Stop();

  // True from the stop signal on: the node is going away and should get no new traffic.
  bool draining() const { return stopping_.load(); }

  std::size_t open_connections() const { return connection_count_.load(); }
  // Requests read and not yet fully answered.
  std::size_t requests_in_flight() const { return in_flight_.load(); }

 private:
  struct Connection;
  boost::asio::awaitable<void> Accept();
  boost::asio::awaitable<void> Serve(boost::asio::ip::tcp::socket socket);
  void BeginShutdown();
  void WatchDrain();

  ServerOptions options_;
  Dispatcher& dispatcher_;
  Metrics& metrics_;
  std::shared_ptr<spdlog::logger> access_log_;
  unsigned short bound_port_ = 0;
  std::atomic<bool> stopping_{false};  // a stop was asked for (draining() is true)
  std::atomic<bool> draining_{false};  // the listener is closed and connections drain
  std::atomic<std::size_t> connection_count_{0};
  std::atomic<std::size_t> in_flight_{0};
  std::mutex connections_mutex_;
  std::unordered_map<std::uint64_t, Connection*> connections_;
  std::uint64_t next_connection_id_ = 0;
  std::chrono::steady_clock::time_point drain_deadline_;
  // Declared last so it is destroyed first: pending coroutines still refer to the above.
  boost::asio::io_context io_;
  boost::asio::ip::tcp::acceptor acceptor_{io_};
  boost::asio::steady_timer drain_timer_{io_};
  boost::asio::steady_timer drain_delay_timer_{io_};
};

}  // namespace diseasemaps::http
