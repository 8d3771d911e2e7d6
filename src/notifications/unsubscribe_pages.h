// The one-click unsubscribe of every forum e-mail (RFC 8058), and its undoing:
// GET /unsubscribe/{token} says which e-mails the link stops and shows a button; POST (the
// button, or a mail program's one-click POST, with no session and no CSRF token: the
// signed token is the proof) stops them and says what was stopped, offering "subscribe
// again" and a link to the preferences (/account/notifications); POST
// /unsubscribe/{token}/again restores the choice before (the digest's frequency; the
// e-mails about replies, quotes and mentions on).
//
// What it guarantees: a token names one account and one stream (unsubscribe_token.h);
// one that is not valid is a 400 that changes nothing; a valid one changes only that
// stream's setting. Thread-safe: no state between requests.
#pragma once

#include "http/request.h"
#include "notifications/digest_store.h"
#include "notifications/notification_store.h"
#include "platform/db/database.h"

namespace diseasemaps::notifications {

class UnsubscribePages {
 public:
  explicit UnsubscribePages(Database& db) : notifications_(db), digests_(db) {}

  http::Response Form(const http::Request& request);         // GET /unsubscribe/{token}
  http::Response Unsubscribe(const http::Request& request);  // POST /unsubscribe/{token}
  http::Response Again(const http::Request& request);        // POST /unsubscribe/{token}/again

 private:
  NotificationStore notifications_;
  DigestStore digests_;
};

}  // namespace diseasemaps::notifications
