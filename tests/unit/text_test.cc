// The shared text helpers: ids from URLs and forms, and UTC dates.
#include "platform/text.h"

#include <gtest/gtest.h>

namespace diseasemaps {
namespace {

TEST(GroupedNumber, GroupsDigitsByThree) {
  EXPECT_EQ(GroupedNumber(0), "0");
  EXPECT_EQ(GroupedNumber(999), "999");
  EXPECT_EQ(GroupedNumber(1000), "1,000");
  EXPECT_EQ(GroupedNumber(19087), "19,087");
  EXPECT_EQ(GroupedNumber(1234567), "1,234,567");
  EXPECT_EQ(GroupedNumber(-1000), "-1,000");
  EXPECT_EQ(GroupedNumber(-999999), "-999,999");
}

TEST(ParsePositiveInteger, TakesOnlyAWholePositiveDecimal) {
  EXPECT_EQ(ParsePositiveInteger("12"), 12);
  EXPECT_EQ(ParsePositiveInteger("4503599627370495"), 4503599627370495LL);
  for (const char* bad : {"", "0", "-3", "12x", " 12", "12 ", "+1", "1.5", "99999999999999999999"}) {
    EXPECT_EQ(ParsePositiveInteger(bad), std::nullopt) << "'" << bad << "'";
  }
}

TEST(UtcMinute, IsTheUtcDateAndMinute) {
  EXPECT_EQ(UtcMinute(0), "1970-01-01 00:00 UTC");
  EXPECT_EQ(UtcMinute(1700000059), "2023-11-14 22:14 UTC");
}

TEST(IsoDate, IsTheUtcDate) {
  EXPECT_EQ(IsoDate(0), "1970-01-01");
  EXPECT_EQ(IsoDate(1700000000), "2023-11-14");
  EXPECT_EQ(IsoDate(1700000000 + 86400 * 366), "2024-11-14");
}

TEST(ParseDouble, TakesTheWholeTextOrNothing) {
  double v = 0;
  EXPECT_TRUE(ParseDouble("-3.25", v));
  EXPECT_EQ(v, -3.25);
  EXPECT_TRUE(ParseDouble("180", v));
  EXPECT_EQ(v, 180);
  for (const char* bad : {"", " 1", "1 ", "1x", "+1", "--1", "1.2.3", "-"}) {
    EXPECT_FALSE(ParseDouble(bad, v)) << "'" << bad << "'";
  }
}

TEST(CountCharacters, CountsCodePointsOfCleanUtf8Only) {
  EXPECT_EQ(CountCharacters(""), 0u);
  EXPECT_EQ(CountCharacters("Zoë\n\tokay\r"), 10u);
  EXPECT_EQ(CountCharacters("日本"), 2u);
  EXPECT_EQ(CountCharacters("\xF0\x9F\x99\x82"), 1u);  // one emoji, four bytes
  for (const char* bad : {"\x01", "a\x7f", "\xC3", "\xC0\xAF", "\xED\xA0\x80", "\xFF"}) {
    EXPECT_EQ(CountCharacters(bad), std::nullopt) << "'" << bad << "'";
  }
}

TEST(UnixLineBreaks, TurnsEveryBrowserLineBreakIntoOneNewline) {
  EXPECT_EQ(UnixLineBreaks("a\r\nb\rc\nd"), "a\nb\nc\nd");
  EXPECT_EQ(UnixLineBreaks("\r\r\n\n"), "\n\n\n");
  EXPECT_EQ(UnixLineBreaks("end\r"), "end\n");
  EXPECT_EQ(UnixLineBreaks(""), "");
}

// What error messages echo: whole characters only, valid UTF-8 always.
TEST(Text, CollapseWhitespaceLeavesOneSpaceBetweenWords) {
  EXPECT_EQ(CollapseWhitespace("Congenital generalized  lipodystrophy"), "Congenital generalized lipodystrophy");
  EXPECT_EQ(CollapseWhitespace("  a\t\nb  "), "a b");
  EXPECT_EQ(CollapseWhitespace(""), "");
}

TEST(Text, FirstCharactersNeverSplitsACharacter) {
  EXPECT_EQ(FirstCharacters("", 3), "");
  EXPECT_EQ(FirstCharacters("abc", 3), "abc");
  EXPECT_EQ(FirstCharacters("abcd", 3), "abc…");
  EXPECT_EQ(FirstCharacters("€€€€", 2), "€€…");
  EXPECT_EQ(FirstCharacters("😀é", 1), "😀…");
  EXPECT_EQ(FirstCharacters("a\xFF" "b", 5), "a\uFFFD" "b");
  EXPECT_EQ(FirstCharacters("\xE2\x82", 5), "\uFFFD\uFFFD");  // a cut character: two bad bytes
  for (size_t n = 0; n < 50; ++n) {
    const std::string cut = FirstCharacters(std::string(40, 'x') + "€€€€€€€€€€€€€€", n);
    EXPECT_TRUE(CountCharacters(cut).has_value()) << n;
  }
}

}  // namespace
}  // namespace diseasemaps
