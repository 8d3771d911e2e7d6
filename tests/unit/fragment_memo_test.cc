// The fragment memo answers exactly what rendering answers: the same view twice is one
// render, any change to the view or the language is a render of its own, and past its
// budget it forgets rather than grows.
#include <string>

#include <gtest/gtest.h>

#include "platform/fragment_memo.h"
#include "platform/i18n.h"
#include "platform/templates.h"

namespace diseasemaps {
namespace {

nlohmann::json ErrorView(const std::string& message) { return {{"title", "T"}, {"message", message}}; }

TEST(FragmentMemo, TheSameViewIsRenderedOnceAndAnswersWhatRenderingWould) {
  FragmentMemo memo;
  i18n::ScopedLanguage english{"en"};
  const std::string first = memo.Render("error", ErrorView("<b>one</b>"));
  const std::string again = memo.Render("error", ErrorView("<b>one</b>"));
  EXPECT_EQ(first, Templates::Render("error", ErrorView("<b>one</b>")));
  EXPECT_EQ(again, first);
  EXPECT_EQ(memo.misses(), 1);
  EXPECT_EQ(memo.hits(), 1);
}

TEST(FragmentMemo, AnyChangeToTheViewOrTheLanguageIsRenderedAfresh) {
  FragmentMemo memo;
  std::string english;
  {
    i18n::ScopedLanguage scoped{"en"};
    english = memo.Render("error", ErrorView("one"));
    const std::string other = memo.Render("error", ErrorView("two"));
    EXPECT_NE(other, english);
    EXPECT_NE(other.find("two"), std::string::npos);
    // A field the template never reads still makes a key of its own: the memo does not
    // guess what a template shows.
    nlohmann::json more = ErrorView("one");
    more["unused"] = true;
    EXPECT_EQ(memo.Render("error", more), english);
    EXPECT_EQ(memo.misses(), 3);
  }
  i18n::ScopedLanguage spanish{"es"};
  const std::string in_spanish = memo.Render("error", ErrorView("one"));
  EXPECT_NE(in_spanish, english);
  EXPECT_EQ(in_spanish, Templates::Render("error", ErrorView("one")));
  EXPECT_EQ(memo.misses(), 4);
}

TEST(FragmentMemo, PastItsBudgetItForgetsAndStillAnswersRight) {
  FragmentMemo memo(16 * 4096);  // a few fragments a shard
  i18n::ScopedLanguage english{"en"};
  for (int round = 0; round < 2; ++round) {
    for (int i = 0; i < 400; ++i) {
      const std::string message = "message " + std::to_string(i);
      ASSERT_EQ(memo.Render("error", ErrorView(message)), Templates::Render("error", ErrorView(message)));
    }
  }
  // Most of the second round had been forgotten: the memo stayed within its budget.
  EXPECT_GT(memo.misses(), 400 + 200);
}

}  // namespace
}  // namespace diseasemaps
