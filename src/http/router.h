// Router: maps a method and a decoded path to a handler, with path parameters.
//
// Patterns are literal segments and `{name}` parameters ("/conditions/{slug}"); a last
// segment `{name...}` takes the rest of the path ("/static/{file...}"). A literal segment
// wins over a parameter. HEAD is answered by the GET handler. Built once at start, then
// read-only and thread-safe. All routes are declared in app/routes.cc.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "http/request.h"

namespace diseasemaps::http {

using Handler = std::function<Response(const Request&)>;

struct RouteOptions {
  // The handler only reads memory: it runs on the I/O thread instead of the worker pool.
  bool runs_inline = false;
  // An anonymous visitor's 200 answer is kept in the page cache until a write that
  // changes such pages clears it.
  bool cache_for_anonymous = false;
  // A GET may read data a second or two old: its reads may come from the read replica
  // (platform/db/replica_scope.h), as those of cache_for_anonymous routes do.
  bool reads_may_lag = false;
};

struct Route {
  beast_http::verb method;
  std::string pattern;
  Handler handler;
  RouteOptions options;
  std::vector<std::string> segments;  // the pattern split on '/'
};

struct RouteMatch {
  const Route* route = nullptr;              // null: no route for this method
  std::map<std::string, std::string> params;
  std::vector<std::string> allowed_methods;  // when the path exists under other methods
};

class Router {
 public:
  // REQUIRES: pattern starts with '/'; the same method and pattern are not added twice.
  void Add(beast_http::verb method, std::string pattern, Handler handler,
           RouteOptions options = {});
  void Get(std::string pattern, Handler handler, RouteOptions options = {}) {
    Add(beast_http::verb::get, std::move(pattern), std::move(handler), options);
  }
  void Post(std::string pattern, Handler handler, RouteOptions options = {}) {
    Add(beast_http::verb::post, std::move(pattern), std::move(handler), options);
  }

  RouteMatch Match(beast_http::verb method, const std::string& path) const;
  const std::vector<std::unique_ptr<Route>>& routes() const { return routes_; }

 private:
  std::vector<std::unique_ptr<Route>> routes_;
};

}  // namespace diseasemaps::http
