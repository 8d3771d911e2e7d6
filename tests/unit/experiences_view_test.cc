// A condition's aggregates as everyone sees them (experiences/experiences_view.h): per
// sign and per treatment groups suppressed, free-text buckets under 5 left out, the k
// rule, medians and quartiles, and never a count from 1 to 4.
#include "experiences/experiences_view.h"

#include <gtest/gtest.h>

#include <regex>

namespace diseasemaps::experiences {
namespace {

using nlohmann::json;

TEST(ExperiencesView, EveryQuestionIsSuppressedBeforeItIsShown) {
  const Questionnaire* q = FindQuestionnaire(1);
  ASSERT_NE(q, nullptr);
  const Tally tally = {
      {kEveryoneCell, 10},
      {{"phenotypes", "*"}, 10},
      {{"phenotypes", "HP:0000317|*"}, 10},
      {{"phenotypes", "HP:0000317|has"}, 7},
      {{"phenotypes", "HP:0000317|does_not"}, 3},
      {{"other_signs", "*"}, 6},
      {{"other_signs", "HP:0000002"}, 2},
      {{"other_signs", "HP:0000003"}, 6},
      {{"treatments", "*"}, 8},
      {{"treatments", "ivig|*"}, 6},
      {{"treatments", "ivig|a_lot"}, 4},
      {{"treatments", "ivig|somewhat"}, 2},
      {{"treatments", "rare remedy|*"}, 2},
      {{"years_to_diagnosis", "*"}, 10},
      {{"years_to_diagnosis", "1"}, 3},
      {{"years_to_diagnosis", "3"}, 4},
      {{"years_to_diagnosis", "8"}, 3},
      {{"story", "*"}, 4},
  };
  const json view = SuppressedAggregatesJson(*q, tally, 5);
  EXPECT_EQ(view["people"], json({{"count", 10}}));
  const json& sign = view["questions"]["phenotypes"]["signs"][0];
  EXPECT_EQ(sign["hpo_id"], "HP:0000317");
  EXPECT_EQ(sign["cells"][0], json({{"answer", "has"}, {"people", {{"hidden", true}}}})) << sign.dump();
  EXPECT_EQ(sign["cells"][1], json({{"answer", "does_not"}, {"people", {{"fewer_than", 5}}}}));
  const json& other = view["questions"]["other_signs"];
  ASSERT_EQ(other["cells"].size(), 1u) << "a term fewer than 5 people name is left out";
  EXPECT_EQ(other["cells"][0]["hpo_id"], "HP:0000003");
  const json& treatments = view["questions"]["treatments"]["treatments"];
  ASSERT_EQ(treatments.size(), 1u);
  EXPECT_EQ(treatments[0]["name"], "ivig");
  const json& years = view["questions"]["years_to_diagnosis"];
  EXPECT_EQ(years["median"], 3);
  EXPECT_EQ(years["quartiles"], json::array({1, 8}));
  EXPECT_EQ(view["questions"]["story"], json({{"shown", false}, {"step", "story"}, {"kind", "text"}}));
  EXPECT_FALSE(std::regex_search(view.dump(), std::regex("\"count\":[1-4][,}]"))) << view.dump();
}

TEST(ExperiencesView, NobodyYet) {
  const json view = SuppressedAggregatesJson(*FindQuestionnaire(1), {}, 5);
  EXPECT_EQ(view["people"], json({{"count", 0}}));
  EXPECT_EQ(view["questions"]["onset_age"]["shown"], false);
}

}  // namespace
}  // namespace diseasemaps::experiences
