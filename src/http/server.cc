#include "http/server.h"

#include <sys/resource.h>

#include <array>
#include <thread>
#include <vector>

#include <boost/asio/redirect_error.hpp>
#include <spdlog/spdlog.h>

#include "http/etag.h"
#include "http/response_head.h"
#include "http/static_files.h"

namespace diseasemaps::http {
namespace asio = boost::asio;
namespace beast = boost::beast;
using tcp = asio::ip::tcp;
using asio::redirect_error;
using asio::use_awaitable;

struct Server::Connection {
  beast::tcp_stream* stream = nullptr;
  bool idle = true;  // waiting for the first byte of a request; touched on its strand only
};

namespace {

constexpr std::size_t kFirstReadBytes = 4096;

// Raises the open-file limit to its hard maximum, so thousands of idle connections
// cannot exhaust descriptors before the connection cap does.
void RaiseFileLimit() {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
    limit.rlim_cur = limit.rlim_max;
    setrlimit(RLIMIT_NOFILE, &limit);
  }
}

struct Written {
  beast::error_code error;
  std::size_t body_bytes = 0;
  unsigned status = 0;
};

// Writes response as an answer to request (null when the request did not parse). The
// body is sent from the response's own bytes (a cached page is shared, not copied), so
// the response must outlive the write, as it does in the caller's frame. A kept page's
// head is sent as it was written when the page was stored, when it fits the request.
asio::awaitable<Written> WriteResponse(beast::tcp_stream& stream, const Response& response,
                                       const RawRequest* request, bool keep_alive,
                                       std::chrono::milliseconds timeout) {
  HeadChoice choice{.status = response.status,
                    .version = request != nullptr ? request->version() : 11u,
                    .keep_alive = keep_alive,
                    .head_request = request != nullptr && request->method() == beast_http::verb::head};
  // The gzip copy a cached page carries, to a client that accepts it: its own bytes and
  // its own ETag.
  choice.gzip = !response.gzip_body.empty() && request != nullptr &&
                AcceptsGzip((*request)[beast_http::field::accept_encoding]);
  if (choice.status == 200 && request != nullptr) {
    auto inm = request->find(beast_http::field::if_none_match);
    if (inm != request->end()) {
      std::string etag(response.HeaderValue("ETag"));
      if (choice.gzip && !etag.empty()) etag = EtagForGzipCopy(etag);
      if (!etag.empty() && EtagMatches(inm->value(), etag)) choice.status = 304;
    }
  }
  const std::string& body = choice.gzip ? response.gzip_body : response.body;
  const bool sends_body = !HasNoBody(choice.status, choice.head_request);
  Written written;
  written.status = choice.status;
  stream.expires_after(timeout);
  const std::string& kept = choice.gzip ? response.kept_gzip_head : response.kept_head;
  if (!kept.empty() && choice.status == response.status && choice.version == 11 && choice.keep_alive &&
      sends_body) {
    const std::array<asio::const_buffer, 2> buffers{asio::buffer(kept), asio::buffer(body)};
    co_await asio::async_write(stream, buffers, redirect_error(use_awaitable, written.error));
  } else {
    SentMessage message = ResponseMessage(response, choice);
    co_await beast_http::async_write(stream, message, redirect_error(use_awaitable, written.error));
  }
  written.body_bytes = sends_body ? body.size() : 0;
  co_return written;
}

// How a failure to read a request is answered: a status, or 0 to close silently.
unsigned StatusForReadError(const beast::error_code& ec) {
  if (ec == beast_http::error::header_limit) return 431;
  if (ec == beast_http::error::body_limit) return 413;
  if (ec == beast_http::error::end_of_stream || ec == beast_http::error::partial_message ||
      ec == beast::error::timeout || ec == asio::error::operation_aborted ||
      ec == asio::error::connection_reset || ec == asio::error::eof) {
    return 0;
  }
  return 400;
}

std::string MessageForReadError(unsigned status, const ServerOptions& options) {
  switch (status) {
    case 431:
      return "The request's headers are too large (the limit is " +
             std::to_string(options.header_limit / 1024) + " KiB).";
    case 413:
      return "The request's body is too large (the limit is " +
             std::to_string(options.body_limit / 1024) + " KiB).";
    default:
      return "The request could not be understood.";
  }
}

}  // namespace

Server::Server(ServerOptions options, Dispatcher& dispatcher, Metrics& metrics)
    : options_(std::move(options)),
      dispatcher_(dispatcher),
      metrics_(metrics),
      access_log_(spdlog::get("access")),
      io_(options_.io_threads) {}

Server::~Server() = default;

Status Server::Bind() {
  RaiseFileLimit();
  beast::error_code ec;
  const auto address = asio::ip::make_address(options_.address, ec);
  if (ec) {
    return Status::InvalidArgument("'" + options_.address +
                                   "' is not an IP address: use --address 127.0.0.1, or "
                                   "0.0.0.0 to listen on every interface");
  }
  const tcp::endpoint endpoint(address, options_.port);
  acceptor_.open(endpoint.protocol(), ec);
  if (!ec) acceptor_.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) acceptor_.bind(endpoint, ec);
  if (ec == asio::error::address_in_use) {
    return Status::Unavailable("port " + std::to_string(options_.port) + " on " +
                               options_.address +
                               " is in use: stop the program using it, or choose another "
                               "with --port");
  }
  if (!ec) acceptor_.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    return Status::Unavailable("cannot listen on " + options_.address + ":" +
                               std::to_string(options_.port) + ": " + ec.message());
  }
  bound_port_ = acceptor_.local_endpoint().port();
  return Status::Ok();
}

void Server::Run(bool handle_signals) {
  asio::signal_set signals(io_);
  if (handle_signals) {
    signals.add(SIGINT);
    signals.add(SIGTERM);
    signals.async_wait([this](const beast::error_code& ec, int signal) {
      if (ec) return;
      if (stopping_.exchange(true)) return;
      if (options_.drain_delay.count() > 0) {
        spdlog::info("received signal {}: /healthz answers 503; serving {} ms more, then finishing requests "
                     "in flight and stopping", signal, options_.drain_delay.count());
        drain_delay_timer_.expires_after(options_.drain_delay);
        drain_delay_timer_.async_wait([this](const beast::error_code&) { BeginShutdown(); });
        return;
      }
      spdlog::info("received signal {}: finishing requests in flight, then stopping", signal);
      BeginShutdown();
    });
  }
  asio::co_spawn(io_, Accept(), asio::detached);
  std::vector<std::thread> threads;
  for (int i = 1; i < options_.io_threads; ++i) threads.emplace_back([this] { io_.run(); });
  io_.run();
  for (auto& thread : threads) thread.join();
}

void Server::Stop() {
  asio::post(io_, [this] { BeginShutdown(); });
}

void Server::BeginShutdown() {
  stopping_.store(true);
  if (draining_.exchange(true)) return;
  beast::error_code ec;
  acceptor_.close(ec);
  {
    std::lock_guard lock(connections_mutex_);
    for (auto& [id, connection] : connections_) {
      Connection* c = connection;
      // Runs on the connection's strand, so `idle` cannot change underneath it.
      asio::post(c->stream->get_executor(), [this, id = id] {
        std::lock_guard inner(connections_mutex_);
        auto it = connections_.find(id);
        if (it != connections_.end() && it->second->idle) it->second->stream->cancel();
      });
    }
  }
  drain_deadline_ = std::chrono::steady_clock::now() + options_.shutdown_grace;
  WatchDrain();
}

void Server::WatchDrain() {
  if (connection_count_.load() == 0 || std::chrono::steady_clock::now() >= drain_deadline_) {
    if (connection_count_.load() != 0) {
      spdlog::warn("stopping with {} connection(s) still open after the grace period",
                   connection_count_.load());
    }
    io_.stop();
    return;
  }
  drain_timer_.expires_after(std::chrono::milliseconds(20));
  drain_timer_.async_wait([this](const beast::error_code&) { WatchDrain(); });
}

asio::awaitable<void> Server::Accept() {
  for (;;) {
    beast::error_code ec;
    tcp::socket socket = co_await acceptor_.async_accept(asio::make_strand(io_),
                                                         redirect_error(use_awaitable, ec));
    if (ec) {
      if (draining_.load() || ec == asio::error::operation_aborted) co_return;
      spdlog::warn("accept failed: {}", ec.message());
      if (ec == asio::error::no_descriptors) {
        asio::steady_timer pause(io_, std::chrono::milliseconds(50));
        co_await pause.async_wait(use_awaitable);
      }
      continue;
    }
    if (connection_count_.load() >= options_.max_connections) {
      socket.close(ec);  // over the cap: refuse at once rather than queue
      continue;
    }
    connection_count_.fetch_add(1);
    auto executor = socket.get_executor();
    asio::co_spawn(executor, Serve(std::move(socket)), asio::detached);
  }
}

asio::awaitable<void> Server::Serve(tcp::socket socket) {
  beast::tcp_stream stream(std::move(socket));
  Connection connection{&stream, true};
  std::uint64_t id = 0;
  {
    std::lock_guard lock(connections_mutex_);
    id = ++next_connection_id_;
    connections_.emplace(id, &connection);
  }
  struct Unregister {
    Server* server;
    std::uint64_t id;
    ~Unregister() {
      {
        std::lock_guard lock(server->connections_mutex_);
        server->connections_.erase(id);
      }
      server->connection_count_.fetch_sub(1);
    }
  } unregister{this, id};

  beast::flat_buffer buffer;
  beast::error_code ec;
  std::string remote_address;
  {
    const auto endpoint = stream.socket().remote_endpoint(ec);
    if (!ec) remote_address = endpoint.address().to_string();
  }
  try {
    for (;;) {
      if (buffer.size() == 0) {
        connection.idle = true;
        if (draining_.load()) break;
        stream.expires_after(options_.idle_timeout);
        const std::size_t n = co_await stream.async_read_some(
            buffer.prepare(kFirstReadBytes), redirect_error(use_awaitable, ec));
        if (ec) break;
        buffer.commit(n);
      }
      connection.idle = false;

      beast_http::request_parser<beast_http::string_body> parser;
      parser.header_limit(static_cast<std::uint32_t>(options_.header_limit));
      parser.body_limit(options_.body_limit);
      stream.expires_after(options_.header_timeout);
      co_await beast_http::async_read_header(stream, buffer, parser,
                                             redirect_error(use_awaitable, ec));
      if (!ec && !parser.is_done()) {
        co_await beast_http::async_read(stream, buffer, parser, redirect_error(use_awaitable, ec));
      }
      const auto started = std::chrono::steady_clock::now();
      if (ec) {
        const unsigned status = StatusForReadError(ec);
        if (status == 0) break;
        Response error = dispatcher_.errors()(nullptr, status, MessageForReadError(status, options_));
        Written written = co_await WriteResponse(stream, error, nullptr, false, options_.write_timeout);
        metrics_.RecordRequest("unparsed", status,
                               std::chrono::duration_cast<std::chrono::microseconds>(
                                   std::chrono::steady_clock::now() - started));
        if (options_.access_log && access_log_) {
          access_log_->info("- - {} {}B", status, written.body_bytes);
        }
        break;
      }

      const RawRequest& request = parser.get();
      in_flight_.fetch_add(1);
      Dispatched dispatched = co_await dispatcher_.Handle(
          request, ClientAddress(remote_address, request["X-Forwarded-For"],
                                 options_.trusted_proxies));
      // After a 400 the client and server may disagree on where the next request
      // starts, so the connection closes.
      const bool keep_alive = request.keep_alive() && !draining_.load() &&
                              dispatched.response->status != 400;
      Written written = co_await WriteResponse(stream, *dispatched.response, &request, keep_alive,
                                               options_.write_timeout);
      in_flight_.fetch_sub(1);
      const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(
          std::chrono::steady_clock::now() - started);
      metrics_.RecordRequest(dispatched.route, written.status, micros);
      if (options_.access_log && access_log_) {
        const std::string_view target = request.target();
        access_log_->info("{} {} {} {}B {}us", std::string_view(request.method_string()),
                          target.substr(0, target.find('?')), written.status,
                          written.body_bytes, micros.count());
      }
      if (written.error || !keep_alive) break;
    }
  } catch (const std::exception& e) {
    spdlog::error("connection failed: {}", e.what());  // last resort; never expected
  }
  stream.socket().shutdown(tcp::socket::shutdown_send, ec);
  stream.socket().close(ec);
}

}  // namespace diseasemaps::http
