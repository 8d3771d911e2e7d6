// http/language_links: a page made under /es/ keeps its visitor under /es/.
#include "http/language_links.h"

#include <gtest/gtest.h>

namespace diseasemaps::http {
namespace {

TEST(LanguageLinks, SitePathsGainThePrefix) {
  EXPECT_EQ(KeepLanguageInHtml(R"(<a href="/map">m</a><form action="/search" method="get">)", "/es"),
            R"(<a href="/es/map">m</a><form action="/es/search" method="get">)");
  EXPECT_EQ(KeepLanguageInHtml(R"(<a class="brand" href="/">D</a>)", "/fr"), R"(<a class="brand" href="/fr/">D</a>)");
}

TEST(LanguageLinks, SharedFilesOtherHostsAndLanguageLinksStay) {
  const std::string html =
      R"(<link rel="stylesheet" href="/static/css/site.css"><a href="/api/v1/map">j</a>)"
      R"(<a href="//example.org/x">x</a><a href="https://geonames.org/">g</a>)"
      R"(<link rel="alternate" hreflang="en" href="/map"><a href="/map" hreflang="en" lang="en">English</a>)"
      R"(<a href="/es/map">ya</a>)";
  EXPECT_EQ(KeepLanguageInHtml(html, "/es"), html);
}

TEST(LanguageLinks, EnglishChangesNothing) {
  EXPECT_EQ(KeepLanguageInHtml(R"(<a href="/map">)", ""), R"(<a href="/map">)");
}

TEST(LanguageLinks, RedirectsStayInTheLanguage) {
  Response response = Response::Redirect("/account", 303);
  KeepLanguageInLinks(response, "/es");
  EXPECT_EQ(response.HeaderValue("Location"), "/es/account");
  Response outside = Response::Redirect("https://example.org/", 302);
  KeepLanguageInLinks(outside, "/es");
  EXPECT_EQ(outside.HeaderValue("Location"), "https://example.org/");
}

TEST(LanguageLinks, JsonIsNotRewritten) {
  Response json = Response::Json(R"({"a": " href=\"/map\""})");
  KeepLanguageInLinks(json, "/fr");
  EXPECT_EQ(json.body, R"({"a": " href=\"/map\""})");
}

}  // namespace
}  // namespace diseasemaps::http
