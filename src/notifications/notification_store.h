// NotificationStore: all the SQL of notifications (migration 0020), written once for
// SQLite and PostgreSQL: the notifications a forum post causes, a member's list and
// unread count, and their watch levels per topic and per forum.
//
// What it guarantees: NotifyIn runs inside the post's own transaction, so a post and its
// notifications are written together or not at all. Nobody is notified of their own post,
// of a post in a forum they may not read (guard::CanReadForum on their account as it is
// in that transaction: suspended or deleted accounts read nothing members-only), by a
// member they blocked, or in a topic they muted (or a forum they muted, unless the topic
// has its own level). Each member gets at most one notification per post
// (notification_rules.h KindFor). Writing a post makes its topic "tracking" for its
// author unless they chose a level. The unread count is one query over a partial index.
// Thread-safe: every method leases its own connection (blocking: run on the worker pool).
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <soci/soci.h>

#include "forums/forum_store.h"
#include "notifications/notification_mail.h"
#include "notifications/notification_rules.h"
#include "platform/db/database.h"
#include "platform/status.h"

namespace diseasemaps::notifications {

// A notification as /notifications shows it.
struct Notification {
  long long id = 0;
  Kind kind = Kind::kWatched;
  std::string actor_name;     // "" when the actor deleted their account
  bool actor_deleted = false;
  long long topic_id = 0;
  std::string topic_title;
  std::string forum_slug;     // the forum's address: a site-wide slug or the condition's slug
  long long post_number = 0;
  long long created_at = 0;
  bool read = false;
};

struct NotificationList {
  std::vector<Notification> items;  // newest first
  long long total = 0;
};

// Where e-mails about notifications link to.
struct MailSettings {
  std::string public_url;  // no trailing slash
};

class NotificationStore {
 public:
  explicit NotificationStore(Database& db) : db_(db) {}

  // The notifications `post` causes, written on `sql` (the post's transaction), and the
  // author's "tracking" of the topic. A reply, quote or mention is also mailed, through
  // the outbox in the same transaction, unless the recipient turned these e-mails off or
  // was mailed about the same topic less than limits::kForumMailIntervalSeconds before.
  // REQUIRES: inside that transaction.
  static void NotifyIn(soci::session& sql, const forums::PostEvent& post, const MailSettings& mail);
  // The same for an author's edit of `post` (forum_store.h EditHook), for the members it
  // mentions now and did not mention `before` only: a mention notification and e-mail
  // under the same rules, unless they were told of this post already.
  // REQUIRES: inside the edit's transaction.
  static void NotifyEditIn(soci::session& sql, const forums::PostEvent& post, const std::string& before,
                           const MailSettings& mail);

  // The account and stream an unsubscribe token (unsubscribe_token.h) was made for;
  // nullopt when the token is not one of ours, was altered, or names no account.
  Result<std::optional<UnsubscribeTarget>> UnsubscribeTokenTarget(const std::string& token);
  // Turns the member's e-mails about replies, quotes and mentions off (or on).
  Status SetEmailReplies(long long user_id, bool on, long long now);
  // Whether the member gets those e-mails (on unless they turned them off).
  Result<bool> EmailReplies(long long user_id);

  // The display names of the members among `ids` who may read a forum read by
  // `readers` (accounts as they are now), for the pages' mention links.
  Result<std::map<long long, std::string>> ReadersAmong(const std::set<long long>& ids, guard::ForumReaders readers);

  // How many of the member's notifications are unread.
  Result<long long> UnreadCount(long long user_id);
  // A page of the member's notifications, newest first.
  Result<NotificationList> List(long long user_id, long long offset, int limit);
  // Marks the member's notification `id` read and returns it. NotFound when it is not
  // theirs (or does not exist).
  Result<Notification> Open(long long user_id, long long id, long long now);
  // Marks every notification of the member read.
  Status MarkAllRead(long long user_id, long long now);

  // The member's own level for a topic, a forum (nullopt: none chosen).
  Result<std::optional<WatchLevel>> TopicLevel(long long user_id, long long topic_id);
  Result<std::optional<WatchLevel>> ForumLevel(long long user_id, long long forum_id);
  Status SetTopicLevel(long long user_id, long long topic_id, WatchLevel level, long long now);
  Status SetForumLevel(long long user_id, long long forum_id, WatchLevel level, long long now);

  // Data rights: the member's watch levels, e-mail choices (the digest's frequency,
  // replies on or off) and last visit; inside the account deletion's transaction, their
  // notifications, watches, choices and visits go.
  Result<nlohmann::json> Export(long long user_id);
  static void DeleteMemberData(soci::session& sql, long long user_id);

 private:
  Database& db_;
};

}  // namespace diseasemaps::notifications
