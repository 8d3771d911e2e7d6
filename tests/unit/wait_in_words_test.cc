// How a 429 page says how long to wait (pages/access.h), with real plural forms.
#include <gtest/gtest.h>

#include "pages/access.h"
#include "platform/i18n.h"

namespace diseasemaps::pages {
namespace {

TEST(WaitInWords, RoundsUpToMinutesThenHours) {
  EXPECT_EQ(WaitInWords(0), "1 minute");
  EXPECT_EQ(WaitInWords(1), "1 minute");
  EXPECT_EQ(WaitInWords(60), "1 minute");
  EXPECT_EQ(WaitInWords(61), "2 minutes");
  EXPECT_EQ(WaitInWords(119 * 60), "119 minutes");
  EXPECT_EQ(WaitInWords(120 * 60), "2 hours");
  EXPECT_EQ(WaitInWords(23 * 3600 + 1), "24 hours");
}

TEST(WaitInWords, InTheCurrentLanguage) {
  i18n::ScopedLanguage french("fr");
  EXPECT_EQ(WaitInWords(60), "1 minute");
  EXPECT_EQ(WaitInWords(61), "2 minutes");
  i18n::ScopedLanguage spanish("es");
  EXPECT_EQ(WaitInWords(120 * 60), "2 horas");
}

}  // namespace
}  // namespace diseasemaps::pages
