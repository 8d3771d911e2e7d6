// The rules of notifications (notifications/notification_rules.h): handles, mentions,
// quotes, watch levels and which notification a post gives.
#include "notifications/notification_rules.h"

#include <gtest/gtest.h>

namespace diseasemaps::notifications {
namespace {

TEST(MemberHandleTest, IsTheNamesWordsAndTheAccountNumber) {
  EXPECT_EQ(MemberHandle("Ana López", 12), "ana-lopez-12");
  EXPECT_EQ(MemberHandle("  Jean-Pierre  O'Neil ", 7), "jean-pierre-oneil-7");
  EXPECT_EQ(MemberHandle("李小龍", 3), "member-3");
  EXPECT_EQ(MemberHandle("a b c d e f", 9), "a-b-c-d-9");  // at most four words
  EXPECT_EQ(MemberHandle(std::string(50, 'x'), 1), "member-1");  // one word too long for 30
}

TEST(ParseMentionsTest, ReadsHandlesEndingInANumberOnce) {
  const auto mentions = ParseMentions("Hi @Ana-Lopez-12 and @ana-lopez-12, ask @bob or mail x@ana-1.org. @ben-3.");
  ASSERT_EQ(mentions.size(), 2u);
  EXPECT_EQ(mentions[0].handle, "ana-lopez-12");
  EXPECT_EQ(mentions[0].user_id, 12);
  EXPECT_EQ(mentions[1].handle, "ben-3");
  EXPECT_EQ(mentions[1].user_id, 3);
  EXPECT_TRUE(ParseMentions("@-12 @12 @ana").empty());
  std::string many;
  for (int i = 1; i <= 30; ++i) many += "@m-" + std::to_string(i) + " ";
  EXPECT_EQ(ParseMentions(many).size(), kMaxMentionsRead);
}

TEST(QuotedNumbersTest, AreTheBlockquotesLinksToPosts) {
  EXPECT_EQ(QuotedNumbers("> In [post 3](#post-3), Ana wrote:\n>\n> hi\n\nok"), (std::set<long long>{3}));
  EXPECT_EQ(QuotedNumbers("   > [a](#post-2) [b](#post-5)"), (std::set<long long>{2, 5}));
  EXPECT_TRUE(QuotedNumbers("See [post 3](#post-3)").empty());       // not in a quote
  EXPECT_TRUE(QuotedNumbers("    > [post 3](#post-3)").empty());     // code, four spaces
  EXPECT_TRUE(QuotedNumbers("> [post x](#post-x) (#post-4").empty());
}

TEST(QuoteMarkdownTest, QuotesEveryLineUnderTheAttribution) {
  EXPECT_EQ(QuoteMarkdown("In post 2, Ben wrote:", "one\n\ntwo"), "> In post 2, Ben wrote:\n>\n> one\n>\n> two\n\n");
  EXPECT_EQ(EscapeMarkdownText("[Bo]_*x*"), "\\[Bo\\]\\_\\*x\\*");
}

TEST(WatchLevelTest, NamesAndPrecedence) {
  for (WatchLevel level : {WatchLevel::kWatching, WatchLevel::kTracking, WatchLevel::kNormal, WatchLevel::kMuted}) {
    EXPECT_EQ(ParseWatchLevel(WatchLevelName(level)), level);
  }
  EXPECT_FALSE(ParseWatchLevel("Watching"));
  EXPECT_FALSE(ParseWatchLevel(""));
  EXPECT_EQ(EffectiveLevel(std::nullopt, std::nullopt), WatchLevel::kNormal);
  EXPECT_EQ(EffectiveLevel(std::nullopt, WatchLevel::kWatching), WatchLevel::kWatching);
  EXPECT_EQ(EffectiveLevel(WatchLevel::kNormal, WatchLevel::kWatching), WatchLevel::kNormal);
}

TEST(KindForTest, OneNotificationByPrecedenceAndNoneWhenMuted) {
  const Relation all{true, true, true};
  EXPECT_EQ(KindFor(all, WatchLevel::kNormal), Kind::kQuote);
  EXPECT_FALSE(KindFor(all, WatchLevel::kMuted));
  EXPECT_EQ(KindFor({true, false, true}, WatchLevel::kTracking), Kind::kReply);
  EXPECT_EQ(KindFor({false, false, true}, WatchLevel::kNormal), Kind::kMention);
  EXPECT_EQ(KindFor({}, WatchLevel::kWatching), Kind::kWatched);
  EXPECT_FALSE(KindFor({}, WatchLevel::kTracking));
  EXPECT_FALSE(KindFor({}, WatchLevel::kNormal));
  for (Kind kind : {Kind::kReply, Kind::kQuote, Kind::kMention, Kind::kWatched}) {
    EXPECT_EQ(ParseKind(KindName(kind)), kind);
  }
}

}  // namespace
}  // namespace diseasemaps::notifications
