// The composition root: builds every store and page object the routes use, once, and
// wires the hooks between features (see app/services.h). The order of the hooks that
// add to a shared view (the site header, the moderation queue) is the order they
// appear in it.
#include "app/services.h"

#include <utility>

#include "forums/forum_view.h"
#include "map/map_privacy.h"
#include "notifications/visit_recorder.h"
#include "pages/access.h"
#include "platform/change_notice.h"
#include "platform/gazetteer.h"
#include "profiles/profile_store.h"

namespace diseasemaps {

using http::Request;

namespace {

// Writes to a member's data tell the community map, which keeps them in memory, and (on
// PostgreSQL) every other node's map through a change notice. Empty without a map.
accounts::MemberChangedFn MemberChanged(Site& site) {
  if (site.map == nullptr) return {};
  return [map = site.map, &db = site.db](long long id) {
    map->MemberChanged(id);
    AnnounceChange(db, MemberNotice(id));
  };
}

// Forum posts notify their watchers in the post's own transaction; topic and forum pages
// show the viewer's watch level.
void WireNotifications(forums::ForumPages& forum_pages,
                       const std::shared_ptr<notifications::NotificationPages>& notification_pages) {
  forum_pages.store().SetPostHook([notification_pages](soci::session& sql, const forums::PostEvent& post) {
    notifications::NotificationStore::NotifyIn(sql, post, notification_pages->mail_settings());
  });
  // A mention added by an edit tells the newly mentioned.
  forum_pages.store().SetEditHook([notification_pages](soci::session& sql, const forums::PostEvent& post,
                                                       const std::string& before) {
    notifications::NotificationStore::NotifyEditIn(sql, post, before, notification_pages->mail_settings());
  });
  forum_pages.SetTopicExtras([notification_pages](const Request& r, const forums::TopicPage& topic,
                                                  const std::string& path, std::vector<forums::PostCard>& cards,
                                                  nlohmann::json& view) {
    notification_pages->AddTopicFields(r, topic, path, cards, view);
  });
  forum_pages.SetForumExtras([notification_pages](const Request& r, const forums::Forum& forum, nlohmann::json& view) {
    notification_pages->AddForumFields(r, forum, view);
  });
}

// What "download my data" gathers and "delete my account" removes, feature by feature.
accounts::MemberDataHooks MemberData(Site& site, const Services& s, accounts::MemberChangedFn member_changed) {
  accounts::MemberDataHooks hooks;
  auto profile_store = std::make_shared<profiles::ProfileStore>(site.db);
  hooks.exporters.emplace_back("profile", [profile_store](long long id) { return profile_store->Export(id); });
  hooks.deleters.emplace_back(&profiles::ProfileStore::DeleteMemberData);
  hooks.exporters.emplace_back("messages", [p = s.message_pages](long long id) { return p->store().Export(id); });
  hooks.deleters.emplace_back(&messages::MessageStore::DeleteMemberData);
  hooks.exporters.emplace_back("experiences", [p = s.experience_store](long long id) { return p->Export(id); });
  hooks.deleters.emplace_back(&experiences::ExperienceStore::DeleteMemberData);
  hooks.exporters.emplace_back("forums", [p = s.forum_pages](long long id) { return p->store().Export(id); });
  hooks.deleters.emplace_back(&forums::ForumStore::DeleteMemberData);
  hooks.exporters.emplace_back("forum_watches",
                               [p = s.notification_pages](long long id) { return p->store().Export(id); });
  hooks.deleters.emplace_back(&notifications::NotificationStore::DeleteMemberData);
  hooks.deleted = std::move(member_changed);
  return hooks;
}

}  // namespace

std::shared_ptr<const Services> BuildServices(Site& site) {
  auto s = std::make_shared<Services>();
  const accounts::MemberChangedFn member_changed = MemberChanged(site);

  // Catalogue and profiles: the condition page shows the community box, which the
  // profiles feature fills; profiles answer with a condition page for a community.
  s->condition_store = std::make_shared<catalog::ConditionStore>(site.db);
  s->profile_pages = std::make_shared<profiles::ProfilePages>(site.db, *s->condition_store, &site.page_cache,
                                                              Gazetteer::Embedded(), member_changed);
  s->profile_pages->SetConditionPage([conditions = s->condition_store, &site](
                                         const Request& r, const catalog::CommunityBoxFn& box, unsigned status) {
    return catalog::ConditionPage(*conditions, site.db, r, box, status, site.condition_pages);
  });
  s->condition_page = [conditions = s->condition_store, profiles = s->profile_pages, &site](const Request& r) {
    return catalog::ConditionPage(
        *conditions, site.db, r,
        [&](const catalog::Condition& c) {
          auto box = profiles->CommunityBox(c, r);
          if (box.ok() && site.map != nullptr) map::AddMapToCommunityBox(*box, c.slug);
          if (box.ok()) forums::AddForumToCommunityBox(*box, c.slug);
          return box;
        },
        200, site.condition_pages);
  };

  // Shared experiences and search
  s->experience_store = std::make_shared<experiences::ExperienceStore>(site.db);
  s->share_pages = std::make_shared<experiences::SharePages>(site.db, *s->condition_store, *s->experience_store,
                                                             site.experiences_min_cell, site.condition_pages);
  s->search_store = std::make_shared<search::SearchStore>(site.db);

  // Accounts
  s->login_pages = std::make_shared<accounts::LoginPages>(site.users, site.hasher, site.secure_cookies,
                                                          site.public_url, site.rate_limiters);
  s->registration_pages = std::make_shared<accounts::RegistrationPages>(
      site.users, site.hasher, site.secure_cookies, site.public_url, site.rate_limiters);
  s->password_reset_pages = std::make_shared<accounts::PasswordResetPages>(site.users, site.outbox, site.hasher,
                                                                           site.public_url, site.rate_limiters);

  // Conversations, forums and their notifications
  s->message_pages = std::make_shared<messages::MessagePages>(
      site.db, messages::MessageSettings{site.public_url, site.max_new_conversations_per_day, member_changed});
  s->forum_pages = std::make_shared<forums::ForumPages>(site.db, &site.page_cache,
                                                        forums::ForumSettings{site.public_url, member_changed});
  s->notification_pages =
      std::make_shared<notifications::NotificationPages>(site.db, notifications::MailSettings{site.public_url});
  WireNotifications(*s->forum_pages, s->notification_pages);

  s->account_pages = std::make_shared<accounts::AccountPages>(site.users, site.hasher, site.secure_cookies,
                                                              MemberData(site, *s, member_changed));
  s->user_admin_pages = std::make_shared<accounts::AdminPages>(site.users, site.db, member_changed);

  // The site header's unread counts and the member page's "send a message"
  if (site.session_gate != nullptr) {
    site.session_gate->AddLayoutFields([p = s->message_pages](const guard::Viewer& viewer, nlohmann::json& layout) {
      p->AddHeaderFields(viewer, layout);
    });
  }
  s->profile_pages->SetMemberPageExtras([p = s->message_pages](const Request& r, long long member,
                                                               nlohmann::json& view) {
    p->AddMemberPageFields(r, member, view);
  });
  // One moderation queue (/admin/reports): reported messages, then flagged forum posts,
  // then reported stories.
  s->message_pages->AddQueueExtras(
      [p = s->forum_pages](const Request& r, nlohmann::json& view) { p->AddQueueFields(r, view); });
  s->story_report_pages = std::make_shared<experiences::StoryReportPages>(
      site.db, *s->condition_store, &site.page_cache, site.public_url, member_changed);
  s->message_pages->AddQueueExtras(
      [p = s->story_report_pages](const Request& r, nlohmann::json& view) { p->AddQueueFields(r, view); });
  s->moderation_pages = std::make_shared<forums::ForumModerationPages>(
      site.db, &site.page_cache, forums::ForumSettings{site.public_url, member_changed});
  s->forum_admin_pages = std::make_shared<forums::ForumAdminPages>(site.db, &site.page_cache);

  s->preference_pages = std::make_shared<notifications::PreferencePages>(site.db);
  s->unsubscribe_pages = std::make_shared<notifications::UnsubscribePages>(site.db);
  if (site.session_gate != nullptr) {
    // Every page a member opens is also a visit, which the digests ask about
    // (notifications/visit_recorder.h).
    auto visits = std::make_shared<notifications::VisitRecorder>(site.db);
    site.session_gate->AddLayoutFields(
        [p = s->notification_pages, visits](const guard::Viewer& viewer, nlohmann::json& layout) {
          p->AddHeaderFields(viewer, layout);
          if (viewer.user_id) visits->Seen(*viewer.user_id, pages::NowSeconds());
        });
    // The unsubscribe link of every forum e-mail, and "subscribe again": their POSTs need
    // no session.
    site.session_gate->AllowWithoutCsrf("/unsubscribe/");
  }

  // The community map: a member page names a city only where the map would.
  if (site.map != nullptr) {
    s->profile_pages->SetCityNameable(
        [&site](const guard::Viewer& viewer, long long city_id, const std::vector<int>& codes) {
          return site.map->CityNameable(map::ClassOf(viewer), static_cast<map::PlaceKey>(city_id), codes);
        });
    s->map_api = std::make_shared<map::MapApi>(*site.map, *s->condition_store);
  }

  s->editorial_pages = std::make_shared<articles::EditorialPages>(site.db, &site.page_cache);
  return s;
}

}  // namespace diseasemaps
