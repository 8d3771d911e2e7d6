// All routes, grouped by area. A handler here is one line that hands the request to its
// feature; rules live in the feature folders.
#include "app/routes.h"

#include <algorithm>
#include <chrono>
#include <memory>
#include <thread>

#include "accounts/account_pages.h"
#include "accounts/admin_pages.h"
#include "accounts/login_pages.h"
#include "accounts/password_reset_pages.h"
#include "accounts/registration_pages.h"
#include "admin/admin_home_page.h"
#include "articles/editorial_pages.h"
#include "catalog/a_to_z_pages.h"
#include "catalog/condition_api.h"
#include "catalog/condition_page.h"
#include "catalog/condition_store.h"
#include "catalog/browse_pages.h"
#include "catalog/sitemap.h"
#include "experiences/experience_store.h"
#include "experiences/experiences_api.h"
#include "experiences/experiences_page.h"
#include "experiences/share_pages.h"
#include "experiences/story_report_pages.h"
#include "forums/forum_moderation_pages.h"
#include "forums/forum_pages.h"
#include "forums/forum_view.h"
#include "notifications/notification_pages.h"
#include "notifications/preference_pages.h"
#include "notifications/unsubscribe_pages.h"
#include "notifications/visit_recorder.h"
#include "health/health_handlers.h"
#include "home/home_page.h"
#include "mail/outbox_pages.h"
#include "map/map_api.h"
#include "map/map_pages.h"
#include "map/map_privacy.h"
#include "messages/message_pages.h"
#include "pages/access.h"
#include "pages/error_pages.h"
#include "platform/change_notice.h"
#include "platform/i18n.h"
#include "platform/gazetteer.h"
#include "profiles/profile_pages.h"
#include "profiles/profile_store.h"
#include "search/search_pages.h"
#include "search/search_store.h"

namespace diseasemaps {

using http::Request;
using http::Response;

void DeclareRoutes(http::Router& router, Site& site) {
  auto conditions = std::make_shared<catalog::ConditionStore>(site.db);
  // Writes to a member's data tell the community map, which keeps them in memory, and
  // (on PostgreSQL) every other node's map through a change notice.
  accounts::MemberChangedFn member_changed;
  if (site.map != nullptr) {
    member_changed = [map = site.map, &db = site.db](long long id) {
      map->MemberChanged(id);
      AnnounceChange(db, MemberNotice(id));
    };
  }
  auto profiles = std::make_shared<profiles::ProfilePages>(site.db, *conditions, &site.page_cache,
                                                           Gazetteer::Embedded(), member_changed);
  profiles->SetConditionPage([conditions, &site](const Request& r, const catalog::CommunityBoxFn& box, unsigned status) {
    return catalog::ConditionPage(*conditions, site.db, r, box, status, site.condition_pages);
  });

  // Pages
  // The front door (home/home_page.h), and the A-Z index that replaced its paged list
  // (catalog/a_to_z_pages.h)
  router.Get("/", [&site](const Request& r) { return home::HomePage(site.db, r); }, {.cache_for_anonymous = true});
  router.Get("/conditions/a-z", [conditions](const Request& r) { return catalog::AToZIndexPage(*conditions, r); },
             {.cache_for_anonymous = true});
  router.Get("/conditions/a-z/{initial}",
             [conditions](const Request& r) { return catalog::AToZLetterPage(*conditions, r); },
             {.cache_for_anonymous = true});

  // Catalogue
  router.Get("/conditions/{slug}",
             [conditions, profiles, &site](const Request& r) {
               return catalog::ConditionPage(
                   *conditions, site.db, r,
                   [&](const catalog::Condition& c) {
                     auto box = profiles->CommunityBox(c, r);
                     if (box.ok() && site.map != nullptr) map::AddMapToCommunityBox(*box, c.slug);
                     if (box.ok()) forums::AddForumToCommunityBox(*box, c.slug);
                     return box;
                   },
                   200, site.condition_pages);
             },
             {.cache_for_anonymous = true});
  // Browsing by Orphanet's specialties (catalog/browse_pages.h)
  router.Get("/conditions/browse", [&site](const Request& r) { return catalog::BrowseSpecialties(site.db, r); },
             {.cache_for_anonymous = true});
  router.Get("/conditions/browse/{specialty}",
             [&site](const Request& r) { return catalog::BrowseSpecialty(site.db, r); }, {.cache_for_anonymous = true});
  router.Get("/conditions/browse/{specialty}/{orphacode}",
             [&site](const Request& r) { return catalog::BrowseSpecialty(site.db, r); }, {.cache_for_anonymous = true});
  router.Get("/conditions/orpha/{code}",
             [conditions](const Request& r) { return catalog::ConditionByOrphacode(*conditions, r); },
             {.cache_for_anonymous = true});

  // Catalogue API
  router.Get("/api/v1/conditions",
             [conditions](const Request& r) { return catalog::ConditionListApi(*conditions, r); },
             {.cache_for_anonymous = true});
  router.Get("/api/v1/conditions/{orphacode}",
             [conditions](const Request& r) { return catalog::ConditionApi(*conditions, r); },
             {.cache_for_anonymous = true});

  // Shared experiences (experiences/): the aggregates, small numbers suppressed
  auto shared_experiences = std::make_shared<experiences::ExperienceStore>(site.db);
  router.Get("/api/v1/conditions/{orphacode}/experiences",
             [shared_experiences, &site](const Request& r) {
               return experiences::ExperiencesApi(*shared_experiences, site.experiences_min_cell, r);
             },
             {.cache_for_anonymous = true});
  router.Get("/conditions/{slug}/experiences",
             [conditions, shared_experiences, &site](const Request& r) {
               return experiences::ExperiencesPage(*conditions, *shared_experiences, site.db,
                                                   site.experiences_min_cell, site.condition_pages, r);
             },
             {.cache_for_anonymous = true});
  // Sharing one (experiences/share_pages.h): the questionnaire, its review and consents,
  // and "My experiences".
  auto sharing = std::make_shared<experiences::SharePages>(site.db, *conditions, *shared_experiences,
                                                            site.experiences_min_cell, site.condition_pages);
  router.Get("/conditions/{slug}/experiences/share", [sharing](const Request& r) { return sharing->StartForm(r); });
  router.Post("/conditions/{slug}/experiences/share", [sharing](const Request& r) { return sharing->Start(r); });
  router.Get("/account/experiences", [sharing](const Request& r) { return sharing->Mine(r); });
  router.Get("/account/experiences/{id}/steps/{step}", [sharing](const Request& r) { return sharing->StepForm(r); });
  router.Post("/account/experiences/{id}/steps/{step}", [sharing](const Request& r) { return sharing->SaveStep(r); });
  router.Get("/account/experiences/{id}/review", [sharing](const Request& r) { return sharing->Review(r); });
  router.Post("/account/experiences/{id}/review", [sharing](const Request& r) { return sharing->Submit(r); });
  router.Post("/account/experiences/{id}/consents", [sharing](const Request& r) { return sharing->SetConsent(r); });
  router.Post("/account/experiences/{id}/withdraw", [sharing](const Request& r) { return sharing->Withdraw(r); });
  router.Get("/account/experiences/{id}/delete", [sharing](const Request& r) { return sharing->DeleteForm(r); });
  router.Post("/account/experiences/{id}/delete", [sharing](const Request& r) { return sharing->Delete(r); });
  router.Get("/api/v1/signs", [sharing](const Request& r) { return sharing->SignSuggestions(r); });

  // Search (search/): the results page, its JSON, and the header's type-ahead
  auto search_store = std::make_shared<search::SearchStore>(site.db);
  router.Get("/search", [&site, search_store](const Request& r) {
    return search::SearchPageHandler(site.search, site.post_search, *search_store, r);
  });
  router.Get("/api/v1/search", [&site](const Request& r) { return search::SearchApi(site.search, site.post_search, r); });
  router.Get("/api/v1/suggest", [&site](const Request& r) { return search::SuggestApi(site.search, r); },
             {.runs_inline = true});

  // The community map's pages (map/map_pages.h); their data come from /api/v1/map*
  router.Get("/map", [&site](const Request& r) { return map::AllConditionsMapPage(site.map, r); },
             {.cache_for_anonymous = true});
  router.Get("/conditions/{slug}/map",
             [conditions, &site](const Request& r) { return map::ConditionMapPage(*conditions, site.map, r); },
             {.cache_for_anonymous = true});

  // For search engines
  router.Get("/robots.txt", [&site](const Request&) { return catalog::RobotsTxt(site.public_url); },
             {.runs_inline = true});
  router.Get("/sitemap.xml", [conditions, &site](const Request& r) {
    return catalog::SitemapRoot(*conditions, site.public_url, r);
  }, {.cache_for_anonymous = true});
  router.Get("/sitemaps/{part}", [conditions, &site](const Request& r) {
    return catalog::SitemapPart(*conditions, site.public_url, r);
  }, {.cache_for_anonymous = true});

  // Accounts
  auto login = std::make_shared<accounts::LoginPages>(site.users, site.hasher, site.secure_cookies,
                                                      site.public_url, site.rate_limiters);
  router.Get("/login", [login](const Request& r) { return login->Show(r); });
  router.Post("/login", [login](const Request& r) { return login->SignIn(r); });
  router.Post("/logout", [login](const Request& r) { return login->SignOut(r); });
  auto join = std::make_shared<accounts::RegistrationPages>(site.users, site.hasher, site.secure_cookies, site.public_url,
                                                            site.rate_limiters);
  router.Get("/register", [join](const Request& r) { return join->Show(r); });
  router.Post("/register", [join](const Request& r) { return join->Register(r); });
  router.Get("/register/sent", [join](const Request& r) { return join->Sent(r); });
  router.Get("/account/confirm", [join](const Request& r) { return join->ShowConfirm(r); });
  router.Post("/account/confirm", [join](const Request& r) { return join->Confirm(r); });
  router.Get("/account/confirm/resend", [join](const Request& r) { return join->ShowResend(r); });
  router.Post("/account/confirm/resend", [join](const Request& r) { return join->Resend(r); });
  auto reset = std::make_shared<accounts::PasswordResetPages>(site.users, site.outbox, site.hasher,
                                                              site.public_url, site.rate_limiters);
  router.Get("/password/forgot", [reset](const Request& r) { return reset->ShowForgot(r); });
  router.Post("/password/forgot", [reset](const Request& r) { return reset->Forgot(r); });
  router.Get("/password/reset", [reset](const Request& r) { return reset->ShowReset(r); });
  router.Post("/password/reset", [reset](const Request& r) { return reset->Reset(r); });
  accounts::MemberDataHooks member_data;
  auto profile_store = std::make_shared<profiles::ProfileStore>(site.db);
  member_data.exporters.emplace_back("profile", [profile_store](long long id) { return profile_store->Export(id); });
  member_data.deleters.emplace_back(&profiles::ProfileStore::DeleteMemberData);
  auto contact = std::make_shared<messages::MessagePages>(
      site.db, messages::MessageSettings{site.public_url, site.max_new_conversations_per_day, member_changed});
  member_data.exporters.emplace_back("messages", [contact](long long id) { return contact->store().Export(id); });
  member_data.deleters.emplace_back(&messages::MessageStore::DeleteMemberData);
  member_data.exporters.emplace_back("experiences",
                                     [shared_experiences](long long id) { return shared_experiences->Export(id); });
  member_data.deleters.emplace_back(&experiences::ExperienceStore::DeleteMemberData);
  auto forum_pages = std::make_shared<forums::ForumPages>(site.db, &site.page_cache,
                                                         forums::ForumSettings{site.public_url, member_changed});
  member_data.exporters.emplace_back("forums",
                                     [forum_pages](long long id) { return forum_pages->store().Export(id); });
  member_data.deleters.emplace_back(&forums::ForumStore::DeleteMemberData);
  // Notifications (notifications/): written in each post's transaction; the member's
  // watch levels are theirs to download, and go with the account.
  auto notification_pages =
      std::make_shared<notifications::NotificationPages>(site.db, notifications::MailSettings{site.public_url});
  forum_pages->store().SetPostHook([notification_pages](soci::session& sql, const forums::PostEvent& post) {
    notifications::NotificationStore::NotifyIn(sql, post, notification_pages->mail_settings());
  });
  forum_pages->store().SetEditHook([notification_pages](soci::session& sql, const forums::PostEvent& post,
                                                        const std::string& before) {
    notifications::NotificationStore::NotifyEditIn(sql, post, before, notification_pages->mail_settings());
  });
  forum_pages->SetTopicExtras([notification_pages](const Request& r, const forums::TopicPage& topic,
                                                   const std::string& path, nlohmann::json& view) {
    notification_pages->AddTopicFields(r, topic, path, view);
  });
  forum_pages->SetForumExtras([notification_pages](const Request& r, const forums::Forum& forum, nlohmann::json& view) {
    notification_pages->AddForumFields(r, forum, view);
  });
  member_data.exporters.emplace_back(
      "forum_watches", [notification_pages](long long id) { return notification_pages->store().Export(id); });
  member_data.deleters.emplace_back(&notifications::NotificationStore::DeleteMemberData);
  member_data.deleted = member_changed;
  auto account = std::make_shared<accounts::AccountPages>(site.users, site.hasher, site.secure_cookies,
                                                          std::move(member_data));
  router.Get("/account", [account](const Request& r) { return account->Home(r); });
  router.Post("/account/language", [account](const Request& r) { return account->SetLanguage(r); });
  router.Post("/account/sign-out-everywhere", [account](const Request& r) { return account->SignOutEverywhere(r); });
  router.Post("/account/export", [account](const Request& r) { return account->Export(r); });
  router.Get("/account/delete", [account](const Request& r) { return account->ShowDelete(r); });
  router.Post("/account/delete", [account](const Request& r) { return account->Delete(r); });
  router.Get("/account/deleted", [account](const Request& r) { return account->Deleted(r); });

  // Admin area: its home (admin/admin_home_page.h) lists every admin screen and the system's state
  router.Get("/admin", [&site](const Request& r) {
    return admin::AdminHomePage({site.db, site.outbox, site.search, site.map, site.node_id}, r);
  });
  auto admin = std::make_shared<accounts::AdminPages>(site.users, site.db, member_changed);
  router.Get("/admin/users", [admin](const Request& r) { return admin->Users(r); });
  router.Post("/admin/users/{id}/roles", [admin](const Request& r) { return admin->SetRoles(r); });
  router.Post("/admin/users/{id}/suspend", [admin](const Request& r) { return admin->Suspend(r); });
  router.Post("/admin/users/{id}/reinstate", [admin](const Request& r) { return admin->Reinstate(r); });
  router.Post("/admin/users/{id}/verification", [admin](const Request& r) { return admin->SetVerified(r); });
  router.Get("/admin/audit", [admin](const Request& r) { return admin->AuditLog(r); });
  router.Get("/admin/outbox", [&site](const Request& r) {
    return mail::OutboxPage(site.outbox, site.mail_transport, r);
  });

  // Profiles and condition communities (profiles/profile_pages.h)
  router.Get("/account/profile", [profiles](const Request& r) { return profiles->EditForm(r); });
  router.Post("/account/profile", [profiles](const Request& r) { return profiles->SaveProfile(r); });
  router.Get("/members/{id}", [profiles](const Request& r) { return profiles->MemberPage(r); });
  router.Post("/conditions/{slug}/membership", [profiles](const Request& r) { return profiles->Membership(r); });
  router.Get("/api/v1/places", [profiles](const Request& r) { return profiles->Places(r); });
  router.Get("/api/v1/places/countries", [profiles](const Request& r) { return profiles->Countries(r); },
             {.cache_for_anonymous = true});

  // Conversations: relayed contact between members, blocks, reports (messages/message_pages.h).
  // The map and the member list link to /messages/new?to=USER_ID.
  if (site.session_gate != nullptr) {
    site.session_gate->AddLayoutFields([contact](const guard::Viewer& viewer, nlohmann::json& layout) {
      contact->AddHeaderFields(viewer, layout);
    });
  }
  profiles->SetMemberPageExtras([contact](const Request& r, long long member, nlohmann::json& view) {
    contact->AddMemberPageFields(r, member, view);
  });
  router.Get("/messages", [contact](const Request& r) { return contact->Inbox(r); });
  router.Post("/messages", [contact](const Request& r) { return contact->Send(r); });
  router.Get("/messages/new", [contact](const Request& r) { return contact->NewForm(r); });
  router.Get("/messages/blocked", [contact](const Request& r) { return contact->Blocked(r); });
  router.Get("/messages/{id}", [contact](const Request& r) { return contact->Thread(r); });
  router.Post("/messages/{id}", [contact](const Request& r) { return contact->Reply(r); });
  router.Post("/messages/{id}/unread", [contact](const Request& r) { return contact->MarkUnread(r); });
  router.Post("/messages/{id}/leave", [contact](const Request& r) { return contact->Leave(r); });
  router.Post("/messages/{id}/report", [contact](const Request& r) { return contact->Report(r); });
  router.Post("/members/{id}/block", [contact](const Request& r) { return contact->Block(r); });
  router.Post("/members/{id}/unblock", [contact](const Request& r) { return contact->Unblock(r); });
  router.Get("/admin/reports", [contact](const Request& r) { return contact->Reports(r); });
  router.Post("/admin/reports/{id}", [contact](const Request& r) { return contact->HandleReport(r); });
  // Flagged forum posts share the queue (forums/forum_flag_pages.cc).
  contact->AddQueueExtras(
      [forum_pages](const Request& r, nlohmann::json& view) { forum_pages->AddQueueFields(r, view); });
  router.Post("/admin/reports/posts/{id}", [forum_pages](const Request& r) { return forum_pages->HandleFlag(r); });
  // Reported stories share it too, reported from the experiences page
  // (experiences/story_report_pages.h).
  auto story_reports =
      std::make_shared<experiences::StoryReportPages>(site.db, *conditions, &site.page_cache, site.public_url,
                                                      member_changed);
  contact->AddQueueExtras(
      [story_reports](const Request& r, nlohmann::json& view) { story_reports->AddQueueFields(r, view); });
  router.Post("/admin/reports/stories/{id}", [story_reports](const Request& r) { return story_reports->Handle(r); });
  router.Post("/conditions/{slug}/experiences/stories/{id}/report",
              [story_reports](const Request& r) { return story_reports->Report(r); });

  // Forums (forums/forum_pages.h): every forum, a forum's lists, topics, replies, and each
  // post's link, edit, deletion and "this helped me". Public forums are cached for visitors.
  router.Get("/forums", [forum_pages](const Request& r) { return forum_pages->Index(r); },
             {.cache_for_anonymous = true});
  router.Get("/forums/{slug}", [forum_pages](const Request& r) { return forum_pages->ForumPage(r); },
             {.cache_for_anonymous = true});
  router.Get("/forums/{slug}/new", [forum_pages](const Request& r) { return forum_pages->NewTopicForm(r); });
  router.Post("/forums/{slug}/new", [forum_pages](const Request& r) { return forum_pages->CreateTopic(r); });
  router.Get("/forums/{slug}/t/{topic}", [forum_pages](const Request& r) { return forum_pages->Topic(r); },
             {.cache_for_anonymous = true});
  router.Post("/forums/{slug}/t/{topic}", [forum_pages](const Request& r) { return forum_pages->Reply(r); });
  router.Get("/forums/{slug}/t/{topic}/posts/{number}",
             [forum_pages](const Request& r) { return forum_pages->PostLink(r); });
  router.Get("/forums/{slug}/t/{topic}/posts/{number}/edit",
             [forum_pages](const Request& r) { return forum_pages->EditForm(r); });
  router.Post("/forums/{slug}/t/{topic}/posts/{number}/edit",
              [forum_pages](const Request& r) { return forum_pages->Edit(r); });
  router.Post("/forums/{slug}/t/{topic}/posts/{number}/delete",
              [forum_pages](const Request& r) { return forum_pages->Delete(r); });
  router.Post("/forums/{slug}/t/{topic}/posts/{number}/helped",
              [forum_pages](const Request& r) { return forum_pages->Helped(r); });
  router.Post("/forums/{slug}/t/{topic}/posts/{number}/flag",
              [forum_pages](const Request& r) { return forum_pages->Flag(r); });
  // Moderators moderate (forums/forum_moderation_pages.h); the public log of what they did.
  {
    using forums::ModerationAction;
    auto moderation = std::make_shared<forums::ForumModerationPages>(
        site.db, &site.page_cache, forums::ForumSettings{site.public_url, member_changed});
    const std::pair<const char*, ModerationAction> post_actions[] = {
        {"hide", ModerationAction::kHide}, {"restore", ModerationAction::kRestore},
        {"moderate-edit", ModerationAction::kEdit}};
    for (const auto& [name, action] : post_actions) {
      router.Post(std::string("/forums/{slug}/t/{topic}/posts/{number}/") + name,
                  [moderation, action](const Request& r) { return moderation->ModeratePost(r, action); });
    }
    const std::pair<const char*, ModerationAction> topic_actions[] = {
        {"close", ModerationAction::kClose}, {"reopen", ModerationAction::kReopen},
        {"pin", ModerationAction::kPin},     {"unpin", ModerationAction::kUnpin},
        {"move", ModerationAction::kMove},   {"delete", ModerationAction::kDelete}};
    for (const auto& [name, action] : topic_actions) {
      router.Post(std::string("/forums/{slug}/t/{topic}/") + name,
                  [moderation, action](const Request& r) { return moderation->ModerateTopic(r, action); });
    }
    router.Get("/forums/{slug}/moderation", [moderation](const Request& r) { return moderation->Log(r); },
               {.cache_for_anonymous = true});
  }

  // Notifications (notifications/notification_pages.h): the list, opening one at its post,
  // marking all read, the header's count, and the watch levels of forums and topics.
  // Every page a member opens is also a visit, which the digests ask about
  // (notifications/visit_recorder.h).
  if (site.session_gate != nullptr) {
    auto visits = std::make_shared<notifications::VisitRecorder>(site.db);
    site.session_gate->AddLayoutFields(
        [notification_pages, visits](const guard::Viewer& viewer, nlohmann::json& layout) {
          notification_pages->AddHeaderFields(viewer, layout);
          if (viewer.user_id) visits->Seen(*viewer.user_id, pages::NowSeconds());
        });
  }
  router.Get("/notifications", [notification_pages](const Request& r) { return notification_pages->List(r); });
  router.Get("/notifications/{id}", [notification_pages](const Request& r) { return notification_pages->Open(r); });
  router.Post("/notifications/read",
              [notification_pages](const Request& r) { return notification_pages->MarkAllRead(r); });
  router.Post("/forums/{slug}/watch",
              [notification_pages](const Request& r) { return notification_pages->WatchForum(r); });
  router.Post("/forums/{slug}/t/{topic}/watch",
              [notification_pages](const Request& r) { return notification_pages->WatchTopic(r); });
  // A member's choice of e-mails: the digest's frequency, replies on or off
  // (notifications/preference_pages.h).
  auto preferences = std::make_shared<notifications::PreferencePages>(site.db);
  router.Get("/account/notifications", [preferences](const Request& r) { return preferences->Show(r); });
  router.Post("/account/notifications", [preferences](const Request& r) { return preferences->Save(r); });
  // The unsubscribe link of every forum e-mail, and "subscribe again"; their POSTs need no
  // session (notifications/unsubscribe_pages.h).
  auto unsubscribe = std::make_shared<notifications::UnsubscribePages>(site.db);
  if (site.session_gate != nullptr) site.session_gate->AllowWithoutCsrf("/unsubscribe/");
  router.Get("/unsubscribe/{token}", [unsubscribe](const Request& r) { return unsubscribe->Form(r); });
  router.Post("/unsubscribe/{token}", [unsubscribe](const Request& r) { return unsubscribe->Unsubscribe(r); });
  router.Post("/unsubscribe/{token}/again", [unsubscribe](const Request& r) { return unsubscribe->Again(r); });

  // Community map (map/map_api.h): clusters and places, who is at a place, by country
  if (site.map != nullptr) {
    profiles->SetCityNameable([&site](const guard::Viewer& viewer, long long city_id, const std::vector<int>& codes) {
      return site.map->CityNameable(map::ClassOf(viewer), static_cast<map::PlaceKey>(city_id), codes);
    });
    auto map_api = std::make_shared<map::MapApi>(*site.map, *conditions);
    router.Get("/api/v1/map", [map_api](const Request& r) { return map_api->Map(r); });
    router.Get("/api/v1/map/members", [map_api](const Request& r) { return map_api->Members(r); });
    router.Get("/api/v1/map/countries", [map_api](const Request& r) { return map_api->Countries(r); });
  }

  // Editorial workflow: editors' and reviewers' screens (articles/editorial_pages.h)
  auto editorial = std::make_shared<articles::EditorialPages>(site.db, &site.page_cache);
  router.Get("/editorial", [editorial](const Request& r) { return editorial->Dashboard(r); });
  router.Get("/editorial/conditions", [editorial](const Request& r) { return editorial->GoToCondition(r); });
  router.Get("/editorial/conditions/{orphacode}/answers/new",
             [editorial](const Request& r) { return editorial->NewAnswerForm(r); });
  router.Post("/editorial/conditions/{orphacode}/answers/new",
              [editorial](const Request& r) { return editorial->CreateAnswer(r); });
  router.Get("/editorial/answers/{id}", [editorial](const Request& r) { return editorial->Workspace(r); });
  router.Post("/editorial/answers/{id}", [editorial](const Request& r) { return editorial->WorkspaceStep(r); });
  router.Get("/editorial/answers/{id}/diff", [editorial](const Request& r) { return editorial->Diff(r); });
  router.Get("/editorial/answers/{id}/translations/new",
             [editorial](const Request& r) { return editorial->NewTranslationForm(r); });
  router.Post("/editorial/answers/{id}/translations/new",
              [editorial](const Request& r) { return editorial->CreateTranslation(r); });
  router.Get("/editorial/answers/{id}/translations/{lang}",
             [editorial](const Request& r) { return editorial->Workspace(r); });
  router.Post("/editorial/answers/{id}/translations/{lang}",
              [editorial](const Request& r) { return editorial->WorkspaceStep(r); });
  router.Get("/editorial/answers/{id}/translations/{lang}/diff",
             [editorial](const Request& r) { return editorial->Diff(r); });

  // Static files (in memory; served on the I/O thread)
  router.Get("/static/{file...}", [&site](const Request& r) {
    Response response = site.static_files.Serve(r, r.Param("file"));
    return response.status == 404 ? pages::ErrorPage(&r, 404, i18n::Tr("There is no file at this address."))
                                  : response;
  }, {.runs_inline = true});
  router.Get("/favicon.ico", [&site](const Request& r) {
    return site.static_files.Serve(r, "favicon.svg");
  }, {.runs_inline = true});

  // Operations
  router.Get("/healthz", [&site](const Request&) { return health::Healthz(site.db, site.draining()); });
  router.Get("/metrics", [&site](const Request&) { return health::MetricsPage(site.metrics); },
             {.runs_inline = true});

  // Test hooks: only with --test-hooks, for the test suite's shutdown and load tests.
  if (site.test_hooks) {
    router.Get("/__test/slow", [](const Request& r) {
      const long ms = std::clamp(std::stol(r.Query("ms").value_or("100")), 0L, 10000L);
      std::this_thread::sleep_for(std::chrono::milliseconds(ms));
      return Response::Text("slept " + std::to_string(ms) + " ms\n");
    });
  }
}

}  // namespace diseasemaps
