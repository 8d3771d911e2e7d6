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
      {"anonymous", anonymous, Action::kSeeSystemStatus, false},
      {"member", User(1, {Role::kMember}), Action::kSeeSystemStatus, false},
      {"moderator", User(4, {Role::kModerator}), Action::kSeeSystemStatus, false},
      {"editor", User(2, {Role::kEditor}), Action::kSeeSystemStatus, false},
      {"admin", User(5, {Role::kAdmin}), Action::kSeeSystemStatus, true},
      {"suspended admin", User(7, {Role::kAdmin}, true), Action::kSeeSystemStatus, false},
      {"anonymous", anonymous, Action::kManageForums, false},
      {"member", User(1, {Role::kMember}), Action::kManageForums, false},
      {"moderator", User(4, {Role::kModerator}), Action::kManageForums, false},
      {"editor", User(2, {Role::kEditor}), Action::kManageForums, false},
      {"admin", User(5, {Role::kAdmin}), Action::kManageForums, true},
      {"suspended admin", User(7, {Role::kAdmin}, true), Action::kManageForums, false},
      {"anonymous", anonymous, Action::kVerifyMembers, false},
      {"anonymous", anonymous, Action::kJoinCommunities, false},
      {"member", User(1, {Role::kMember}), Action::kVerifyMembers, false},
      {"member", User(1, {Role::kMember}), Action::kJoinCommunities, true},
      {"editor", User(2, {Role::kEditor}), Action::kVerifyMembers, false},
      {"moderator", User(4, {Role::kModerator}), Action::kVerifyMembers, false},
      {"admin", User(5, {Role::kAdmin}), Action::kVerifyMembers, true},
      {"admin", User(5, {Role::kAdmin}), Action::kJoinCommunities, true},
      {"suspended admin", User(7, {Role::kAdmin}, true), Action::kVerifyMembers, false},
      {"suspended member", User(8, {Role::kMember}, true), Action::kJoinCommunities, false},
      {"anonymous", anonymous, Action::kUseMessages, false},
      {"member", User(1, {Role::kMember}), Action::kUseMessages, true},
      {"suspended member", User(8, {Role::kMember}, true), Action::kUseMessages, false},
      {"anonymous", anonymous, Action::kModerateReports, false},
      {"member", User(1, {Role::kMember}), Action::kModerateReports, false},
      {"editor", User(2, {Role::kEditor}), Action::kModerateReports, false},
      {"reviewer", User(3, {Role::kReviewer}), Action::kModerateReports, false},
      {"moderator", User(4, {Role::kModerator}), Action::kModerateReports, true},
      {"admin", User(5, {Role::kAdmin}), Action::kModerateReports, true},
      {"suspended admin", User(7, {Role::kAdmin}, true), Action::kModerateReports, false},
  };
  for (const Row& row : table) {
    EXPECT_EQ(Can(row.viewer, row.action), row.allowed)
        << row.who << " action " << static_cast<int>(row.action);
  }
}

// Who may start an experience of a condition, by how they stand in its community, and
// who may take one back (withdraw consents, delete).
TEST(Guard, SharingExperiencesByStandingTable) {
  struct StandingRow {
    const char* who;
    Viewer viewer;
    CommunityStanding standing;
    bool start;
  };
  const Viewer anonymous;
  const std::vector<StandingRow> table = {
      {"anonymous", anonymous, CommunityStanding::kAffectedOrFamily, false},
      {"member outside", User(1, {Role::kMember}), CommunityStanding::kOutside, false},
      {"member affected or family", User(1, {Role::kMember}), CommunityStanding::kAffectedOrFamily, true},
      {"member as researcher", User(1, {Role::kMember}), CommunityStanding::kOtherRole, false},
      {"admin outside", User(5, {Role::kAdmin}), CommunityStanding::kOutside, false},
      {"admin affected", User(5, {Role::kAdmin}), CommunityStanding::kAffectedOrFamily, true},
      {"suspended member affected", User(8, {Role::kMember}, true), CommunityStanding::kAffectedOrFamily, false},
  };
  for (const StandingRow& row : table) {
    EXPECT_EQ(CanStartExperience(row.viewer, row.standing), row.start) << row.who;
  }
  EXPECT_TRUE(Can(User(1, {Role::kMember}), Action::kShareExperiences));
  EXPECT_FALSE(Can(User(8, {Role::kMember}, true), Action::kShareExperiences));
  EXPECT_FALSE(Can(anonymous, Action::kShareExperiences));
  EXPECT_TRUE(CanTakeBackExperience(User(1, {Role::kMember}), 1));
  EXPECT_TRUE(CanTakeBackExperience(User(8, {Role::kMember}, true), 8));  // suspended, still theirs
  EXPECT_FALSE(CanTakeBackExperience(User(5, {Role::kAdmin}), 1));        // nobody else's
  EXPECT_FALSE(CanTakeBackExperience(anonymous, 1));
}

TEST(Guard, AReviewerNeverApprovesTheirOwnDraftAndAnEditorNeverApproves) {
  const Viewer reviewer = User(3, {Role::kReviewer});
  EXPECT_TRUE(CanReviewVersionBy(reviewer, 2));
  EXPECT_TRUE(CanReviewVersionBy(reviewer, std::nullopt));  // the editorial team's content
  EXPECT_FALSE(CanReviewVersionBy(reviewer, 3));
  EXPECT_FALSE(CanReviewVersionBy(User(2, {Role::kEditor}), 9));
  EXPECT_FALSE(CanReviewVersionBy(Viewer{}, 9));
}

// Viewer × visibility × whose profile: may they open it, list it, write to them?
struct VisibilityRow {
  const char* who;
  Viewer viewer;
  Visibility visibility;
  long long owner;
  bool accepts_contact;
  bool see, list, contact;
};

TEST(Guard, ViewerByVisibilityTable) {
  const Viewer anonymous;
  const Viewer member = User(1, {Role::kMember});
  const Viewer moderator = User(4, {Role::kModerator});
  const Viewer admin = User(5, {Role::kAdmin});
  const Viewer suspended = User(8, {Role::kMember}, true);
  const Viewer suspended_admin = User(7, {Role::kAdmin}, true);
  constexpr long long kOther = 42;
  const std::vector<VisibilityRow> table = {
      // who            viewer     visibility               owner   contact  see    list   contact
      {"anonymous", anonymous, Visibility::kPublic, kOther, true, true, true, false},
      {"anonymous", anonymous, Visibility::kMembers, kOther, true, false, false, false},
      {"anonymous", anonymous, Visibility::kHidden, kOther, true, false, false, false},
      {"member", member, Visibility::kPublic, kOther, true, true, true, true},
      {"member", member, Visibility::kPublic, kOther, false, true, true, false},
      {"member", member, Visibility::kMembers, kOther, true, true, true, true},
      {"member", member, Visibility::kMembers, kOther, false, true, true, false},
      {"member", member, Visibility::kHidden, kOther, true, false, false, false},
      {"member, own", member, Visibility::kHidden, 1, true, true, false, false},
      {"member, own", member, Visibility::kMembers, 1, true, true, true, false},
      {"moderator", moderator, Visibility::kHidden, kOther, true, false, false, false},
      {"admin", admin, Visibility::kPublic, kOther, true, true, true, true},
      {"admin", admin, Visibility::kMembers, kOther, false, true, true, false},
      {"admin", admin, Visibility::kHidden, kOther, true, true, false, true},
      {"admin", admin, Visibility::kHidden, kOther, false, true, false, false},
      {"suspended", suspended, Visibility::kPublic, kOther, true, true, true, false},
      {"suspended", suspended, Visibility::kMembers, kOther, true, false, false, false},
      {"suspended admin", suspended_admin, Visibility::kHidden, kOther, true, false, false, false},
      {"suspended, own", suspended, Visibility::kHidden, 8, true, true, false, false},
  };
  for (const VisibilityRow& row : table) {
    const std::string what = std::string(row.who) + " / " + VisibilityName(row.visibility) + " / owner " +
                             std::to_string(row.owner) + (row.accepts_contact ? " / accepts" : " / no contact");
    const MemberFacts owner{row.owner, row.visibility, row.accepts_contact, true};
    EXPECT_EQ(CanSeeProfile(row.viewer, owner), row.see) << "see: " << what;
    EXPECT_EQ(CanListMember(row.viewer, row.visibility), row.list) << "list: " << what;
    EXPECT_EQ(CanContact(row.viewer, owner), row.contact) << "contact: " << what;
  }
}

// Regression (security probe): a suspended member's profile answered 200 to everyone.
// A suspended or deleted account's page is for admins only, whatever its visibility, and
// nobody can start writing to it.
TEST(Guard, SuspendedOrDeletedProfilesAreSeenByAdminsOnly) {
  const Viewer anonymous;
  const Viewer member = User(1, {Role::kMember});
  const Viewer moderator = User(4, {Role::kModerator});
  const Viewer admin = User(5, {Role::kAdmin});
  const Viewer suspended_admin = User(7, {Role::kAdmin}, true);
  for (Visibility visibility : {Visibility::kPublic, Visibility::kMembers, Visibility::kHidden}) {
    const MemberFacts closed{42, visibility, true, false};
    const std::string what = VisibilityName(visibility);
    EXPECT_FALSE(CanSeeProfile(anonymous, closed)) << what;
    EXPECT_FALSE(CanSeeProfile(member, closed)) << what;
    EXPECT_FALSE(CanSeeProfile(moderator, closed)) << what;
    EXPECT_FALSE(CanSeeProfile(suspended_admin, closed)) << what;
    EXPECT_TRUE(CanSeeProfile(admin, closed)) << what;
    EXPECT_TRUE(CanSeeProfile(User(42, {Role::kMember}, true), closed)) << "their own, " << what;
    EXPECT_FALSE(CanContact(admin, closed)) << what;
    EXPECT_FALSE(CanContact(member, closed)) << what;
  }
}

// Regression (issue 16): a message and an e-mail to a demo member's `.invalid` address
// were queued. A synthetic member is never contactable, whoever asks and whatever it
// says about contact, and no conversation with one can start.
TEST(Guard, DemoMembersAreNeverContactable) {
  const Viewer member = User(1, {Role::kMember});
  const Viewer admin = User(5, {Role::kAdmin});
  for (Visibility visibility : {Visibility::kPublic, Visibility::kMembers, Visibility::kHidden}) {
    MemberFacts demo{42, visibility, true, true};
    demo.synthetic = true;
    const std::string what = VisibilityName(visibility);
    EXPECT_TRUE(NeverContactable(demo)) << what;
    EXPECT_FALSE(CanContact(member, demo)) << what;
    EXPECT_FALSE(CanContact(admin, demo)) << what;
    MessageTarget target;
    static_cast<MemberFacts&>(target) = demo;
    EXPECT_FALSE(CanStartConversation(member, target)) << what;
    demo.synthetic = false;
    EXPECT_FALSE(NeverContactable(demo)) << what;
  }
}

// Starting a conversation and replying: a block (either way), a closed account or a
// participant who left says no; contact preferences matter only for the first message.
TEST(Guard, ConversationTable) {
  const Viewer anonymous;
  const Viewer member = User(1, {Role::kMember});
  const Viewer suspended = User(8, {Role::kMember}, true);
  auto target = [](Visibility visibility, bool accepts, bool active, bool blocked) {
    return MessageTarget{{42, visibility, accepts, active}, blocked};
  };
  struct StartRow {
    const char* what;
    Viewer viewer;
    MessageTarget target;
    bool allowed;
  };
  const std::vector<StartRow> start = {
      {"member to accepting member", member, target(Visibility::kMembers, true, true, false), true},
      {"member to public accepting member", member, target(Visibility::kPublic, true, true, false), true},
      {"no contact", member, target(Visibility::kMembers, false, true, false), false},
      {"blocked", member, target(Visibility::kMembers, true, true, true), false},
      {"hidden profile", member, target(Visibility::kHidden, true, true, false), false},
      {"suspended target", member, target(Visibility::kMembers, true, false, false), false},
      {"anonymous", anonymous, target(Visibility::kPublic, true, true, false), false},
      {"suspended viewer", suspended, target(Visibility::kPublic, true, true, false), false},
      {"self", member, MessageTarget{{1, Visibility::kPublic, true, true}, false}, false},
  };
  for (const StartRow& row : start) {
    EXPECT_EQ(CanStartConversation(row.viewer, row.target), row.allowed) << row.what;
  }
  struct ReplyRow {
    const char* what;
    Viewer viewer;
    bool participant, anyone_left;
    MessageTarget other;
    bool allowed;
  };
  const std::vector<ReplyRow> reply = {
      {"participant", member, true, false, target(Visibility::kHidden, false, true, false), true},
      {"not a participant", member, false, false, target(Visibility::kPublic, true, true, false), false},
      {"someone left", member, true, true, target(Visibility::kPublic, true, true, false), false},
      {"blocked", member, true, false, target(Visibility::kPublic, true, true, true), false},
      {"other suspended", member, true, false, target(Visibility::kPublic, true, false, false), false},
      {"suspended viewer", suspended, true, false, target(Visibility::kPublic, true, true, false), false},
      {"anonymous", anonymous, true, false, target(Visibility::kPublic, true, true, false), false},
  };
  for (const ReplyRow& row : reply) {
    EXPECT_EQ(CanReply(row.viewer, row.participant, row.anyone_left, row.other), row.allowed) << row.what;
  }
}

TEST(Guard, OnlyAnAdminSuspendsAReportedModeratorOrAdmin) {
  const Viewer moderator = User(1, {Role::kMember, Role::kModerator});
  const Viewer admin = User(2, {Role::kMember, Role::kAdmin});
  const Viewer member = User(3, {Role::kMember});
  const std::set<Role> plain = {Role::kMember};
  const std::set<Role> moderates = {Role::kMember, Role::kModerator};
  const std::set<Role> administers = {Role::kMember, Role::kAdmin};
  EXPECT_TRUE(CanSuspendReportedAuthor(moderator, plain));
  EXPECT_FALSE(CanSuspendReportedAuthor(moderator, moderates));
  EXPECT_FALSE(CanSuspendReportedAuthor(moderator, administers));
  EXPECT_TRUE(CanSuspendReportedAuthor(admin, plain));
  EXPECT_TRUE(CanSuspendReportedAuthor(admin, moderates));
  EXPECT_TRUE(CanSuspendReportedAuthor(admin, administers));
  EXPECT_FALSE(CanSuspendReportedAuthor(member, plain));
  EXPECT_FALSE(CanSuspendReportedAuthor(Viewer{}, plain));
}

TEST(Guard, NobodyHandlesAReportOnTheirOwnMessage) {
  const Viewer moderator = User(5, {Role::kModerator});
  const Viewer admin = User(6, {Role::kAdmin});
  EXPECT_TRUE(CanHandleReportOn(moderator, 9));
  EXPECT_FALSE(CanHandleReportOn(moderator, 5));
  EXPECT_TRUE(CanHandleReportOn(admin, 5));
  EXPECT_FALSE(CanHandleReportOn(admin, 6));
  EXPECT_FALSE(CanHandleReportOn(User(7, {Role::kMember}), 9));
  EXPECT_FALSE(CanHandleReportOn(User(8, {Role::kModerator}, true), 9));  // suspended
  EXPECT_FALSE(CanHandleReportOn(Viewer{}, 9));
}

TEST(Guard, VisibilityNamesRoundTrip) {
  for (Visibility v : {Visibility::kPublic, Visibility::kMembers, Visibility::kHidden}) {
    EXPECT_EQ(ParseVisibility(VisibilityName(v)), v);
  }
  EXPECT_EQ(ParseVisibility("everyone"), std::nullopt);
  EXPECT_EQ(ParseVisibility(""), std::nullopt);
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
