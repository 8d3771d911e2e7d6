// The admin area's account screens: /admin/users lists accounts (by display name; e-mail
// addresses are not shown here either) with their roles, and lets an admin change them.
// The guard decides (Action::kManageRoles); each change is one transaction written to
// the audit log with the admin as actor. An admin cannot take away their own admin
// role, so the site never loses its last way in by accident.
#pragma once

#include "accounts/user_store.h"
#include "http/request.h"

namespace diseasemaps::accounts {

constexpr int kUsersPerPage = 50;

class AdminPages {
 public:
  explicit AdminPages(UserStore& users) : users_(users) {}

  http::Response Users(const http::Request& request);         // GET /admin/users
  http::Response SetRoles(const http::Request& request);      // POST /admin/users/{id}/roles

 private:
  UserStore& users_;
};

}  // namespace diseasemaps::accounts
