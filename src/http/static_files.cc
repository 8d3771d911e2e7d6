#include "http/static_files.h"

#include <fstream>
#include <optional>
#include <sstream>

#include <boost/beast/core/string.hpp>

#include "http/etag.h"
#include "platform/text.h"

namespace diseasemaps::http {
namespace {

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace

std::string MimeTypeFor(std::string_view name) {
  static const std::unordered_map<std::string, std::string> kTypes = {
      {".css", "text/css; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".json", "application/json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".gif", "image/gif"},
      {".webp", "image/webp"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".woff", "font/woff"},
      {".txt", "text/plain; charset=utf-8"},
      {".html", "text/html; charset=utf-8"},
      {".xml", "application/xml"},
      {".webmanifest", "application/manifest+json"},
  };
  const std::size_t dot = name.rfind('.');
  if (dot != std::string_view::npos) {
    std::string extension(name.substr(dot));
    for (char& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    auto it = kTypes.find(extension);
    if (it != kTypes.end()) return it->second;
  }
  return "application/octet-stream";
}

bool IsSafeRelativePath(std::string_view path) {
  if (path.empty() || path.front() == '/') return false;
  if (path.find('\\') != std::string_view::npos || path.find('\0') != std::string_view::npos) {
    return false;
  }
  std::size_t start = 0;
  while (start <= path.size()) {
    const std::size_t slash = path.find('/', start);
    const std::string_view segment =
        path.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
    if (segment.empty() || segment == "." || segment == "..") return false;
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return true;
}

bool AcceptsGzip(std::string_view accept_encoding) {
  // RFC 9110: an explicit "gzip" entry decides; otherwise "*" does; q=0 refuses.
  std::optional<bool> gzip, wildcard;
  while (!accept_encoding.empty()) {
    const std::size_t comma = accept_encoding.find(',');
    std::string_view item = TrimWhitespace(accept_encoding.substr(0, comma));
    accept_encoding = comma == std::string_view::npos ? std::string_view()
                                                      : accept_encoding.substr(comma + 1);
    const std::size_t semicolon = item.find(';');
    const std::string_view coding = TrimWhitespace(item.substr(0, semicolon));
    bool refused = false;
    if (semicolon != std::string_view::npos) {
      const std::string_view parameter = TrimWhitespace(item.substr(semicolon + 1));
      if (parameter.size() >= 2 && (parameter[0] == 'q' || parameter[0] == 'Q') &&
          parameter[1] == '=') {
        const std::string_view value = parameter.substr(2);
        refused = !value.empty() && value.find_first_not_of("0.") == std::string_view::npos;
      }
    }
    if (boost::beast::iequals(coding, "gzip")) gzip = !refused;
    else if (coding == "*") wildcard = !refused;
  }
  if (gzip) return *gzip;
  return wildcard.value_or(false);
}

Result<std::unique_ptr<StaticFiles>> StaticFiles::Load(const std::filesystem::path& root) {
  std::error_code ec;
  if (!std::filesystem::is_directory(root, ec)) {
    return Status::Unavailable("the static directory " + root.string() +
                               " does not exist: build the project (make build) or set "
                               "--static-dir");
  }
  auto files = std::make_unique<StaticFiles>();
  for (auto it = std::filesystem::recursive_directory_iterator(root, ec);
       !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    if (!it->is_regular_file() || it->is_symlink()) continue;
    const std::filesystem::path& path = it->path();
    const std::string relative = std::filesystem::relative(path, root).generic_string();
    if (relative.ends_with(".gz") || relative == ".stamp") continue;
    StaticFile file;
    file.body = ReadFile(path);
    file.content_type = MimeTypeFor(relative);
    file.etag = EtagFor(file.body);
    std::filesystem::path gz = path;
    gz += ".gz";
    if (!std::filesystem::is_symlink(gz) && std::filesystem::is_regular_file(gz)) {
      file.gzip_body = ReadFile(gz);
    }
    files->files_.emplace(relative, std::move(file));
  }
  if (ec) return Status::Unavailable("cannot read " + root.string() + ": " + ec.message());
  return files;
}

const StaticFile* StaticFiles::Find(std::string_view relative_path) const {
  if (!IsSafeRelativePath(relative_path)) return nullptr;
  auto it = files_.find(std::string(relative_path));
  return it == files_.end() ? nullptr : &it->second;
}

Response StaticFiles::Serve(const Request& request, std::string_view relative_path) const {
  const StaticFile* file = Find(relative_path);
  if (file == nullptr) return Response::Text("No such file.\n", 404);
  Response response;
  response.content_type = file->content_type;
  response.With("ETag", file->etag);
  response.With("Cache-Control", "public, max-age=3600");
  if (!file->gzip_body.empty()) response.With("Vary", "Accept-Encoding");
  if (EtagMatches(request.Header(beast_http::field::if_none_match), file->etag)) {
    response.status = 304;
    return response;
  }
  if (!file->gzip_body.empty() &&
      AcceptsGzip(request.Header(beast_http::field::accept_encoding))) {
    response.With("Content-Encoding", "gzip");
    response.body = file->gzip_body;
  } else {
    response.body = file->body;
  }
  return response;
}

}  // namespace diseasemaps::http
