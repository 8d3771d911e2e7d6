#include "experiences/suppression.h"

#include <algorithm>
#include <limits>

#include "platform/i18n.h"

namespace diseasemaps::experiences {
namespace {

constexpr long long kUnbounded = std::numeric_limits<long long>::max() / 4;

struct Range {
  long long low;
  long long high;
};

// What a viewer knows of a count from how it is shown; no count exceeds `bound`.
Range RangeOf(const ShownCount& count, long long bound) {
  switch (count.kind) {
    case ShownCount::Kind::kExact: return {count.value, count.value};
    case ShownCount::Kind::kFewerThanFive: return {1, std::min(kSmallCount - 1, bound)};
    case ShownCount::Kind::kHidden: return {kSmallCount, bound};
  }
  return {0, bound};
}


// True when some withheld value (a cell or the total) could be worked out from the
// others and the equation sum(cells) = total: its feasible range is one value. With
// one linear equation over boxes, each variable's feasible range is exactly
// [max(low, T.low - sum of others' high), min(high, T.high - sum of others' low)].
bool SomeWithheldIsDetermined(const ShownCount& total, const std::vector<ShownCell>& cells, long long bound) {
  const Range t = RangeOf(total, bound);
  long long sum_low = 0;
  long long finite_high = 0;  // the sum of the cells' upper bounds that are finite
  int unbounded = 0;          // how many cells have none
  for (const ShownCell& cell : cells) {
    const Range r = RangeOf(cell.count, bound);
    sum_low += r.low;
    if (r.high >= kUnbounded) ++unbounded;
    else finite_high += r.high;
  }
  if (!total.exact()) {
    const long long high = std::min(t.high, unbounded > 0 ? kUnbounded : finite_high);
    if (std::max(t.low, sum_low) == high) return true;
  }
  for (const ShownCell& cell : cells) {
    if (cell.count.exact()) continue;
    const Range r = RangeOf(cell.count, bound);
    const bool self_unbounded = r.high >= kUnbounded;
    const bool others_unbounded = unbounded - (self_unbounded ? 1 : 0) > 0;
    const long long others_low = sum_low - r.low;
    const long long others_high = finite_high - (self_unbounded ? 0 : r.high);
    const long long low = others_unbounded ? r.low : std::max(r.low, t.low - others_high);
    const long long high = t.high >= kUnbounded ? r.high : std::min(r.high, t.high - others_low);
    if (low == high) return true;
  }
  return false;
}

}  // namespace

int EffectiveMinPeople(int asked) { return std::max(asked, kLowestMinPeople); }

ShownCount SmallCount(long long n) {
  if (n >= 1 && n < kSmallCount) return {ShownCount::Kind::kFewerThanFive, 0, std::nullopt};
  return ShownCount::Exact(n);
}

ShownGroup Suppress(const std::vector<std::pair<std::string, long long>>& cells, long long total,
                    bool cells_sum_to_total, int min_people, long long max_total) {
  const long long bound = max_total > 0 ? std::max(max_total, total) : kUnbounded;
  ShownGroup group;
  if (total < EffectiveMinPeople(min_people)) return group;
  group.total = SmallCount(total);
  for (const auto& [bucket, n] : cells) group.cells.push_back({bucket, SmallCount(n)});
  if (cells_sum_to_total) {
    while (SomeWithheldIsDetermined(group.total, group.cells, bound)) {
      // Hide the smallest count still shown (not 0: a hidden cell reads "5 or more").
      ShownCell* next = nullptr;
      for (ShownCell& cell : group.cells) {
        if (cell.count.exact() && cell.count.value >= kSmallCount &&
            (!next || cell.count.value < next->count.value)) {
          next = &cell;
        }
      }
      if (next) {
        next->count = {ShownCount::Kind::kHidden, 0, std::nullopt};
      } else if (group.total.exact()) {
        group.total = {ShownCount::Kind::kHidden, 0, std::nullopt};
      } else {
        return ShownGroup{};  // nothing left to hide: not shown at all
      }
    }
  }
  if (group.total.exact() && group.total.value >= kSmallCount) {
    for (ShownCell& cell : group.cells) {
      if (cell.count.exact()) {
        cell.count.percent = static_cast<int>((cell.count.value * 200 + group.total.value) / (2 * group.total.value));
      }
    }
  }
  group.shown = true;
  return group;
}

std::string CountInWords(const ShownCount& count) {
  switch (count.kind) {
    case ShownCount::Kind::kExact: return i18n::FormatNumber(i18n::CurrentLanguage(), count.value);
    case ShownCount::Kind::kFewerThanFive: return i18n::Tr("fewer than 5");
    case ShownCount::Kind::kHidden: return i18n::Tr("not shown");
  }
  return i18n::Tr("not shown");
}

}  // namespace diseasemaps::experiences
