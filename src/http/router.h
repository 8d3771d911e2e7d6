// Router: maps a method and a decoded path to a handler, with path parameters.
//
// Patterns are literal segments and `{name}` parameters ("/conditions/{slug}"); a last
// segment `{name...}` takes the rest of the path ("/static/{file...}"). A literal segment
// wins over a parameter; between equals, the route added first. HEAD is answered by the
// GET handler. Built once at start, then read-only and thread-safe. All routes are
// declared in app/routes.cc.
//
// Matching is on every request, cached pages included, so it allocates nothing until it
// has its route: patterns are split when added, routes are grouped by their first
// segment, and only the winner's parameters are copied out.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
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

// A pattern's segment as matching needs it.
struct PatternSegment {
  enum class Kind { kLiteral, kParameter, kRest } kind;
  std::string text;  // the literal, or the parameter's name
};

struct Route {
  beast_http::verb method;
  std::string pattern;
  Handler handler;
  RouteOptions options;
  std::vector<PatternSegment> segments;  // the pattern split on '/', each classified
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
  struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
  };

  std::vector<std::unique_ptr<Route>> routes_;
  // The routes a path may match, by its first segment, in the order they were added:
  // those whose pattern starts with that literal, and those that start with a parameter.
  std::unordered_map<std::string, std::vector<std::size_t>, StringHash, std::equal_to<>> by_first_segment_;
  std::vector<std::size_t> starting_with_parameter_;
};

}  // namespace diseasemaps::http
