// Small-number suppression (experiences/suppression.h), as tables: small counts read
// "fewer than 5", complementary cells hide what a total would give away, no percentage
// on fewer than 5 people, the k rule; and a brute-force check that no withheld value of
// any group shown can be worked out from what is shown.
#include "experiences/suppression.h"

#include <gtest/gtest.h>

#include <functional>
#include <set>
#include <sstream>

namespace diseasemaps::experiences {
namespace {

using Kind = ShownCount::Kind;
using Cells = std::vector<std::pair<std::string, long long>>;

long long SumOf(const Cells& cells) {
  long long sum = 0;
  for (const auto& [bucket, n] : cells) sum += n;
  return sum;
}

// What a viewer knows of a count from how it is shown, up to `cap`.
std::pair<long long, long long> Known(const ShownCount& count, long long cap) {
  switch (count.kind) {
    case Kind::kExact: return {count.value, count.value};
    case Kind::kFewerThanFive: return {1, 4};
    case Kind::kHidden: return {5, cap};
  }
  return {0, cap};
}

// Every assignment of the withheld values consistent with what is shown and with
// sum(cells) = total; returns, for each withheld value (cells, then the total), the set
// of values it takes (at most a few).
std::vector<std::set<long long>> Feasible(const ShownGroup& group, long long cap) {
  const std::size_t n = group.cells.size();
  std::vector<std::set<long long>> seen(n + 1);
  std::vector<long long> value(n, 0);
  const auto [total_low, total_high] = Known(group.total, cap);
  std::function<void(std::size_t, long long)> walk = [&](std::size_t i, long long sum) {
    if (sum > cap) return;
    if (i == n) {
      if (sum < total_low || sum > total_high) return;
      for (std::size_t j = 0; j < n; ++j) seen[j].insert(value[j]);
      seen[n].insert(sum);
      return;
    }
    const auto [low, high] = Known(group.cells[i].count, cap);
    for (long long v = low; v <= high; ++v) {
      value[i] = v;
      walk(i + 1, sum + v);
    }
  };
  walk(0, 0);
  return seen;
}

// max_total: what the viewer knows bounds the total (0: nothing).
void ExpectNothingWithheldCanBeWorkedOut(const Cells& cells, const ShownGroup& group, long long max_total = 0) {
  if (!group.shown) return;
  const long long cap = max_total > 0 ? max_total : SumOf(cells) + 6;
  const auto feasible = Feasible(group, cap);
  for (std::size_t i = 0; i < group.cells.size(); ++i) {
    EXPECT_TRUE(feasible[i].count(cells[i].second)) << "the truth must be possible: " << cells[i].first;
    if (!group.cells[i].count.exact()) {
      EXPECT_GE(feasible[i].size(), 2u) << "cell " << cells[i].first << " (" << cells[i].second
                                        << ") can be worked out";
    }
  }
  if (!group.total.exact()) {
    EXPECT_GE(feasible.back().size(), 2u) << "the total can be worked out";
  }
}

std::string Shape(const ShownGroup& group) {
  if (!group.shown) return "not shown";
  auto one = [](const ShownCount& c) {
    switch (c.kind) {
      case Kind::kExact: {
        std::ostringstream out;
        out << c.value;
        if (c.percent) out << '(' << *c.percent << "%)";
        return out.str();
      }
      case Kind::kFewerThanFive: return std::string("<5");
      case Kind::kHidden: return std::string("x");
    }
    return std::string("?");
  };
  std::string out = one(group.total) + ":";
  for (const ShownCell& cell : group.cells) out += " " + cell.bucket + "=" + one(cell.count);
  return out;
}

TEST(Suppression, SingleChoiceGroupsAsATable) {
  struct Case {
    Cells cells;
    int k;
    const char* expected;
  };
  const Case cases[] = {
      // Nothing small: exact counts with percentages.
      {{{"a", 10}, {"b", 20}}, 5, "30: a=10(33%) b=20(67%)"},
      // One small cell would be total minus the others: the smallest other is hidden too.
      {{{"a", 12}, {"b", 3}, {"c", 20}}, 5, "35: a=x b=<5 c=20(57%)"},
      // A zero is shown and is never the complement.
      {{{"a", 0}, {"b", 7}, {"c", 2}}, 5, "9: a=0(0%) b=x c=<5"},
      // Hiding the one other cell still gives both away: the total is hidden as well.
      {{{"a", 5}, {"b", 1}}, 5, "x: a=x b=<5"},
      // Two small cells hide each other.
      {{{"a", 2}, {"b", 3}, {"c", 40}}, 5, "45: a=<5 b=<5 c=40(89%)"},
      // Three people, k = 3: every count small, no percentages, nothing determined.
      {{{"a", 1}, {"b", 1}, {"c", 1}}, 3, "<5: a=<5 b=<5 c=<5"},
      // Four people in four cells: each must be 1, whatever is hidden: not shown.
      {{{"a", 1}, {"b", 1}, {"c", 1}, {"d", 1}}, 3, "not shown"},
      // Fewer than k answered: not shown.
      {{{"a", 2}, {"b", 2}}, 5, "not shown"},
      // k is never below 3.
      {{{"a", 1}, {"b", 1}}, 1, "not shown"},
      {{{"a", 0}, {"b", 3}}, 2, "<5: a=0 b=<5"},
      // No percentage on fewer than 5 people, even when exact.
      {{{"a", 0}, {"b", 4}}, 3, "<5: a=0 b=<5"},
  };
  for (const Case& c : cases) {
    const ShownGroup group = Suppress(c.cells, SumOf(c.cells), true, c.k);
    EXPECT_EQ(Shape(group), c.expected);
    ExpectNothingWithheldCanBeWorkedOut(c.cells, group);
  }
}

TEST(Suppression, AHiddenTotalIsBoundedByThePeopleShownElsewhere) {
  // 6 people shared, all 6 answered: 5 and 1. Hiding the 5 and the total is not enough
  // when the page also says "6 people": the group cannot be shown.
  EXPECT_EQ(Shape(Suppress({{"a", 5}, {"b", 1}}, 6, true, 5, 6)), "not shown");
  // With 20 people shared, 6 answering leaves the hidden total undetermined.
  const Cells cells = {{"a", 5}, {"b", 1}};
  const ShownGroup group = Suppress(cells, 6, true, 5, 20);
  EXPECT_EQ(Shape(group), "x: a=x b=<5");
  ExpectNothingWithheldCanBeWorkedOut(cells, group, 20);
  // Complementary cells in a group everyone answered.
  const Cells twelve = {{"1", 0}, {"2_3", 5}, {"4_7", 6}, {"8_plus", 1}};
  const ShownGroup doctors = Suppress(twelve, 12, true, 5, 12);
  EXPECT_EQ(Shape(doctors), "12: 1=0(0%) 2_3=x 4_7=x 8_plus=<5");
  ExpectNothingWithheldCanBeWorkedOut(twelve, doctors, 12);
}

TEST(Suppression, NoWithheldCellOfAnySmallGroupCanBeWorkedOut) {
  // Every distribution of up to 12 people over up to 4 answers.
  int shown = 0;
  std::vector<long long> counts(4, 0);
  std::function<void(std::size_t, std::size_t)> each = [&](std::size_t cells, std::size_t i) {
    if (i == cells) {
      Cells group_cells;
      for (std::size_t j = 0; j < cells; ++j) group_cells.push_back({std::string(1, char('a' + j)), counts[j]});
      if (SumOf(group_cells) == 0) return;
      const long long sum = SumOf(group_cells);
      for (auto [k, max_total] : std::initializer_list<std::pair<int, long long>>{{3, 0}, {5, 0}, {5, sum}, {3, sum + 2}}) {
        const ShownGroup group = Suppress(group_cells, sum, true, k, max_total);
        shown += group.shown ? 1 : 0;
        ExpectNothingWithheldCanBeWorkedOut(group_cells, group, max_total);
        for (const ShownCell& cell : group.cells) {
          if (cell.count.percent) {
            EXPECT_TRUE(group.total.exact() && group.total.value >= 5);
          }
          const long long truth = group_cells[&cell - group.cells.data()].second;
          if (truth >= 1 && truth <= 4) {
            EXPECT_EQ(cell.count.kind, Kind::kFewerThanFive);
          }
        }
        if (::testing::Test::HasFailure()) return;
      }
      return;
    }
    for (long long v = 0; v <= 12; ++v) {
      counts[i] = v;
      long long sum = 0;
      for (std::size_t j = 0; j <= i; ++j) sum += counts[j];
      if (sum > 12) break;
      each(cells, i + 1);
    }
  };
  for (std::size_t cells = 1; cells <= 4; ++cells) each(cells, 0);
  EXPECT_GT(shown, 100);
}

TEST(Suppression, GroupsWhoseCellsDoNotAddUpOnlyHideSmallCounts) {
  // Signs or treatments: one person may count in several cells.
  const ShownGroup group = Suppress({{"HP:0000317", 12}, {"HP:0001251", 2}}, 14, false, 5);
  EXPECT_EQ(Shape(group), "14: HP:0000317=12(86%) HP:0001251=<5");
}

TEST(Suppression, CountsInWords) {
  EXPECT_EQ(CountInWords(ShownCount::Exact(1234)), "1,234");
  EXPECT_EQ(CountInWords({Kind::kFewerThanFive, 0, std::nullopt}), "fewer than 5");
  EXPECT_EQ(CountInWords({Kind::kHidden, 0, std::nullopt}), "not shown");
  EXPECT_EQ(EffectiveMinPeople(1), 3);
  EXPECT_EQ(EffectiveMinPeople(7), 7);
}

}  // namespace
}  // namespace diseasemaps::experiences
