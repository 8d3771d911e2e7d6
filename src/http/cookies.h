// Cookies: reading one from a Cookie header, and writing Set-Cookie values that are
// HttpOnly and SameSite=Lax always, Secure when the site is served over TLS.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace diseasemaps::http {

// The value of cookie `name` in a Cookie header, or nullopt.
std::optional<std::string> CookieValue(std::string_view cookie_header, std::string_view name);

// "name=value; Path=/; Max-Age=N; HttpOnly; SameSite=Lax[; Secure]". max_age_seconds 0
// deletes the cookie.
std::string SetCookieValue(std::string_view name, std::string_view value, long long max_age_seconds,
                           bool secure);

}  // namespace diseasemaps::http
