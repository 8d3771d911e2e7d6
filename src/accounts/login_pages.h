// Signing in and out: GET/POST /login and POST /logout.
//
// A successful sign-in starts a new session (a fresh random token in an HttpOnly,
// SameSite=Lax cookie; only its digest is stored) and goes on to `next` when that is a
// path on this site. A wrong e-mail address and a wrong password get the same answer
// and take the same time, so the form never tells whether an account exists. Failed
// attempts are limited per IP address and per account (app/limits.h; counted by the
// limiters the server chose, platform/db_rate_limiter.h, so across every node of a
// cluster on PostgreSQL): over the limit, 429 with Retry-After; an existing account
// that reaches the limit is locked for a while in the database (for every server
// process) and its owner is e-mailed. An account whose address is not confirmed yet
// cannot sign in.
#pragma once

#include <memory>
#include <string>

#include "accounts/user_store.h"
#include "http/request.h"
#include "platform/crypto.h"
#include "platform/rate_limiter.h"

namespace diseasemaps::accounts {

class LoginPages {
 public:
  LoginPages(UserStore& users, PasswordHasher& hasher, bool secure_cookies, std::string public_url,
             const RateLimiterFactory& limiters);

  http::Response Show(const http::Request& request);
  http::Response SignIn(const http::Request& request);
  http::Response SignOut(const http::Request& request);

 private:
  http::Response Form(const http::Request& request, const std::string& email,
                      const std::string& error, unsigned status);
  http::Response TooMany(const http::Request& request, const std::string& email, long long wait_seconds);

  UserStore& users_;
  PasswordHasher& hasher_;
  bool secure_cookies_;
  std::string public_url_;
  std::string dummy_hash_;  // verified against when the account does not exist
  std::unique_ptr<RateLimiter> failures_by_ip_;
  std::unique_ptr<RateLimiter> failures_by_account_;
};

// `next` when it is a path on this site ("/conditions/x"), else "/". Refuses "//host",
// "/\\host", schemes and control characters.
std::string SafeNextPath(const std::string& next);

}  // namespace diseasemaps::accounts
