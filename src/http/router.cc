#include "http/router.h"

#include <algorithm>
#include <stdexcept>

#include <boost/container/small_vector.hpp>

namespace diseasemaps::http {
namespace {

// A request path's segments, as views into it; most paths have a handful.
using PathSegments = boost::container::small_vector<std::string_view, 8>;

PathSegments SplitPath(std::string_view path) {
  PathSegments segments;
  std::size_t start = 1;  // skip the leading '/'
  while (start <= path.size()) {
    const std::size_t slash = path.find('/', start);
    const std::size_t end = slash == std::string_view::npos ? path.size() : slash;
    segments.push_back(path.substr(start, end - start));
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return segments;
}

bool IsParam(std::string_view segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

bool IsRest(std::string_view segment) {
  return IsParam(segment) && segment.size() > 5 && segment.ends_with("...}");
}

std::vector<PatternSegment> SplitPattern(std::string_view pattern) {
  std::vector<PatternSegment> segments;
  for (const std::string_view segment : SplitPath(pattern)) {
    if (IsRest(segment)) {
      segments.push_back({PatternSegment::Kind::kRest, std::string(segment.substr(1, segment.size() - 5))});
    } else if (IsParam(segment)) {
      segments.push_back({PatternSegment::Kind::kParameter, std::string(segment.substr(1, segment.size() - 2))});
    } else {
      segments.push_back({PatternSegment::Kind::kLiteral, std::string(segment)});
    }
  }
  return segments;
}

// What a rest parameter takes: the path from the start of its segment to the end.
std::string_view RestFrom(std::string_view path, const PathSegments& segments, std::size_t i) {
  return path.substr(static_cast<std::size_t>(segments[i].data() - path.data()));
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
  route->segments = SplitPattern(pattern);
  route->pattern = std::move(pattern);
  route->handler = std::move(handler);
  route->options = options;

  const std::size_t index = routes_.size();
  const PatternSegment& first = route->segments.front();
  if (first.kind == PatternSegment::Kind::kLiteral) {
    auto [bucket, added] = by_first_segment_.try_emplace(first.text);
    if (added) bucket->second = starting_with_parameter_;  // all added before this one
    bucket->second.push_back(index);
  } else {
    starting_with_parameter_.push_back(index);
    for (auto& [literal, bucket] : by_first_segment_) bucket.push_back(index);
  }
  routes_.push_back(std::move(route));
}

namespace {

// Scores how `pattern` matches `path`: higher is more specific (literal segments count
// most); -1 when it does not match.
int Score(const std::vector<PatternSegment>& pattern, std::string_view path, const PathSegments& segments) {
  using Kind = PatternSegment::Kind;
  // Only a rest parameter (always last) lets the lengths differ.
  if (pattern.back().kind != Kind::kRest && pattern.size() != segments.size()) return -1;
  int score = 0;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (i >= segments.size()) return -1;  // a path shorter than a pattern with a rest
    if (pattern[i].kind == Kind::kRest) return RestFrom(path, segments, i).empty() ? -1 : score;
    if (pattern[i].kind == Kind::kParameter) {
      if (segments[i].empty()) return -1;
      score += 1;
    } else if (pattern[i].text == segments[i]) {
      score += 100;
    } else {
      return -1;
    }
  }
  return score;
}

}  // namespace

RouteMatch Router::Match(beast_http::verb method, const std::string& path) const {
  const beast_http::verb wanted = method == beast_http::verb::head ? beast_http::verb::get : method;
  const PathSegments segments = SplitPath(path);
  const std::vector<std::size_t>* candidates = &starting_with_parameter_;
  if (!segments.empty()) {
    if (auto bucket = by_first_segment_.find(segments.front()); bucket != by_first_segment_.end()) {
      candidates = &bucket->second;
    }
  }
  RouteMatch best;
  int best_score = -1;
  for (const std::size_t index : *candidates) {
    const Route& route = *routes_[index];
    const int score = Score(route.segments, path, segments);
    if (score < 0) continue;
    if (route.method != wanted) {
      const std::string name(beast_http::to_string(route.method));
      if (std::find(best.allowed_methods.begin(), best.allowed_methods.end(), name) ==
          best.allowed_methods.end()) {
        best.allowed_methods.push_back(name);
        if (route.method == beast_http::verb::get) best.allowed_methods.push_back("HEAD");
      }
      continue;
    }
    if (score > best_score) {
      best_score = score;
      best.route = &route;
    }
  }
  if (best.route == nullptr) return best;
  best.allowed_methods.clear();
  const std::vector<PatternSegment>& pattern = best.route->segments;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i].kind == PatternSegment::Kind::kRest) {
      best.params[pattern[i].text] = std::string(RestFrom(path, segments, i));
      break;
    }
    if (pattern[i].kind == PatternSegment::Kind::kParameter) best.params[pattern[i].text] = std::string(segments[i]);
  }
  return best;
}

}  // namespace diseasemaps::http
