// The pages of notifications: /notifications (a member's notifications, newest first, 20 a
// page; each opens at its post's #post-N through /notifications/{id}, which marks it
// read; "mark all read"), the header's count, the watch control on a forum's and a
// topic's page (POST /forums/{slug}/watch and /forums/{slug}/t/{topic}/watch), and what
// a topic's page gains from this feature: @mentions linked to the member's page and
// "Quote" (with script, the selected words; without, the whole post, through
// ?quote=N, which fills the reply box).
//
// What it guarantees: the guard decides (CanReadNotifications, CanWatchForum); a mention
// links only to a member who may read the forum; every form is a plain POST with the
// session's CSRF token and works without script; an unknown level, forum or topic is a
// 400 or 404 that says which and changes nothing; the header's count is one indexed
// query, run only for a signed-in member's page (the unsubscribe links are
// unsubscribe_pages.h). Thread-safe: no state between requests.
#pragma once

#include <nlohmann/json.hpp>

#include "forums/forum_post_card.h"
#include "forums/forum_store.h"
#include "guard/guard.h"
#include "http/request.h"
#include "notifications/notification_store.h"
#include "platform/db/database.h"

namespace diseasemaps::notifications {

class NotificationPages {
 public:
  NotificationPages(Database& db, MailSettings mail) : store_(db), forums_(db), mail_(std::move(mail)) {}

  http::Response List(const http::Request& request);         // GET /notifications
  http::Response Open(const http::Request& request);         // GET /notifications/{id}
  http::Response MarkAllRead(const http::Request& request);  // POST /notifications/read
  http::Response WatchForum(const http::Request& request);   // POST /forums/{slug}/watch
  http::Response WatchTopic(const http::Request& request);   // POST /forums/{slug}/t/{topic}/watch

  // What NotifyIn needs, for the forums' post hook.
  const MailSettings& mail_settings() const { return mail_; }

  // The header's "Notifications (N)" for a signed-in member.
  void AddHeaderFields(const guard::Viewer& viewer, nlohmann::json& layout);
  // A topic's page: mention links, quotes, the watch control (forum_pages.h TopicExtras).
  void AddTopicFields(const http::Request& request, const forums::TopicPage& topic, const std::string& path,
                      std::vector<forums::PostCard>& cards, nlohmann::json& view);
  // A forum's page: the watch control (forum_pages.h ForumExtras).
  void AddForumFields(const http::Request& request, const forums::Forum& forum, nlohmann::json& view);

  NotificationStore& store() { return store_; }

 private:
  NotificationStore store_;
  forums::ForumStore forums_;
  MailSettings mail_;
};

}  // namespace diseasemaps::notifications
