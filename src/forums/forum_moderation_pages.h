// The handlers of forum moderation: a moderator hides or restores a post, edits it with a
// reason (POST /forums/{slug}/t/{topic}/posts/{number}/hide|restore|moderate-edit),
// closes, reopens, pins, unpins, moves or deletes a topic (POST
// /forums/{slug}/t/{topic}/close|reopen|pin|unpin|move|delete), and everyone who may
// read a forum reads its public moderation log (GET /forums/{slug}/moderation).
//
// The guard decides (guard::CanModerateForum, CanModerateForumPost, CanMoveForumTopic);
// forum_moderation.h checks the reason; ForumModerationStore does each action in one
// transaction with its audit entry, its log line and the message to the author (an
// e-mail through the outbox, in their language, never naming the moderator or who
// flagged). What they guarantee: every form is a plain POST with the CSRF token the
// session gate checks; a visitor is sent to sign in and a member who is not a moderator
// gets 403, with nothing changed; an unknown forum, topic or post is a 404; a missing or
// over-long reason is a 422; an action that would change nothing is a 409 saying why;
// public pages' cache is cleared after every change. Thread-safe: no state between
// requests.
#pragma once

#include <optional>
#include <string>

#include "forums/forum_moderation.h"
#include "forums/forum_moderation_store.h"
#include "forums/forum_pages.h"
#include "forums/forum_store.h"
#include "http/request.h"
#include "platform/db/database.h"
#include "platform/page_cache.h"

namespace diseasemaps::forums {

class ForumModerationPages {
 public:
  ForumModerationPages(Database& db, PageCache* page_cache, ForumSettings settings)
      : forums_(db), store_(db), page_cache_(page_cache), settings_(std::move(settings)) {}

  // POST …/posts/{number}/hide|restore|moderate-edit (kHide, kRestore, kEdit).
  http::Response ModeratePost(const http::Request& request, ModerationAction action);
  // POST /forums/{slug}/t/{topic}/close|reopen|pin|unpin|move|delete.
  http::Response ModerateTopic(const http::Request& request, ModerationAction action);
  // GET /forums/{slug}/moderation.
  http::Response Log(const http::Request& request);

 private:
  // The forum at {slug} if the viewer may read it; otherwise the response to send.
  std::optional<http::Response> LoadForum(const http::Request& request, Forum& forum);
  http::Response Moderate(const http::Request& request, const Forum& forum, ModerationRequest moderation);

  ForumStore forums_;
  ForumModerationStore store_;
  PageCache* page_cache_;
  ForumSettings settings_;
};

}  // namespace diseasemaps::forums
