// Helpers shared by the two files of ForumStore (forum_store.cc: forums, lists and
// reading; forum_store_writes.cc: the writes and data rights). Not for use outside the
// forums store.
#pragma once

#include <string>

#include <soci/soci.h>

#include "guard/guard.h"

namespace diseasemaps::forums::detail {

// A forum's stored readers setting; anything unexpected reads as members-only.
guard::ForumReaders ReadersOf(const std::string& stored);

// Moves the member's read position in the topic forward to `number`; never back.
// REQUIRES: inside a transaction on `sql`.
void MarkRead(soci::session& sql, long long user_id, long long topic_id, long long number, long long now);

}  // namespace diseasemaps::forums::detail
