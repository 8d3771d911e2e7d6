// Which kind of results a search asks for: the `type` parameter of /search and
// /api/v1/search. Absent or empty: conditions (what search always answered); otherwise
// exactly "conditions" or "discussions", anything else an InvalidArgument with a message
// for the person (the callers' 400). Pure.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "platform/status.h"

namespace diseasemaps::search {

enum class ResultType { kConditions, kDiscussions };

Result<ResultType> ParseResultType(const std::optional<std::string>& value);
std::string_view ResultTypeName(ResultType type);

}  // namespace diseasemaps::search
