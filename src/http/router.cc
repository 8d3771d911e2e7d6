#include "http/router.h"

#include <algorithm>
#include <stdexcept>

namespace diseasemaps::http {
namespace {

std::vector<std::string> SplitPath(const std::string& path) {
  std::vector<std::string> segments;
  std::size_t start = 1;  // skip the leading '/'
  while (start <= path.size()) {
    const std::size_t slash = path.find('/', start);
    const std::size_t end = slash == std::string::npos ? path.size() : slash;
    segments.push_back(path.substr(start, end - start));
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  return segments;
}

bool IsParam(const std::string& segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

bool IsRest(const std::string& segment) {
  return IsParam(segment) && segment.size() > 5 &&
         segment.compare(segment.size() - 4, 4, "...}") == 0;
}

std::string ParamName(const std::string& segment) {
  return segment.substr(1, segment.size() - (IsRest(segment) ? 5 : 2));
}

// Scores a match: higher is more specific (literal segments count most).
int MatchPath(const Route& route, const std::vector<std::string>& path,
              std::map<std::string, std::string>* params) {
  const auto& pattern = route.segments;
  int score = 0;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (IsRest(pattern[i])) {
      if (i >= path.size()) return -1;
      std::string rest = path[i];
      for (std::size_t j = i + 1; j < path.size(); ++j) rest += "/" + path[j];
      if (rest.empty()) return -1;
      (*params)[ParamName(pattern[i])] = rest;
      return score;
    }
    if (i >= path.size()) return -1;
    if (IsParam(pattern[i])) {
      if (path[i].empty()) return -1;
      (*params)[ParamName(pattern[i])] = path[i];
      score += 1;
    } else if (pattern[i] == path[i]) {
      score += 100;
    } else {
      return -1;
    }
  }
  return pattern.size() == path.size() ? score : -1;
}

}  // namespace

void Router::Add(beast_http::verb method, std::string pattern, Handler handler,
                 RouteOptions options) {
  if (pattern.empty() || pattern.front() != '/') {
    throw std::invalid_argument("route pattern must start with '/': " + pattern);
  }
  for (const auto& route : routes_) {
    if (route->method == method && route->pattern == pattern) {
      throw std::invalid_argument("route declared twice: " + pattern);
    }
  }
  auto route = std::make_unique<Route>();
  route->method = method;
  route->segments = SplitPath(pattern);
  route->pattern = std::move(pattern);
  route->handler = std::move(handler);
  route->options = options;
  routes_.push_back(std::move(route));
}

RouteMatch Router::Match(beast_http::verb method, const std::string& path) const {
  const beast_http::verb wanted = method == beast_http::verb::head ? beast_http::verb::get : method;
  const std::vector<std::string> segments = SplitPath(path);
  RouteMatch best;
  int best_score = -1;
  for (const auto& route : routes_) {
    std::map<std::string, std::string> params;
    const int score = MatchPath(*route, segments, &params);
    if (score < 0) continue;
    if (route->method != wanted) {
      const std::string name(beast_http::to_string(route->method));
      if (std::find(best.allowed_methods.begin(), best.allowed_methods.end(), name) ==
          best.allowed_methods.end()) {
        best.allowed_methods.push_back(name);
        if (route->method == beast_http::verb::get) best.allowed_methods.push_back("HEAD");
      }
      continue;
    }
    if (score > best_score) {
      best_score = score;
      best.route = route.get();
      best.params = std::move(params);
    }
  }
  if (best.route != nullptr) best.allowed_methods.clear();
  return best;
}

}  // namespace diseasemaps::http
