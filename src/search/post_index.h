// PostIndex: the forum posts' Xapian index, a database of its own beside the conditions'
// ("<index>-posts"). One document per searchable post (document id = forum_posts.id):
// the topic's title (first post only) and the post's Markdown source, each word under its
// English stem (a query word asks for its stems in every language, as conditions do),
// and boolean terms for its topic (to replace a topic's posts at once), its forum and its
// forum's readers (to filter by reading rights at query time).
//
// Thread safety: one writer at a time (the posts indexer's thread); searches go through
// IndexReaders (search_index.h) on any thread. Xapian exceptions come back as a Status.
#pragma once

#include <filesystem>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "guard/guard.h"
#include "platform/status.h"
#include "search/post_search_store.h"

namespace diseasemaps::search {

// Bump when what a post's document holds changes: an index of another version is rebuilt.
inline constexpr int kPostIndexSchemaVersion = 1;

inline constexpr const char* kPostTitlePrefix = "T";
inline constexpr const char* kPostBodyPrefix = "B";
inline constexpr const char* kPostTopicPrefix = "XT";
inline constexpr const char* kPostForumPrefix = "XF";
inline constexpr const char* kPostReadersPrefix = "XR";

// Where the posts index lives, given the conditions' index directory.
std::filesystem::path PostIndexPath(const std::filesystem::path& conditions_index);

Xapian::Document MakePostDocument(const PostRecord& record);

// The query for text (every word must be found, in the title or the body; stopwords are
// left out), filtered to posts whose forum's readers are in `readable`. An empty query
// (Xapian::Query::MatchNothing) when no word is left or nothing is readable.
Xapian::Query MakePostQuery(std::string_view text, const std::vector<guard::ForumReaders>& readable);

// Every stem the words of text may match, for highlighting an excerpt.
std::set<std::string> PostQueryStems(std::string_view text);

class PostIndexWriter {
 public:
  // Creates a missing index; recreates one of another schema version or unreadable
  // (saying why in `why_rebuilt`). Conflict when another process holds it.
  static Result<std::unique_ptr<PostIndexWriter>> Open(const std::filesystem::path& path, std::string* why_rebuilt);

  long long applied_change() const { return applied_change_; }
  Xapian::doccount documents() const;

  // Removes the topic's posts, then adds `posts` (its searchable ones; none when it is gone).
  Status ReplaceTopic(long long topic_id, const std::vector<PostRecord>& posts);
  Status Add(const PostRecord& post);
  Status Clear();
  Status Commit(long long applied_change);

 private:
  explicit PostIndexWriter(Xapian::WritableDatabase db) : db_(std::move(db)) {}
  Xapian::WritableDatabase db_;
  long long applied_change_ = 0;
};

}  // namespace diseasemaps::search
