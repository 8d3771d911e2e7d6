// The admin area's account screens: /admin/users lists accounts (by display name; e-mail
// addresses are not shown here either) with their roles, and lets an admin change them.
// The guard decides (Action::kManageRoles); each change is one transaction written to
// the audit log with the admin as actor. An admin cannot take away their own admin
// role, so the site never loses its last way in by accident. Admins also suspend an
// account with a reason (its sessions end at once) or reinstate it, and read the audit
// log at /admin/audit, newest first. They also mark a healthcare professional or an
// organisation as verified (or take it back): the guard decides (Action::kVerifyMembers),
// profiles/profile_store.h writes it with an audit entry, and the member's page shows the
// badge.
#pragma once

#include "accounts/member_events.h"
#include "accounts/user_store.h"
#include "http/request.h"
#include "profiles/profile_store.h"

namespace diseasemaps::accounts {

constexpr int kUsersPerPage = 50;
constexpr int kAuditEntriesPerPage = 100;

class AdminPages {
 public:
  // member_changed is told of every suspension and reinstatement.
  AdminPages(UserStore& users, Database& db, MemberChangedFn member_changed = {})
      : users_(users), profiles_(db), member_changed_(std::move(member_changed)) {}

  http::Response Users(const http::Request& request);         // GET /admin/users
  http::Response SetRoles(const http::Request& request);      // POST /admin/users/{id}/roles
  http::Response Suspend(const http::Request& request);       // POST /admin/users/{id}/suspend
  http::Response Reinstate(const http::Request& request);     // POST /admin/users/{id}/reinstate
  http::Response AuditLog(const http::Request& request);      // GET /admin/audit
  http::Response SetVerified(const http::Request& request);   // POST /admin/users/{id}/verification

 private:
  UserStore& users_;
  profiles::ProfileStore profiles_;
  MemberChangedFn member_changed_;
};

}  // namespace diseasemaps::accounts
