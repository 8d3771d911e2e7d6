// Services: every store, page object and hook that the routes hand requests to, built
// once from the Site by BuildServices (app/services.cc), the composition root. The
// routes file (app/routes.cc) only declares URLs and points each at one of these.
//
// Every member is set (never null) except map_api, which is null when the site has no
// community map. The objects are shared: handlers capture the Services by shared
// pointer, so each lives as long as the router that reaches it. Thread-safety is each
// object's own (all are called from many worker threads at once).
#pragma once

#include <functional>
#include <memory>

#include "accounts/account_pages.h"
#include "accounts/admin_pages.h"
#include "accounts/login_pages.h"
#include "accounts/password_reset_pages.h"
#include "accounts/registration_pages.h"
#include "app/site.h"
#include "articles/editorial_pages.h"
#include "catalog/condition_store.h"
#include "experiences/experience_store.h"
#include "experiences/share_pages.h"
#include "experiences/story_report_pages.h"
#include "forums/forum_admin_pages.h"
#include "forums/forum_moderation_pages.h"
#include "forums/forum_pages.h"
#include "http/request.h"
#include "map/map_api.h"
#include "messages/message_pages.h"
#include "notifications/notification_pages.h"
#include "notifications/preference_pages.h"
#include "notifications/unsubscribe_pages.h"
#include "profiles/profile_pages.h"
#include "search/search_store.h"

namespace diseasemaps {

struct Services {
  // Catalogue: the store every catalogue page reads, and the condition page with its
  // community box (the members, the map's and the forum's links).
  std::shared_ptr<catalog::ConditionStore> condition_store;
  std::function<http::Response(const http::Request&)> condition_page;
  // Shared experiences: the aggregates' store and the questionnaire's pages.
  std::shared_ptr<experiences::ExperienceStore> experience_store;
  std::shared_ptr<experiences::SharePages> share_pages;
  std::shared_ptr<experiences::StoryReportPages> story_report_pages;
  std::shared_ptr<search::SearchStore> search_store;
  // Accounts
  std::shared_ptr<accounts::LoginPages> login_pages;
  std::shared_ptr<accounts::RegistrationPages> registration_pages;
  std::shared_ptr<accounts::PasswordResetPages> password_reset_pages;
  std::shared_ptr<accounts::AccountPages> account_pages;
  std::shared_ptr<accounts::AdminPages> user_admin_pages;  // /admin/users and the audit log
  // Members and what they do
  std::shared_ptr<profiles::ProfilePages> profile_pages;
  std::shared_ptr<messages::MessagePages> message_pages;
  std::shared_ptr<forums::ForumPages> forum_pages;
  std::shared_ptr<forums::ForumModerationPages> moderation_pages;
  std::shared_ptr<forums::ForumAdminPages> forum_admin_pages;  // /admin/forums
  std::shared_ptr<notifications::NotificationPages> notification_pages;
  std::shared_ptr<notifications::PreferencePages> preference_pages;    // /account/notifications
  std::shared_ptr<notifications::UnsubscribePages> unsubscribe_pages;  // /unsubscribe/{token}
  std::shared_ptr<map::MapApi> map_api;  // null when site.map is null
  std::shared_ptr<articles::EditorialPages> editorial_pages;
};

// Builds every service from the site's shared pieces and wires the hooks between
// features: a member's change tells the community map (and other nodes), the account's
// export and deletion reach every feature's data, forum posts notify watchers, and the
// site header, member page and moderation queue gather each feature's fields. Also
// registers the session gate's layout fields and its CSRF exemption for unsubscribe
// links. REQUIRES: called once per site; site and everything it refers to outlive the
// result.
std::shared_ptr<const Services> BuildServices(Site& site);

}  // namespace diseasemaps
