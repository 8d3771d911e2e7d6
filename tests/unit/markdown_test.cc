#include "platform/markdown.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

namespace diseasemaps {
namespace {

std::string Html(std::string_view markdown, MarkdownOptions options = {}) {
  auto rendered = RenderMarkdown(markdown, options);
  EXPECT_TRUE(rendered.ok()) << rendered.status().message();
  return rendered.ok() ? rendered->html : "";
}

bool Has(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// Nothing a browser would run or load from a hostile text.
void ExpectInert(const std::string& html, const std::string& input) {
  std::string lower = html;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  EXPECT_FALSE(Has(lower, "<script")) << input << "\n-> " << html;
  EXPECT_FALSE(Has(lower, "<img src=\"x\"")) << input << "\n-> " << html;
  EXPECT_FALSE(Has(lower, "<iframe")) << input << "\n-> " << html;
  EXPECT_FALSE(Has(lower, "<svg")) << input << "\n-> " << html;
  for (const char* handler : {" onerror=\"", " onerror='", " onload=\"", " onload='"}) {
    EXPECT_FALSE(Has(lower, handler)) << input << "\n-> " << html;
  }
  EXPECT_FALSE(Has(lower, "href=\"javascript")) << input << "\n-> " << html;
  EXPECT_FALSE(Has(lower, "href=\"vbscript")) << input << "\n-> " << html;
  EXPECT_FALSE(Has(lower, "href=\"data:")) << input << "\n-> " << html;
  EXPECT_FALSE(Has(lower, "src=\"javascript")) << input << "\n-> " << html;
  EXPECT_FALSE(Has(lower, "src=\"data:")) << input << "\n-> " << html;
}

TEST(Markdown, RendersCommonMarkAndGithubExtensions) {
  const std::string html = Html(
      "Plain **bold** and *soft* text.\n\n"
      "- one\n- two\n\n"
      "| Trigger | Age |\n|---|---|\n| Neuroblastoma | Children |\n\n"
      "~~old~~ and https://www.orpha.net/ and www.example.org\n");
  EXPECT_TRUE(Has(html, "<strong>bold</strong>"));
  EXPECT_TRUE(Has(html, "<li>one</li>"));
  EXPECT_TRUE(Has(html, "<table>"));
  EXPECT_TRUE(Has(html, "<td>Neuroblastoma</td>"));
  EXPECT_TRUE(Has(html, "<del>old</del>"));
  EXPECT_TRUE(Has(html, "<a href=\"https://www.orpha.net/\">https://www.orpha.net/</a>"));
  EXPECT_TRUE(Has(html, "<a href=\"http://www.example.org\">www.example.org</a>"));
}

TEST(Markdown, EmptyTextGivesEmptyHtml) {
  EXPECT_EQ(Html(""), "");
}

TEST(Markdown, DropsRawHtml) {
  for (const std::string input : {
           "<script>alert(1)</script>",
           "Text <script>alert(1)</script> more",
           "<img src=\"x\" onerror=\"alert(1)\">",
           "Inline <img src=x onerror=alert(1)> image",
           "<iframe src=\"https://evil.example\"></iframe>",
           "<svg onload=alert(1)>",
           "<a href=\"javascript:alert(1)\">click</a>",
           "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
           "<div\nonclick=\"alert(1)\">block</div>",
           "<!-- comment --><script>x</script>",
       }) {
    const std::string html = Html(input);
    ExpectInert(html, input);
    EXPECT_FALSE(Has(html, "<a href=\"javascript")) << input;
    EXPECT_FALSE(Has(html, "raw HTML omitted")) << input;  // dropped, not even a comment
  }
  EXPECT_TRUE(Has(Html("Text <b>kept</b> words"), "kept"));
}

TEST(Markdown, NeutralisesLinksToOtherSchemes) {
  for (const std::string input : {
           "[click](javascript:alert(1))",
           "[click](JavaScript:alert(1))",
           "[click](JAVASCRIPT:alert(1))",
           "[click]( javascript:alert(1))",
           "[click](<java\tscript:alert(1)>)",
           "[click](java&#x73;cript:alert(1))",
           "[click](&#106;avascript:alert(1))",
           "[click](javascript&#58;alert(1))",
           "[click](javascript&colon;alert(1))",
           "[click](&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;:alert(1))",
           "[click](vbscript:msgbox(1))",
           "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
           "[click](file:///etc/passwd)",
           "<javascript:alert(1)>",
           "[click][ref]\n\n[ref]: javascript:alert(1)",
           "![pic](javascript:alert(1))",
           "![pic](data:image/svg+xml;base64,PHN2Zz4=)",
           "[![pic](data:image/png;base64,AAAA)](javascript:alert(1))",
       }) {
    auto rendered = RenderMarkdown(input);
    ASSERT_TRUE(rendered.ok()) << input;
    ExpectInert(rendered->html, input);
    EXPECT_FALSE(Has(rendered->html, "<a ")) << input << "\n-> " << rendered->html;
    EXPECT_FALSE(Has(rendered->html, "<img")) << input << "\n-> " << rendered->html;
    EXPECT_TRUE(rendered->links.empty()) << input;
  }
  // The text of a neutralised link stays, without the link.
  EXPECT_EQ(Html("See [this page](javascript:alert(1)) now."), "<p>See this page now.</p>\n");
  EXPECT_EQ(Html("![a chart](data:image/png;base64,AAAA)"), "<p>a chart</p>\n");
}

TEST(Markdown, KeepsSafeLinks) {
  auto rendered = RenderMarkdown(
      "[Orphanet](https://www.orpha.net/en/disease/detail/1183), "
      "[PubMed](HTTP://pubmed.ncbi.nlm.nih.gov/19423368/), "
      "[write](mailto:team@example.org), [causes](#causes), [other](/conditions/marfan-syndrome), "
      "[again](https://www.orpha.net/en/disease/detail/1183)");
  ASSERT_TRUE(rendered.ok());
  EXPECT_TRUE(Has(rendered->html, "href=\"https://www.orpha.net/en/disease/detail/1183\""));
  EXPECT_TRUE(Has(rendered->html, "href=\"HTTP://pubmed.ncbi.nlm.nih.gov/19423368/\""));
  EXPECT_TRUE(Has(rendered->html, "href=\"mailto:team@example.org\""));
  EXPECT_TRUE(Has(rendered->html, "href=\"#causes\""));
  EXPECT_TRUE(Has(rendered->html, "href=\"/conditions/marfan-syndrome\""));
  ASSERT_EQ(rendered->links.size(), 5u);  // the repeated URL once
  EXPECT_EQ(rendered->links[0].text, "Orphanet");
  EXPECT_EQ(rendered->links[0].url, "https://www.orpha.net/en/disease/detail/1183");
  EXPECT_EQ(rendered->links[2].url, "mailto:team@example.org");
}

TEST(Markdown, GivesEveryLinkTheRelAskedFor) {
  MarkdownOptions options;
  options.link_rel = "nofollow ugc";
  auto rendered = RenderMarkdown(
      "[a](https://example.org) and https://example.net, `<a href=\"x\">` in code,\n"
      "<a href=\"https://raw.example\">raw</a> and ![pic](https://example.org/p.png)",
      options);
  ASSERT_TRUE(rendered.ok());
  EXPECT_TRUE(Has(rendered->html, "<a rel=\"nofollow ugc\" href=\"https://example.org\">a</a>")) << rendered->html;
  EXPECT_TRUE(Has(rendered->html, "<a rel=\"nofollow ugc\" href=\"https://example.net\">")) << rendered->html;
  EXPECT_TRUE(Has(rendered->html, "<a rel=\"nofollow ugc\" href=\"https://example.org/p.png\">")) << rendered->html;
  EXPECT_TRUE(Has(rendered->html, "<code>&lt;a href=&quot;x&quot;&gt;</code>")) << rendered->html;
  EXPECT_FALSE(Has(rendered->html, "raw.example")) << rendered->html;  // raw HTML still dropped
  EXPECT_FALSE(Has(rendered->html, "<a href=")) << rendered->html;      // no link without it
  // Without the option nothing changes.
  EXPECT_EQ(Html("[a](https://example.org)"), "<p><a href=\"https://example.org\">a</a></p>\n");
}

TEST(Markdown, IsSafeLinkUrl) {
  EXPECT_TRUE(IsSafeLinkUrl("https://example.org"));
  EXPECT_TRUE(IsSafeLinkUrl("http://example.org"));
  EXPECT_TRUE(IsSafeLinkUrl("mailto:a@example.org"));
  EXPECT_TRUE(IsSafeLinkUrl("/relative/path"));
  EXPECT_TRUE(IsSafeLinkUrl("relative/a:b"));
  EXPECT_TRUE(IsSafeLinkUrl("#anchor"));
  EXPECT_TRUE(IsSafeLinkUrl("?q=a:b"));
  EXPECT_TRUE(IsSafeLinkUrl(""));
  EXPECT_FALSE(IsSafeLinkUrl("javascript:alert(1)"));
  EXPECT_FALSE(IsSafeLinkUrl("  JaVaScRiPt:alert(1)"));
  EXPECT_FALSE(IsSafeLinkUrl("\x01javascript:alert(1)"));
  EXPECT_FALSE(IsSafeLinkUrl("java\tscr\nipt:alert(1)"));
  EXPECT_FALSE(IsSafeLinkUrl("vbscript:x"));
  EXPECT_FALSE(IsSafeLinkUrl("data:text/html,x"));
  EXPECT_FALSE(IsSafeLinkUrl("file:///etc/passwd"));
  EXPECT_FALSE(IsSafeLinkUrl(":nothing"));
  EXPECT_FALSE(IsSafeLinkUrl("ftp://example.org"));
}

TEST(Markdown, EscapesTextAndAttributes) {
  const std::string html = Html("![x\" onerror=\"alert(1)](https://example.org/a.png) 5 < 6 & \"q\"");
  ExpectInert(html, "alt");
  // The image became a link (see ImagesFromOtherSitesBecomeLinksNeverImg): its
  // alternative text is the link's escaped words.
  EXPECT_TRUE(Has(html, ">x&quot; onerror=&quot;alert(1)</a>")) << html;
  EXPECT_TRUE(Has(html, "5 &lt; 6 &amp; &quot;q&quot;"));
  EXPECT_FALSE(Has(Html("[a](https://example.org/\"onmouseover=\"alert(1))"), "\"onmouseover"));
}

TEST(Markdown, ShiftsHeadingsToStartAtTheGivenLevel) {
  EXPECT_EQ(Html("# Causes\n\n## In children\n\n###### Deep\n"),
            "<h3>Causes</h3>\n<h4>In children</h4>\n<h6>Deep</h6>\n");
  EXPECT_EQ(Html("## Causes\n\n### In children\n"), "<h3>Causes</h3>\n<h4>In children</h4>\n");
  EXPECT_EQ(Html("Causes\n======\n"), "<h3>Causes</h3>\n");
  MarkdownOptions two;
  two.first_heading_level = 2;
  EXPECT_EQ(Html("### Causes\n", two), "<h2>Causes</h2>\n");
}

TEST(Markdown, SplitsOffTheReferencesSection) {
  MarkdownOptions options;
  options.split_references = true;
  auto rendered = RenderMarkdown(
      "Intro [link](https://example.org/in-text).\n\n"
      "## Causes\n\nText.\n\n"
      "## References:\n\n"
      "- Orphanet. OMS. <https://www.orpha.net/x>\n"
      "- [A paper](https://doi.org/10.1/x), 2022\n"
      "- Evil [link](javascript:alert(1))\n"
      "- www.example.org/page\n\n"
      "### Sub-heading inside\n\n"
      "A paragraph reference.\n\n"
      "## After\n\nMore text.\n",
      options);
  ASSERT_TRUE(rendered.ok());
  EXPECT_EQ(rendered->html,
            "<p>Intro <a href=\"https://example.org/in-text\">link</a>.</p>\n<h3>Causes</h3>\n<p>Text.</p>\n"
            "<h3>After</h3>\n<p>More text.</p>\n");
  ASSERT_EQ(rendered->references.size(), 5u);
  EXPECT_EQ(rendered->references[0].text, "Orphanet. OMS.");
  EXPECT_EQ(rendered->references[0].url, "https://www.orpha.net/x");
  EXPECT_EQ(rendered->references[1].text, "A paper, 2022");
  EXPECT_EQ(rendered->references[1].url, "https://doi.org/10.1/x");
  EXPECT_EQ(rendered->references[2].text, "Evil link");
  EXPECT_EQ(rendered->references[2].url, "");
  EXPECT_EQ(rendered->references[3].text, "");
  EXPECT_EQ(rendered->references[3].url, "http://www.example.org/page");
  EXPECT_EQ(rendered->references[4].text, "A paragraph reference.");
  // Without the option the section stays in the HTML.
  EXPECT_TRUE(Has(Html("## References\n\n- x\n"), "<h3>References</h3>"));
}

TEST(Markdown, RefusesTextOverTheLimitAndSaysWhatTheLimitIs) {
  const std::string at_limit(kMaxMarkdownBytes, 'a');
  EXPECT_TRUE(RenderMarkdown(at_limit).ok());
  auto over = RenderMarkdown(at_limit + "a");
  ASSERT_FALSE(over.ok());
  EXPECT_EQ(over.status().code(), Status::Code::kTooLarge);
  EXPECT_TRUE(Has(over.status().message(), "65536 bytes (64 KiB)")) << over.status().message();
}

TEST(Markdown, PathologicalNestingStaysFast) {
  const auto start = std::chrono::steady_clock::now();
  for (const std::string& input : {std::string(60000, '>') + " deep",
                                  std::string(30000, '[') + std::string(30000, ']'),
                                  std::string(20000, '*') + "a" + std::string(20000, '*'),
                                  [] {
                                    std::string s;
                                    while (s.size() < 60000) s += "- ";
                                    return s + "x";
                                  }()}) {
    auto rendered = RenderMarkdown(input);
    EXPECT_TRUE(rendered.ok());
  }
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
}

TEST(Markdown, InvalidUtf8IsReplaced) {
  const std::string html = Html("bad \xff\xfe bytes");
  EXPECT_TRUE(Has(html, "\xEF\xBF\xBD"));  // U+FFFD
}

TEST(Markdown, IsSafeToCallFromManyThreads) {
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&failures] {
      for (int i = 0; i < 200; ++i) {
        auto rendered = RenderMarkdown("# Title\n\n| a | b |\n|---|---|\n| 1 | ~~2~~ |\n\nwww.example.org");
        if (!rendered.ok() || !Has(rendered->html, "<h3>Title</h3>") || !Has(rendered->html, "<del>2</del>")) {
          ++failures;
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(failures.load(), 0);
}

// Regression (security probe): an image from another site rendered as <img>, which the
// CSP blocks on the published page and which would tell that site who reads it.
TEST(Markdown, ImagesFromOtherSitesBecomeLinksNeverImg) {
  EXPECT_EQ(Html("See ![a brain scan](https://images.example.org/scan.png \"MRI\")."),
            "<p>See <a href=\"https://images.example.org/scan.png\" title=\"MRI\">a brain scan</a>.</p>\n");
  EXPECT_EQ(Html("![](http://tracker.example.com/pixel.gif)"),
            "<p><a href=\"http://tracker.example.com/pixel.gif\">http://tracker.example.com/pixel.gif</a></p>\n");
  EXPECT_EQ(Html("![local](/static/favicon.svg)"), "<p><a href=\"/static/favicon.svg\">local</a></p>\n");
  // Inside a link the image keeps its words only: links do not nest.
  EXPECT_EQ(Html("[![logo](https://x.example/logo.png)](https://www.orpha.net/)"),
            "<p><a href=\"https://www.orpha.net/\">logo</a></p>\n");
  for (const char* input : {"![x](https://a.example/x.png)", "text ![*em* alt](//cdn.example/y.jpg) text",
                            "| a |\n|---|\n| ![t](https://b.example/t.gif) |"}) {
    auto rendered = RenderMarkdown(input);
    ASSERT_TRUE(rendered.ok()) << input;
    EXPECT_FALSE(Has(rendered->html, "<img")) << input << "\n-> " << rendered->html;
  }
}

}  // namespace
}  // namespace diseasemaps
