// Joining: GET/POST /register (a successful POST redirects to GET /register/sent, so
// reloading sends nothing again), confirming the address (GET /account/confirm shows a
// button, POST uses the single-use token, so a mail scanner that follows links cannot
// use it up), and sending the confirmation again (/account/confirm/resend).
//
// Confirming signs the person in (accounts/session_start.h: a new session, the one the
// browser had ended) and goes on to /account; a suspended account is confirmed only.
//
// Registering with an address that already has an account answers exactly as a new
// registration does ("check your e-mail") and e-mails the owner instead, so the form
// never tells who has an account; the password is hashed either way, so the answer
// takes the same time. A form with mistakes comes back with what was typed (never the
// password) and a message beside each wrong field. Limited per IP (app/limits.h).
#pragma once

#include <memory>
#include <string>

#include "accounts/account_rules.h"
#include "accounts/user_store.h"
#include "http/request.h"
#include "platform/crypto.h"
#include "platform/rate_limiter.h"

namespace diseasemaps::accounts {

class RegistrationPages {
 public:
  RegistrationPages(UserStore& users, PasswordHasher& hasher, bool secure_cookies, std::string public_url,
                    const RateLimiterFactory& limiters);

  http::Response Show(const http::Request& request);
  http::Response Register(const http::Request& request);
  http::Response Sent(const http::Request& request);
  http::Response ShowConfirm(const http::Request& request);
  http::Response Confirm(const http::Request& request);
  http::Response ShowResend(const http::Request& request);
  http::Response Resend(const http::Request& request);

 private:
  http::Response Form(const http::Request& request, const std::string& email, const std::string& display_name,
                      const FieldErrors& errors, unsigned status);

  UserStore& users_;
  PasswordHasher& hasher_;
  bool secure_cookies_;
  std::string public_url_;
  std::unique_ptr<RateLimiter> registrations_by_ip_;
  std::unique_ptr<RateLimiter> resends_by_ip_;
  std::unique_ptr<RateLimiter> resends_by_address_;
};

// The "we sent you an e-mail" page shared by the account flows: `heading` and `lines`.
http::Response CheckYourEmailPage(const http::Request& request, const std::string& heading,
                                  const std::string& text);
// A page with a heading, a paragraph and a link onwards.
http::Response MessagePage(const http::Request& request, unsigned status, const std::string& heading,
                           const std::string& text, const std::string& link_href,
                           const std::string& link_text);

}  // namespace diseasemaps::accounts
