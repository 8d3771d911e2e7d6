#include "accounts/login_pages.h"

#include <chrono>

#include <nlohmann/json.hpp>

#include "accounts/account_mail.h"
#include "accounts/session_gate.h"
#include "accounts/session_start.h"
#include "app/limits.h"
#include "http/cookies.h"
#include "pages/access.h"
#include "pages/error_pages.h"
#include "platform/i18n.h"
#include "platform/templates.h"

namespace diseasemaps::accounts {
namespace {

long long Now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

constexpr std::size_t kMaxEmailLength = 254;
constexpr std::size_t kMaxPasswordLength = 1024;

}  // namespace

std::string SafeNextPath(const std::string& next) {
  if (next.empty() || next.front() != '/' || next.size() > 2000) return "/";
  if (next.size() > 1 && (next[1] == '/' || next[1] == '\\')) return "/";
  for (char c : next) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f || c == '\\') return "/";
  }
  return next;
}

LoginPages::LoginPages(UserStore& users, PasswordHasher& hasher, bool secure_cookies, std::string public_url,
                       const RateLimiterFactory& limiters)
    : users_(users),
      hasher_(hasher),
      secure_cookies_(secure_cookies),
      public_url_(std::move(public_url)),
      dummy_hash_(hasher.Hash(RandomToken()).value()),
      failures_by_ip_(limiters("login-ip", limits::kLoginFailuresPerIp, limits::kLoginWindowSeconds)),
      failures_by_account_(limiters("login-account", limits::kLoginFailuresPerAccount, limits::kLoginWindowSeconds)) {}

http::Response LoginPages::Form(const http::Request& request, const std::string& email,
                                const std::string& error, unsigned status) {
  nlohmann::json page = {
      {"title", i18n::Tr("Sign in")},
      {"noindex", true},
      {"email", email},
      {"error", error},
      {"next", SafeNextPath(request.Query("next").value_or(
                   http::QueryValue(http::ParseQuery(request.raw ? request.raw->body() : ""), "next")
                       .value_or("/")))},
      {"form_csrf", request.csrf_token},
      {"notice", request.Query("expired")      ? nlohmann::json(i18n::Tr("Your session has ended. Sign in again to go on where you were."))
                 : request.Query("signed_out") ? nlohmann::json(i18n::Tr("You were signed out on every device."))
                                               : nlohmann::json(nullptr)},
  };
  http::Response response = http::Response::Html(Templates::RenderPage("login", page), status);
  response.NoStore();
  return response;
}

http::Response LoginPages::TooMany(const http::Request& request, const std::string& email, long long wait) {
  http::Response response = Form(request, email,
                                 i18n::Tr("Too many attempts to sign in. For your safety, please wait {wait} and try again.",
                                          {{"wait", pages::WaitInWords(wait)}}),
                                 429);
  response.With("Retry-After", std::to_string(std::max(wait, 1LL)));
  return response;
}

http::Response LoginPages::Show(const http::Request& request) {
  if (request.viewer.signed_in()) {
    return http::Response::Redirect(SafeNextPath(request.Query("next").value_or("/")), 303);
  }
  return Form(request, "", "", 200);
}

http::Response LoginPages::SignIn(const http::Request& request) {
  const http::QueryParams form = http::ParseQuery(request.raw ? request.raw->body() : "");
  const std::string email = http::QueryValue(form, "email").value_or("");
  const std::string password = http::QueryValue(form, "password").value_or("");
  const std::string next = SafeNextPath(http::QueryValue(form, "next").value_or("/"));
  if (email.empty() || password.empty()) {
    return Form(request, email, i18n::Tr("Enter your e-mail address and your password."), 422);
  }
  if (email.size() > kMaxEmailLength || password.size() > kMaxPasswordLength) {
    return Form(request, "", i18n::Tr("That e-mail address or password is too long."), 422);
  }
  const long long now = Now();
  const std::string ip_key = "ip:" + request.remote_address;
  const std::string account_key = "account:" + EmailKey(email);
  if (!failures_by_ip_->CanPerform(ip_key, now) || !failures_by_account_->CanPerform(account_key, now)) {
    return TooMany(request, email, std::max(failures_by_ip_->RetryAfter(ip_key, now),
                                            failures_by_account_->RetryAfter(account_key, now)));
  }
  auto user = users_.FindByEmail(email);
  if (!user.ok() && user.status().code() != Status::Code::kNotFound) {
    return pages::ErrorPage(&request, 503, i18n::Tr("Signing in is unavailable right now. Please try again soon."));
  }
  if (user.ok() && user->locked_until > now) return TooMany(request, email, user->locked_until - now);
  // The same work whether or not the account exists.
  const bool password_ok = hasher_.Verify(password, user.ok() ? user->password_hash : dummy_hash_);
  if (!user.ok() || !password_ok) {
    failures_by_ip_->Performed(ip_key, now);
    failures_by_account_->Performed(account_key, now);
    if (user.ok()) {
      auto locked_until = users_.RecordLoginFailure(
          user->id, now, limits::kLoginWindowSeconds, limits::kLoginFailuresPerAccount, limits::kAccountLockSeconds,
          AccountLockedMail(user->email, user->language, public_url_, limits::kAccountLockSeconds / 60));
      if (locked_until.ok() && *locked_until > now) return TooMany(request, email, *locked_until - now);
    }
    return Form(request, email, i18n::Tr("That e-mail address and password do not match an account."), 422);
  }
  if (user->status != "active") {
    return Form(request, email, i18n::Tr("This account is suspended. Contact the site's administrators."), 403);
  }
  if (!user->email_confirmed) {
    return Form(request, email,
                i18n::Tr("Please confirm your e-mail address first: open the link in the e-mail we sent you. "
                "No e-mail? Use \"Send it again\" below."),
                403);
  }
  users_.ClearLoginFailures(user->id);
  failures_by_account_->Reset(account_key);
  // A new session on every sign-in: a token planted before it is worth nothing after.
  http::Response response = http::Response::Redirect(next, 303);
  if (!StartSession(users_, request, user->id, now, secure_cookies_, response).ok()) {
    return pages::ErrorPage(&request, 503, i18n::Tr("Signing in is unavailable right now. Please try again soon."));
  }
  return response;
}

http::Response LoginPages::SignOut(const http::Request& request) {
  const std::string_view cookies = request.Header(boost::beast::http::field::cookie);
  if (auto token = http::CookieValue(cookies, kSessionCookie)) users_.DeleteSession(TokenDigest(*token));
  http::Response response = http::Response::Redirect("/", 303);
  response.With("Set-Cookie", http::SetCookieValue(kSessionCookie, "", 0, secure_cookies_));
  return response;
}

}  // namespace diseasemaps::accounts
