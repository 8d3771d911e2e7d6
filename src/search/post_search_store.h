// PostSearchStore: all of the SQL that forum search needs. What the posts index holds
// (a topic's searchable posts, or every one in batches), the change log that tells each
// server which topics to re-read (migration 0023), and the rows a page of results shows.
//
// Guarantees: a post is searchable only while it stands: not deleted, not hidden by flags
// or by a moderator, in a topic that exists; it carries its topic's current forum and that
// forum's readers. Hits() checks the same again (and that a condition's forum belongs to an
// active condition), so an index that is a moment behind never shows what was taken down.
// Every method blocks and returns database failures as a Status; none throws.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "guard/guard.h"
#include "platform/db/database.h"
#include "platform/status.h"

namespace diseasemaps::search {

// Forum writers call these inside their own transaction. Each also sends the "search"
// change notice (platform/change_notice.h) in that transaction, so on PostgreSQL every
// other server's posts index catches up as soon as it commits (their poll stays the
// safety net); on SQLite it does nothing more.
//
// A topic's posts, title or forum changed (or the topic is gone).
void NoteTopicChanged(soci::session& sql, long long topic_id);
// The same for the topic of this post.
void NotePostChanged(soci::session& sql, long long post_id);
// The same for every topic of this forum (its readers changed).
void NoteForumChanged(soci::session& sql, long long forum_id);

// One searchable post as the index holds it.
struct PostRecord {
  long long post_id = 0;
  long long topic_id = 0;
  long long forum_id = 0;
  guard::ForumReaders readers = guard::ForumReaders::kMembers;
  std::string title;  // the topic's, indexed with its first post only
  long long number = 0;
  std::string body;   // Markdown source
};

// One result as a page shows it.
struct PostHitRow {
  long long post_id = 0;
  long long topic_id = 0;
  long long number = 0;
  std::string topic_title;
  std::string body;
  long long created_at = 0;
  std::string forum_slug;             // a site-wide slug, or the condition's slug
  std::optional<int> forum_orphacode;
  std::string forum_title;            // site-wide: the stored English title; a condition's: its name
  guard::ForumReaders readers = guard::ForumReaders::kMembers;
};

struct TopicChange {
  long long id = 0;
  std::optional<long long> topic_id;  // nullopt: every topic
};

class PostSearchStore {
 public:
  explicit PostSearchStore(Database& db) : db_(db) {}

  // The searchable posts of one topic (none when it is gone), by number.
  Result<std::vector<PostRecord>> TopicPosts(long long topic_id);
  // Searchable posts with id > after, by id, at most limit (to rebuild in batches).
  Result<std::vector<PostRecord>> PostsAfter(long long after, int limit);

  Result<long long> LatestChange();
  Result<std::vector<TopicChange>> ChangesAfter(long long after, int limit);
  // Asks every server to rebuild its posts index (a NULL change, with the notice).
  Status RequestRebuild();

  // The posts of these ids that are still searchable, in the order given.
  Result<std::vector<PostHitRow>> Hits(const std::vector<long long>& post_ids);

 private:
  Database& db_;
};

}  // namespace diseasemaps::search
