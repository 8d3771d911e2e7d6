// My account: GET /account (what I can do), POST /account/sign-out-everywhere (ends every
// session of mine, on every device), POST /account/export ("Download my data": a JSON
// file of everything the platform holds about me), GET/POST /account/delete (after
// confirming with my password: deletes the account; see UserStore::DeleteAccount).
// Export and deletion are written to the audit log. Only the signed-in owner reaches
// these pages (the guard's kManageOwnAccount).
#pragma once

#include "accounts/user_store.h"
#include "http/request.h"
#include "platform/crypto.h"

namespace diseasemaps::accounts {

class AccountPages {
 public:
  AccountPages(UserStore& users, PasswordHasher& hasher, bool secure_cookies)
      : users_(users), hasher_(hasher), secure_cookies_(secure_cookies) {}

  http::Response Home(const http::Request& request);
  http::Response SignOutEverywhere(const http::Request& request);
  http::Response Export(const http::Request& request);
  http::Response ShowDelete(const http::Request& request);
  http::Response Delete(const http::Request& request);
  http::Response Deleted(const http::Request& request);  // GET /account/deleted

 private:
  http::Response DeleteForm(const http::Request& request, const std::string& error, unsigned status);

  UserStore& users_;
  PasswordHasher& hasher_;
  bool secure_cookies_;
};

}  // namespace diseasemaps::accounts
