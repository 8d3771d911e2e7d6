// The rules of the forums (forums/forum_rules.h): titles and posts, the addresses of
// topics and posts, pages, edit history, new members and mentions, flag reasons.
#include "forums/forum_rules.h"

#include <gtest/gtest.h>

#include "app/limits.h"

namespace diseasemaps::forums {
namespace {

std::string Repeat(const std::string& piece, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += piece;
  return out;
}

TEST(ForumRules, ATitleIsOneReadableLineOfAtMost200Characters) {
  EXPECT_EQ(CheckTopicTitle("").error, "Give your topic a title, so others know what it is about.");
  EXPECT_EQ(CheckTopicTitle(" \n\t ").error, "Give your topic a title, so others know what it is about.");
  EXPECT_FALSE(CheckTopicTitle(std::string("bell \x07")).ok());
  EXPECT_FALSE(CheckTopicTitle("broken \xC3").ok());
  const TextCheck spaced = CheckTopicTitle("  Sleep   problems\r\nat night ");
  ASSERT_TRUE(spaced.ok());
  EXPECT_EQ(spaced.text, "Sleep problems at night");
  // Characters, not bytes.
  EXPECT_TRUE(CheckTopicTitle(Repeat("é", 200)).ok());
  EXPECT_EQ(CheckTopicTitle(Repeat("é", 201)).error, "Titles can be at most 200 characters (this one has 201).");
  EXPECT_EQ(CheckTopicTitle("<script>alert(1)</script>").text, "<script>alert(1)</script>");  // escaped by pages
}

TEST(ForumRules, APostIsRequiredReadableAndAtMost20000Characters) {
  EXPECT_EQ(CheckPostBody("").error, "Write your post before sending it.");
  EXPECT_EQ(CheckPostBody("\r\n  \n").error, "Write your post before sending it.");
  EXPECT_FALSE(CheckPostBody(std::string("nul \x00 here", 11)).ok());
  const TextCheck ok = CheckPostBody("First line\r\nsecond line");
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok.text, "First line\nsecond line");
  EXPECT_TRUE(CheckPostBody(Repeat("ü", 20000)).ok());
  EXPECT_EQ(CheckPostBody(Repeat("ü", 20001)).error, "Posts can be at most 20,000 characters (this one has 20,001).");
}

TEST(ForumRules, TopicAddressesCarryTheIdAndUpToEightTitleWords) {
  EXPECT_EQ(TitleWords("Sleep problems at age 3?"), "sleep-problems-at-age-3");
  EXPECT_EQ(TitleWords("Behçet's: what helped YOU"), "behcets-what-helped-you");
  EXPECT_EQ(TitleWords("one two three four five six seven eight nine ten"), "one-two-three-four-five-six-seven-eight");
  EXPECT_EQ(TitleWords("???"), "topic");
  EXPECT_LE(TitleWords(Repeat("supercalifragilistic ", 8)).size(), 60u);
  EXPECT_EQ(TopicPath("general", 12, "Hello, world"), "/forums/general/t/12-hello-world");
  EXPECT_EQ(TopicIdOf("12-hello-world"), 12);
  EXPECT_EQ(TopicIdOf("12"), 12);
  EXPECT_EQ(TopicIdOf("12x-hello"), std::nullopt);
  EXPECT_EQ(TopicIdOf("-12"), std::nullopt);
  EXPECT_EQ(TopicIdOf("0-zero"), std::nullopt);
  EXPECT_EQ(TopicIdOf(""), std::nullopt);
}

TEST(ForumRules, TwentyPostsAPageAndEachPostItsAnchor) {
  EXPECT_EQ(PageOfPost(1), 1);
  EXPECT_EQ(PageOfPost(20), 1);
  EXPECT_EQ(PageOfPost(21), 2);
  EXPECT_EQ(PageOfPost(1000), 50);
  EXPECT_EQ(PostHref("/forums/general/t/3-x", 7), "/forums/general/t/3-x#post-7");
  EXPECT_EQ(PostHref("/forums/general/t/3-x", 41), "/forums/general/t/3-x?page=3#post-41");
}

TEST(ForumRules, EditsAfterFiveMinutesKeepHistory) {
  EXPECT_FALSE(EditKeepsHistory(1000, 1000));
  EXPECT_FALSE(EditKeepsHistory(1000, 1000 + 300));
  EXPECT_TRUE(EditKeepsHistory(1000, 1000 + 301));
}

TEST(ForumRules, AMemberIsNewForAWeekAndFivePosts) {
  const long long now = 100 * limits::kDaySeconds;
  const long long long_ago = now - 30 * limits::kDaySeconds;
  EXPECT_TRUE(IsNewForumMember(std::nullopt, 50, now));
  EXPECT_TRUE(IsNewForumMember(now - limits::kDaySeconds, 50, now));  // many posts, first week
  EXPECT_TRUE(IsNewForumMember(long_ago, limits::kForumNewMemberPosts - 1, now));  // old account, few posts
  EXPECT_FALSE(IsNewForumMember(long_ago, limits::kForumNewMemberPosts, now));
}

TEST(ForumRules, MentionsAreCountedOncePerNameAndNeverInAddresses) {
  EXPECT_EQ(CountMentions("no one here"), 0u);
  EXPECT_EQ(CountMentions("@ana"), 1u);
  EXPECT_EQ(CountMentions("Thanks @ana and @Ana, and @ben."), 2u);
  EXPECT_EQ(CountMentions("write to ana@example.org"), 0u);
  EXPECT_EQ(CountMentions("(@cat) @dan_m @e"), 2u);  // "@e" is too short
}

TEST(ForumRules, FlagsHaveFiveReasonsAndOtherNeedsANote) {
  for (const char* name : {"off_topic", "unkind", "spam", "misinformation", "other"}) {
    auto reason = ParseFlagReason(name);
    ASSERT_TRUE(reason) << name;
    EXPECT_EQ(FlagReasonName(*reason), name);
  }
  EXPECT_EQ(ParseFlagReason("rude"), std::nullopt);
  EXPECT_TRUE(CheckFlagNote(FlagReason::kSpam, "").ok());
  EXPECT_FALSE(CheckFlagNote(FlagReason::kOther, "  ").ok());
  EXPECT_EQ(CheckFlagNote(FlagReason::kOther, " Says vaccines cause it ").text, "Says vaccines cause it");
  EXPECT_FALSE(CheckFlagNote(FlagReason::kUnkind, std::string(1001, 'a')).ok());
}

TEST(LinkMentionsTest, LinksKnownHandlesInTextOnly) {
  const std::map<std::string, std::string> hrefs = {{"ana-12", "/members/12"}};
  EXPECT_EQ(LinkMentions("<p>Hi @Ana-12.</p>", hrefs), "<p>Hi <a class=\"mention\" href=\"/members/12\">@Ana-12</a>.</p>");
  EXPECT_EQ(LinkMentions("<p><code>@ana-12</code> <a href=\"x\">@ana-12</a></p>", hrefs),
            "<p><code>@ana-12</code> <a href=\"x\">@ana-12</a></p>");
  EXPECT_EQ(LinkMentions("<pre><code>@ana-12\n</code></pre><p>@ana-12</p>", hrefs),
            "<pre><code>@ana-12\n</code></pre><p><a class=\"mention\" href=\"/members/12\">@ana-12</a></p>");
  EXPECT_EQ(LinkMentions("<p>me@ana-12 @ana-123 @bob-1</p>", hrefs), "<p>me@ana-12 @ana-123 @bob-1</p>");
  EXPECT_EQ(LinkMentions("<p title=\"@ana-12\">x</p>", hrefs), "<p title=\"@ana-12\">x</p>");  // inside a tag
}

}  // namespace
}  // namespace diseasemaps::forums
