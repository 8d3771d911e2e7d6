// Search's pure parts: normalisation, code parsing, typo candidates, highlighting.
#include <gtest/gtest.h>

#include "search/codes.h"
#include "search/highlight.h"
#include "search/normalize.h"
#include "search/stemming.h"
#include "search/spelling.h"

namespace diseasemaps::search {
namespace {

TEST(SearchNormalize, FoldsCaseAccentsAndPunctuation) {
  EXPECT_EQ(Normalize("Opsoclonus-Myoclonus  Syndrome"), "opsoclonus myoclonus syndrome");
  EXPECT_EQ(Normalize("Sjögren's syndrome"), "sjogrens syndrome");
  EXPECT_EQ(Normalize("GUILLAIN-BARRÉ"), "guillain barre");
  EXPECT_EQ(Normalize("Behçet"), "behcet");
  EXPECT_EQ(Normalize("Œdème, Æsir, Straße"), "oedeme aesir strasse");
  EXPECT_EQ(Normalize("Łódź Škoda"), "lodz skoda");
  EXPECT_EQ(Normalize("β-thalassemia"), "beta thalassemia");
  EXPECT_EQ(Normalize("Marfan’s"), "marfans");
  EXPECT_EQ(Normalize("e\xCC\x81te"), "ete");  // combining accent
  EXPECT_EQ(Normalize("  ...  "), "");
}

TEST(SearchNormalize, InvalidUtf8AndControlCharactersSeparateWords) {
  EXPECT_EQ(Normalize("cystic\xff\xfe" "fibrosis"), "cystic fibrosis");
  EXPECT_EQ(Normalize("cystic\x01\x7f" "fibrosis\n"), "cystic fibrosis");
  EXPECT_EQ(Normalize("\xC0\xAF"), "");           // overlong encoding of '/'
  EXPECT_EQ(Normalize("\xED\xA0\x80" "a"), "a");  // a surrogate
  EXPECT_EQ(Normalize("\xE2\x82"), "");           // truncated sequence
}

TEST(SearchNormalize, KeepsOtherScriptsAndDigits) {
  EXPECT_EQ(Normalize("Синдром 22q11.2"), "Синдром 22q11 2");
}

TEST(SearchNormalize, WordsStopwordsAndStems) {
  EXPECT_EQ(Words("Jerky movements, and unsteady walking"),
            (std::vector<std::string>{"jerky", "movements", "and", "unsteady", "walking"}));
  EXPECT_TRUE(IsStopword("and"));
  EXPECT_FALSE(IsStopword("eye"));
  EXPECT_EQ(Stem("movements"), "movement");
  EXPECT_EQ(Stem("marfans"), "marfan");
  EXPECT_EQ(Stem("1183"), "1183");
}

TEST(SearchNormalize, DisplayTextIsValidUtf8) {
  EXPECT_EQ(DisplayText("a\xff" "b\x01" "c"), "a\xEF\xBF\xBD" "b c");
  EXPECT_TRUE(IsCleanText(DisplayText("x\xC3\x28\x02")));
  EXPECT_FALSE(IsCleanText("x\xC3\x28"));
}

TEST(SearchCodes, ParsesTheSpellingsPeopleUse) {
  using V = std::vector<std::string>;
  EXPECT_EQ(ParseCodeQuery("ORPHA:1183"), V{"ORPHA:1183"});
  EXPECT_EQ(ParseCodeQuery("Orphanet_1183"), V{"ORPHA:1183"});
  EXPECT_EQ(ParseCodeQuery("orpha 1183"), V{"ORPHA:1183"});
  EXPECT_EQ(ParseCodeQuery(" ORPHAcode 01183 "), V{"ORPHA:1183"});
  EXPECT_EQ(ParseCodeQuery("http://www.orpha.net/ORDO/Orphanet_558"), V{"ORPHA:558"});
  EXPECT_EQ(ParseCodeQuery("OMIM:154700"), V{"OMIM:154700"});
  EXPECT_EQ(ParseCodeQuery("MIM #154700"), V{"OMIM:154700"});
  EXPECT_EQ(ParseCodeQuery("MeSH D053578"), V{"MESH:D053578"});
  EXPECT_EQ(ParseCodeQuery("d053578"), V{"MESH:D053578"});
  EXPECT_EQ(ParseCodeQuery("Q87.4"), V{"ICD10:Q87.4"});
  EXPECT_EQ(ParseCodeQuery("q874"), V{"ICD10:Q87.4"});
  EXPECT_EQ(ParseCodeQuery("E84"), V{"ICD10:E84"});
  EXPECT_EQ(ParseCodeQuery("ICD-10 E84.0"), V{"ICD10:E84.0"});
  EXPECT_EQ(ParseCodeQuery("ICD-11 2132180242"), V{"ICD11:2132180242"});
  EXPECT_EQ(ParseCodeQuery("http://id.who.int/icd/entity/2132180242"), V{"ICD11:2132180242"});
  EXPECT_EQ(ParseCodeQuery("GARD:0006677"), V{"GARD:6677"});
  EXPECT_EQ(ParseCodeQuery("UMLS C0020179"), (V{"UMLS:C0020179", "MESH:C0020179"}));
  EXPECT_EQ(ParseCodeQuery("MONDO:7739"), V{"MONDO:0007739"});
  EXPECT_EQ(ParseCodeQuery("1183"), V{"ORPHA:1183"});
  EXPECT_EQ(ParseCodeQuery("154700"), (V{"ORPHA:154700", "OMIM:154700"}));
}

TEST(SearchCodes, TextIsNotACode) {
  EXPECT_TRUE(ParseCodeQuery("cystic fibrosis").empty());
  EXPECT_TRUE(ParseCodeQuery("marfan 2").empty());
  EXPECT_TRUE(ParseCodeQuery("CF").empty());
  EXPECT_TRUE(ParseCodeQuery("").empty());
  EXPECT_TRUE(ParseCodeQuery(std::string(500, '1')).empty());
}

TEST(SearchCodes, CatalogueCodesMeetQueriesInOneKey) {
  EXPECT_EQ(CanonicalCode("ICD-10", "q87.4"), "ICD10:Q87.4");
  EXPECT_EQ(CanonicalCode("ICD-10-CM", "E84.0"), "ICD10:E84.0");
  EXPECT_EQ(CanonicalCode("ICD-11", "http://id.who.int/icd/entity/733056203"), "ICD11:733056203");
  EXPECT_EQ(CanonicalCode("GARD", "0022702"), "GARD:22702");
  EXPECT_EQ(CanonicalCode("MONDO", "MONDO:0015247"), "MONDO:0015247");
  EXPECT_EQ(CanonicalCode("MeSH", "D053578"), "MESH:D053578");
  EXPECT_EQ(CanonicalCode("SNOMED-CT", "1234"), std::nullopt);
  EXPECT_EQ(Icd10Category("ICD10:E84.0"), "ICD10:E84");
  EXPECT_EQ(Icd10Category("ICD10:E84"), "");
  EXPECT_EQ(DisplayCode("ICD10:Q87.4"), "ICD-10 Q87.4");
  EXPECT_EQ(DisplayCode("ORPHA:1183"), "ORPHA:1183");
}

TEST(SearchSpelling, EditDistanceCountsSwapsAsOneAndStopsEarly) {
  EXPECT_EQ(EditDistance("myoclonis", "myoclonus", 2), 1);
  EXPECT_EQ(EditDistance("kinsborne", "kinsbourne", 2), 1);
  EXPECT_EQ(EditDistance("fibrsois", "fibrosis", 2), 1);
  EXPECT_EQ(EditDistance("fybrosys", "fibrosis", 2), 2);
  EXPECT_EQ(EditDistance("cat", "elephant", 2), 3);
  EXPECT_EQ(AllowedEdits(3), 0);
  EXPECT_EQ(AllowedEdits(5), 1);
  EXPECT_EQ(AllowedEdits(9), 2);
}

Vocabulary SmallVocabulary() {
  Vocabulary v;
  for (const char* w : {"opsoclonus", "myoclonus", "myoclonia", "kinsbourne", "cystic", "fibrosis", "marfan"}) {
    v.Add(w, 5);
  }
  v.Add("myoclonus", 5);  // more weight: seen twice
  v.Add("cistern", 0.2, /*offer=*/false);
  v.Add("cf", 5);
  v.Finish();
  return v;
}

TEST(SearchSpelling, CorrectsOneOrTwoTyposToTheNearestHeaviestWord) {
  const Vocabulary v = SmallVocabulary();
  EXPECT_EQ(v.Correct("myoclonis"), "myoclonus");  // myoclonia is as near, but lighter
  EXPECT_EQ(v.Correct("kinsborne"), "kinsbourne");
  EXPECT_EQ(v.Correct("cistic"), "cystic");
  EXPECT_EQ(v.Correct("fybrosys"), "fibrosis");  // two edits in a long word
  EXPECT_EQ(v.Correct("opsoclonis"), "opsoclonus");
}

TEST(SearchSpelling, LeavesKnownShortAndFarWordsAlone) {
  const Vocabulary v = SmallVocabulary();
  EXPECT_EQ(v.Correct("myoclonus"), std::nullopt);  // known
  EXPECT_EQ(v.Correct("cg"), std::nullopt);         // abbreviation-sized
  EXPECT_EQ(v.Correct("banana"), std::nullopt);     // nothing near
  EXPECT_EQ(v.Correct("cisterm"), std::nullopt);    // only near a word never offered
  EXPECT_TRUE(v.Knows("cistern"));
  EXPECT_EQ(v.Correct("marfxyz"), std::nullopt);    // three edits from marfan
}

TEST(SearchHighlight, MarksMatchedWordsAndEscapesTheRest) {
  const std::set<std::string> stems = {Stem("dancing"), "eye"};
  EXPECT_EQ(Highlight("Dancing eye <b>syndrome</b> & co", stems, 20),
            "<mark>Dancing</mark> <mark>eye</mark> &lt;b&gt;syndrome&lt;/b&gt; &amp; co");
  EXPECT_EQ(Highlight("one two three four five six seven eyes", stems, 3), "… four five six …");
  EXPECT_EQ(CountStems("Dancing eye syndrome", stems), 2u);
}

}  // namespace
}  // namespace diseasemaps::search
