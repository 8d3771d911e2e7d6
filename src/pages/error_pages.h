// Error pages: the one place that turns a status and a message into what the visitor
// sees: an HTML page in the site layout (with a way on: home, search) or, for the API, a
// JSON object {"error": {"status": N, "message": "…"}}. The message is for a person and
// never contains internal details.
#pragma once

#include <string>

#include "http/request.h"

namespace diseasemaps::pages {

http::Response ErrorPage(const http::Request* request, unsigned status, const std::string& message);

}  // namespace diseasemaps::pages
