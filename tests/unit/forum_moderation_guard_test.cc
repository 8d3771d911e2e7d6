// The guard's forum moderation questions (guard/guard.h CanModerateForum,
// CanModerateForumPost, CanMoveForumTopic) as a table: who asks (site role, suspended)
// × who may read the forum × what a moderator wants to do. Each row spells the expected
// answers column by column.
#include <gtest/gtest.h>

#include <array>
#include <string>
#include <vector>

#include "guard/guard.h"

namespace diseasemaps::guard {
namespace {

constexpr long long kSomeoneElse = 99;

Viewer Member(long long id, std::set<Role> roles, bool confirmed = true, bool suspended = false) {
  Viewer v;
  v.user_id = id;
  v.display_name = "user " + std::to_string(id);
  v.roles = std::move(roles);
  v.email_confirmed = confirmed;
  v.suspended = suspended;
  return v;
}

constexpr std::array<const char*, 9> kColumns = {
    "moderate the forum (close, reopen, pin, unpin, delete topics)",
    "hide, restore or edit another's post",
    "... in a closed topic",
    "... once its author deleted it",
    "... their own post",
    "move a topic to a public forum",
    "move a topic to a members-only forum",
    "see the controls of a public forum",
    "see the controls of a members-only forum",
};

std::array<bool, 9> Answers(const Viewer& v, ForumReaders readers) {
  const long long me = v.user_id.value_or(1);
  const ForumPostFacts other{kSomeoneElse, false, false};
  const ForumPostFacts other_closed{kSomeoneElse, false, true};
  const ForumPostFacts other_deleted{kSomeoneElse, true, false};
  const ForumPostFacts own{me, false, false};
  return {CanModerateForum(v, readers),
          CanModerateForumPost(v, readers, other),
          CanModerateForumPost(v, readers, other_closed),
          CanModerateForumPost(v, readers, other_deleted),
          CanModerateForumPost(v, readers, own),
          CanMoveForumTopic(v, readers, ForumReaders::kEveryone),
          CanMoveForumTopic(v, readers, ForumReaders::kMembers),
          CanModerateForum(v, ForumReaders::kEveryone),
          CanModerateForum(v, ForumReaders::kMembers)};
}

struct Row {
  const char* who;
  Viewer viewer;
  ForumReaders readers;
  const char* expected;  // one '1' (yes) or '0' (no) per column of kColumns
};

TEST(ForumModerationGuard, RoleVisibilityActionTable) {
  const Viewer anonymous;
  const auto everyone = ForumReaders::kEveryone;
  const auto members = ForumReaders::kMembers;
  //                                                                          columns: 012345678
  const std::vector<Row> table = {
      {"anonymous", anonymous, everyone, /*                                          */ "000000000"},
      {"anonymous", anonymous, members, /*                                           */ "000000000"},
      {"member", Member(1, {Role::kMember}), everyone, /*                            */ "000000000"},
      {"member", Member(1, {Role::kMember}), members, /*                             */ "000000000"},
      {"editor", Member(2, {Role::kEditor}), everyone, /*                            */ "000000000"},
      {"reviewer", Member(3, {Role::kReviewer}), members, /*                         */ "000000000"},
      {"moderator", Member(4, {Role::kModerator}), everyone, /*                      */ "111001111"},
      {"moderator", Member(4, {Role::kModerator}), members, /*                       */ "111001111"},
      {"unconfirmed moderator", Member(5, {Role::kModerator}, false), members, /*    */ "111001111"},
      {"admin", Member(6, {Role::kAdmin}), everyone, /*                              */ "111001111"},
      {"admin", Member(6, {Role::kAdmin}), members, /*                               */ "111001111"},
      {"suspended moderator", Member(7, {Role::kModerator}, true, true), everyone, /**/ "000000000"},
      {"suspended admin", Member(8, {Role::kAdmin}, true, true), members, /*         */ "000000000"},
  };
  for (const Row& row : table) {
    ASSERT_EQ(std::string(row.expected).size(), kColumns.size()) << row.who;
    const auto answers = Answers(row.viewer, row.readers);
    for (std::size_t c = 0; c < kColumns.size(); ++c) {
      EXPECT_EQ(answers[c], row.expected[c] == '1')
          << row.who << " in a forum for " << ForumReadersName(row.readers) << ": " << kColumns[c];
    }
  }
}

TEST(ForumModerationGuard, ModeratorsStillCannotWriteInAClosedTopic) {
  // Closing is for everyone: a moderator replies only once the topic is reopened.
  const Viewer mod = Member(4, {Role::kModerator});
  EXPECT_FALSE(CanReplyInTopic(mod, ForumReaders::kEveryone, true));
  EXPECT_TRUE(CanModerateForum(mod, ForumReaders::kEveryone));
}

}  // namespace
}  // namespace diseasemaps::guard
