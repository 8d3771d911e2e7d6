// Entity tags: making a strong ETag for a body and matching If-None-Match against it.
// Pure functions, thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace diseasemaps::http {

// A strong ETag for a body: a quoted 64-bit FNV-1a hash, such as "\"9f0c…\"".
std::string EtagFor(std::string_view body);

// The ETag of a body's gzip copy: another representation, so another strong tag
// ("\"9f0c…-gzip\"").
std::string EtagForGzipCopy(std::string_view etag);

// True when an If-None-Match header value names this ETag (weakly or strongly) or is "*".
bool EtagMatches(std::string_view if_none_match, std::string_view etag);

}  // namespace diseasemaps::http
