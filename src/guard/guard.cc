#include "guard/guard.h"

namespace diseasemaps::guard {

std::optional<Role> ParseRole(const std::string& name) {
  if (name == "member") return Role::kMember;
  if (name == "editor") return Role::kEditor;
  if (name == "reviewer") return Role::kReviewer;
  if (name == "moderator") return Role::kModerator;
  if (name == "admin") return Role::kAdmin;
  return std::nullopt;
}

std::string RoleName(Role role) {
  switch (role) {
    case Role::kMember: return "member";
    case Role::kEditor: return "editor";
    case Role::kReviewer: return "reviewer";
    case Role::kModerator: return "moderator";
    case Role::kAdmin: return "admin";
  }
  return "member";
}

bool Can(const Viewer& viewer, Action action) {
  if (!viewer.signed_in() || viewer.suspended) return false;
  switch (action) {
    case Action::kWriteAnswers:
      return viewer.Has(Role::kEditor) || viewer.Has(Role::kReviewer) || viewer.Has(Role::kAdmin);
    case Action::kReviewAnswers:
      return viewer.Has(Role::kReviewer);
    case Action::kSeeEditorialQueues:
      return viewer.Has(Role::kEditor) || viewer.Has(Role::kReviewer) || viewer.Has(Role::kAdmin);
    case Action::kManageRoles:
    case Action::kSuspendAccounts:
    case Action::kReadAuditLog:
    case Action::kReadOutbox:
      return viewer.Has(Role::kAdmin);
    case Action::kManageOwnAccount:
      return true;
  }
  return false;
}

bool CanReviewVersionBy(const Viewer& viewer, std::optional<long long> author_user_id) {
  if (!Can(viewer, Action::kReviewAnswers)) return false;
  return !author_user_id || *author_user_id != *viewer.user_id;
}

}  // namespace diseasemaps::guard
