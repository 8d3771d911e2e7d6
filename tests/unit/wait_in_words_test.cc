// How a 429 page says how long to wait (pages/access.h).
#include <gtest/gtest.h>

#include "pages/access.h"

namespace diseasemaps::pages {
namespace {

TEST(WaitInWords, RoundsUpToMinutesThenHours) {
  EXPECT_EQ(WaitInWords(0), "1 minute(s)");
  EXPECT_EQ(WaitInWords(1), "1 minute(s)");
  EXPECT_EQ(WaitInWords(60), "1 minute(s)");
  EXPECT_EQ(WaitInWords(61), "2 minute(s)");
  EXPECT_EQ(WaitInWords(119 * 60), "119 minute(s)");
  EXPECT_EQ(WaitInWords(120 * 60), "2 hours");
  EXPECT_EQ(WaitInWords(23 * 3600 + 1), "24 hours");
}

}  // namespace
}  // namespace diseasemaps::pages
