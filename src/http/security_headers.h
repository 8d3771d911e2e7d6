// The headers every response carries, whatever produced it: a Content-Security-Policy
// that allows no inline script and no framing, nosniff, a strict referrer policy, and a
// permissions policy that turns off what the site never uses.
#pragma once

#include <boost/beast/http/fields.hpp>

namespace diseasemaps::http {

void ApplySecurityHeaders(boost::beast::http::fields& headers);

}  // namespace diseasemaps::http
