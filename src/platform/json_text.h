// JSON values as text for responses and pages, written so that it cannot fail.
//
// nlohmann's dump() throws on a string that is not valid UTF-8; a byte cut out of a
// person's input, or a stray byte in a query string, would turn their mistake into a 500.
// JsonText writes every malformed byte as U+FFFD instead. Thread-safe: no state.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace diseasemaps {

// value as compact JSON text (indent < 0) or indented by `indent` spaces; never throws
// for any string content.
std::string JsonText(const nlohmann::json& value, int indent = -1);

}  // namespace diseasemaps
