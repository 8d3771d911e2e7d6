// The guard's forum questions (guard/guard.h) as a table: who asks (site role, address
// confirmed or not, suspended) × who may read the forum × what they want to do with a
// topic or post in it. Each row spells the expected answers column by column.
#include <gtest/gtest.h>

#include <array>
#include <string>

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

// The columns of a row, in order.
constexpr std::array<const char*, 16> kColumns = {
    "read the forum",              //
    "start a topic",               //
    "reply in an open topic",      //
    "reply in a closed topic",     //
    "edit own post",               //
    "edit someone else's post",    //
    "edit own deleted post",       //
    "edit own post, topic closed", //
    "delete own post",             //
    "delete someone else's post",  //
    "delete own post, topic closed",
    "say own post helped",         //
    "say another's post helped",   //
    "say another's helped, closed",
    "flag another's post",         //
    "flag own post",
};

std::array<bool, 16> Answers(const Viewer& v, ForumReaders readers) {
  const long long me = v.user_id.value_or(1);
  const ForumPostFacts own{me, false, false};
  const ForumPostFacts other{kSomeoneElse, false, false};
  const ForumPostFacts own_deleted{me, true, false};
  const ForumPostFacts own_closed{me, false, true};
  const ForumPostFacts other_closed{kSomeoneElse, false, true};
  return {CanReadForum(v, readers),
          CanStartTopic(v, readers),
          CanReplyInTopic(v, readers, false),
          CanReplyInTopic(v, readers, true),
          CanEditForumPost(v, readers, own),
          CanEditForumPost(v, readers, other),
          CanEditForumPost(v, readers, own_deleted),
          CanEditForumPost(v, readers, own_closed),
          CanDeleteForumPost(v, readers, own),
          CanDeleteForumPost(v, readers, other),
          CanDeleteForumPost(v, readers, own_closed),
          CanMarkPostHelpful(v, readers, own),
          CanMarkPostHelpful(v, readers, other),
          CanMarkPostHelpful(v, readers, other_closed),
          CanFlagForumPost(v, readers, other),
          CanFlagForumPost(v, readers, own)};
}

struct Row {
  const char* who;
  Viewer viewer;
  ForumReaders readers;
  const char* expected;  // one '1' (yes) or '0' (no) per column of kColumns
};

TEST(ForumGuard, RoleTrustVisibilityActionTable) {
  const Viewer anonymous;
  const auto everyone = ForumReaders::kEveryone;
  const auto members = ForumReaders::kMembers;
  //                                                                      columns: 0123456789012345
  const std::vector<Row> table = {
      {"anonymous", anonymous, everyone, /*                                      */ "1000000000000000"},
      {"anonymous", anonymous, members, /*                                       */ "0000000000000000"},
      {"confirmed member", Member(1, {Role::kMember}), everyone, /*              */ "1110100010101010"},
      {"confirmed member", Member(1, {Role::kMember}), members, /*               */ "1110100010101010"},
      {"account with no role yet", Member(2, {}), members, /*                    */ "1110100010101010"},
      {"unconfirmed member", Member(3, {Role::kMember}, false), everyone, /*     */ "1000000010100000"},
      {"unconfirmed member", Member(3, {Role::kMember}, false), members, /*      */ "1000000010100000"},
      {"suspended member", Member(4, {Role::kMember}, true, true), everyone, /*  */ "1000000000000000"},
      {"suspended member", Member(4, {Role::kMember}, true, true), members, /*   */ "0000000000000000"},
      {"moderator", Member(5, {Role::kModerator}), members, /*                   */ "1110100010101010"},
      {"editor", Member(6, {Role::kEditor}), everyone, /*                        */ "1110100010101010"},
      {"admin", Member(7, {Role::kAdmin}), members, /*                           */ "1110100010101010"},
      {"suspended admin", Member(8, {Role::kAdmin}, true, true), members, /*     */ "0000000000000000"},
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

TEST(ForumGuard, NobodyWhoCannotReadAForumMayDoAnythingInIt) {
  const Viewer anonymous;
  for (const Viewer& v : {anonymous, Member(4, {Role::kMember}, true, true), Member(8, {Role::kAdmin}, false, true)}) {
    const auto answers = Answers(v, ForumReaders::kMembers);
    for (std::size_t c = 0; c < answers.size(); ++c) EXPECT_FALSE(answers[c]) << kColumns[c];
  }
}

TEST(ForumGuard, ReadersSettingHasTwoNames) {
  EXPECT_EQ(ParseForumReaders("everyone"), ForumReaders::kEveryone);
  EXPECT_EQ(ParseForumReaders("members"), ForumReaders::kMembers);
  EXPECT_EQ(ParseForumReaders("Members"), std::nullopt);
  EXPECT_EQ(ParseForumReaders(""), std::nullopt);
  EXPECT_EQ(ForumReadersName(ForumReaders::kEveryone), "everyone");
  EXPECT_EQ(ForumReadersName(ForumReaders::kMembers), "members");
}

}  // namespace
}  // namespace diseasemaps::guard
