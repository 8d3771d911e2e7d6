// Helpers shared by the files of ForumStore (forum_store.cc: forums, lists and reading;
// forum_store_writes.cc: the writes and data rights; forum_store_moderation.cc: flags).
// Not for use outside the forums store.
#pragma once

#include <optional>
#include <string>
#include <utility>

#include <soci/soci.h>

#include "forums/forum_store.h"
#include "guard/guard.h"

namespace diseasemaps::forums::detail {

// A forum's stored readers setting; anything unexpected reads as members-only.
guard::ForumReaders ReadersOf(const std::string& stored);

// The forum's id and readers as stored now; a condition's forum gets its row here when
// it has none (members-only, the schema's default). nullopt when the forum has gone.
// REQUIRES: inside a transaction on `sql`.
std::optional<std::pair<long long, guard::ForumReaders>> ForumRow(soci::session& sql, const Forum& forum);

// A post as a write needs it, with its topic and forum, read in the write's transaction.
struct PostRow {
  long long id = 0;
  long long author_id = 0;
  std::string body;
  long long created_at = 0;
  std::optional<long long> edited_at;
  bool deleted = false;
  long long helped_count = 0;
  std::string topic_title;
  WriteFacts facts;
};

// Post `number` of topic_id in forum_id, or nullopt.
std::optional<PostRow> LoadPost(soci::session& sql, long long forum_id, long long topic_id, long long number);

// Moves the member's read position in the topic forward to `number`; never back.
// REQUIRES: inside a transaction on `sql`.
void MarkRead(soci::session& sql, long long user_id, long long topic_id, long long number, long long now);

}  // namespace diseasemaps::forums::detail
