// A member's rows as JSON, for "download my data": every row a query returns, column by
// column under the column's own name, text as strings, numbers as integers, NULL as null.
// Each feature that holds member data exports its own tables through this one helper,
// so every export has the same shape.
#pragma once

#include <string>

#include <nlohmann/json.hpp>
#include <soci/soci.h>

namespace diseasemaps {

// The rows of `query`, which binds the member's id as :id, as an array of objects.
nlohmann::json RowsAsJson(soci::session& sql, const std::string& query, long long user_id);

}  // namespace diseasemaps
