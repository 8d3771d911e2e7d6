// Gzip: compresses a response body once, so a cached page can be sent compressed to
// every visitor who accepts it (a 37 KB condition page is about 9 KB on the wire, which
// matters on a phone). Deterministic: the same bytes always compress to the same bytes,
// so the compressed copy's ETag is stable across servers and restarts.
#pragma once

#include <string>
#include <string_view>

namespace diseasemaps {

// The gzip stream (RFC 1952) of bytes, at a level that favours speed and size together.
std::string GzipCompress(std::string_view bytes);

}  // namespace diseasemaps
