#include "pages/error_pages.h"

#include <nlohmann/json.hpp>

#include "platform/json_text.h"
#include "platform/templates.h"

namespace diseasemaps::pages {
namespace {

const char* TitleFor(unsigned status) {
  switch (status) {
    case 400: return "That request could not be understood";
    case 403: return "You can't do that here";
    case 404: return "Page not found";
    case 405: return "That action is not available here";
    case 409: return "That conflicts with something that changed";
    case 413: return "That is too large";
    case 422: return "Some of that needs fixing";
    case 429: return "Too many requests";
    case 431: return "The request's headers are too large";
    case 503: return "Temporarily unavailable";
    default: return status >= 500 ? "Something went wrong" : "That did not work";
  }
}

}  // namespace

http::Response ErrorPage(const http::Request* request, unsigned status, const std::string& message) {
  if (request != nullptr && request->WantsJson()) {
    nlohmann::json body = {{"error", {{"status", status}, {"message", message}}}};
    return http::Response::Json(JsonText(body), status);
  }
  nlohmann::json page = {
      {"title", TitleFor(status)},
      {"status", status},
      {"message", message},
      {"is_not_found", status == 404},
      {"noindex", true},
  };
  if (request != nullptr && status == 404) page["requested_path"] = request->path;
  return http::Response::Html(Templates::RenderPage("error", page), status);
}

}  // namespace diseasemaps::pages
