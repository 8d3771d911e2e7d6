#include "platform/page_cache.h"

#include <mutex>

#include "http/etag.h"

namespace diseasemaps {

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
  if (response.HeaderValue("ETag").empty()) response.With("ETag", http::EtagFor(response.body));
  auto page = std::make_shared<const http::Response>(std::move(response));
  std::unique_lock lock(mutex_);
  if (generation != generation_.load()) return nullptr;
  const std::size_t size = target.size() + page->body.size();
  if (bytes_ + size > budget_bytes_) return nullptr;
  const auto now = std::chrono::steady_clock::now();
  auto it = pages_.find(target);
  if (it != pages_.end()) {
    if (now - it->second.stored_at <= max_age_) return it->second.page;
    bytes_ = bytes_ - (target.size() + it->second.page->body.size()) + size;
    it->second = Entry{page, now};  // replaces the expired page
    return page;
  }
  pages_.emplace(target, Entry{page, now});
  bytes_ += size;
  return page;
}

void PageCache::Invalidate() {
  std::unique_lock lock(mutex_);
  generation_.fetch_add(1);
  pages_.clear();
  bytes_ = 0;
}

std::size_t PageCache::entries() const {
  std::shared_lock lock(mutex_);
  return pages_.size();
}

}  // namespace diseasemaps
