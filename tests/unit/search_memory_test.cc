// Search's in-memory structures on a few hand-made records: suggestions (prefixes on
// names, synonyms and codes) and plain-language feature ranking.
#include <gtest/gtest.h>

#include "search/features.h"
#include "search/snapshot.h"
#include "search/suggest.h"

namespace diseasemaps::search {
namespace {

SearchRecord Oms() {
  SearchRecord r;
  r.id = 1;
  r.orphacode = 1183;
  r.slug = "opsoclonus-myoclonus-syndrome";
  r.name = "Opsoclonus-myoclonus syndrome";
  r.synonyms = {"Dancing eye syndrome", "Kinsbourne syndrome", "OMS"};
  r.codes = {"ORPHA:1183", "MESH:D053578"};
  r.features = {{"HP:0001336", "Myoclonus", "", "Very frequent (99-80%)", {}},
                {"HP:0002317", "Unsteady gait", "Unsteady walk", "Frequent (79-30%)", {}}};
  return r;
}

SearchRecord Other(long long id, int orphacode, const std::string& name, std::vector<SearchFeature> features) {
  SearchRecord r;
  r.id = id;
  r.orphacode = orphacode;
  r.slug = "c" + std::to_string(orphacode);
  r.name = name;
  r.codes = {"ORPHA:" + std::to_string(orphacode)};
  r.features = std::move(features);
  return r;
}

SuggestIndex Suggestions() {
  SuggestIndex index;
  index.Add(Oms());
  index.Add(Other(2, 2000, "Myoclonus-dystonia syndrome", {}));
  index.Add(Other(3, 1184, "Osteopetrosis", {}));
  index.Finish();
  return index;
}

TEST(SearchSuggest, NamesFromTheirStartComeFirstThenLaterWords) {
  const SuggestIndex index = Suggestions();
  auto s = index.Suggest("myo");
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0].orphacode, 2000);  // "Myoclonus-dystonia…" starts with it
  EXPECT_EQ(s[1].orphacode, 1183);  // "…-myoclonus syndrome" has it later
}

TEST(SearchSuggest, MatchesSynonymsAndCodesWithAccentsAndCaseIgnored) {
  const SuggestIndex index = Suggestions();
  auto s = index.Suggest("DANCÏNG");
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].label, "Dancing eye syndrome");
  EXPECT_EQ(s[0].name, "Opsoclonus-myoclonus syndrome");
  EXPECT_FALSE(s[0].is_name);
  auto code = index.Suggest("orpha:118");
  ASSERT_EQ(code.size(), 2u);
  EXPECT_EQ(code[0].label, "ORPHA:1183");
  auto bare = index.Suggest("d0535");
  ASSERT_EQ(bare.size(), 1u);
  EXPECT_EQ(bare[0].orphacode, 1183);
}

TEST(SearchSuggest, OneSuggestionPerConditionAtMostTheLimit) {
  const SuggestIndex index = Suggestions();
  // Opsoclonus… (by its name, OMS and ORPHA:1183: once), Osteopetrosis, and the third
  // by its code ORPHA:2000.
  auto all = index.Suggest("o");
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[2].label, "ORPHA:2000");
  EXPECT_EQ(index.Suggest("o", 1).size(), 1u);
  EXPECT_TRUE(index.Suggest("").empty());
  EXPECT_TRUE(index.Suggest("!!").empty());
  EXPECT_TRUE(index.Suggest("zzz").empty());
}

TEST(SearchFeatures, RanksByHowManyFeaturesThenHowFrequent) {
  FeatureIndex index;
  index.Add(Oms());
  index.Add(Other(2, 2000, "Only myoclonus", {{"HP:0001336", "Myoclonus", "", "Obligate (100%)", {}}}));
  index.Add(Other(3, 3000, "Rarely both", {{"HP:0001336", "Myoclonus", "", "Very rare (<4-1%)", {}},
                                             {"HP:0002317", "Unsteady gait", "Unsteady walk", "Occasional (29-5%)", {}}}));
  index.Add(Other(4, 4000, "Never", {{"HP:0001336", "Myoclonus", "", "Excluded (0%)", {}}}));
  index.Finish();
  const FeatureMatch match = index.Match({"myoclonus", "unsteadi", "walk"});
  EXPECT_EQ(match.hpo_ids.size(), 2u);
  EXPECT_EQ(match.covered.size(), 3u);
  const auto ranked = index.Rank(match);
  ASSERT_EQ(ranked.size(), 3u);  // an excluded feature does not count
  EXPECT_EQ(ranked[0].condition_id, 1);  // both features, frequent
  EXPECT_EQ(ranked[1].condition_id, 3);  // both, rare
  EXPECT_EQ(ranked[2].condition_id, 2);  // one
  EXPECT_TRUE(index.Match({"walk"}).hpo_ids.empty());  // half a label is not a feature
  EXPECT_DOUBLE_EQ(FrequencyWeight("Very frequent (99-80%)"), 0.9);
  EXPECT_DOUBLE_EQ(FrequencyWeight("something new"), 0.3);
}

TEST(SearchFeatures, PhrasesMatchButTheFeatureIsShownByItsLabel) {
  FeatureIndex index;
  index.Add(Other(1, 1183, "OMS",
                  {{"HP:0001336", "Myoclonus", "Sudden, brief muscle jerks", "Very frequent (99-80%)",
                    {"jerky movements", "twitching"}}}));
  index.Finish();
  const FeatureMatch match = index.Match({"jerki", "movement"});
  ASSERT_EQ(match.hpo_ids, std::vector<std::string>{"HP:0001336"});
  EXPECT_EQ(match.labels, std::vector<std::string>{"Sudden, brief muscle jerks"});
  EXPECT_EQ(index.Match({"twitch"}).hpo_ids.size(), 1u);
  EXPECT_TRUE(index.Match({"jerki"}).hpo_ids.empty());  // half a phrase is not a feature
}

TEST(SearchSnapshot, FindsCodesAndIcd10Categories) {
  RecordMap records;
  SearchRecord cf = Other(7, 586, "Cystic fibrosis", {});
  cf.codes.push_back("ICD10:E84.0");
  cf.codes.push_back("ICD10:E84.1");
  records[7] = std::make_shared<const SearchRecord>(cf);
  auto snapshot = BuildSnapshot(records);
  EXPECT_EQ(snapshot->by_code.at("ORPHA:586"), std::vector<long long>{7});
  EXPECT_EQ(snapshot->by_code.at("ICD10:E84*"), std::vector<long long>{7});
  EXPECT_TRUE(snapshot->vocabulary.Knows("fibrosis"));
  EXPECT_EQ(snapshot->Find(8), nullptr);
}

}  // namespace
}  // namespace diseasemaps::search
