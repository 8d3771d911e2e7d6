#include "platform/gzip.h"

#include <zlib.h>

#include <stdexcept>

namespace diseasemaps {

std::string GzipCompress(std::string_view bytes) {
  z_stream stream{};
  constexpr int kGzipWindowBits = 15 + 16;  // 32 KiB window, with a gzip header and trailer
  constexpr int kLevel = 6;
  if (deflateInit2(&stream, kLevel, Z_DEFLATED, kGzipWindowBits, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
    throw std::runtime_error("zlib could not start a gzip stream");
  }
  std::string out(deflateBound(&stream, static_cast<uLong>(bytes.size())) + 32, '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  stream.avail_in = static_cast<uInt>(bytes.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  const int result = deflate(&stream, Z_FINISH);
  const std::size_t written = stream.total_out;
  deflateEnd(&stream);
  // deflateBound leaves room for the whole stream, so one call always finishes it.
  if (result != Z_STREAM_END) throw std::runtime_error("zlib could not finish a gzip stream");
  out.resize(written);
  return out;
}

}  // namespace diseasemaps
