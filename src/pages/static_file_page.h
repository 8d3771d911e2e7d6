// The static files' route: a file of the served static tree (http/static_files.h), or,
// when there is none at that name, the site's own 404 page instead of a bare one.
#pragma once

#include <string>

#include "http/request.h"
#include "http/static_files.h"

namespace diseasemaps::pages {

// The file `name` from `files` (with its ETag and caching headers), or a 404 page.
http::Response StaticFilePage(const http::StaticFiles& files, const http::Request& request, const std::string& name);

}  // namespace diseasemaps::pages
