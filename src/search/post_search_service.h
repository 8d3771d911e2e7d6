// PostSearchService: answers a query with a page of forum posts the viewer may read.
//
// Guarantees: reading rights are asked of the guard (guard::CanReadForum) twice: once to
// choose which forums' readers the index may return (a visitor: public forums only; a
// member: public and members-only), and again for every hit against its forum's current
// readers as the database says, so a post is never shown to someone who may not read it
// even when the index is a moment behind. Deleted and hidden posts, and posts of deleted
// topics, are never returned (PostSearchStore::Hits). Thread-safe: any number of
// searches at once, each borrowing an index reader.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "guard/guard.h"
#include "platform/status.h"
#include "search/post_search_store.h"
#include "search/search_index.h"

namespace diseasemaps::search {

struct DiscussionHit {
  long long topic_id = 0;
  long long number = 0;       // the post's number in its topic
  std::string topic_title;
  std::string forum_title;    // in the current language for site-wide forums
  std::string forum_href;     // "/forums/general"
  std::string href;           // "/forums/general/t/3-words?page=2#post-23"
  std::string excerpt_html;   // escaped Markdown source with the matched words in <mark>
  long long created_at = 0;
};

struct DiscussionPage {
  std::string query;  // as searched (cut to kMaxQueryBytes)
  std::vector<DiscussionHit> hits;
  std::size_t total = 0;  // Xapian's estimate of the readable matches
  int page = 1;
};

// Markdown's marks that an excerpt would show as noise (*, #, >, `), each made a space.
std::string ExcerptSource(std::string_view markdown);

class PostSearchService {
 public:
  PostSearchService(Database& db, std::filesystem::path index_path) : store_(db), readers_(std::move(index_path)) {}

  // page is 1-based; the page size is kPageSize (search_service.h).
  Result<DiscussionPage> Search(std::string_view query, const guard::Viewer& viewer, int page);
  // Tells readers that the index changed.
  void Refresh() { readers_.Refresh(); }

 private:
  PostSearchStore store_;
  IndexReaders readers_;
};

}  // namespace diseasemaps::search
