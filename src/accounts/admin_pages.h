// The admin area's account screens: /admin/users lists accounts (by display name; e-mail
// addresses are not shown here either) with their roles, and lets an admin change them.
// The guard decides (Action::kManageRoles); each change is one transaction written to
// the audit log with the admin as actor. An admin cannot take away their own admin
// role, so the site never loses its last way in by accident. Admins also suspend an
// account with a reason (its sessions end at once) or reinstate it, and read the audit
// log at /admin/audit, newest first.
#pragma once

#include "accounts/user_store.h"
#include "http/request.h"

namespace diseasemaps::accounts {

constexpr int kUsersPerPage = 50;
constexpr int kAuditEntriesPerPage = 100;

class AdminPages {
 public:
  explicit AdminPages(UserStore& users) : users_(users) {}

  http::Response Users(const http::Request& request);         // GET /admin/users
  http::Response SetRoles(const http::Request& request);      // POST /admin/users/{id}/roles
  http::Response Suspend(const http::Request& request);       // POST /admin/users/{id}/suspend
  http::Response Reinstate(const http::Request& request);     // POST /admin/users/{id}/reinstate
  http::Response AuditLog(const http::Request& request);      // GET /admin/audit

 private:
  UserStore& users_;
};

}  // namespace diseasemaps::accounts
