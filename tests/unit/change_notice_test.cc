#include "platform/change_notice.h"

#include <gtest/gtest.h>

namespace diseasemaps {
namespace {

TEST(ChangeNotice, EveryNoticeMadeIsReadBack) {
  EXPECT_EQ(ParseChangeNotice(ContentNotice()).kind, ChangeNotice::Kind::kContent);
  EXPECT_EQ(ParseChangeNotice(SearchNotice()).kind, ChangeNotice::Kind::kSearch);
  const ChangeNotice member = ParseChangeNotice(MemberNotice(4217));
  EXPECT_EQ(member.kind, ChangeNotice::Kind::kMember);
  EXPECT_EQ(member.member_id, 4217);
}

// A newer server's notice, or a malformed one, wakes nothing rather than the wrong thing.
TEST(ChangeNotice, AnythingElseIsUnknown) {
  for (const char* payload : {"", "contents", "member:", "member:0", "member:-3", "member:12x", "member:1 2",
                              "member:99999999999999999999", "search "}) {
    EXPECT_EQ(ParseChangeNotice(payload).kind, ChangeNotice::Kind::kUnknown) << payload;
  }
}

}  // namespace
}  // namespace diseasemaps
