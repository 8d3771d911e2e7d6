// The guard: the one place that answers "may this viewer do that?" for the whole
// application. Handlers ask it; they never test roles themselves.
//
// A Viewer is whoever makes the request: an anonymous visitor is a Viewer with no user
// (a null object, so every check works without a login). Pure functions, thread-safe.
// Its tests are a table of role × action × expected answer (tests/unit/guard_test.cc).
#pragma once

#include <optional>
#include <set>
#include <string>

namespace diseasemaps::guard {

enum class Role { kMember, kEditor, kReviewer, kModerator, kAdmin };

// "member", "editor", "reviewer", "moderator", "admin"; nullopt for anything else.
std::optional<Role> ParseRole(const std::string& name);
std::string RoleName(Role role);

struct Viewer {
  std::optional<long long> user_id;  // empty: anonymous
  std::string display_name;
  std::string credentials;  // a reviewer's, as pages name them: "MD, neurologist"
  std::set<Role> roles;
  bool suspended = false;

  bool signed_in() const { return user_id.has_value(); }
  bool Has(Role role) const { return roles.count(role) > 0; }
};

enum class Action {
  kWriteAnswers,        // create drafts, edit, submit for review
  kReviewAnswers,       // approve or return a submitted version
  kSeeEditorialQueues,  // my drafts, waiting for review
  kManageRoles,         // give or take site roles
  kSuspendAccounts,     // suspend or reinstate someone's account
  kReadAuditLog,        // read what was done to accounts
  kReadOutbox,          // read the e-mails the site sent or holds
  kManageOwnAccount,    // sign out everywhere, download my data, delete my account
};

// True when viewer may do action at all.
bool Can(const Viewer& viewer, Action action);

// True when viewer may approve or return a version written by author_user_id: a
// reviewer never approves their own draft; an editor never approves at all.
bool CanReviewVersionBy(const Viewer& viewer, std::optional<long long> author_user_id);

}  // namespace diseasemaps::guard
