// Pieces of a request target: the percent-decoded path and the query parameters.
//
// Pure functions, thread-safe. Decoding refuses what no honest client sends (a bad
// escape, an encoded NUL, invalid UTF-8 in the path) so handlers never see it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace diseasemaps::http {

// "%41b+c" -> "Ab+c" (in a path, '+' stays '+'). nullopt on a malformed escape or NUL.
std::optional<std::string> PercentDecodePath(std::string_view raw);

// Query parameters in order; '+' means space; malformed escapes are kept literally.
using QueryParams = std::vector<std::pair<std::string, std::string>>;
QueryParams ParseQuery(std::string_view raw_query);

// The first value for name, or nullopt.
std::optional<std::string> QueryValue(const QueryParams& params, std::string_view name);

// Escapes a string for use inside a query value or a path segment.
std::string PercentEncode(std::string_view value);

// True when s is well-formed UTF-8.
bool IsValidUtf8(std::string_view s);

}  // namespace diseasemaps::http
