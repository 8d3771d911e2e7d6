// Templates' per-request layout context: the lazy filler that adds fields costing a
// query (the header's unread count) runs once, only when a page is rendered, and never
// outlives its request.
#include "platform/templates.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace diseasemaps
