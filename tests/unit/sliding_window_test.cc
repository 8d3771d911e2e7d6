#include "platform/sliding_window.h"

#include <gtest/gtest.h>

namespace diseasemaps {
namespace {

TEST(SlidingWindow, AtAWindowsStartThePreviousWindowCountsWhole) {
  EXPECT_EQ(SlidingCount({.previous = 7, .current = 0}, 0, 900), 7);
  EXPECT_EQ(SlidingCount({.previous = 7, .current = 1}, 0, 900), 8);
}

TEST(SlidingWindow, ThePreviousWindowFadesAndIsRoundedUp) {
  EXPECT_EQ(SlidingCount({.previous = 8, .current = 0}, 450, 900), 4);
  EXPECT_EQ(SlidingCount({.previous = 8, .current = 0}, 451, 900), 4);  // 3.99 counts as 4
  EXPECT_EQ(SlidingCount({.previous = 8, .current = 0}, 899, 900), 1);
  EXPECT_EQ(SlidingCount({.previous = 0, .current = 3}, 899, 900), 3);
}

// Whatever the split between the two windows, a limit of 8 allows 8 and refuses the 9th
// when all happened in the last instants: the boundary gives no burst of 2N.
TEST(SlidingWindow, NoBurstAcrossTheBoundary) {
  for (long long before = 0; before <= 8; ++before) {
    EXPECT_EQ(SlidingCount({.previous = before, .current = 8 - before}, 1, 900), 8) << before;
  }
}

TEST(SlidingWindow, RetryAfterIsZeroUnderTheLimit) {
  EXPECT_EQ(SlidingRetryAfter({.previous = 3, .current = 4}, 0, 900, 8), 0);
}

TEST(SlidingWindow, RetryAfterWaitsForTheCurrentWindowAndItsSlide) {
  // 8 events now, limit 8: the window ends in 800 s, then one of 8 must fade enough
  // that ceil(8 * (900 - x) / 900) <= 7, i.e. x >= 112.5.
  const long long wait = SlidingRetryAfter({.previous = 0, .current = 8}, 100, 900, 8);
  EXPECT_EQ(wait, 800 + 113);
  // One second earlier it is still refused; at the answer it is allowed.
  EXPECT_EQ(SlidingCount({.previous = 8, .current = 0}, 112, 900), 8);
  EXPECT_EQ(SlidingCount({.previous = 8, .current = 0}, 113, 900), 7);
}

TEST(SlidingWindow, RetryAfterWaitsForThePreviousWindowToFade) {
  // 6 last window, 2 now, limit 8: the previous must count at most 5.
  const long long wait = SlidingRetryAfter({.previous = 6, .current = 2}, 0, 900, 8);
  EXPECT_GT(wait, 0);
  EXPECT_EQ(SlidingCount({.previous = 6, .current = 2}, wait, 900), 7);
  EXPECT_EQ(SlidingCount({.previous = 6, .current = 2}, wait - 1, 900), 8);
}

TEST(SlidingWindow, WindowStartIsAMultipleOfTheWindow) {
  EXPECT_EQ(WindowStart(1000, 900), 900);
  EXPECT_EQ(WindowStart(900, 900), 900);
  EXPECT_EQ(WindowStart(899, 900), 0);
}

}  // namespace
}  // namespace diseasemaps
