#include "pages/access.h"

#include <algorithm>
#include <chrono>

#include "http/cookies.h"
#include "http/url.h"
#include "pages/error_pages.h"
#include "platform/i18n.h"

namespace diseasemaps::pages {

std::optional<http::Response> RequireAllowed(const http::Request& request, guard::Action action,
                                             const std::string& refusal) {
  return RequireAllowed(request, request.viewer.signed_in() && guard::Can(request.viewer, action), refusal);
}

std::optional<http::Response> RequireAllowed(const http::Request& request, bool allowed,
                                             const std::string& refusal) {
  if (allowed) return std::nullopt;
  if (!request.viewer.signed_in()) {
    const bool get = request.method == boost::beast::http::verb::get || request.IsHead();
    const bool had_session =
        http::CookieValue(request.Header(boost::beast::http::field::cookie), "dm_session").has_value();
    std::string location = "/login?next=" + http::PercentEncode(get ? request.target : request.path);
    if (had_session) location += "&expired=1";
    return http::Response::Redirect(location, 303);
  }
  return ErrorPage(&request, 403, i18n::Tr(refusal));
}

long long NowSeconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string WaitInWords(long long seconds) {
  const long long minutes = (std::max(seconds, 1LL) + 59) / 60;
  return minutes >= 120 ? i18n::Plural("{count} hour", "{count} hours", (minutes + 59) / 60)
                        : i18n::Plural("{count} minute", "{count} minutes", minutes);
}

namespace {

http::Response WithRetryAfter(http::Response response, long long wait) {
  response.With("Retry-After", std::to_string(wait));
  return response;
}

}  // namespace

http::Response TooManyAttempts(const http::Request& request, long long retry_after_seconds,
                               const char* sentence) {
  const long long wait = std::max(retry_after_seconds, 1LL);
  return WithRetryAfter(ErrorPage(&request, 429, i18n::Tr(sentence, {{"wait", WaitInWords(wait)}})), wait);
}

http::Response TooManyRequests(const http::Request& request, long long retry_after_seconds,
                               const std::string& reason) {
  const long long wait = std::max(retry_after_seconds, 1LL);
  return WithRetryAfter(
      ErrorPage(&request, 429, i18n::Tr("{reason} You can try again in {wait}.", {{"reason", reason}, {"wait", WaitInWords(wait)}})),
      wait);
}

}  // namespace diseasemaps::pages
