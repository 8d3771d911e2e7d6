#include "http/url.h"

#include <gtest/gtest.h>

namespace diseasemaps::http {
namespace {

using namespace std::string_literals;

// ---- PercentDecodePath ---------------------------------------------------------------

TEST(PercentDecodePath, DecodesEscapesAndKeepsPlus) {
  EXPECT_EQ(PercentDecodePath("%41b+c"), "Ab+c");
  EXPECT_EQ(PercentDecodePath("/conditions/caf%C3%A9"), "/conditions/café");
  EXPECT_EQ(PercentDecodePath("/a%2fb%2Fc"), "/a/b/c");
  EXPECT_EQ(PercentDecodePath("/plain/path"), "/plain/path");
  EXPECT_EQ(PercentDecodePath(""), "");
}

TEST(PercentDecodePath, AcceptsRawUtf8) {
  EXPECT_EQ(PercentDecodePath("/conditions/café"), "/conditions/café");
}

TEST(PercentDecodePath, RefusesMalformedEscapes) {
  EXPECT_EQ(PercentDecodePath("/a%zz"), std::nullopt);
  EXPECT_EQ(PercentDecodePath("/a%4"), std::nullopt);
  EXPECT_EQ(PercentDecodePath("/a%"), std::nullopt);
  EXPECT_EQ(PercentDecodePath("%"), std::nullopt);
  EXPECT_EQ(PercentDecodePath("/a%g1"), std::nullopt);
}

TEST(PercentDecodePath, RefusesEncodedNul) {
  EXPECT_EQ(PercentDecodePath("/a%00b"), std::nullopt);
}

TEST(PercentDecodePath, RefusesInvalidUtf8) {
  EXPECT_EQ(PercentDecodePath("/%ff"), std::nullopt);
  EXPECT_EQ(PercentDecodePath("/%c0%af"), std::nullopt);     // overlong '/'
  EXPECT_EQ(PercentDecodePath("/%e0%80%af"), std::nullopt);  // overlong '/'
  EXPECT_EQ(PercentDecodePath("/%ed%a0%80"), std::nullopt);  // surrogate
  EXPECT_EQ(PercentDecodePath("/%c3"), std::nullopt);        // truncated
}

// ---- ParseQuery and QueryValue -------------------------------------------------------

TEST(ParseQuery, DecodesPairsInOrder) {
  EXPECT_EQ(ParseQuery("q=marfan+syndrome&page=2&name=caf%C3%A9"),
            (QueryParams{{"q", "marfan syndrome"}, {"page", "2"}, {"name", "café"}}));
}

TEST(ParseQuery, SkipsEmptyPairs) {
  EXPECT_EQ(ParseQuery("&&a=1&&b=2&"), (QueryParams{{"a", "1"}, {"b", "2"}}));
  EXPECT_TRUE(ParseQuery("").empty());
  EXPECT_TRUE(ParseQuery("&").empty());
}

TEST(ParseQuery, KeyWithoutEqualsHasEmptyValue) {
  EXPECT_EQ(ParseQuery("flag&x="), (QueryParams{{"flag", ""}, {"x", ""}}));
}

TEST(ParseQuery, ValueKeepsLaterEqualsSigns) {
  EXPECT_EQ(ParseQuery("expr=a=b"), (QueryParams{{"expr", "a=b"}}));
}

TEST(ParseQuery, KeepsMalformedEscapesLiterally) {
  EXPECT_EQ(ParseQuery("x=%zz&y=50%&z=%4&w=%41"),
            (QueryParams{{"x", "%zz"}, {"y", "50%"}, {"z", "%4"}, {"w", "A"}}));
}

TEST(ParseQuery, DecodesKeysToo) {
  EXPECT_EQ(ParseQuery("sort+by=name&%6Bey=v"),
            (QueryParams{{"sort by", "name"}, {"key", "v"}}));
}

TEST(QueryValue, ReturnsTheFirstValueOrNothing) {
  const QueryParams params = ParseQuery("a=1&b=&a=2");
  EXPECT_EQ(QueryValue(params, "a"), "1");
  EXPECT_EQ(QueryValue(params, "b"), "");
  EXPECT_EQ(QueryValue(params, "c"), std::nullopt);
  EXPECT_EQ(QueryValue(params, "A"), std::nullopt);  // names are case-sensitive
}

// ---- PercentEncode -------------------------------------------------------------------

TEST(PercentEncode, KeepsUnreservedAndEscapesTheRest) {
  EXPECT_EQ(PercentEncode("AZaz09-_.~"), "AZaz09-_.~");
  EXPECT_EQ(PercentEncode("a b/é&=+?#%"), "a%20b%2F%C3%A9%26%3D%2B%3F%23%25");
  EXPECT_EQ(PercentEncode(""), "");
}

TEST(PercentEncode, RoundTripsThroughPathAndQueryDecoding) {
  for (const std::string& original :
       {"café / 50% + x?&=#"s, "plain"s, "a+b c"s, "名前"s, "tab\there"s}) {
    const std::string encoded = PercentEncode(original);
    EXPECT_EQ(PercentDecodePath(encoded), original) << encoded;
    EXPECT_EQ(QueryValue(ParseQuery("k=" + encoded + "&z=1"), "k"), original) << encoded;
  }
}

// ---- IsValidUtf8 ---------------------------------------------------------------------

TEST(IsValidUtf8, AcceptsWellFormedText) {
  EXPECT_TRUE(IsValidUtf8(""));
  EXPECT_TRUE(IsValidUtf8("ascii only"));
  EXPECT_TRUE(IsValidUtf8("\xC3\xA9"));              // é, U+00E9
  EXPECT_TRUE(IsValidUtf8("\xE2\x82\xAC"));          // €, U+20AC
  EXPECT_TRUE(IsValidUtf8("\xF0\x9F\x98\x80"));      // U+1F600
  EXPECT_TRUE(IsValidUtf8("\xEF\xBF\xBF"));          // U+FFFF
  EXPECT_TRUE(IsValidUtf8("\xF4\x8F\xBF\xBF"));      // U+10FFFF, the last code point
  EXPECT_TRUE(IsValidUtf8("\xED\x9F\xBF"));          // U+D7FF, just below surrogates
  EXPECT_TRUE(IsValidUtf8("a\xC3\xA9z"));
}

TEST(IsValidUtf8, RefusesSurrogates) {
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));  // U+D800
  EXPECT_FALSE(IsValidUtf8("\xED\xBF\xBF"));  // U+DFFF
}

TEST(IsValidUtf8, RefusesCodePointsPastU10FFFF) {
  EXPECT_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));      // U+110000
  EXPECT_FALSE(IsValidUtf8("\xF7\xBF\xBF\xBF"));
  EXPECT_FALSE(IsValidUtf8("\xF8\x88\x80\x80\x80"));  // 5-byte form
}

TEST(IsValidUtf8, RefusesTruncatedSequences) {
  EXPECT_FALSE(IsValidUtf8("\xC3"));
  EXPECT_FALSE(IsValidUtf8("\xE2\x82"));
  EXPECT_FALSE(IsValidUtf8("\xF0\x9F\x98"));
  EXPECT_FALSE(IsValidUtf8("\xE2\x82z"));  // a continuation byte replaced by ASCII
}

TEST(IsValidUtf8, RefusesOverlongFormsAndStrayBytes) {
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));
  EXPECT_FALSE(IsValidUtf8("\xC1\xBF"));
  EXPECT_FALSE(IsValidUtf8("\xE0\x80\xAF"));
  EXPECT_FALSE(IsValidUtf8("\xF0\x80\x80\xAF"));
  EXPECT_FALSE(IsValidUtf8("\x80"));  // a continuation byte alone
  EXPECT_FALSE(IsValidUtf8("\xFF"));
  EXPECT_FALSE(IsValidUtf8("\xFE"));
}

}  // namespace
}  // namespace diseasemaps::http
