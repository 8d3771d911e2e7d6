// ForumModerationStore: the SQL of what moderators do in a forum (forum_moderation.h
// names the actions) and the forum's public moderation log (migration 0019). Its SQL is
// in forum_store_moderation.cc, beside the flags'.
//
// What it guarantees: each action is ONE transaction that makes the change, appends the
// audit entry (accounts::AppendAudit, naming the moderator for administrators), a line
// in the forum's public log (which keeps neither the moderator nor any flagger), bumps
// the content generation (cached pages change) and runs `tell_author` on the same
// session (the handler's message to the author through the outbox); any failure rolls
// all of it back. Permission is the guard's, asked inside the transaction on the facts
// read there. An action that would change nothing (hiding a hidden post, closing a
// closed topic) writes nothing, not even a log line. Thread-safe: every method leases
// its own connection (blocking: run on the worker pool).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "forums/forum_moderation.h"
#include "forums/forum_store.h"
#include "guard/guard.h"
#include "platform/db/database.h"
#include "platform/status.h"

namespace diseasemaps::forums {

// What a moderator's permission depends on, read inside the action's transaction.
struct ModerationFacts {
  guard::ForumReaders readers = guard::ForumReaders::kMembers;
  bool topic_closed = false;
  std::optional<guard::ForumPostFacts> post;     // hide, restore, edit
  std::optional<guard::ForumReaders> to_readers;  // move: the destination's
};
using MayModerate = std::function<bool(const ModerationFacts&)>;

struct ModerationRequest {
  ModerationAction action = ModerationAction::kHide;
  long long moderator_id = 0;
  long long now = 0;
  long long topic_id = 0;
  long long number = 0;     // the post, for hide, restore and edit
  std::string reason;       // checked (forum_moderation.h CheckModerationReason)
  std::string body;         // edit: the post's new text (checked, CheckPostBody)
  std::optional<Forum> to;  // move: the forum the topic goes to (its row is made when it has none)
};

// Whom the action's message goes to: the post's author (post actions) or the topic's.
struct ModerationSubject {
  long long author_id = 0;
  std::string email;
  std::string language;
  // False when nobody should be written to: the author deleted their account, is a demo
  // member, or is the moderator themself.
  bool reachable = false;
  std::string topic_title;  // after the action
};
using TellAuthor = std::function<Status(soci::session&, const ModerationSubject&)>;

struct Moderated {
  enum class Outcome {
    kDone,
    kRefused,    // the guard said no: nothing written
    kUnchanged,  // already so (hidden, closed, pinned, in that forum, same text): nothing written
  };
  Outcome outcome = Outcome::kDone;
  std::string topic_title;
  ModerationFacts facts;  // as read, for the refusal's words
};

// One line of a forum's public moderation log.
struct ModerationLogLine {
  long long id = 0;
  std::string action;  // forum_moderation.h ModerationActionName
  long long topic_id = 0;
  std::string topic_title;         // when the action was taken
  std::optional<long long> number; // the post, for post actions
  std::string reason;
  long long created_at = 0;
  // Where the topic is now ("" once deleted): its forum's slug and its title.
  std::string topic_forum_slug;
  std::string current_title;
  std::optional<Forum> other_forum;  // move: where it went (slug, orphacode, title)
};

struct ModerationLog {
  std::vector<ModerationLogLine> lines;  // newest first
  long long total = 0;
};

class ForumModerationStore {
 public:
  explicit ForumModerationStore(Database& db) : db_(db) {}

  // Does `request` in `forum` (see the guarantees above). NotFound "no such topic" or
  // "no such post" when the topic is not in that forum or has no such post; NotFound
  // "no such forum" when a move's destination has gone.
  Result<Moderated> Moderate(const Forum& forum, const ModerationRequest& request, const MayModerate& may,
                             const TellAuthor& tell_author);

  // A page of the forum's public moderation log, newest first.
  Result<ModerationLog> Log(const Forum& forum, long long offset, int limit);

 private:
  Database& db_;
};

}  // namespace diseasemaps::forums
