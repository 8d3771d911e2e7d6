// The page where a member chooses which e-mails the forums send them
// (/account/notifications, linked from /account and from every digest): the digest of new
// topics in the forums they watch (daily, weekly or never) and the e-mails about replies,
// quotes and mentions (on or off).
//
// What it guarantees: the guard decides (guard::CanReadNotifications: a signed-in, active
// member); the form is a plain POST with the session's CSRF token and works without
// script; an unknown frequency is a 400 that says what to choose and changes nothing.
// Thread-safe: no state between requests.
#pragma once

#include "http/request.h"
#include "notifications/digest_store.h"
#include "notifications/notification_store.h"
#include "platform/db/database.h"

namespace diseasemaps::notifications {

class PreferencePages {
 public:
  explicit PreferencePages(Database& db) : digests_(db), notifications_(db) {}

  http::Response Show(const http::Request& request);  // GET /account/notifications
  http::Response Save(const http::Request& request);  // POST /account/notifications

 private:
  DigestStore digests_;
  NotificationStore notifications_;
};

}  // namespace diseasemaps::notifications
