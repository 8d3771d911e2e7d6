// The forums' admin screen (issue 14): GET /admin/forums lists the site-wide forums (name,
// address, readers, topics, position), opens any forum's settings by its address
// (?forum={slug}, a condition's included) and holds the form that creates a site-wide
// forum (POST /admin/forums); GET and POST /admin/forums/{slug} show and save a forum's
// settings: name, description and position of a site-wide forum, and who may read any
// forum. A forum's page links here for administrators.
//
// The guard decides (guard::CanManageForums: administrators; moderators not);
// forum_admin_rules.h checks every field; ForumStore does each change in one transaction
// with its audit entry. What they guarantee: a visitor is sent to sign in and anyone else
// gets 403; a form with a mistake (empty or over-long name, malformed or reserved
// address, unknown readers, bad position) comes back with 422, what was typed and a
// message beside the field; an address already taken is a 409 the same way; an unknown
// forum is a 404; a CSRF failure is refused by the session gate before the handler. None
// of these changes anything. New readers take effect at once: this process's page cache
// is cleared, other nodes clear theirs on the content generation, and the posts index
// re-reads every topic of the forum (search results are checked against the forum's
// readers as they are now). Thread-safe: no state between requests.
#pragma once

#include "forums/forum_store.h"
#include "http/request.h"
#include "platform/db/database.h"
#include "platform/page_cache.h"

namespace diseasemaps::forums {

class ForumAdminPages {
 public:
  ForumAdminPages(Database& db, PageCache* page_cache) : store_(db), page_cache_(page_cache) {}

  http::Response List(const http::Request& request);      // GET /admin/forums
  http::Response Create(const http::Request& request);    // POST /admin/forums
  http::Response Settings(const http::Request& request);  // GET /admin/forums/{slug}
  http::Response Save(const http::Request& request);      // POST /admin/forums/{slug}

 private:
  ForumStore store_;
  PageCache* page_cache_;
};

}  // namespace diseasemaps::forums
