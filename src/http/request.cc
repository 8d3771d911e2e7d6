#include "http/request.h"

#include <boost/beast/core/string.hpp>

namespace diseasemaps::http {

std::string_view Request::Header(beast_http::field field) const {
  if (raw == nullptr) return {};
  auto it = raw->find(field);
  return it == raw->end() ? std::string_view() : std::string_view(it->value());
}

std::string_view Request::Header(std::string_view name) const {
  if (raw == nullptr) return {};
  auto it = raw->find(name);
  return it == raw->end() ? std::string_view() : std::string_view(it->value());
}

QueryParams Request::FormFields() const {
  if (raw == nullptr) return {};
  const std::string_view type = Header(beast_http::field::content_type);
  if (type.rfind("application/x-www-form-urlencoded", 0) != 0) return {};
  return ParseQuery(raw->body());
}

std::string Request::FormField(std::string_view name) const {
  return QueryValue(FormFields(), name).value_or("");
}

bool Request::WantsJson() const {
  if (path.rfind("/api/", 0) == 0) return true;
  const std::string_view accept = Header(beast_http::field::accept);
  return accept.find("application/json") != std::string_view::npos &&
         accept.find("text/html") == std::string_view::npos;
}

namespace {

Response MakeResponse(unsigned status, std::string content_type, std::string body) {
  Response response;
  response.status = status;
  response.content_type = std::move(content_type);
  response.body = std::move(body);
  return response;
}

}  // namespace

Response Response::Html(std::string body, unsigned status) {
  return MakeResponse(status, "text/html; charset=utf-8", std::move(body));
}

Response Response::Text(std::string body, unsigned status) {
  return MakeResponse(status, "text/plain; charset=utf-8", std::move(body));
}

Response Response::Json(std::string body, unsigned status) {
  return MakeResponse(status, "application/json", std::move(body));
}

Response Response::Redirect(const std::string& location, unsigned status) {
  Response response = MakeResponse(status, "text/plain; charset=utf-8", "Moved to " + location + "\n");
  response.headers.emplace_back("Location", location);
  return response;
}

std::string_view Response::HeaderValue(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (boost::beast::iequals(key, name)) return value;
  }
  return {};
}

}  // namespace diseasemaps::http
