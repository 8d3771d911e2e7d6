#include "accounts/registration_pages.h"

#include <nlohmann/json.hpp>

#include "accounts/account_mail.h"
#include "accounts/session_start.h"
#include "app/limits.h"
#include "pages/access.h"
#include "pages/error_pages.h"
#include "platform/i18n.h"
#include "platform/templates.h"
#include "platform/text.h"

namespace diseasemaps::accounts {
namespace {

using nlohmann::json;

json ErrorsView(const FieldErrors& errors) {
  json view = json::object();
  for (const auto& [field, message] : errors) view[field] = message;
  return view;
}

}  // namespace

http::Response CheckYourEmailPage(const http::Request& request, const std::string& heading,
                                  const std::string& text) {
  (void)request;
  json view = {{"title", heading}, {"noindex", true}, {"heading", heading}, {"text", text}};
  return http::Response::Html(Templates::RenderPage("account_message", view)).NoStore();
}

http::Response MessagePage(const http::Request& request, unsigned status, const std::string& heading,
                           const std::string& text, const std::string& link_href,
                           const std::string& link_text) {
  (void)request;
  json view = {{"title", heading}, {"noindex", true}, {"heading", heading}, {"text", text},
               {"link_href", link_href}, {"link_text", link_text}};
  return http::Response::Html(Templates::RenderPage("account_message", view), status).NoStore();
}

RegistrationPages::RegistrationPages(UserStore& users, PasswordHasher& hasher, bool secure_cookies,
                                     std::string public_url,
                                     const RateLimiterFactory& limiters)
    : users_(users),
      hasher_(hasher),
      secure_cookies_(secure_cookies),
      public_url_(std::move(public_url)),
      registrations_by_ip_(limiters("register-ip", limits::kRegistrationsPerIp, limits::kHourSeconds)),
      resends_by_ip_(limiters("confirm-resend-ip", limits::kMailRequestsPerIp, limits::kHourSeconds)),
      resends_by_address_(limiters("confirm-resend-address", limits::kMailRequestsPerAddress, limits::kHourSeconds)) {}

http::Response RegistrationPages::Form(const http::Request& request, const std::string& email,
                                       const std::string& display_name, const FieldErrors& errors,
                                       unsigned status) {
  json view = {{"title", i18n::Tr("Join DiseaseMaps")},
               {"noindex", true},
               {"email", email},
               {"display_name", display_name},
               {"errors", ErrorsView(errors)},
               {"has_errors", !errors.empty()},
               {"error_count", errors.size()},
               {"form_csrf", request.csrf_token}};
  return http::Response::Html(Templates::RenderPage("register", view), status).NoStore();
}

http::Response RegistrationPages::Show(const http::Request& request) {
  if (request.viewer.signed_in()) return http::Response::Redirect("/account", 303);
  return Form(request, "", "", {}, 200);
}

http::Response RegistrationPages::Register(const http::Request& request) {
  const http::QueryParams form = request.FormFields();
  const std::string email(TrimWhitespace(http::QueryValue(form, "email").value_or("")));
  const std::string display_name(TrimWhitespace(http::QueryValue(form, "display_name").value_or("")));
  const std::string password = http::QueryValue(form, "password").value_or("");
  const long long now = pages::NowSeconds();
  const std::string ip_key = "ip:" + request.remote_address;
  if (!registrations_by_ip_->CanPerform(ip_key, now)) {
    return pages::TooManyAttempts(request, registrations_by_ip_->RetryAfter(ip_key, now), i18n::N_("Too many new accounts from here in a short time. For everyone's safety, please wait {wait} and try again."));
  }
  if (FieldErrors errors = CheckRegistration(email, display_name, password); !errors.empty()) {
    return Form(request, FirstCharacters(email, kMaxEmailBytes), FirstCharacters(display_name, 200), errors, 422);
  }
  registrations_by_ip_->Performed(ip_key, now);
  auto hash = hasher_.Hash(password);
  if (!hash.ok()) return pages::ErrorPage(&request, 503, i18n::Tr("Joining is unavailable right now. Please try again soon."));
  const std::string token = RandomToken();
  // The member's language is the one they joined in; the e-mail to an address that
  // already has an account is written in that language too (who typed it cannot be told
  // from its owner, and the answer must not depend on the account).
  NewUser user{email, display_name, "", *hash, {guard::Role::kMember}, /*email_confirmed=*/false,
               request.language};
  auto registered = users_.Register(user, {TokenDigest(token), now + limits::kConfirmLinkSeconds},
                                    ConfirmAddressMail(email, request.language, display_name, public_url_, token),
                                    AddressAlreadyRegisteredMail(email, request.language, public_url_));
  if (!registered.ok()) {
    return pages::ErrorPage(&request, 503, i18n::Tr("Joining is unavailable right now. Please try again soon."));
  }
  // Post/Redirect/Get: reloading the page that says so sends nothing again. The address
  // stays out of the URL (it would sit in history and logs).
  return http::Response::Redirect("/register/sent", 303);
}

http::Response RegistrationPages::Sent(const http::Request& request) {
  return CheckYourEmailPage(request, i18n::Tr("Check your e-mail"),
                            i18n::Tr("We sent a message to the address you gave. Open the link in it to confirm your "
                                     "address and finish joining. It can take a few minutes; look in your spam folder too."));
}

http::Response RegistrationPages::ShowConfirm(const http::Request& request) {
  const std::string token = request.Query("token").value_or("");
  if (!LooksLikeToken(token)) {
    return MessagePage(request, 400, i18n::Tr("This link is incomplete"),
                       i18n::Tr("The confirmation link was cut short. Copy the whole link from the e-mail, or ask "
                       "for a new one."),
                       "/account/confirm/resend", i18n::Tr("Send a new confirmation link"));
  }
  json view = {{"title", i18n::Tr("Confirm your e-mail address")}, {"noindex", true}, {"token", token},
               {"form_csrf", request.csrf_token}};
  return http::Response::Html(Templates::RenderPage("confirm_address", view)).NoStore();
}

http::Response RegistrationPages::Confirm(const http::Request& request) {
  const std::string token = request.FormField("token");
  auto confirmed = LooksLikeToken(token) ? users_.ConfirmEmail(TokenDigest(token), pages::NowSeconds())
                                         : Result<long long>(Status::NotFound("malformed"));
  if (!confirmed.ok()) {
    if (confirmed.status().code() != Status::Code::kNotFound) {
      return pages::ErrorPage(&request, 503, i18n::Tr("Confirming is unavailable right now. Please try again soon."));
    }
    return MessagePage(request, 410, i18n::Tr("This link no longer works"),
                       i18n::Tr("Confirmation links work once and for 48 hours. If your address is not confirmed "
                       "yet, ask for a new link."),
                       "/account/confirm/resend", i18n::Tr("Send a new confirmation link"));
  }
  // The link reached the address's owner: that signs them in, with a new session as
  // signing in makes. A suspended account is confirmed but not signed in.
  auto user = users_.FindById(*confirmed);
  if (user.ok() && user->status == "active" && !user->deleted) {
    http::Response response = http::Response::Redirect("/account?done=confirmed", 303);
    if (StartSession(users_, request, user->id, pages::NowSeconds(), secure_cookies_, response).ok()) return response;
  }
  return MessagePage(request, 200, i18n::Tr("Your address is confirmed"),
                     i18n::Tr("Thank you. Your account is ready: sign in to set up your profile."), "/login",
                     i18n::Tr("Sign in"));
}

http::Response RegistrationPages::ShowResend(const http::Request& request) {
  json view = {{"title", i18n::Tr("Send the confirmation link again")}, {"noindex", true}, {"form_csrf", request.csrf_token},
               {"email", ""}, {"errors", json::object()}};
  return http::Response::Html(Templates::RenderPage("confirm_resend", view)).NoStore();
}

http::Response RegistrationPages::Resend(const http::Request& request) {
  const std::string email(TrimWhitespace(request.FormField("email")));
  if (!LooksLikeEmail(email)) {
    json view = {{"title", i18n::Tr("Send the confirmation link again")}, {"noindex", true},
                 {"form_csrf", request.csrf_token}, {"email", FirstCharacters(email, kMaxEmailBytes)},
                 {"errors", {{"email", i18n::Tr("Enter an e-mail address like name@example.org.")}}}};
    return http::Response::Html(Templates::RenderPage("confirm_resend", view), 422).NoStore();
  }
  const long long now = pages::NowSeconds();
  const std::string ip_key = "ip:" + request.remote_address;
  const std::string address_key = "address:" + EmailKey(email);
  if (!resends_by_ip_->CanPerform(ip_key, now) || !resends_by_address_->CanPerform(address_key, now)) {
    return pages::TooManyAttempts(request, std::max(resends_by_ip_->RetryAfter(ip_key, now),
                                                    resends_by_address_->RetryAfter(address_key, now)),
                                  i18n::N_("Too many requests for e-mails from here in a short time. For everyone's safety, please wait {wait} and try again."));
  }
  resends_by_ip_->Performed(ip_key, now);
  resends_by_address_->Performed(address_key, now);
  auto user = users_.FindByEmail(email);
  if (user.ok() && !user->email_confirmed && !user->deleted) {
    const std::string token = RandomToken();
    if (Status s = users_.IssueToken(user->id, TokenPurpose::kConfirmEmail,
                                     {TokenDigest(token), now + limits::kConfirmLinkSeconds},
                                     ConfirmAddressMail(email, user->language, user->display_name, public_url_, token));
        !s.ok()) {
      return pages::ErrorPage(&request, 503, i18n::Tr("Sending e-mail is unavailable right now. Please try again soon."));
    }
  } else if (!user.ok() && user.status().code() != Status::Code::kNotFound) {
    return pages::ErrorPage(&request, 503, i18n::Tr("Sending e-mail is unavailable right now. Please try again soon."));
  }
  return CheckYourEmailPage(request, i18n::Tr("Check your e-mail"),
                            i18n::Tr("If {email} belongs to an account that still needs confirming, a new link is on "
                                     "its way. Earlier links no longer work.",
                                     {{"email", email}}));
}

}  // namespace diseasemaps::accounts
