#include "accounts/password_reset_pages.h"

#include <nlohmann/json.hpp>

#include "accounts/account_mail.h"
#include "accounts/account_rules.h"
#include "accounts/password_policy.h"
#include "accounts/registration_pages.h"
#include "app/limits.h"
#include "pages/access.h"
#include "pages/error_pages.h"
#include "platform/i18n.h"
#include "platform/templates.h"
#include "platform/text.h"

namespace diseasemaps::accounts {
namespace {

using nlohmann::json;

http::Response Page(const std::string& name, json view, unsigned status = 200) {
  http::Response response = http::Response::Html(Templates::RenderPage(name, view), status);
  response.NoStore();
  return response;
}

http::Response LinkExpired(const http::Request& request) {
  return MessagePage(request, 410, i18n::Tr("This link no longer works"),
                     i18n::Tr("Links to choose a new password work once and for one hour. Ask for a new one."),
                     "/password/forgot", i18n::Tr("Ask for a new link"));
}

}  // namespace

PasswordResetPages::PasswordResetPages(UserStore& users, mail::OutboxStore& outbox, PasswordHasher& hasher,
                                       std::string public_url,
                                       const RateLimiterFactory& limiters)
    : users_(users),
      outbox_(outbox),
      hasher_(hasher),
      public_url_(std::move(public_url)),
      requests_by_ip_(limiters("reset-ip", limits::kMailRequestsPerIp, limits::kHourSeconds)),
      requests_by_address_(limiters("reset-address", limits::kMailRequestsPerAddress, limits::kHourSeconds)),
      login_failures_by_account_(
          limiters("login-account", limits::kLoginFailuresPerAccount, limits::kLoginWindowSeconds)) {}

http::Response PasswordResetPages::ShowForgot(const http::Request& request) {
  return Page("password_forgot", {{"title", i18n::Tr("Forgot your password?")}, {"noindex", true}, {"email", ""},
                                  {"errors", json::object()}, {"form_csrf", request.csrf_token}});
}

http::Response PasswordResetPages::Forgot(const http::Request& request) {
  const std::string email(TrimWhitespace(request.FormField("email")));
  if (!LooksLikeEmail(email)) {
    return Page("password_forgot",
                {{"title", i18n::Tr("Forgot your password?")}, {"noindex", true}, {"email", FirstCharacters(email, kMaxEmailBytes)},
                 {"errors", {{"email", i18n::Tr("Enter an e-mail address like name@example.org.")}}},
                 {"form_csrf", request.csrf_token}},
                422);
  }
  const long long now = pages::NowSeconds();
  const std::string ip_key = "ip:" + request.remote_address;
  const std::string address_key = "address:" + EmailKey(email);
  if (!requests_by_ip_->CanPerform(ip_key, now) || !requests_by_address_->CanPerform(address_key, now)) {
    return pages::TooManyAttempts(request, std::max(requests_by_ip_->RetryAfter(ip_key, now),
                                                    requests_by_address_->RetryAfter(address_key, now)),
                                  i18n::N_("Too many requests for e-mails from here in a short time. For everyone's safety, please wait {wait} and try again."));
  }
  requests_by_ip_->Performed(ip_key, now);
  requests_by_address_->Performed(address_key, now);
  auto user = users_.FindByEmail(email);
  Status queued;
  if (user.ok() && !user->deleted) {
    const std::string token = RandomToken();
    queued = users_.IssueToken(user->id, TokenPurpose::kResetPassword,
                               {TokenDigest(token), now + limits::kResetLinkSeconds},
                               ResetPasswordMail(email, user->language, public_url_, token));
  } else if (user.ok() || user.status().code() == Status::Code::kNotFound) {
    queued = outbox_.Enqueue(NoAccountForResetMail(email, request.language, public_url_));
  } else {
    queued = user.status();
  }
  if (!queued.ok()) {
    return pages::ErrorPage(&request, 503, i18n::Tr("Sending e-mail is unavailable right now. Please try again soon."));
  }
  return CheckYourEmailPage(request, i18n::Tr("Check your e-mail"),
                            i18n::Tr("We sent a message to {email} with what to do next. The link in it works once, "
                                     "for one hour. Look in your spam folder too.",
                                     {{"email", email}}));
}

http::Response PasswordResetPages::ShowReset(const http::Request& request) {
  const std::string token = request.Query("token").value_or("");
  if (!LooksLikeToken(token) || !users_.ResetTokenIsLive(TokenDigest(token), pages::NowSeconds())) {
    return LinkExpired(request);
  }
  return Page("password_reset", {{"title", i18n::Tr("Choose a new password")}, {"noindex", true}, {"token", token},
                                 {"errors", json::object()}, {"form_csrf", request.csrf_token}});
}

http::Response PasswordResetPages::Reset(const http::Request& request) {
  const std::string token = request.FormField("token");
  const std::string password = request.FormField("password");
  if (!LooksLikeToken(token)) return LinkExpired(request);
  std::optional<std::string> problem =
      password.empty() ? std::optional<std::string>(i18n::Tr("Choose a password of at least 10 characters."))
                       : PasswordProblem(password, "", "");
  if (problem) {
    return Page("password_reset",
                {{"title", i18n::Tr("Choose a new password")}, {"noindex", true}, {"token", token},
                 {"errors", {{"password", *problem}}}, {"form_csrf", request.csrf_token}},
                422);
  }
  auto hash = hasher_.Hash(password);
  if (!hash.ok()) return pages::ErrorPage(&request, 503, i18n::Tr("Please try again in a moment."));
  auto reset = users_.ResetPassword(TokenDigest(token), *hash, pages::NowSeconds());
  if (!reset.ok()) {
    if (reset.status().code() == Status::Code::kNotFound) return LinkExpired(request);
    return pages::ErrorPage(&request, 503, i18n::Tr("Please try again in a moment."));
  }
  // The reset proved the owner holds the address and lifted the lock: the failures
  // counted against the account, on every node, no longer hold them back.
  if (auto user = users_.FindById(*reset); user.ok()) {
    login_failures_by_account_->Reset("account:" + EmailKey(user->email));
  }
  return MessagePage(request, 200, i18n::Tr("Your password was changed"),
                     i18n::Tr("Every device that was signed in to your account has been signed out. Sign in with your "
                     "new password."),
                     "/login", i18n::Tr("Sign in"));
}

}  // namespace diseasemaps::accounts
