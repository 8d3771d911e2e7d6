#include "http/etag.h"
#include "platform/text.h"

#include <cstdio>

namespace diseasemaps::http {
namespace {

}  // namespace

std::string EtagFor(std::string_view body) {
  unsigned long long hash = 14695981039346656037ULL;  // FNV-1a offset basis
  for (unsigned char c : body) {
    hash ^= c;
    hash *= 1099511628211ULL;
  }
  char out[19];
  std::snprintf(out, sizeof out, "\"%016llx\"", hash);
  return out;
}

bool EtagMatches(std::string_view if_none_match, std::string_view etag) {
  while (!if_none_match.empty()) {
    const std::size_t comma = if_none_match.find(',');
    std::string_view candidate = TrimWhitespace(if_none_match.substr(0, comma));
    if_none_match = comma == std::string_view::npos ? std::string_view()
                                                    : if_none_match.substr(comma + 1);
    if (candidate == "*") return true;
    if (candidate.rfind("W/", 0) == 0) candidate.remove_prefix(2);
    if (candidate == etag) return true;
  }
  return false;
}

std::string EtagForGzipCopy(std::string_view etag) {
  if (etag.size() < 2 || etag.back() != '"') return std::string(etag) + "-gzip";
  std::string tag(etag.substr(0, etag.size() - 1));
  return tag + "-gzip\"";
}

}  // namespace diseasemaps::http
