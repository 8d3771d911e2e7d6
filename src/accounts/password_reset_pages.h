// A forgotten password: GET/POST /password/forgot sends a single-use link that works
// for one hour; GET /password/reset?token= shows the form, POST sets the new password,
// signs every device out and clears any lock.
//
// The answer to "forgot" is the same whether or not the address has an account (an
// address without one gets an e-mail saying so, never the visitor), and requests are
// limited per IP and per address (app/limits.h).
#pragma once

#include <memory>
#include <string>

#include "accounts/user_store.h"
#include "http/request.h"
#include "mail/outbox_store.h"
#include "platform/crypto.h"
#include "platform/rate_limiter.h"

namespace diseasemaps::accounts {

class PasswordResetPages {
 public:
  PasswordResetPages(UserStore& users, mail::OutboxStore& outbox, PasswordHasher& hasher,
                     std::string public_url,
                     const RateLimiterFactory& limiters);

  http::Response ShowForgot(const http::Request& request);
  http::Response Forgot(const http::Request& request);
  http::Response ShowReset(const http::Request& request);
  http::Response Reset(const http::Request& request);

 private:
  UserStore& users_;
  mail::OutboxStore& outbox_;
  PasswordHasher& hasher_;
  std::string public_url_;
  std::unique_ptr<RateLimiter> requests_by_ip_;
  std::unique_ptr<RateLimiter> requests_by_address_;
  // The login pages' failures per account ("login-account"): a reset forgets them.
  std::unique_ptr<RateLimiter> login_failures_by_account_;
};

}  // namespace diseasemaps::accounts
