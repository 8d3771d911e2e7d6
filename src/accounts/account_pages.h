// My account: GET /account (what I can do), POST /account/language (the language of my
// e-mails), POST /account/sign-out-everywhere (ends every
// session of mine, on every device), POST /account/export ("Download my data": a JSON
// file of everything the platform holds about me), GET/POST /account/delete (after
// confirming with my password: deletes the account; see UserStore::DeleteAccount).
// Export and deletion cover other features' data through MemberDataHooks, and are
// written to the audit log. Only the signed-in owner reaches
// these pages (the guard's kManageOwnAccount).
#pragma once

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "accounts/member_events.h"
#include "accounts/user_store.h"
#include "http/request.h"
#include "platform/crypto.h"

namespace diseasemaps::accounts {

// What other features hold about a member, for export and deletion; the app wires them
// (app/routes.cc), so that accounts need not know every feature.
struct MemberDataHooks {
  // name -> JSON, added to "Download my data".
  std::vector<std::pair<std::string, std::function<Result<nlohmann::json>(long long user_id)>>> exporters;
  // Run inside the deletion's transaction.
  std::vector<std::function<void(soci::session&, long long user_id)>> deleters;
  // Told once the deletion committed.
  MemberChangedFn deleted;
};

class AccountPages {
 public:
  AccountPages(UserStore& users, PasswordHasher& hasher, bool secure_cookies, MemberDataHooks hooks)
      : users_(users), hasher_(hasher), secure_cookies_(secure_cookies), hooks_(std::move(hooks)) {}

  http::Response Home(const http::Request& request);
  http::Response SignOutEverywhere(const http::Request& request);
  // POST /account/language: the member's language (their e-mails are written in it);
  // 303 to the account page in that language, 422 for a language we do not have.
  http::Response SetLanguage(const http::Request& request);
  http::Response Export(const http::Request& request);
  http::Response ShowDelete(const http::Request& request);
  http::Response Delete(const http::Request& request);
  http::Response Deleted(const http::Request& request);  // GET /account/deleted

 private:
  http::Response DeleteForm(const http::Request& request, const std::string& error, unsigned status);

  UserStore& users_;
  PasswordHasher& hasher_;
  bool secure_cookies_;
  MemberDataHooks hooks_;
};

}  // namespace diseasemaps::accounts
