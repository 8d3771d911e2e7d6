#include "http/response_head.h"

#include <sstream>

#include <boost/beast/http/write.hpp>
#include <gtest/gtest.h>

#include "http/etag.h"

namespace diseasemaps::http {
namespace {

// What Beast's serializer sends for response as `choice` says: the server's general way.
std::string Serialized(const Response& response, const HeadChoice& choice) {
  std::ostringstream out;
  out << ResponseMessage(response, choice);
  return std::move(out).str();
}

Response KeptPage() {
  Response page = Response::Html("<p>A page for everyone</p>");
  page.With("Vary", "Accept-Language, Accept-Encoding").With("ETag", EtagFor(page.body));
  page.gzip_body = "pretend-gzip";
  KeepHeads(page);
  return page;
}

TEST(ResponseHead, AKeptHeadIsWhatTheSerializerWouldSend) {
  const Response page = KeptPage();
  EXPECT_EQ(page.kept_head + page.body, Serialized(page, {}));
  EXPECT_EQ(page.kept_gzip_head + page.gzip_body, Serialized(page, {.gzip = true}));
}

TEST(ResponseHead, SaysLengthTypeTagAndTheSecurityHeaders) {
  const Response page = KeptPage();
  EXPECT_TRUE(page.kept_head.starts_with("HTTP/1.1 200 OK\r\n"));
  EXPECT_TRUE(page.kept_head.ends_with("\r\n\r\n"));
  EXPECT_NE(page.kept_head.find("Content-Length: 26\r\n"), std::string::npos);
  EXPECT_NE(page.kept_head.find("Content-Type: text/html; charset=utf-8\r\n"), std::string::npos);
  EXPECT_NE(page.kept_head.find("ETag: " + EtagFor(page.body) + "\r\n"), std::string::npos);
  EXPECT_NE(page.kept_head.find("Content-Security-Policy: default-src 'self'"), std::string::npos);
  EXPECT_NE(page.kept_head.find("Vary: Accept-Language, Accept-Encoding\r\n"), std::string::npos);
  EXPECT_EQ(page.kept_head.find("Content-Encoding"), std::string::npos);
  EXPECT_EQ(page.kept_head.find("Connection"), std::string::npos);  // keep-alive is HTTP/1.1's default

  EXPECT_NE(page.kept_gzip_head.find("Content-Encoding: gzip\r\n"), std::string::npos);
  EXPECT_NE(page.kept_gzip_head.find("Content-Length: 12\r\n"), std::string::npos);
  EXPECT_NE(page.kept_gzip_head.find("ETag: " + EtagForGzipCopy(EtagFor(page.body)) + "\r\n"), std::string::npos);
}

TEST(ResponseHead, OtherAnswersAreMadeForTheRequest) {
  const Response page = KeptPage();
  const std::string not_modified = Serialized(page, {.status = 304});
  EXPECT_TRUE(not_modified.starts_with("HTTP/1.1 304 Not Modified\r\n"));
  EXPECT_EQ(not_modified.find("\r\nContent-Type:"), std::string::npos);
  EXPECT_EQ(not_modified.find("\r\nContent-Length:"), std::string::npos);

  const std::string head = Serialized(page, {.head_request = true});
  EXPECT_EQ(head, page.kept_head);  // the body's length, no body

  const std::string closing = Serialized(page, {.keep_alive = false});
  EXPECT_NE(closing.find("Connection: close\r\n"), std::string::npos);
  const std::string old_client = Serialized(page, {.version = 10});
  EXPECT_TRUE(old_client.starts_with("HTTP/1.0 200 OK\r\n"));
  EXPECT_NE(old_client.find("Connection: keep-alive\r\n"), std::string::npos);
}

TEST(ResponseHead, APageNotKeptHasNoHeads) {
  Response page = Response::Text("plain");
  EXPECT_TRUE(page.kept_head.empty());
  KeepHeads(page);
  EXPECT_FALSE(page.kept_head.empty());
  EXPECT_TRUE(page.kept_gzip_head.empty());  // no gzip copy, no head for it
}

}  // namespace
}  // namespace diseasemaps::http
