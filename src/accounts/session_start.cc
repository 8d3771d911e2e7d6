#include "accounts/session_start.h"

#include "accounts/session_gate.h"
#include "app/limits.h"
#include "http/cookies.h"
#include "platform/crypto.h"

namespace diseasemaps::accounts {

Status StartSession(UserStore& users, const http::Request& request, long long user_id, long long now,
                    bool secure_cookies, http::Response& response) {
  const std::string_view cookies = request.Header(boost::beast::http::field::cookie);
  if (auto old = http::CookieValue(cookies, kSessionCookie)) users.DeleteSession(TokenDigest(*old));
  const std::string token = RandomToken();
  if (Status s = users.CreateSession(user_id, TokenDigest(token), RandomToken(), now + limits::kSessionSeconds);
      !s.ok()) {
    return s;
  }
  response.With("Set-Cookie", http::SetCookieValue(kSessionCookie, token, limits::kSessionSeconds, secure_cookies));
  return Status::Ok();
}

}  // namespace diseasemaps::accounts
