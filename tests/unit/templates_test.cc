// Templates' per-request layout context: the lazy filler that adds fields costing a
// query (the header's unread count) runs once, only when a page is rendered, and never
// outlives its request. A page rendered through a memo, with its large parts in slots,
// is byte for byte the page rendered whole.
#include "platform/templates.h"

#include <gtest/gtest.h>

#include "platform/fragment_memo.h"
#include "platform/i18n.h"

namespace diseasemaps {
namespace {

TEST(Templates, TheLayoutFillerRunsOnceOnTheFirstPageAndIsClearedWithTheContext) {
  int calls = 0;
  Templates::SetLayoutContext({{"signed_in", true}, {"viewer_name", "Ben"}, {"csrf", "t"}});
  Templates::SetLayoutFiller([&](nlohmann::json& layout) {
    ++calls;
    layout["messages_link"] = true;
    layout["messages_unread"] = "3";
    layout["messages_label"] = "Messages, 3 unread conversations";
  });
  EXPECT_EQ(calls, 0);  // nothing rendered yet: no query
  const std::string first = Templates::RenderPage("error", {{"title", "One"}, {"message", "m"}});
  const std::string second = Templates::RenderPage("error", {{"title", "Two"}, {"message", "m"}});
  EXPECT_EQ(calls, 1);
  for (const std::string& page : {first, second}) {
    EXPECT_NE(page.find("aria-label=\"Messages, 3 unread conversations\">Messages <span class=\"unread-count\">(3)</span>"),
              std::string::npos);
  }
  Templates::ClearLayoutContext();
  const std::string anonymous = Templates::RenderPage("error", {{"title", "Three"}, {"message", "m"}});
  EXPECT_EQ(calls, 1);
  EXPECT_EQ(anonymous.find("messages-link"), std::string::npos);

  // A filler set and cleared before any page is never run.
  Templates::SetLayoutFiller([&](nlohmann::json&) { ++calls; });
  Templates::ClearLayoutContext();
  Templates::RenderPage("error", {{"title", "Four"}, {"message", "m"}});
  EXPECT_EQ(calls, 1);
  // Nor one left behind when the next request sets its context.
  Templates::SetLayoutFiller([&](nlohmann::json&) { ++calls; });
  Templates::SetLayoutContext({{"csrf", "u"}});
  Templates::RenderPage("error", {{"title", "Five"}, {"message", "m"}});
  Templates::ClearLayoutContext();
  EXPECT_EQ(calls, 1);
}

TEST(Templates, APageThroughAMemoWithSlotsIsThePageRenderedWhole) {
  i18n::ScopedLanguage english{"en"};
  Templates::SetLayoutContext({{"signed_in", true}, {"viewer_name", "Ben <b>"}, {"csrf", "t"}});
  FragmentMemo memo;
  // The slot's HTML holds a moment: the page then loads the local-time script, as it
  // would with the HTML in its field.
  const std::string topics =
      "<li>One <time datetime=\"2026-01-01T00:00:00Z\" data-local=\"minute\">2026-01-01 00:00 UTC</time></li>";
  nlohmann::json whole = {{"title", "A <forum>"}, {"forum_title", "General"}, {"has_topics", true}, {"topics_html", topics}};
  nlohmann::json slotted = whole;
  slotted["topics_html"] = Templates::Slot(0);
  const std::string expected = Templates::RenderPage("forum", whole);
  ASSERT_NE(expected.find("local-time.js"), std::string::npos);
  EXPECT_EQ(Templates::RenderPage("forum", slotted, memo, {topics}), expected);
  EXPECT_EQ(memo.misses(), 2);  // the page, and the layout around it
  EXPECT_EQ(Templates::RenderPage("forum", slotted, memo, {topics}), expected);
  EXPECT_EQ(memo.hits(), 2);
  // Other slot HTML, another viewer: the same as rendering whole, from what was kept or not.
  whole["topics_html"] = "<li>Two</li>";
  EXPECT_EQ(Templates::RenderPage("forum", slotted, memo, {"<li>Two</li>"}), Templates::RenderPage("forum", whole));
  Templates::SetLayoutContext({{"signed_in", true}, {"viewer_name", "Ana"}, {"csrf", "u"}});
  EXPECT_EQ(Templates::RenderPage("forum", slotted, memo, {"<li>Two</li>"}), Templates::RenderPage("forum", whole));
  Templates::ClearLayoutContext();
  EXPECT_EQ(Templates::RenderPage("forum", slotted, memo, {"<li>Two</li>"}), Templates::RenderPage("forum", whole));
}

}  // namespace
}  // namespace diseasemaps
