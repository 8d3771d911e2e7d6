// A post's HTML, kept per thread by its text: the same text gives the same HTML from
// the renderer and from what was kept, and a text is never answered with another's.
#include <string>

#include <gtest/gtest.h>

#include "forums/forum_view.h"

namespace diseasemaps::forums {
namespace {

TEST(ForumPostHtml, KeptHtmlIsTheRenderedHtmlOfThatText) {
  const std::string first = PostHtml("# A heading\n\nSee <b>this</b> and https://example.org");
  EXPECT_NE(first.find("<h3>"), std::string::npos) << first;
  EXPECT_EQ(first.find("<b>"), std::string::npos) << first;  // raw HTML left out
  EXPECT_NE(first.find("rel=\"nofollow ugc\""), std::string::npos) << first;
  EXPECT_EQ(PostHtml("# A heading\n\nSee <b>this</b> and https://example.org"), first);
  const std::string other = PostHtml("# A heading\n\nSee <b>that</b>");
  EXPECT_NE(other, first);
  EXPECT_NE(other.find("that"), std::string::npos);
}

TEST(ForumPostHtml, PastWhatIsKeptEveryTextStillGetsItsOwnHtml) {
  const std::string filler(20000, 'x');
  for (int round = 0; round < 2; ++round) {
    for (int i = 0; i < 120; ++i) {  // about 4.8 MB of text and HTML: more than is kept
      const std::string text = "post " + std::to_string(i) + " " + filler;
      const std::string html = PostHtml(text);
      ASSERT_EQ(html.rfind("<p>post " + std::to_string(i) + " ", 0), 0u) << i;
    }
  }
}

}  // namespace
}  // namespace diseasemaps::forums
