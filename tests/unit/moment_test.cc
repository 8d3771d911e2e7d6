// Moments on pages (pages/moment.h) and how templates write them: a <time> element with
// the UTC instant and a UTC text, escaped like any value, inside translated sentences
// too; the page that holds one loads local-time.js, a page without none. Also the
// search page's count, a plural with its number grouped per language ("1,900 results").
#include "pages/moment.h"

#include <gtest/gtest.h>

#include "platform/i18n.h"
#include "platform/templates.h"

namespace diseasemaps {
namespace {

constexpr long long kMoment = 1764927000;  // 2025-12-05T09:30:00Z

bool Has(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

TEST(Moment, AMinuteAndADayInUtc) {
  const nlohmann::json minute = pages::MomentView(kMoment);
  EXPECT_EQ(minute["iso"], "2025-12-05T09:30:00Z");
  EXPECT_EQ(minute["text"], "2025-12-05 09:30 UTC");
  EXPECT_EQ(minute["kind"], "minute");
  i18n::ScopedLanguage spanish("es");
  const nlohmann::json day = pages::DayView(kMoment);
  EXPECT_EQ(day["iso"], "2025-12-05T09:30:00Z");
  EXPECT_EQ(day["text"], "5 de diciembre de 2025");
  EXPECT_EQ(day["kind"], "day");
}

TEST(Moment, ATimePlaceholderInATranslatedSentenceIsATimeElement) {
  i18n::ScopedLanguage french("fr");
  const nlohmann::json view = {{"title", "t"}, {"form_csrf", "c"}, {"has_members", true},
                               {"members", {{{"id", "7"}, {"name", "<b>Bo</b>"}, {"since_time", pages::DayView(kMoment)}}}}};
  const std::string html = Templates::Render("message_blocked", view);
  EXPECT_TRUE(Has(html, "bloqué le <time datetime=\"2025-12-05T09:30:00Z\" data-local=\"day\">5 décembre 2025</time>"))
      << html;
  EXPECT_TRUE(Has(html, "&lt;b&gt;Bo&lt;/b&gt;"));  // other values still escaped
}

TEST(Moment, OnlyAPageWithAMomentLoadsTheScript) {
  const nlohmann::json with = {{"title", "t"}, {"form_csrf", "c"}, {"has_members", true},
                               {"members", {{{"id", "7"}, {"name", "Bo"}, {"since_time", pages::DayView(kMoment)}}}}};
  EXPECT_TRUE(Has(Templates::RenderPage("message_blocked", with),
                  "<script type=\"module\" src=\"/static/js/local-time.js\"></script>"));
  const nlohmann::json without = {{"title", "t"}, {"form_csrf", "c"}, {"has_members", false}};
  EXPECT_FALSE(Has(Templates::RenderPage("message_blocked", without), "local-time.js"));
}

TEST(SearchCount, APluralWithItsNumberGroupedPerLanguage) {
  EXPECT_EQ(i18n::Plural("{count} result", "{count} results", 1900), "1,900 results");
  EXPECT_EQ(i18n::Plural("{count} result", "{count} results", 1), "1 result");
  i18n::ScopedLanguage spanish("es");
  EXPECT_EQ(i18n::Plural("{count} result", "{count} results", 1900), "1.900 resultados");
}

}  // namespace
}  // namespace diseasemaps
