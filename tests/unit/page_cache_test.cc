#include "platform/page_cache.h"

#include <gtest/gtest.h>

#include "http/etag.h"

namespace diseasemaps {
namespace {

http::Response Page(std::string body) { return http::Response::Html(std::move(body)); }

TEST(PageCache, FindsWhatWasStored) {
  PageCache cache(1 << 20);
  EXPECT_EQ(cache.Find("/"), nullptr);
  auto stored = cache.Store("/", Page("<h1>Home</h1>"), cache.generation());
  ASSERT_NE(stored, nullptr);
  auto found = cache.Find("/");
  ASSERT_NE(found, nullptr);
  EXPECT_EQ(found->body, "<h1>Home</h1>");
  EXPECT_EQ(found->status, 200u);
  EXPECT_EQ(cache.Find("/other"), nullptr);
  EXPECT_EQ(cache.entries(), 1u);
}

TEST(PageCache, KeysByTheWholeTarget) {
  PageCache cache(1 << 20);
  ASSERT_NE(cache.Store("/conditions?page=2", Page("two"), cache.generation()), nullptr);
  EXPECT_EQ(cache.Find("/conditions"), nullptr);
  EXPECT_EQ(cache.Find("/conditions?page=3"), nullptr);
  ASSERT_NE(cache.Find("/conditions?page=2"), nullptr);
}

TEST(PageCache, AddsAStrongEtagOfTheBody) {
  PageCache cache(1 << 20);
  auto stored = cache.Store("/", Page("<p>x</p>"), cache.generation());
  ASSERT_NE(stored, nullptr);
  EXPECT_EQ(stored->HeaderValue("ETag"), http::EtagFor("<p>x</p>"));
  EXPECT_EQ(cache.Find("/")->HeaderValue("ETag"), http::EtagFor("<p>x</p>"));
}

TEST(PageCache, KeepsAnEtagTheResponseAlreadyHas) {
  PageCache cache(1 << 20);
  http::Response page = Page("<p>x</p>");
  page.With("ETag", "\"given\"");
  auto stored = cache.Store("/", std::move(page), cache.generation());
  ASSERT_NE(stored, nullptr);
  EXPECT_EQ(stored->HeaderValue("ETag"), "\"given\"");
  int etags = 0;
  for (const auto& [name, value] : stored->headers) etags += name == "ETag";
  EXPECT_EQ(etags, 1);
}

TEST(PageCache, InvalidateDropsEveryPage) {
  PageCache cache(1 << 20);
  ASSERT_NE(cache.Store("/a", Page("a"), cache.generation()), nullptr);
  ASSERT_NE(cache.Store("/b", Page("b"), cache.generation()), nullptr);
  cache.Invalidate();
  EXPECT_EQ(cache.entries(), 0u);
  EXPECT_EQ(cache.Find("/a"), nullptr);
  EXPECT_EQ(cache.Find("/b"), nullptr);
}

TEST(PageCache, RefusesAPageRenderedBeforeAnInvalidation) {
  PageCache cache(1 << 20);
  const std::uint64_t rendered_under = cache.generation();
  cache.Invalidate();  // a write lands while the page was being rendered
  EXPECT_NE(cache.generation(), rendered_under);
  EXPECT_EQ(cache.Store("/", Page("stale"), rendered_under), nullptr);
  EXPECT_EQ(cache.Find("/"), nullptr);
  EXPECT_EQ(cache.entries(), 0u);
  // A page rendered under the new generation is stored.
  EXPECT_NE(cache.Store("/", Page("fresh"), cache.generation()), nullptr);
  EXPECT_EQ(cache.Find("/")->body, "fresh");
}

// What storing `body` at `target` costs the budget: the target, the body and its head
// (written out once when stored), measured on a cache with room to spare.
std::size_t Cost(const std::string& target, const std::string& body) {
  PageCache probe(1 << 20);
  auto page = probe.Store(target, Page(body), probe.generation());
  EXPECT_TRUE(page != nullptr && page->gzip_body.empty());
  return target.size() + body.size() + (page ? page->kept_head.size() : 0);
}

TEST(PageCache, RespectsTheByteBudget) {
  const std::string a(90, 'a'), b(10, 'b'), c(6, 'c');  // too short to gzip
  EXPECT_GT(Cost("/a", a), 92u);  // "/a", 90 bytes, and the head
  PageCache cache(Cost("/a", a) + Cost("/c", c));
  ASSERT_NE(cache.Store("/a", Page(a), cache.generation()), nullptr);
  EXPECT_EQ(cache.Store("/b", Page(b), cache.generation()), nullptr);  // costs more than /c
  EXPECT_EQ(cache.Find("/b"), nullptr);
  EXPECT_NE(cache.Store("/c", Page(c), cache.generation()), nullptr);  // fills it exactly
  EXPECT_EQ(cache.entries(), 2u);
  EXPECT_EQ(cache.Store("/d", Page(""), cache.generation()), nullptr);

  // Invalidation frees the budget.
  cache.Invalidate();
  EXPECT_NE(cache.Store("/b", Page(b), cache.generation()), nullptr);
}

TEST(PageCache, PageLargerThanTheWholeBudgetIsNotStored) {
  PageCache cache(64);
  EXPECT_EQ(cache.Store("/", Page(std::string(64, 'x')), cache.generation()), nullptr);
  EXPECT_EQ(cache.entries(), 0u);
}

TEST(PageCache, StoringTheSameTargetTwiceKeepsOneEntry) {
  PageCache cache(1 << 20);
  ASSERT_NE(cache.Store("/", Page("first"), cache.generation()), nullptr);
  auto second = cache.Store("/", Page("second"), cache.generation());
  ASSERT_NE(second, nullptr);
  EXPECT_EQ(cache.entries(), 1u);
  EXPECT_EQ(cache.Find("/")->body, second->body);  // what Store returns is what is served
}

}  // namespace
}  // namespace diseasemaps

namespace diseasemaps {
namespace {

TEST(PageCache, PagesOlderThanTheMaximumAgeAreMisses) {
  PageCache expiring(1 << 20, std::chrono::seconds(0));
  http::Response page = http::Response::Html("<p>Review overdue?</p>");
  ASSERT_NE(expiring.Store("/x", page, expiring.generation()), nullptr);
  EXPECT_EQ(expiring.Find("/x"), nullptr);  // already older than 0 s
  EXPECT_NE(expiring.Store("/x", page, expiring.generation()), nullptr);  // replaced, not refused
  PageCache lasting(1 << 20, std::chrono::hours(1));
  lasting.Store("/x", page, lasting.generation());
  EXPECT_NE(lasting.Find("/x"), nullptr);
}

}  // namespace
}  // namespace diseasemaps

namespace diseasemaps {
namespace {

TEST(PageCache, KeepsAGzipCopyOfALargeTextPage) {
  PageCache cache(1 << 20);
  std::string html;
  for (int i = 0; i < 200; ++i) html += "<li>Opsoclonus-myoclonus syndrome</li>";
  auto stored = cache.Store("/big", Page(html), cache.generation());
  ASSERT_NE(stored, nullptr);
  EXPECT_FALSE(stored->gzip_body.empty());
  EXPECT_LT(stored->gzip_body.size(), html.size() / 5);
  EXPECT_EQ(stored->body, html);  // the plain copy is kept as it was
  EXPECT_EQ(stored->HeaderValue("Vary"), "Accept-Encoding");
  EXPECT_EQ(stored->HeaderValue("ETag"), http::EtagFor(html));

  // Small pages, and what is not text, are kept as they are.
  auto small = cache.Store("/small", Page("<p>x</p>"), cache.generation());
  ASSERT_NE(small, nullptr);
  EXPECT_TRUE(small->gzip_body.empty());
  EXPECT_TRUE(small->HeaderValue("Vary").empty());
  http::Response png = Page(std::string(4096, 'p'));
  png.content_type = "image/png";
  EXPECT_TRUE(cache.Store("/p.png", png, cache.generation())->gzip_body.empty());
}

TEST(PageCache, TheGzipCopyCountsAgainstTheBudget) {
  const std::string html(4000, 'h');
  PageCache probe(1 << 20);
  auto measured = probe.Store("/a", Page(html), probe.generation());
  const std::size_t gzip_size = measured->gzip_body.size();
  ASSERT_GT(gzip_size, 0u);
  const std::size_t heads = measured->kept_head.size() + measured->kept_gzip_head.size();
  ASSERT_GT(measured->kept_gzip_head.size(), 0u);
  // Room for the key, the plain body and the heads, but not the gzip copy too.
  PageCache cache(2 + html.size() + heads + gzip_size - 1);
  EXPECT_EQ(cache.Store("/a", Page(html), cache.generation()), nullptr);
  PageCache roomy(2 + html.size() + heads + gzip_size);
  EXPECT_NE(roomy.Store("/a", Page(html), roomy.generation()), nullptr);
}

}  // namespace
}  // namespace diseasemaps
