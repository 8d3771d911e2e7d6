#include "platform/page_cache.h"

#include <mutex>

#include "http/etag.h"
#include "http/response_head.h"
#include "platform/gzip.h"

namespace diseasemaps {
namespace {

constexpr std::size_t kSmallestBodyToCompress = 1024;

// Text large enough that compressing it once saves every visitor bytes.
bool WorthCompressing(const http::Response& response) {
  if (response.body.size() < kSmallestBodyToCompress) return false;
  if (!response.HeaderValue("Content-Encoding").empty()) return false;
  const std::string_view type = response.content_type;
  return type.starts_with("text/") || type.starts_with("application/json") ||
         type.starts_with("application/xml") || type.starts_with("image/svg+xml");
}

// Adds name to the response's one Vary header.
void VaryAlsoOn(http::Response& response, std::string_view name) {
  for (auto& [header, value] : response.headers) {
    if (header == "Vary") {
      value += ", ";
      value += name;
      return;
    }
  }
  response.With("Vary", std::string(name));
}

// What a page costs the budget: its key, both copies of its body and their heads.
std::size_t Weight(const std::string& target, const http::Response& page) {
  return target.size() + page.body.size() + page.gzip_body.size() + page.kept_head.size() +
         page.kept_gzip_head.size();
}

}  // namespace

std::shared_ptr<const http::Response> PageCache::Find(const std::string& target) const {
  std::shared_lock lock(mutex_);
  auto it = pages_.find(target);
  if (it == pages_.end()) return nullptr;
  if (std::chrono::steady_clock::now() - it->second.stored_at > max_age_) return nullptr;
  return it->second.page;
}

std::shared_ptr<const http::Response> PageCache::Store(const std::string& target,
                                                       http::Response response,
                                                       std::uint64_t generation) {
  if (generation != generation_.load()) return nullptr;  // stale already: spare the work
  if (response.HeaderValue("ETag").empty()) response.With("ETag", http::EtagFor(response.body));
  if (WorthCompressing(response)) {
    std::string compressed = GzipCompress(response.body);
    if (compressed.size() < response.body.size()) {
      response.gzip_body = std::move(compressed);
      VaryAlsoOn(response, "Accept-Encoding");
    }
  }
  http::KeepHeads(response);
  auto page = std::make_shared<const http::Response>(std::move(response));
  std::unique_lock lock(mutex_);
  if (generation != generation_.load()) return nullptr;
  const std::size_t size = Weight(target, *page);
  if (bytes_ + size > budget_bytes_) return nullptr;
  const auto now = std::chrono::steady_clock::now();
  auto it = pages_.find(target);
  if (it != pages_.end()) {
    if (now - it->second.stored_at <= max_age_) return it->second.page;
    bytes_ = bytes_ - Weight(target, *it->second.page) + size;
    it->second = Entry{page, now};  // replaces the expired page
    return page;
  }
  pages_.emplace(target, Entry{page, now});
  bytes_ += size;
  return page;
}

void PageCache::Invalidate() {
  std::unique_lock lock(mutex_);
  // The moment first, then the generation: a render that sees the old moment also saw
  // the old generation, so Store refuses what it read.
  last_invalidated_.store(std::chrono::steady_clock::now().time_since_epoch().count());
  generation_.fetch_add(1);
  pages_.clear();
  bytes_ = 0;
}

std::size_t PageCache::entries() const {
  std::shared_lock lock(mutex_);
  return pages_.size();
}

}  // namespace diseasemaps
