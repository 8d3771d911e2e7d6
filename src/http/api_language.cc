#include "http/api_language.h"

#include "platform/i18n.h"

namespace diseasemaps::http {

bool IsApiPath(std::string_view path) { return path == "/api" || path.starts_with("/api/"); }

std::string ApiLanguage(std::optional<std::string_view> lang, std::string_view accept_language) {
  if (lang && i18n::IsSupported(*lang)) return std::string(*lang);
  if (auto preferred = i18n::PreferredLanguage(accept_language)) return *preferred;
  return std::string(i18n::kDefaultLanguage);
}

}  // namespace diseasemaps::http
