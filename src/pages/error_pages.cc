#include "pages/error_pages.h"

#include <nlohmann/json.hpp>

#include "platform/i18n.h"
#include "platform/json_text.h"
#include "platform/templates.h"

namespace diseasemaps::pages {
namespace {

const char* TitleFor(unsigned status) {
  using i18n::N_;
  switch (status) {
    case 400: return N_("That request could not be understood");
    case 403: return N_("You can't do that here");
    case 404: return N_("Page not found");
    case 405: return N_("That action is not available here");
    case 409: return N_("That conflicts with something that changed");
    case 413: return N_("That is too large");
    case 422: return N_("Some of that needs fixing");
    case 429: return N_("Too many requests");
    case 431: return N_("The request's headers are too large");
    case 503: return N_("Temporarily unavailable");
    default: return status >= 500 ? N_("Something went wrong") : N_("That did not work");
  }
}

// For an address under a language we do not have ("/de/map"): the same page in each
// language we have.
nlohmann::json LanguageLinks(const std::string& path) {
  const std::string rest = path.size() > 3 ? path.substr(3) : "/";
  nlohmann::json links = nlohmann::json::array();
  for (const auto& language : i18n::Languages()) {
    links.push_back({{"code", language.code},
                     {"name", language.native_name},
                     {"href", i18n::PrefixPath(language.code, rest)}});
  }
  return links;
}

}  // namespace

http::Response ErrorPage(const http::Request* request, unsigned status, const std::string& message) {
  if (request != nullptr && request->WantsJson()) {
    nlohmann::json body = {{"error", {{"status", status}, {"message", message}}}};
    return http::Response::Json(JsonText(body), status);
  }
  nlohmann::json page = {
      {"title", i18n::Tr(TitleFor(status))},
      {"status", status},
      {"message", message},
      {"is_not_found", status == 404},
      {"noindex", true},
  };
  // In another language, the same page without the query (which may be what went wrong).
  if (request != nullptr && !i18n::HasUnknownLanguagePrefix(request->path)) page["language_address"] = request->path;
  if (request != nullptr && status == 404) {
    page["requested_path"] = request->path;
    if (i18n::HasUnknownLanguagePrefix(request->path)) {
      page["language_list"] = true;
      page["language_links"] = LanguageLinks(request->path);
    }
  }
  return http::Response::Html(Templates::RenderPage("error", page), status);
}

}  // namespace diseasemaps::pages
