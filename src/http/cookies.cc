#include "http/cookies.h"

#include "platform/text.h"

namespace diseasemaps::http {

std::optional<std::string> CookieValue(std::string_view cookie_header, std::string_view name) {
  for (std::string_view pair : SplitOn(cookie_header, ";")) {
    pair = TrimWhitespace(pair);
    const std::size_t eq = pair.find('=');
    if (eq == std::string_view::npos) continue;
    if (TrimWhitespace(pair.substr(0, eq)) == name) {
      return std::string(TrimWhitespace(pair.substr(eq + 1)));
    }
  }
  return std::nullopt;
}

std::string SetCookieValue(std::string_view name, std::string_view value, long long max_age_seconds,
                           bool secure) {
  std::string cookie(name);
  cookie += '=';
  cookie += value;
  cookie += "; Path=/; Max-Age=" + std::to_string(max_age_seconds) + "; HttpOnly; SameSite=Lax";
  if (secure) cookie += "; Secure";
  return cookie;
}

}  // namespace diseasemaps::http
