#include "http/read_your_writes.h"

#include <charconv>

#include "http/cookies.h"
#include "platform/signing.h"

namespace diseasemaps::http {
namespace {

constexpr std::string_view kCookie = "dm_primary";

bool MayHaveWritten(const Request& request, const Response& response) {
  switch (request.method) {
    case beast_http::verb::get:
    case beast_http::verb::head:
    case beast_http::verb::options:
      return false;
    default:
      return response.status < 400;
  }
}

}  // namespace

ReadYourWrites::ReadYourWrites(std::string key, std::chrono::seconds window, bool secure_cookies,
                               std::function<long long()> now)
    : key_(std::move(key)), window_(window), secure_cookies_(secure_cookies), now_(std::move(now)) {}

bool ReadYourWrites::ReadsPrimary(const Request& request) const {
  const auto cookie = CookieValue(request.Header(beast_http::field::cookie), kCookie);
  if (!cookie) return false;
  const auto payload = VerifyToken(key_, *cookie);
  if (!payload) return false;
  long long until = 0;
  const auto [end, error] = std::from_chars(payload->data(), payload->data() + payload->size(), until);
  if (error != std::errc() || end != payload->data() + payload->size()) return false;
  return now_() < until;
}

void ReadYourWrites::AfterRequest(const Request& request, Response& response) const {
  if (!MayHaveWritten(request, response)) return;
  const long long until = now_() + window_.count();
  response.With("Set-Cookie", SetCookieValue(kCookie, SignToken(key_, std::to_string(until)),
                                             window_.count(), secure_cookies_));
}

RequestHooks ReadYourWrites::Around(RequestHooks hooks) const {
  auto after = std::move(hooks.after);
  hooks.after = [this, after = std::move(after)](const Request& request, Response& response) {
    if (after) after(request, response);
    AfterRequest(request, response);
  };
  return hooks;
}

}  // namespace diseasemaps::http
