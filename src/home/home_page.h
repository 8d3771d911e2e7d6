// The home page: what DiseaseMaps is, and the catalogue's conditions, paged by name.
// An empty catalogue says how to load one. Cached for anonymous visitors.
#pragma once

#include "catalog/condition_store.h"
#include "http/request.h"

namespace diseasemaps::home {

constexpr int kConditionsPerPage = 50;

http::Response HomePage(catalog::ConditionStore& conditions, const http::Request& request);

}  // namespace diseasemaps::home
