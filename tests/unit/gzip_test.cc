// GzipCompress: what it writes is a gzip stream that zlib reads back to the very bytes,
// the same every time, and much smaller for a page's repetitive text.
#include "platform/gzip.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <random>
#include <string>

namespace diseasemaps {
namespace {

std::string Gunzip(const std::string& compressed) {
  z_stream stream{};
  EXPECT_EQ(inflateInit2(&stream, 15 + 16), Z_OK);
  std::string out;
  char chunk[4096];
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
  stream.avail_in = static_cast<uInt>(compressed.size());
  int result = Z_OK;
  while (result == Z_OK) {
    stream.next_out = reinterpret_cast<Bytef*>(chunk);
    stream.avail_out = sizeof chunk;
    result = inflate(&stream, Z_NO_FLUSH);
    out.append(chunk, sizeof chunk - stream.avail_out);
  }
  EXPECT_EQ(result, Z_STREAM_END);
  inflateEnd(&stream);
  return out;
}

TEST(GzipCompress, ReadsBackToTheSameBytes) {
  std::mt19937 random(7);
  std::string noise;
  for (int i = 0; i < 100000; ++i) noise.push_back(static_cast<char>(random() & 0xff));
  const std::string page = [] {
    std::string html;
    for (int i = 0; i < 500; ++i) html += "<li><a href=\"/conditions/c-" + std::to_string(i) + "\">Condition</a></li>\n";
    return html;
  }();
  for (const std::string& bytes : {std::string(), std::string("a"), std::string(1, '\0'), noise, page}) {
    const std::string compressed = GzipCompress(bytes);
    ASSERT_GE(compressed.size(), 18u);  // header and trailer at least
    EXPECT_EQ(static_cast<unsigned char>(compressed[0]), 0x1f);
    EXPECT_EQ(static_cast<unsigned char>(compressed[1]), 0x8b);
    EXPECT_EQ(Gunzip(compressed), bytes);
    EXPECT_EQ(GzipCompress(bytes), compressed);  // deterministic, so its ETag is stable
  }
  EXPECT_LT(GzipCompress(page).size() * 5, page.size());
}

}  // namespace
}  // namespace diseasemaps
