#include "http/static_files.h"

#include <gtest/gtest.h>

#include "http/etag.h"
#include "temp_dir.h"

namespace diseasemaps::http {
namespace {

namespace fs = std::filesystem;

// ---- Pure helpers --------------------------------------------------------------------

TEST(IsSafeRelativePath, AcceptsOrdinaryPaths) {
  EXPECT_TRUE(IsSafeRelativePath("site.css"));
  EXPECT_TRUE(IsSafeRelativePath("css/site.css"));
  EXPECT_TRUE(IsSafeRelativePath("img/icons/logo.v2.svg"));
  EXPECT_TRUE(IsSafeRelativePath("..hidden"));  // a name starting with dots is a name
}

TEST(IsSafeRelativePath, RefusesTraversalAndOddSegments) {
  using namespace std::string_view_literals;
  EXPECT_FALSE(IsSafeRelativePath(""));
  EXPECT_FALSE(IsSafeRelativePath("/etc/passwd"));
  EXPECT_FALSE(IsSafeRelativePath(".."));
  EXPECT_FALSE(IsSafeRelativePath("../x"));
  EXPECT_FALSE(IsSafeRelativePath("a/../b"));
  EXPECT_FALSE(IsSafeRelativePath("a/.."));
  EXPECT_FALSE(IsSafeRelativePath("./a"));
  EXPECT_FALSE(IsSafeRelativePath("a/./b"));
  EXPECT_FALSE(IsSafeRelativePath("a//b"));
  EXPECT_FALSE(IsSafeRelativePath("a/"));
  EXPECT_FALSE(IsSafeRelativePath("a\\b"));
  EXPECT_FALSE(IsSafeRelativePath("..\\x"));
  EXPECT_FALSE(IsSafeRelativePath("a\0b"sv));
}

TEST(MimeTypeFor, KnowsTheServedTypes) {
  EXPECT_EQ(MimeTypeFor("css/site.css"), "text/css; charset=utf-8");
  EXPECT_EQ(MimeTypeFor("js/app.js"), "text/javascript; charset=utf-8");
  EXPECT_EQ(MimeTypeFor("logo.svg"), "image/svg+xml");
  EXPECT_EQ(MimeTypeFor("map.png"), "image/png");
}

TEST(MimeTypeFor, IgnoresTheCaseOfTheExtension) {
  EXPECT_EQ(MimeTypeFor("MAP.PNG"), "image/png");
  EXPECT_EQ(MimeTypeFor("Site.Css"), "text/css; charset=utf-8");
}

TEST(MimeTypeFor, FallsBackToOctetStream) {
  EXPECT_EQ(MimeTypeFor("archive.xyz"), "application/octet-stream");
  EXPECT_EQ(MimeTypeFor("README"), "application/octet-stream");
  EXPECT_EQ(MimeTypeFor("dir.v2/README"), "application/octet-stream");
}

TEST(AcceptsGzip, ReadsTheAcceptEncodingHeader) {
  EXPECT_TRUE(AcceptsGzip("gzip"));
  EXPECT_TRUE(AcceptsGzip("GZIP"));
  EXPECT_TRUE(AcceptsGzip("deflate, gzip;q=0.5"));
  EXPECT_TRUE(AcceptsGzip("gzip, deflate, br"));
  EXPECT_TRUE(AcceptsGzip("*"));
  EXPECT_FALSE(AcceptsGzip("gzip;q=0"));
  EXPECT_FALSE(AcceptsGzip("deflate, gzip; q=0.000"));
  EXPECT_FALSE(AcceptsGzip("identity"));
  EXPECT_FALSE(AcceptsGzip("deflate, br"));
  EXPECT_FALSE(AcceptsGzip("x-gzip2"));
  EXPECT_FALSE(AcceptsGzip(""));
}

// Regression: an explicit gzip entry decides over "*", and q is case-insensitive.
TEST(AcceptsGzip, ExplicitGzipBeatsWildcardAndQIsCaseInsensitive) {
  EXPECT_TRUE(AcceptsGzip("*;q=0, gzip"));
  EXPECT_FALSE(AcceptsGzip("gzip;Q=0"));
}

TEST(EtagFor, IsAQuotedHashThatFollowsTheBody) {
  const std::string etag = EtagFor("hello");
  ASSERT_EQ(etag.size(), 18u);
  EXPECT_EQ(etag.front(), '"');
  EXPECT_EQ(etag.back(), '"');
  EXPECT_EQ(EtagFor("hello"), etag);
  EXPECT_NE(EtagFor("hellp"), etag);
  EXPECT_NE(EtagFor(""), etag);
}

// Regression: the offset basis once lost its last digit, so the hash was not FNV-1a.
TEST(EtagFor, IsTheFnv1aHashOfTheBody) {
  EXPECT_EQ(EtagFor(""), "\"cbf29ce484222325\"");   // the offset basis itself
  EXPECT_EQ(EtagFor("a"), "\"af63dc4c8601ec8c\"");  // published FNV-1a 64 test vector
}

TEST(EtagForGzipCopy, IsAnotherStrongTagThatMatchesOnlyItself) {
  const std::string plain = EtagFor("<p>x</p>");
  const std::string gzip = EtagForGzipCopy(plain);
  EXPECT_NE(gzip, plain);
  EXPECT_EQ(gzip.front(), '"');
  EXPECT_EQ(gzip.back(), '"');
  EXPECT_TRUE(EtagMatches(gzip, gzip));
  EXPECT_FALSE(EtagMatches(plain, gzip));
  EXPECT_FALSE(EtagMatches(gzip, plain));
}

TEST(EtagMatches, MatchesExactListWeakAndStar) {
  const std::string etag = EtagFor("body");
  EXPECT_TRUE(EtagMatches(etag, etag));
  EXPECT_TRUE(EtagMatches("\"aaaa\", " + etag, etag));
  EXPECT_TRUE(EtagMatches("\"aaaa\"," + etag + " ,\"bbbb\"", etag));
  EXPECT_TRUE(EtagMatches("W/" + etag, etag));
  EXPECT_TRUE(EtagMatches("*", etag));
  EXPECT_FALSE(EtagMatches("\"aaaa\"", etag));
  EXPECT_FALSE(EtagMatches("\"aaaa\", W/\"bbbb\"", etag));
  EXPECT_FALSE(EtagMatches(etag.substr(1, etag.size() - 2), etag));  // unquoted
  EXPECT_FALSE(EtagMatches("", etag));
}

// ---- StaticFiles on a real directory -------------------------------------------------

class StaticTree : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = dir_.path() / "static";
    outside_ = dir_.path() / "outside";
    dir_.Write("static/css/site.css", "body{color:red}");
    dir_.Write("static/css/site.css.gz", "GZIPPED-CSS");
    dir_.Write("static/js/app.js", "console.log(1)");
    dir_.Write("outside/secret.txt", "TOP SECRET");
    fs::create_symlink(outside_ / "secret.txt", root_ / "leak.txt");
    fs::create_directory_symlink(outside_, root_ / "linked-dir");
    auto loaded = StaticFiles::Load(root_);
    ASSERT_TRUE(loaded.ok()) << loaded.status().message();
    files_ = std::move(*loaded);
  }

  Response Get(std::string_view path, const std::map<std::string, std::string>& headers) {
    RawRequest raw;
    for (const auto& [name, value] : headers) raw.set(name, value);
    Request request;
    request.raw = &raw;
    return files_->Serve(request, path);
  }

  test_support::TempDir dir_;
  fs::path root_, outside_;
  std::unique_ptr<StaticFiles> files_;
};

TEST_F(StaticTree, LoadsRegularFilesWithTypeEtagAndGzipCopy) {
  EXPECT_EQ(files_->size(), 2u);  // site.css and app.js; no .gz, no symbolic links
  const StaticFile* css = files_->Find("css/site.css");
  ASSERT_NE(css, nullptr);
  EXPECT_EQ(css->body, "body{color:red}");
  EXPECT_EQ(css->gzip_body, "GZIPPED-CSS");
  EXPECT_EQ(css->content_type, "text/css; charset=utf-8");
  EXPECT_EQ(css->etag, EtagFor("body{color:red}"));
  const StaticFile* js = files_->Find("js/app.js");
  ASSERT_NE(js, nullptr);
  EXPECT_EQ(js->gzip_body, "");
}

TEST_F(StaticTree, NeverServesThroughASymbolicLink) {
  EXPECT_EQ(files_->Find("leak.txt"), nullptr);
  EXPECT_EQ(files_->Find("linked-dir/secret.txt"), nullptr);
  EXPECT_EQ(Get("leak.txt", {}).status, 404u);
}

TEST_F(StaticTree, FindRefusesPathsThatLeaveTheRoot) {
  EXPECT_EQ(files_->Find("../outside/secret.txt"), nullptr);
  EXPECT_EQ(files_->Find("../x"), nullptr);
  EXPECT_EQ(files_->Find("/css/site.css"), nullptr);
  EXPECT_EQ(files_->Find("css//site.css"), nullptr);
  EXPECT_EQ(files_->Find("./css/site.css"), nullptr);
  EXPECT_EQ(files_->Find("css/../css/site.css"), nullptr);
  EXPECT_EQ(files_->Find("css\\site.css"), nullptr);
}

TEST(StaticFilesLoad, MissingDirectoryIsAnError) {
  test_support::TempDir dir;
  auto loaded = StaticFiles::Load(dir.path() / "no-such-dir");
  ASSERT_FALSE(loaded.ok());
  EXPECT_NE(loaded.status().message().find("no-such-dir"), std::string::npos)
      << loaded.status().message();
}

// Regression: a symlinked .gz sibling once served a file from outside the root to any
// client that accepts gzip.
TEST(StaticFilesLoad, NeverReadsAGzipCopyThroughASymbolicLink) {
  test_support::TempDir dir;
  dir.Write("static/app.js", "console.log(1)");
  dir.Write("outside/secret.txt", "TOP SECRET");
  fs::create_symlink(dir.path() / "outside" / "secret.txt", dir.path() / "static" / "app.js.gz");
  auto loaded = StaticFiles::Load(dir.path() / "static");
  ASSERT_TRUE(loaded.ok()) << loaded.status().message();
  const StaticFile* js = (*loaded)->Find("app.js");
  ASSERT_NE(js, nullptr);
  EXPECT_EQ(js->gzip_body, "");
}

TEST_F(StaticTree, ServesTheBodyWithItsHeaders) {
  Response response = Get("css/site.css", {});
  EXPECT_EQ(response.status, 200u);
  EXPECT_EQ(response.body, "body{color:red}");
  EXPECT_EQ(response.content_type, "text/css; charset=utf-8");
  EXPECT_EQ(response.HeaderValue("ETag"), EtagFor("body{color:red}"));
  EXPECT_EQ(response.HeaderValue("Content-Encoding"), "");
  EXPECT_EQ(response.HeaderValue("Vary"), "Accept-Encoding");
}

TEST_F(StaticTree, ServesTheGzipCopyWhenAccepted) {
  Response response = Get("css/site.css", {{"Accept-Encoding", "deflate, gzip;q=0.5"}});
  EXPECT_EQ(response.status, 200u);
  EXPECT_EQ(response.body, "GZIPPED-CSS");
  EXPECT_EQ(response.HeaderValue("Content-Encoding"), "gzip");
  EXPECT_EQ(response.HeaderValue("ETag"), EtagFor("body{color:red}"));
}

TEST_F(StaticTree, ServesPlainBodyWhenGzipIsRefused) {
  Response response = Get("css/site.css", {{"Accept-Encoding", "gzip;q=0"}});
  EXPECT_EQ(response.body, "body{color:red}");
  EXPECT_EQ(response.HeaderValue("Content-Encoding"), "");
}

TEST_F(StaticTree, ServesPlainBodyWhenThereIsNoGzipCopy) {
  Response response = Get("js/app.js", {{"Accept-Encoding", "gzip"}});
  EXPECT_EQ(response.status, 200u);
  EXPECT_EQ(response.body, "console.log(1)");
  EXPECT_EQ(response.content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(response.HeaderValue("Content-Encoding"), "");
  EXPECT_EQ(response.HeaderValue("Vary"), "");
}

TEST_F(StaticTree, AnswersNotModifiedWhenTheEtagMatches) {
  const std::string etag = EtagFor("body{color:red}");
  Response response = Get("css/site.css", {{"If-None-Match", "\"old\", " + etag}});
  EXPECT_EQ(response.status, 304u);
  EXPECT_EQ(response.body, "");
  EXPECT_EQ(response.HeaderValue("ETag"), etag);

  Response changed = Get("css/site.css", {{"If-None-Match", "\"old\""}});
  EXPECT_EQ(changed.status, 200u);
  EXPECT_EQ(changed.body, "body{color:red}");
}

TEST_F(StaticTree, AnswersNotFoundForUnknownFiles) {
  EXPECT_EQ(Get("css/missing.css", {}).status, 404u);
  EXPECT_EQ(Get("../outside/secret.txt", {}).status, 404u);
  EXPECT_EQ(Get("", {}).status, 404u);
}

TEST_F(StaticTree, ServesWithoutRawHeaders) {
  Request request;  // raw == nullptr: no headers at all
  Response response = files_->Serve(request, "css/site.css");
  EXPECT_EQ(response.status, 200u);
  EXPECT_EQ(response.body, "body{color:red}");
}

}  // namespace
}  // namespace diseasemaps::http
