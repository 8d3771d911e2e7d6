// What one counted experience adds to its condition's aggregates
// (experiences/experience_aggregates.h): each cell once, free text only as answered,
// treatment names folded, unknown questions and versions adding nothing.
#include "experiences/experience_aggregates.h"

#include <gtest/gtest.h>

namespace diseasemaps::experiences {
namespace {

using nlohmann::json;

TEST(ExperienceAggregates, AnExperienceCountsOnceInEachCellItAnswers) {
  const json answers = {
      {"diagnosis", {{"doctors_seen", "4_7"}, {"years_to_diagnosis", 3}, {"specialty", "Neurology"}}},
      {"signs", {{"phenotypes", {{"HP:0000317", "has"}}}}},
      {"treatments", {{"treatments", json::array({{{"name", "IVIG"}, {"effect", "a_lot"}},
                                                  {{"name", "ivig"}, {"effect", "a_lot"}}})}}},
      {"unknown_step", {{"x", 1}}},
  };
  const std::set<Cell> cells = CellsOf(1, answers);
  const std::set<Cell> expected = {
      kEveryoneCell,
      {"doctors_seen", "*"}, {"doctors_seen", "4_7"},
      {"years_to_diagnosis", "*"}, {"years_to_diagnosis", "3"},
      {"specialty", "*"},
      {"phenotypes", "*"}, {"phenotypes", "HP:0000317|*"}, {"phenotypes", "HP:0000317|has"},
      {"treatments", "*"}, {"treatments", "ivig|*"}, {"treatments", "ivig|a_lot"},
  };
  EXPECT_EQ(cells, expected);
  EXPECT_EQ(CellsOf(999, answers), std::set<Cell>{kEveryoneCell});
  const auto change = Difference({kEveryoneCell, {"a", "1"}}, {kEveryoneCell, {"a", "2"}});
  EXPECT_EQ(change, (std::map<Cell, int>{{{"a", "1"}, -1}, {{"a", "2"}, +1}}));
}

}  // namespace
}  // namespace diseasemaps::experiences
