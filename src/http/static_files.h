// StaticFiles: the served static tree (build/static), loaded into memory at start.
//
// Only files found under the root when loading can ever be served, so no request path
// (`..`, encoded dots, backslashes, absolute paths) reaches the file system. Each file
// carries its MIME type, a strong ETag (a hash of its bytes) and, when the build made
// one, its gzip copy. Read-only after Load(), so thread-safe.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "http/request.h"
#include "platform/status.h"

namespace diseasemaps::http {

struct StaticFile {
  std::string content_type;
  std::string body;
  std::string gzip_body;  // empty when there is no .gz copy
  std::string etag;       // quoted, as sent
};

class StaticFiles {
 public:
  // Loads every regular file below root (following no symbolic links).
  static Result<std::unique_ptr<StaticFiles>> Load(const std::filesystem::path& root);

  // The file for a request path below /static/ ("css/site.css"), or null.
  const StaticFile* Find(std::string_view relative_path) const;

  // Answers a GET or HEAD for relative_path: 200 (gzip when accepted), 304 on a
  // matching If-None-Match, or 404.
  Response Serve(const Request& request, std::string_view relative_path) const;

  std::size_t size() const { return files_.size(); }

 private:
  std::unordered_map<std::string, StaticFile> files_;
};

// The MIME type for a file name, by its extension.
std::string MimeTypeFor(std::string_view file_name);

// True when a request path may name a static file at all: no empty, "." or ".."
// segments, no backslash, no NUL. Find() is safe without it; this makes intent plain.
bool IsSafeRelativePath(std::string_view relative_path);

// True when an Accept-Encoding header value accepts gzip.
bool AcceptsGzip(std::string_view accept_encoding);

}  // namespace diseasemaps::http
