// Request and Response: what a handler receives and returns. A handler never sees a
// socket; the server (http/server.h) turns bytes into a Request and a Response into bytes.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>

#include "guard/guard.h"
#include "http/url.h"

namespace diseasemaps::http {

namespace beast_http = boost::beast::http;
using RawRequest = beast_http::request<beast_http::string_body>;

struct Request {
  const RawRequest* raw = nullptr;  // headers and body, owned by the server
  beast_http::verb method = beast_http::verb::get;
  std::string target;               // as sent: "/conditions?page=2"
  std::string path;                 // percent-decoded: "/conditions"
  std::string raw_query;            // "page=2"
  QueryParams query;
  std::map<std::string, std::string> path_params;  // filled by the router
  std::string route;                // the matched pattern, for metrics and logs
  guard::Viewer viewer;             // who asks; anonymous unless a session resolved
  std::string csrf_token;           // the token forms on this page must send back
  std::string remote_address;       // the peer's IP, for rate limits; never logged
  // The interface language, from the address ("/es/…" is Spanish; no prefix, English).
  // `path` and `target` above are without the prefix; handlers ask for text through
  // platform/i18n.h, which the dispatcher sets to this language while they run.
  std::string language = "en";
  std::string language_prefix;      // "/es", or "" for English
  // A supported language the browser prefers (Accept-Language) over this page's, or "":
  // the page offers it in one line. Part of the page cache's key.
  std::string offered_language;

  std::string_view Header(beast_http::field field) const;
  std::string_view Header(std::string_view name) const;
  std::optional<std::string> Query(std::string_view name) const { return QueryValue(query, name); }
  const std::string& Param(const std::string& name) const { return path_params.at(name); }
  // The fields of an application/x-www-form-urlencoded body (empty for other bodies).
  QueryParams FormFields() const;
  // One form field, "" when absent.
  std::string FormField(std::string_view name) const;
  bool IsHead() const { return method == beast_http::verb::head; }
  // True for /api/… requests and requests that prefer JSON: errors answer in JSON.
  bool WantsJson() const;
};

struct Response {
  unsigned status = 200;
  std::string content_type = "text/html; charset=utf-8";
  std::string body;
  // The body gzipped, made once by the page cache for a page it keeps; empty otherwise.
  // Sent instead of body (with its own ETag) to a client that accepts gzip.
  std::string gzip_body;
  std::vector<std::pair<std::string, std::string>> headers;  // extra headers
  // Made once by the page cache for a page it keeps: the status line and headers sent
  // with body, and with gzip_body, to a keep-alive HTTP/1.1 GET answered with this
  // status (http/response_head.h). Empty otherwise.
  std::string kept_head;
  std::string kept_gzip_head;

  static Response Html(std::string body, unsigned status = 200);
  static Response Text(std::string body, unsigned status = 200);
  static Response Json(std::string body, unsigned status = 200);
  static Response Redirect(const std::string& location, unsigned status = 301);

  Response& With(std::string name, std::string value) {
    headers.emplace_back(std::move(name), std::move(value));
    return *this;
  }
  // Kept by no cache (Cache-Control: no-store): the response holds one person's data or a
  // form's token.
  Response& NoStore() & { return With("Cache-Control", "no-store"); }
  Response NoStore() && { return std::move(NoStore()); }
  // The value of an extra header, or "".
  std::string_view HeaderValue(std::string_view name) const;
};

}  // namespace diseasemaps::http
