// A LIKE pattern that finds text containing what a person typed, on both databases:
// the typed text lower-cased (ASCII letters) with %, _ and \ escaped, between two %.
// Use it as `LOWER(column) LIKE :p ESCAPE '\'`, so nothing typed acts as a wildcard.
#pragma once

#include <string>
#include <string_view>

namespace diseasemaps {

std::string ContainsPattern(std::string_view typed);

}  // namespace diseasemaps
