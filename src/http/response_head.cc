#include "http/response_head.h"

#include <sstream>

#include <boost/beast/http/write.hpp>

#include "http/etag.h"
#include "http/security_headers.h"

namespace diseasemaps::http {

bool HasNoBody(unsigned status, bool head_request) {
  return head_request || status == 304 || status == 204 || (status >= 100 && status < 200);
}

SentMessage ResponseMessage(const Response& response, const HeadChoice& choice) {
  SentMessage message{static_cast<beast_http::status>(choice.status), choice.version};
  for (const auto& [name, value] : response.headers) {
    if (name != "ETag") message.insert(name, value);
  }
  std::string etag(response.HeaderValue("ETag"));
  if (choice.gzip && !etag.empty()) etag = EtagForGzipCopy(etag);
  if (!etag.empty()) message.set(beast_http::field::etag, etag);
  if (choice.gzip) message.set(beast_http::field::content_encoding, "gzip");
  ApplySecurityHeaders(message);
  message.keep_alive(choice.keep_alive);
  if (choice.status != 304) {
    message.set(beast_http::field::content_type, response.content_type);
    const std::string& body = choice.gzip ? response.gzip_body : response.body;
    message.content_length(body.size());
    if (!HasNoBody(choice.status, choice.head_request)) message.body() = {body.data(), body.size()};
  }
  return message;
}

namespace {

std::string Written(const SentMessage& message) {
  std::ostringstream out;
  out << message.base();
  return std::move(out).str();
}

}  // namespace

void KeepHeads(Response& response) {
  response.kept_head = Written(ResponseMessage(response, {.status = response.status}));
  response.kept_gzip_head.clear();
  if (!response.gzip_body.empty()) {
    response.kept_gzip_head = Written(ResponseMessage(response, {.status = response.status, .gzip = true}));
  }
}

}  // namespace diseasemaps::http
