// Small-number suppression, pure: what of a group of counts may be shown so that no
// person can be singled out. The feature applies it to its aggregates before any page,
// chart or API shows them.
//
// Rules (issue 13):
// - a count from 1 to 4 reads "fewer than 5" (primary suppression); 0 is shown;
// - complementary suppression: when the cells of a group add up to its total (one
//   answer per person), more cells are hidden, smallest first, until no hidden value can
//   be worked out from what is shown: each hidden one could still take at least two
//   values. If even the total hidden leaves one determined, the group is not shown;
// - no percentage unless the total is shown and is at least 5;
// - a group is shown only when at least k people answered it (k defaults to 5 and is
//   never below 3, whatever is asked).
//
// What a viewer learns from a shown group, and what the guarantee is checked against:
// an exact count is its value; "fewer than 5" is 1 to 4; "hidden" (a complementary
// cell) is 5 or more; and no count is above max_total. Thread-safe (no state).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace diseasemaps::experiences {

inline constexpr long long kSmallCount = 5;  // counts 1 .. kSmallCount-1 are "fewer than 5"
inline constexpr int kDefaultMinPeople = 5;
inline constexpr int kLowestMinPeople = 3;

// k as it is applied: the asked value, never below kLowestMinPeople.
int EffectiveMinPeople(int asked);

struct ShownCount {
  enum class Kind {
    kExact,          // `value` is the count
    kFewerThanFive,  // 1 to 4
    kHidden,         // withheld so a small count cannot be worked out; 5 or more
  };
  Kind kind = Kind::kHidden;
  long long value = 0;          // kExact only
  std::optional<int> percent;   // kExact with a shown total of at least 5: rounded

  static ShownCount Exact(long long n) { return {Kind::kExact, n, std::nullopt}; }
  bool exact() const { return kind == Kind::kExact; }
};

struct ShownCell {
  std::string bucket;
  ShownCount count;
};

struct ShownGroup {
  bool shown = false;  // false: fewer than k answered, or no safe way to show it
  ShownCount total;
  std::vector<ShownCell> cells;  // in the order given; empty when not shown
};

// One count on its own: 1 to 4 read "fewer than 5"; others, 0 included, exact.
ShownCount SmallCount(long long n);

// Suppresses one group: `cells` (bucket, count) and `total`, the people who answered.
// `cells_sum_to_total`: each person counts in exactly one cell (a single-choice
// question), so a hidden cell could be worked out by difference.
// `max_total`: the most the total can be as a viewer knows it from elsewhere (the
// number of people who shared, shown beside every chart); 0 when nothing bounds it.
// REQUIRES: counts >= 0; when cells_sum_to_total, they add up to total.
ShownGroup Suppress(const std::vector<std::pair<std::string, long long>>& cells, long long total,
                    bool cells_sum_to_total, int min_people, long long max_total = 0);

// The count in words, in the current interface language: "12", "fewer than 5", "not
// shown".
std::string CountInWords(const ShownCount& count);

}  // namespace diseasemaps::experiences
