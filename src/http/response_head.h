// Response heads: the status line and header fields sent before a response's body, made
// in one place (ResponseMessage) for the two ways the server sends them. WriteResponse
// (http/server.cc) puts them through Beast's serializer; a page the page cache keeps
// also carries them written out once (KeepHeads), for the case that is nearly every
// cache hit: a keep-alive HTTP/1.1 GET answered 200. Either way the bytes are the same
// (response_head_test.cc).
#pragma once

#include <string>

#include <boost/beast/http/message.hpp>
#include <boost/beast/http/span_body.hpp>

#include "http/request.h"

namespace diseasemaps::http {

struct HeadChoice {
  unsigned status = 200;     // may differ from the response's own (304 to a matching ETag)
  unsigned version = 11;     // the request's HTTP version
  bool keep_alive = true;
  bool gzip = false;         // the response's gzip copy is the body sent
  bool head_request = false; // a HEAD: the length of the body, but no body
};

// True when no body follows the head: a HEAD, 304, 204 or 1xx.
bool HasNoBody(unsigned status, bool head_request);

// A message whose body is a view of a Response's bytes.
using SentMessage = beast_http::response<beast_http::span_body<const char>>;

// `response` as sent the way `choice` says: its extra headers, the ETag (the gzip copy's
// own when that is sent), Content-Encoding, the security headers, Connection,
// Content-Type and Content-Length, and a view of the body when one follows. It views
// `response`, which must outlive it.
SentMessage ResponseMessage(const Response& response, const HeadChoice& choice);

// Writes the heads a kept page is sent with to a keep-alive HTTP/1.1 GET answered 200
// into response.kept_head (and kept_gzip_head when it has a gzip copy).
void KeepHeads(Response& response);

}  // namespace diseasemaps::http
