// The shared experiences' charts (experiences/experience_charts.h), pure: bar geometry,
// Orphanet's band behind a sign's bar, labels cut for the SVG only, and the view built
// from the suppressed aggregates: no count from 1 to 4 as a number or a bar, the k rule,
// the same numbers in the chart and its table.
#include "experiences/experience_charts.h"

#include <gtest/gtest.h>

#include <regex>

#include "experiences/experiences_view.h"

namespace diseasemaps::experiences {
namespace {

using nlohmann::json;

ShownCount Percent(long long n, int percent) {
  ShownCount c = ShownCount::Exact(n);
  c.percent = percent;
  return c;
}

TEST(ExperienceCharts, BarsScaleToTheLargestShownCountAndSmallCountsHaveNone) {
  std::vector<ChartRow> rows = {{"a", ShownCount::Exact(10), ""},
                                {"b", ShownCount::Exact(5), ""},
                                {"c", SmallCount(3), ""},
                                {"d", {ShownCount::Kind::kHidden, 0, std::nullopt}, ""},
                                {"e", ShownCount::Exact(0), ""}};
  const auto g = LayOutRows(rows, false);
  ASSERT_EQ(g.size(), 5u);
  EXPECT_EQ(g[0].bar_width, kChartBarMax);
  EXPECT_EQ(g[1].bar_width, kChartBarMax / 2);
  EXPECT_EQ(g[2].bar_width, 0);  // "fewer than 5": no bar, whatever it is
  EXPECT_EQ(g[3].bar_width, 0);
  EXPECT_EQ(g[4].bar_width, 0);
  // Rows stack: each one row height below the last, words above the bar, the number after it.
  EXPECT_EQ(g[1].label_y - g[0].label_y, kChartRowHeight);
  EXPECT_LT(g[0].label_y, g[0].bar_y);
  EXPECT_EQ(g[0].value_x, kChartBarMax + 6);
  EXPECT_EQ(ChartHeight(5), 5 * kChartRowHeight + 8);
  // Everything fits in the viewBox.
  for (const RowGeometry& r : g) EXPECT_LE(r.bar_width, kChartWidth);
  EXPECT_LE(g[4].bar_y + kChartBarHeight, ChartHeight(5));
}

TEST(ExperienceCharts, SharesAreDrawnOnAHundredWithOrphanetsBandBehind) {
  ChartRow row{"Seizures", Percent(40, 50), "Frequent (30 to 79 in 100 people)"};
  std::tie(row.band_low, row.band_high) = BandOfRank(2);
  const auto g = LayOutRows({row}, true);
  EXPECT_EQ(g[0].bar_width, kChartBarMax / 2);
  EXPECT_EQ(g[0].band_x, 30 * kChartBarMax / 100);
  EXPECT_EQ(g[0].band_width, 79 * kChartBarMax / 100 - 30 * kChartBarMax / 100);
  EXPECT_EQ(g[0].value_x, g[0].band_x + g[0].band_width + 6);
  EXPECT_EQ(BandOfRank(6), std::make_pair(-1, -1));
  EXPECT_EQ(BandOfRank(0), std::make_pair(100, 100));
}

TEST(ExperienceCharts, LabelsAreCutByCharactersNotBytes) {
  EXPECT_EQ(ShortLabel("short", 10), "short");
  EXPECT_EQ(ShortLabel("abcdefghij", 10), "abcdefghij");
  EXPECT_EQ(ShortLabel("abcdefghijk", 10), "abcdefghi…");
  EXPECT_EQ(ShortLabel("ééééééééééé", 10), "ééééééééé…");
}

TEST(ExperienceCharts, TheViewShowsOnlyWhatSuppressionLetThrough) {
  const Questionnaire* q = FindQuestionnaire(1);
  ASSERT_NE(q, nullptr);
  const Tally tally = {
      {kEveryoneCell, 20},
      {{"doctors_seen", "*"}, 12},
      {{"doctors_seen", "2_3"}, 5},
      {{"doctors_seen", "4_7"}, 6},
      {{"doctors_seen", "8_plus"}, 1},
      {{"onset_age", "*"}, 3},  // under k: not shown
      {{"onset_age", "1_5"}, 3},
      {{"phenotypes", "*"}, 10},
      {{"phenotypes", "HP:0001250|*"}, 10},
      {{"phenotypes", "HP:0001250|has"}, 6},
      {{"phenotypes", "HP:0001250|does_not"}, 4},
      {{"years_to_diagnosis", "*"}, 16},
      {{"years_to_diagnosis", "1"}, 5},
      {{"years_to_diagnosis", "3"}, 5},
      {{"years_to_diagnosis", "8"}, 6},
  };
  const json view = ChartsView(SuppressedAggregatesJson(*q, tally, 5),
                               {{"HP:0001250", {"Seizures", "Frequent (30 to 79 in 100 people)", 30, 79}}});
  auto chart = [&](const std::string& id) {
    for (const json& c : view["charts"]) {
      if (c["id"] == id) return c;
    }
    return json();
  };
  EXPECT_EQ(view["people"], 20);
  const json onset = chart("onset_age");
  EXPECT_EQ(onset["shown"], false);
  EXPECT_TRUE(onset["rows"].empty());
  EXPECT_NE(onset["note"].get<std::string>().find("Fewer than 5 people"), std::string::npos);

  const json doctors = chart("doctors_seen");
  ASSERT_EQ(doctors["shown"], true);
  ASSERT_EQ(doctors["rows"].size(), 4u);
  EXPECT_EQ(doctors["rows"][0]["label"], "1 doctor");
  EXPECT_EQ(doctors["rows"][0]["value"], "0 (0%)");
  // 8 doctors or more is 1: never a number nor a bar; 2_3 and 4_7 are hidden with it.
  EXPECT_EQ(doctors["rows"][3]["value"], "fewer than 5");
  EXPECT_EQ(doctors["rows"][3]["has_bar"], false);
  EXPECT_EQ(doctors["rows"][1]["value"], "not shown");
  EXPECT_EQ(doctors["rows"][2]["value"], "not shown");
  for (const json& row : doctors["rows"]) EXPECT_EQ(row["has_bar"], false) << row.dump();

  const json signs = chart("phenotypes");
  ASSERT_EQ(signs["shown"], true);
  ASSERT_EQ(signs["rows"].size(), 1u);
  EXPECT_EQ(signs["rows"][0]["label"], "Seizures");
  EXPECT_EQ(signs["rows"][0]["beside"], "Frequent (30 to 79 in 100 people)");
  EXPECT_EQ(signs["rows"][0]["has_band"], true);
  EXPECT_EQ(signs["beside_header"], "Orphanet says");

  const json years = chart("years_to_diagnosis");
  ASSERT_EQ(years["shown"], true) << years.dump();
  ASSERT_EQ(years["rows"].size(), 3u);
  EXPECT_EQ(years["rows"][0]["value"], "1 year");
  EXPECT_EQ(years["rows"][1]["value"], "3 years");
  EXPECT_EQ(years["rows"][2]["value"], "8 years");

  // Nowhere a bare count from 1 to 4.
  const std::regex small(R"("value":"[1-4](\s\(|"))");
  EXPECT_FALSE(std::regex_search(view.dump(), small)) << view.dump();
}

}  // namespace
}  // namespace diseasemaps::experiences
