// The catalogue's JSON API: /api/v1/conditions (paged list) and
// /api/v1/conditions/{orphacode} (every field the condition page shows). Errors answer
// {"error": {"status": N, "message": "…"}}.
#pragma once

#include "catalog/condition_store.h"
#include "http/request.h"

namespace diseasemaps::catalog {

constexpr int kApiDefaultPerPage = 50;
constexpr int kApiMaxPerPage = 200;

http::Response ConditionListApi(ConditionStore& store, const http::Request& request);
http::Response ConditionApi(ConditionStore& store, const http::Request& request);

}  // namespace diseasemaps::catalog
