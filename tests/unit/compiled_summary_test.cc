// The compiled summary of every entry of the full catalogue, in English, Spanish and
// French: never empty, whole sentences, nothing unfilled, doubled or bracketed; and, for
// a few entries, what it says.
#include <gtest/gtest.h>

#include <regex>
#include <string>

#include "catalog/compiled_summary.h"
#include "catalog/condition_first_screen.h"
#include "catalog/plain_words.h"
#include "catalogue_packets.h"
#include "platform/i18n.h"
#include "platform/text.h"

namespace diseasemaps::catalog {
namespace {

using test_support::AllCataloguePackets;
using test_support::AsCondition;

std::vector<std::string> SummaryOf(const Condition& c) {
  SummaryInputs inputs;
  inputs.name = c.name;
  for (std::size_t i : SummarySigns(c)) inputs.sign_labels.push_back(c.phenotypes[i].term);
  return CompiledSummary(c, inputs);
}

class CompiledSummaries : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (AllCataloguePackets().size() < 1000) GTEST_SKIP() << "the full catalogue is not in ../shared/data";
  }
  i18n::ScopedLanguage language_{GetParam()};
};

TEST_P(CompiledSummaries, EveryEntryGetsWholeCleanSentences) {
  static const std::vector<std::pair<std::regex, const char*>> kDefects = {
      {std::regex(R"(\{[a-z_]+\})"), "an unfilled placeholder"},
      {std::regex(R"(\[[A-Z]+\])"), "a bracketed tag"},
      {std::regex(R"(\(\s*\))"), "empty brackets"},
      {std::regex(R"(\s{2,}|^\s|\s$)"), "stray spaces"},
      {std::regex(R"(\s[,.])"), "a space before punctuation"},
      {std::regex(R"(\.\.)"), "a doubled full stop"},
      {std::regex(R"((^|\s)(\w+) \2(\s|[.,]))"), "a doubled word"},
      {std::regex(R"([Aa]bout (fewer|more) than|[Aa]proximadamente (menos|más)|[Ee]nviron (moins|plus))"),
       "an approximate bound"},
  };
  std::size_t with_rarity = 0, with_signs = 0;
  for (const auto& packet : AllCataloguePackets()) {
    const Condition c = AsCondition(packet);
    const auto sentences = SummaryOf(c);
    const std::string where = "ORPHA:" + std::to_string(c.orphacode);
    ASSERT_FALSE(sentences.empty()) << where;
    EXPECT_NE(sentences.front().find(CollapseWhitespace(c.name)), std::string::npos) << where << ": names it";
    for (const auto& sentence : sentences) {
      ASSERT_FALSE(sentence.empty()) << where;
      EXPECT_EQ(sentence.back(), '.') << where << ": \"" << sentence << "\"";
      for (const auto& [pattern, what] : kDefects) {
        EXPECT_FALSE(std::regex_search(sentence, pattern)) << where << ": " << what << ": \"" << sentence << "\"";
      }
    }
    if (sentences.size() > 1) ++with_rarity;
    if (!SummarySigns(c).empty()) ++with_signs;
    if (HasFailure()) return;  // one example is enough to read
  }
  EXPECT_GT(with_rarity, 5000u) << "most entries say more than their kind";
  EXPECT_GT(with_signs, 3000u);
}

INSTANTIATE_TEST_SUITE_P(Languages, CompiledSummaries, ::testing::Values("en", "es", "fr"),
                         [](const auto& info) { return info.param; });

TEST(CompiledSummary, SaysWhatTheDataSaysAboutOneCondition) {
  Condition c;
  c.name = "Opsoclonus-myoclonus syndrome";
  c.entry_type = "Disease";
  c.prevalences = {{"Annual incidence", "Class only", "<1 / 1 000 000", "", "Europe", "ORPHANET"},
                   {"Point prevalence", "Class only", "1-9 / 1 000 000", "", "Worldwide", "ORPHANET"}};
  c.onsets = {"Infancy", "Childhood"};
  c.inheritance = {"Not applicable"};
  c.phenotypes = {{"HP:1", "Ataxia", "", "Very frequent (99-80%)"},
                  {"HP:2", "Opsoclonus", "", "Very frequent (99-80%)"},
                  {"HP:3", "Irritability", "", "Frequent (79-30%)"}};
  SummaryInputs inputs{c.name, {"Rare neurological disease"}, {"Ataxia", "Opsoclonus"}};
  EXPECT_EQ(CompiledSummary(c, inputs),
            (std::vector<std::string>{"Opsoclonus-myoclonus syndrome is a rare disease.",
                                      "It is very rare.",
                                      "It usually starts in infancy (the first two years) or in childhood.",
                                      "It is not inherited.",
                                      "Its most frequent signs are ataxia and opsoclonus.",
                                      "Orphanet classes it among: rare neurological disease."}));
  EXPECT_EQ(SummarySigns(c), (std::vector<std::size_t>{0, 1}));
}

TEST(CompiledSummary, ASubtypeNamesItsGroupAndAReportedCountIsSaid) {
  Condition c;
  c.name = "Ehlers-Danlos syndrome, classic type";
  c.entry_type = "Clinical subtype";
  c.parents = {{123, "Ehlers-Danlos syndrome", ""}};
  c.prevalences = {{"Cases/families", "Families", "", "4", "Worldwide", "ORPHANET"}};
  SummaryInputs inputs{c.name, {}, {}};
  const auto sentences = CompiledSummary(c, inputs);
  ASSERT_EQ(sentences.size(), 2u);
  EXPECT_EQ(sentences[0], "Ehlers-Danlos syndrome, classic type is a form of Ehlers-Danlos syndrome.");
  EXPECT_EQ(sentences[1], "It is extremely rare: 4 families have been reported.");
}

}  // namespace
}  // namespace diseasemaps::catalog

namespace diseasemaps::catalog {
namespace {

// The reviewed summary leaves the answers list only when a reviewer approved it.
TEST(FirstScreen, OnlyAReviewedSummaryAnswerIsTakenForTheTop) {
  nlohmann::json answers = nlohmann::json::array(
      {{{"slug", "causes"}, {"reviewed", true}}, {{"slug", "summary"}, {"reviewed", false}}});
  EXPECT_TRUE(TakeReviewedSummary(answers).is_null());
  EXPECT_EQ(answers.size(), 2u);
  answers[1]["reviewed"] = true;
  const nlohmann::json taken = TakeReviewedSummary(answers);
  EXPECT_EQ(taken["slug"], "summary");
  ASSERT_EQ(answers.size(), 1u);
  EXPECT_EQ(answers[0]["slug"], "causes");
}

TEST(FirstScreen, RarityIsTheMostTellingRecordOrACaseCount) {
  EXPECT_EQ(PlainRarityPhrase({{"Point prevalence", "Value and class", "1-9 / 100 000", "", "Europe", ""},
                               {"Point prevalence", "Value and class", "<1 / 1 000 000", "", "Worldwide", ""}}),
            "fewer than 1 in 1,000,000 people");
  EXPECT_EQ(PlainRarityPhrase({{"Cases/families", "Case", "", "12", "Worldwide", ""}}), "12 people reported");
  EXPECT_EQ(PlainRarityPhrase({{"Cases/families", "Family", "", "1", "Worldwide", ""}}), "1 family reported");
  EXPECT_EQ(PlainRarityPhrase({{"Point prevalence", "Class only", "Unknown", "", "Worldwide", ""}}), "");
  nlohmann::json children = nlohmann::json::array({{{"orphacode", 1}}, {{"orphacode", 2}}});
  AddRarity(children, {{1, {{"Point prevalence", "Class only", "1-5 / 10 000", "", "", ""}}}});
  EXPECT_EQ(children[0]["rarity"], "about 1 to 5 in 10,000 people");
  EXPECT_EQ(children[1]["rarity"], "how many people have it is not known");
}

TEST(FirstScreen, DoctorsQuestionsFollowTheFacts) {
  Condition c;
  c.name = "Example syndrome";
  c.inheritance = {"Not applicable"};
  auto asked = [&] {
    std::string all;
    for (const auto& q : QuestionsForADoctor(c, c.name)) all += q + "\n";
    return all;
  };
  EXPECT_EQ(asked().find("genetic counselling"), std::string::npos);
  c.inheritance = {"Autosomal dominant"};
  c.genes = {{"FBN1", "fibrillin 1", "Disease-causing germline mutation(s) in", "", ""}};
  EXPECT_NE(asked().find("genetic counselling"), std::string::npos);
  EXPECT_NE(asked().find("Would a genetic test of the FBN1 gene help?"), std::string::npos) << asked();
}

}  // namespace
}  // namespace diseasemaps::catalog
