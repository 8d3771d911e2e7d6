#include "guard/guard.h"

#include <gtest/gtest.h>

namespace diseasemaps::guard {
namespace {

Viewer User(long long id, std::set<Role> roles, bool suspended = false) {
  Viewer v;
  v.user_id = id;
  v.display_name = "user " + std::to_string(id);
  v.roles = std::move(roles);
  v.suspended = suspended;
  return v;
}

struct Row {
  const char* who;
  Viewer viewer;
  Action action;
  bool allowed;
};

TEST(Guard, RoleByActionTable) {
  const Viewer anonymous;
  const std::vector<Row> table = {
      {"anonymous", anonymous, Action::kWriteAnswers, false},
      {"anonymous", anonymous, Action::kReviewAnswers, false},
      {"anonymous", anonymous, Action::kSeeEditorialQueues, false},
      {"anonymous", anonymous, Action::kManageRoles, false},
      {"member", User(1, {Role::kMember}), Action::kWriteAnswers, false},
      {"member", User(1, {Role::kMember}), Action::kReviewAnswers, false},
      {"member", User(1, {Role::kMember}), Action::kManageRoles, false},
      {"editor", User(2, {Role::kEditor}), Action::kWriteAnswers, true},
      {"editor", User(2, {Role::kEditor}), Action::kSeeEditorialQueues, true},
      {"editor", User(2, {Role::kEditor}), Action::kReviewAnswers, false},
      {"editor", User(2, {Role::kEditor}), Action::kManageRoles, false},
      {"reviewer", User(3, {Role::kReviewer}), Action::kReviewAnswers, true},
      {"reviewer", User(3, {Role::kReviewer}), Action::kWriteAnswers, true},
      {"reviewer", User(3, {Role::kReviewer}), Action::kManageRoles, false},
      {"moderator", User(4, {Role::kModerator}), Action::kWriteAnswers, false},
      {"moderator", User(4, {Role::kModerator}), Action::kReviewAnswers, false},
      {"admin", User(5, {Role::kAdmin}), Action::kManageRoles, true},
      {"admin", User(5, {Role::kAdmin}), Action::kWriteAnswers, true},
      {"admin", User(5, {Role::kAdmin}), Action::kReviewAnswers, false},  // a reviewer's call
      {"suspended reviewer", User(6, {Role::kReviewer}, true), Action::kReviewAnswers, false},
      {"suspended admin", User(7, {Role::kAdmin}, true), Action::kManageRoles, false},
      {"anonymous", anonymous, Action::kManageOwnAccount, false},
      {"member", User(1, {Role::kMember}), Action::kManageOwnAccount, true},
      {"no role yet", User(8, {}), Action::kManageOwnAccount, true},
      {"suspended member", User(9, {Role::kMember}, true), Action::kManageOwnAccount, false},
      {"anonymous", anonymous, Action::kSuspendAccounts, false},
      {"member", User(1, {Role::kMember}), Action::kSuspendAccounts, false},
      {"moderator", User(4, {Role::kModerator}), Action::kSuspendAccounts, false},
      {"admin", User(5, {Role::kAdmin}), Action::kSuspendAccounts, true},
      {"editor", User(2, {Role::kEditor}), Action::kReadAuditLog, false},
      {"admin", User(5, {Role::kAdmin}), Action::kReadAuditLog, true},
      {"reviewer", User(3, {Role::kReviewer}), Action::kReadOutbox, false},
      {"admin", User(5, {Role::kAdmin}), Action::kReadOutbox, true},
      {"suspended admin", User(7, {Role::kAdmin}, true), Action::kReadOutbox, false},
  };
  for (const Row& row : table) {
    EXPECT_EQ(Can(row.viewer, row.action), row.allowed)
        << row.who << " action " << static_cast<int>(row.action);
  }
}

TEST(Guard, AReviewerNeverApprovesTheirOwnDraftAndAnEditorNeverApproves) {
  const Viewer reviewer = User(3, {Role::kReviewer});
  EXPECT_TRUE(CanReviewVersionBy(reviewer, 2));
  EXPECT_TRUE(CanReviewVersionBy(reviewer, std::nullopt));  // the editorial team's content
  EXPECT_FALSE(CanReviewVersionBy(reviewer, 3));
  EXPECT_FALSE(CanReviewVersionBy(User(2, {Role::kEditor}), 9));
  EXPECT_FALSE(CanReviewVersionBy(Viewer{}, 9));
}

TEST(Guard, RoleNamesRoundTrip) {
  for (Role role : {Role::kMember, Role::kEditor, Role::kReviewer, Role::kModerator, Role::kAdmin}) {
    EXPECT_EQ(ParseRole(RoleName(role)), role);
  }
  EXPECT_EQ(ParseRole("superuser"), std::nullopt);
  EXPECT_EQ(ParseRole("Admin"), std::nullopt);
}

}  // namespace
}  // namespace diseasemaps::guard
