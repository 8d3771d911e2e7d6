// Dispatcher: from a parsed HTTP message to a Response, through the language prefix
// ("/es/…" sets request.language and is stripped before routing; an unknown two-letter
// prefix is a 404), the router, the page cache (keyed by address, language and the
// language offered to the browser) and the worker pool. Handlers run in their request's
// language (platform/i18n.h), and the links of what they return keep its prefix
// (http/language_links.h).
//
// Thread-safe; Handle() is a coroutine awaited by each connection. Handlers marked
// runs_inline run on the I/O thread; every other handler runs on the worker pool, so a
// database call never blocks an I/O thread. An exception from a handler becomes a 500
// page (and one log line); the client never sees its text.
//
// With a read replica (SetReplicaPolicy), the handler of a GET or HEAD on a route that
// is cache_for_anonymous or reads_may_lag runs in a ReplicaReadScope, unless the policy
// says this visitor must read the primary (they wrote a moment ago). The hooks always
// read the primary (who is signed in, suspended). A page the cache may keep asks the
// replica for every change made before the cache was last emptied, else the primary
// renders it.
#pragma once

#include <utility>  // before asio: Boost 1.74 needs it

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include <boost/asio/awaitable.hpp>

#include "http/request.h"
#include "http/router.h"
#include "platform/page_cache.h"
#include "platform/worker_pool.h"

namespace diseasemaps::http {

// Renders an error page or JSON error for a status and a message a person can act on.
// `request` is null when the bytes did not even parse as a request.
using ErrorRenderer =
    std::function<Response(const Request* request, unsigned status, const std::string& message)>;

// Runs on the worker thread around every handler that does not run inline (and is not
// an anonymous visitor's cacheable page, which must be the same for everyone): `before`
// may fill the request (who is signed in, the CSRF token) or answer instead of the
// handler (a forged form: 403); `after` may add to the response (a cookie).
struct RequestHooks {
  std::function<std::optional<Response>(Request&)> before;
  std::function<void(const Request&, Response&)> after;
};

// What the dispatcher answers. A cached page is shared with the cache, never copied:
// every visitor's response is the same bytes in memory.
struct Dispatched {
  Dispatched(Response fresh, std::string matched)
      : response(std::make_shared<const Response>(std::move(fresh))), route(std::move(matched)) {}
  Dispatched(std::shared_ptr<const Response> cached, std::string matched)
      : response(std::move(cached)), route(std::move(matched)) {}
  std::shared_ptr<const Response> response;  // never null
  std::string route;  // the matched pattern, or "unmatched"
};

class Dispatcher {
 public:
  Dispatcher(const Router& router, WorkerPool& pool, PageCache& cache, ErrorRenderer errors)
      : router_(router), pool_(pool), cache_(cache), errors_(std::move(errors)) {}

  // REQUIRES: called before the server starts.
  void SetHooks(RequestHooks hooks) { hooks_ = std::move(hooks); }
  // REQUIRES: called before the server starts. `reads_primary` is true for a request
  // whose reads must all come from the primary.
  void SetReplicaPolicy(std::function<bool(const Request&)> reads_primary) {
    reads_primary_ = std::move(reads_primary);
  }

  boost::asio::awaitable<Dispatched> Handle(const RawRequest& raw, std::string remote_address);

  const ErrorRenderer& errors() const { return errors_; }

 private:
  // The error page for request, in its language.
  Response Error(const Request& request, unsigned status, const std::string& message) const;
  // replica: when set, the handler's reads may come from the replica, as fresh as that moment.
  using ReplicaReads = std::optional<std::chrono::steady_clock::time_point>;
  Response Invoke(const Route& route, const Request& request, ReplicaReads replica = std::nullopt) const;
  Response InvokeWithHooks(const Route& route, Request& request, ReplicaReads replica) const;
  ReplicaReads ReplicaReadsFor(const Route& route, const Request& request, bool cacheable) const;

  const Router& router_;
  WorkerPool& pool_;
  PageCache& cache_;
  ErrorRenderer errors_;
  RequestHooks hooks_;
  std::function<bool(const Request&)> reads_primary_;
};

// True when the request carries no session cookie: the visitor gets the shared,
// cacheable version of a page.
bool IsAnonymous(const Request& request);

}  // namespace diseasemaps::http
