// The rules of the forums' admin screen (forums/forum_admin_rules.h): a site-wide forum's
// address, name, description and position.
#include "forums/forum_admin_rules.h"

#include <gtest/gtest.h>

namespace diseasemaps::forums {
namespace {

TEST(ForumAdminRules, AnAddressIsLowerCaseWordsJoinedByHyphens) {
  for (const char* good : {"living-with-pain", "siblings", "ab"}) {
    const TextCheck check = CheckForumSlug(good);
    EXPECT_TRUE(check.ok()) << good << ": " << check.error;
    EXPECT_EQ(check.text, good);
  }
  EXPECT_EQ(CheckForumSlug("  siblings ").text, "siblings");
  for (const char* bad : {"", "a", "Living", "living with pain", "living--pain", "-pain", "pain-", "pain-1183",
                          "niños", "pain/feeds", "a-really-long-address-of-more-than-forty-letters"}) {
    const TextCheck check = CheckForumSlug(bad);
    EXPECT_FALSE(check.ok()) << bad;
    EXPECT_NE(check.error.find("lower-case letters"), std::string::npos) << check.error;
  }
}

TEST(ForumAdminRules, ReservedWordsAreRefusedWithTheirName) {
  EXPECT_TRUE(IsReservedForumSlug("new"));
  EXPECT_TRUE(IsReservedForumSlug("admin"));
  EXPECT_FALSE(IsReservedForumSlug("news"));
  EXPECT_EQ(CheckForumSlug("moderation").error,
            "“moderation” is a word the site uses for its own pages. Please choose another address.");
}

TEST(ForumAdminRules, ANameIsOneLineOfAtMost80CharactersAndTheDescriptionMayBeEmpty) {
  EXPECT_EQ(CheckForumName("  Living \n with   pain ").text, "Living with pain");
  EXPECT_EQ(CheckForumName(" \t").error, "Give the forum a name, so people know what it is for.");
  EXPECT_TRUE(CheckForumName(std::string(80, 'x')).ok());
  EXPECT_EQ(CheckForumName(std::string(81, 'x')).error, "Please keep this to 80 characters (it has 81).");
  EXPECT_FALSE(CheckForumName("broken \xC3").ok());
  EXPECT_TRUE(CheckForumDescription("").ok());
  EXPECT_FALSE(CheckForumDescription(std::string(301, 'x')).ok());
}

TEST(ForumAdminRules, APositionIsAWholeNumberFrom0To999) {
  EXPECT_EQ(ParseForumPosition("0"), 0);
  EXPECT_EQ(ParseForumPosition(" 12 "), 12);
  EXPECT_EQ(ParseForumPosition("999"), 999);
  for (const char* bad : {"", "-1", "1000", "1.5", "two", "00x"}) EXPECT_FALSE(ParseForumPosition(bad)) << bad;
}

}  // namespace
}  // namespace diseasemaps::forums
