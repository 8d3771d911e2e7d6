// Every URL the server answers, grouped by area: the table, read in one screen. Each
// handler is one line that hands the request to a service built in app/services.cc (the
// composition root) or to a feature's function; rules live in the feature folders.
#include "app/routes.h"

#include "admin/admin_home_page.h"
#include "catalog/a_to_z_pages.h"
#include "catalog/browse_pages.h"
#include "catalog/condition_api.h"
#include "catalog/sitemap.h"
#include "experiences/experiences_api.h"
#include "experiences/experiences_page.h"
#include "health/health_handlers.h"
#include "home/home_page.h"
#include "mail/outbox_pages.h"
#include "map/map_pages.h"
#include "pages/static_file_page.h"
#include "search/search_pages.h"

namespace diseasemaps {

using forums::ModerationAction;
using http::Request;

void DeclareRoutes(http::Router& router, Site& site, std::shared_ptr<const Services> services) {
  // Each handler holds the service it calls (shared pointers captured by value).
  const auto& conditions = services->condition_store;
  const auto& shared_experiences = services->experience_store;
  const auto& sharing = services->share_pages;
  const auto& search_store = services->search_store;
  const auto& login = services->login_pages;
  const auto& join = services->registration_pages;
  const auto& reset = services->password_reset_pages;
  const auto& account = services->account_pages;
  const auto& user_admin = services->user_admin_pages;
  const auto& profile = services->profile_pages;
  const auto& contact = services->message_pages;
  const auto& story_reports = services->story_report_pages;
  const auto& forum = services->forum_pages;
  const auto& moderation = services->moderation_pages;
  const auto& forum_admin = services->forum_admin_pages;
  const auto& notify = services->notification_pages;
  const auto& preferences = services->preference_pages;
  const auto& unsubscribe = services->unsubscribe_pages;
  const auto& map_api = services->map_api;
  const auto& editorial = services->editorial_pages;
  constexpr http::RouteOptions kCached{.cache_for_anonymous = true};
  constexpr http::RouteOptions kInline{.runs_inline = true};
  // Reads may come from the read replica (http/dispatcher.h), as those of kCached routes
  // do. Not for pages whose privacy settings must hold at once (a member's page).
  constexpr http::RouteOptions kLagTolerant{.reads_may_lag = true};

  // The front door (home/home_page.h), and the A-Z index that replaced its paged list
  router.Get("/", [&site](const Request& r) { return home::HomePage(site.db, r); }, kCached);
  router.Get("/conditions/a-z",
             [conditions](const Request& r) { return catalog::AToZIndexPage(*conditions, r); }, kCached);
  router.Get("/conditions/a-z/{initial}",
             [conditions](const Request& r) { return catalog::AToZLetterPage(*conditions, r); }, kCached);

  // Catalogue (catalog/): a condition's page, browsing by Orphanet's specialties, the API
  router.Get("/conditions/{slug}", services->condition_page, kCached);
  router.Get("/conditions/browse",
             [&site](const Request& r) { return catalog::BrowseSpecialties(site.db, r); }, kCached);
  router.Get("/conditions/browse/{specialty}",
             [&site](const Request& r) { return catalog::BrowseSpecialty(site.db, r); }, kCached);
  router.Get("/conditions/browse/{specialty}/{orphacode}",
             [&site](const Request& r) { return catalog::BrowseSpecialty(site.db, r); }, kCached);
  router.Get("/conditions/orpha/{code}",
             [conditions](const Request& r) { return catalog::ConditionByOrphacode(*conditions, r); }, kCached);
  router.Get("/api/v1/conditions",
             [conditions](const Request& r) { return catalog::ConditionListApi(*conditions, r); }, kCached);
  router.Get("/api/v1/conditions/{orphacode}",
             [conditions](const Request& r) { return catalog::ConditionApi(*conditions, r); }, kCached);

  // Shared experiences (experiences/): the aggregates, small numbers suppressed
  router.Get("/api/v1/conditions/{orphacode}/experiences",
             [shared_experiences, &site](const Request& r) {
               return experiences::ExperiencesApi(*shared_experiences, site.experiences_min_cell, r);
             }, kCached);
  router.Get("/conditions/{slug}/experiences",
             [conditions, shared_experiences, &site](const Request& r) {
               return experiences::ExperiencesPage(*conditions, *shared_experiences, site.db,
                                                   site.experiences_min_cell, site.condition_pages, r);
             }, kCached);
  // Sharing one (experiences/share_pages.h): the questionnaire, its review and consents, "My experiences"
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
  router.Get("/search",
             [search_store, &site](const Request& r) {
               return search::SearchPageHandler(site.search, site.post_search, *search_store, r);
             }, kLagTolerant);
  router.Get("/api/v1/search",
             [&site](const Request& r) { return search::SearchApi(site.search, site.post_search, r); }, kLagTolerant);
  router.Get("/api/v1/suggest", [&site](const Request& r) { return search::SuggestApi(site.search, r); }, kInline);

  // The community map's pages (map/map_pages.h); their data come from /api/v1/map*
  router.Get("/map", [&site](const Request& r) { return map::AllConditionsMapPage(site.map, r); }, kCached);
  router.Get("/conditions/{slug}/map",
             [conditions, &site](const Request& r) { return map::ConditionMapPage(*conditions, site.map, r); }, kCached);

  // For search engines (catalog/sitemap.h)
  router.Get("/robots.txt", [&site](const Request&) { return catalog::RobotsTxt(site.public_url); }, kInline);
  router.Get("/sitemap.xml",
             [conditions, &site](const Request& r) { return catalog::SitemapRoot(*conditions, site.public_url, r); }, kCached);
  router.Get("/sitemaps/{part}",
             [conditions, &site](const Request& r) { return catalog::SitemapPart(*conditions, site.public_url, r); }, kCached);

  // Accounts (accounts/): signing in and out, joining, a forgotten password, the account itself
  router.Get("/login", [login](const Request& r) { return login->Show(r); });
  router.Post("/login", [login](const Request& r) { return login->SignIn(r); });
  router.Post("/logout", [login](const Request& r) { return login->SignOut(r); });
  router.Get("/register", [join](const Request& r) { return join->Show(r); });
  router.Post("/register", [join](const Request& r) { return join->Register(r); });
  router.Get("/register/sent", [join](const Request& r) { return join->Sent(r); });
  router.Get("/account/confirm", [join](const Request& r) { return join->ShowConfirm(r); });
  router.Post("/account/confirm", [join](const Request& r) { return join->Confirm(r); });
  router.Get("/account/confirm/resend", [join](const Request& r) { return join->ShowResend(r); });
  router.Post("/account/confirm/resend", [join](const Request& r) { return join->Resend(r); });
  router.Get("/password/forgot", [reset](const Request& r) { return reset->ShowForgot(r); });
  router.Post("/password/forgot", [reset](const Request& r) { return reset->Forgot(r); });
  router.Get("/password/reset", [reset](const Request& r) { return reset->ShowReset(r); });
  router.Post("/password/reset", [reset](const Request& r) { return reset->Reset(r); });
  router.Get("/account", [account](const Request& r) { return account->Home(r); });
  router.Post("/account/language", [account](const Request& r) { return account->SetLanguage(r); });
  router.Post("/account/sign-out-everywhere", [account](const Request& r) { return account->SignOutEverywhere(r); });
  router.Post("/account/export", [account](const Request& r) { return account->Export(r); });
  router.Get("/account/delete", [account](const Request& r) { return account->ShowDelete(r); });
  router.Post("/account/delete", [account](const Request& r) { return account->Delete(r); });
  router.Get("/account/deleted", [account](const Request& r) { return account->Deleted(r); });

  // Admin area: its home (admin/admin_home_page.h) lists every admin screen and the system's state
  router.Get("/admin",
             [&site](const Request& r) {
               return admin::AdminHomePage({site.db, site.outbox, site.search, site.map, site.node_id}, r);
             });
  router.Get("/admin/users", [user_admin](const Request& r) { return user_admin->Users(r); });
  router.Post("/admin/users/{id}/roles", [user_admin](const Request& r) { return user_admin->SetRoles(r); });
  router.Post("/admin/users/{id}/suspend", [user_admin](const Request& r) { return user_admin->Suspend(r); });
  router.Post("/admin/users/{id}/reinstate", [user_admin](const Request& r) { return user_admin->Reinstate(r); });
  router.Post("/admin/users/{id}/verification", [user_admin](const Request& r) { return user_admin->SetVerified(r); });
  router.Get("/admin/audit", [user_admin](const Request& r) { return user_admin->AuditLog(r); });
  router.Get("/admin/outbox",
             [&site](const Request& r) { return mail::OutboxPage(site.outbox, site.mail_transport, r); });

  // Profiles and condition communities (profiles/profile_pages.h)
  router.Get("/account/profile", [profile](const Request& r) { return profile->EditForm(r); });
  router.Post("/account/profile", [profile](const Request& r) { return profile->SaveProfile(r); });
  router.Get("/members/{id}", [profile](const Request& r) { return profile->MemberPage(r); });
  router.Post("/conditions/{slug}/membership", [profile](const Request& r) { return profile->Membership(r); });
  router.Get("/api/v1/places", [profile](const Request& r) { return profile->Places(r); });
  router.Get("/api/v1/places/countries", [profile](const Request& r) { return profile->Countries(r); }, kCached);

  // Conversations: relayed contact between members, blocks (messages/message_pages.h).
  // The map and the member list link to /messages/new?to=USER_ID.
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
  // The one moderation queue: reported messages, flagged forum posts (forums/forum_flag_pages.cc),
  // reported stories (experiences/story_report_pages.h)
  router.Get("/admin/reports", [contact](const Request& r) { return contact->Reports(r); });
  router.Post("/admin/reports/{id}", [contact](const Request& r) { return contact->HandleReport(r); });
  router.Post("/admin/reports/posts/{id}", [forum](const Request& r) { return forum->HandleFlag(r); });
  router.Post("/admin/reports/stories/{id}", [story_reports](const Request& r) { return story_reports->Handle(r); });
  router.Post("/conditions/{slug}/experiences/stories/{id}/report",
              [story_reports](const Request& r) { return story_reports->Report(r); });

  // Forums (forums/forum_pages.h): every forum, a forum's lists, topics, replies, and each
  // post's link, edit, deletion and "this helped me". Public forums are cached for visitors.
  router.Get("/forums", [forum](const Request& r) { return forum->Index(r); }, kCached);
  router.Get("/forums/{slug}", [forum](const Request& r) { return forum->ForumPage(r); }, kCached);
  router.Get("/forums/{slug}/new", [forum](const Request& r) { return forum->NewTopicForm(r); });
  router.Post("/forums/{slug}/new", [forum](const Request& r) { return forum->CreateTopic(r); });
  router.Get("/forums/{slug}/t/{topic}", [forum](const Request& r) { return forum->Topic(r); }, kCached);
  router.Post("/forums/{slug}/t/{topic}", [forum](const Request& r) { return forum->Reply(r); });
  router.Get("/forums/{slug}/t/{topic}/posts/{number}", [forum](const Request& r) { return forum->PostLink(r); });
  router.Get("/forums/{slug}/t/{topic}/posts/{number}/edit", [forum](const Request& r) { return forum->EditForm(r); });
  router.Post("/forums/{slug}/t/{topic}/posts/{number}/edit", [forum](const Request& r) { return forum->Edit(r); });
  router.Post("/forums/{slug}/t/{topic}/posts/{number}/delete", [forum](const Request& r) { return forum->Delete(r); });
  router.Post("/forums/{slug}/t/{topic}/posts/{number}/helped", [forum](const Request& r) { return forum->Helped(r); });
  router.Post("/forums/{slug}/t/{topic}/posts/{number}/flag", [forum](const Request& r) { return forum->Flag(r); });
  // Moderators moderate (forums/forum_moderation_pages.h); the public log of what they did.
  router.Post("/forums/{slug}/t/{topic}/posts/{number}/hide",
              [moderation](const Request& r) { return moderation->ModeratePost(r, ModerationAction::kHide); });
  router.Post("/forums/{slug}/t/{topic}/posts/{number}/restore",
              [moderation](const Request& r) { return moderation->ModeratePost(r, ModerationAction::kRestore); });
  router.Post("/forums/{slug}/t/{topic}/posts/{number}/moderate-edit",
              [moderation](const Request& r) { return moderation->ModeratePost(r, ModerationAction::kEdit); });
  router.Post("/forums/{slug}/t/{topic}/close",
              [moderation](const Request& r) { return moderation->ModerateTopic(r, ModerationAction::kClose); });
  router.Post("/forums/{slug}/t/{topic}/reopen",
              [moderation](const Request& r) { return moderation->ModerateTopic(r, ModerationAction::kReopen); });
  router.Post("/forums/{slug}/t/{topic}/pin",
              [moderation](const Request& r) { return moderation->ModerateTopic(r, ModerationAction::kPin); });
  router.Post("/forums/{slug}/t/{topic}/unpin",
              [moderation](const Request& r) { return moderation->ModerateTopic(r, ModerationAction::kUnpin); });
  router.Post("/forums/{slug}/t/{topic}/move",
              [moderation](const Request& r) { return moderation->ModerateTopic(r, ModerationAction::kMove); });
  router.Post("/forums/{slug}/t/{topic}/delete",
              [moderation](const Request& r) { return moderation->ModerateTopic(r, ModerationAction::kDelete); });
  router.Get("/forums/{slug}/moderation", [moderation](const Request& r) { return moderation->Log(r); }, kCached);
  // Administrators manage the site-wide forums and who may read any forum
  // (forums/forum_admin_pages.h).
  router.Get("/admin/forums", [forum_admin](const Request& r) { return forum_admin->List(r); });
  router.Post("/admin/forums", [forum_admin](const Request& r) { return forum_admin->Create(r); });
  router.Get("/admin/forums/{slug}", [forum_admin](const Request& r) { return forum_admin->Settings(r); });
  router.Post("/admin/forums/{slug}", [forum_admin](const Request& r) { return forum_admin->Save(r); });

  // Notifications (notifications/notification_pages.h): the list, opening one at its post,
  // marking all read, watch levels, and the e-mails' unsubscribe link (its POST needs no session)
  router.Get("/notifications", [notify](const Request& r) { return notify->List(r); });
  router.Get("/notifications/{id}", [notify](const Request& r) { return notify->Open(r); });
  router.Post("/notifications/read", [notify](const Request& r) { return notify->MarkAllRead(r); });
  router.Post("/forums/{slug}/watch", [notify](const Request& r) { return notify->WatchForum(r); });
  router.Post("/forums/{slug}/t/{topic}/watch", [notify](const Request& r) { return notify->WatchTopic(r); });
  // A member's choice of e-mails (notifications/preference_pages.h): the digest, replies.
  router.Get("/account/notifications", [preferences](const Request& r) { return preferences->Show(r); });
  router.Post("/account/notifications", [preferences](const Request& r) { return preferences->Save(r); });
  // The unsubscribe link of every forum e-mail, and "subscribe again"
  // (notifications/unsubscribe_pages.h)
  router.Get("/unsubscribe/{token}", [unsubscribe](const Request& r) { return unsubscribe->Form(r); });
  router.Post("/unsubscribe/{token}", [unsubscribe](const Request& r) { return unsubscribe->Unsubscribe(r); });
  router.Post("/unsubscribe/{token}/again", [unsubscribe](const Request& r) { return unsubscribe->Again(r); });

  // Community map data (map/map_api.h): clusters and places, who is at a place, by country
  if (map_api != nullptr) {
    router.Get("/api/v1/map", [map_api](const Request& r) { return map_api->Map(r); });
    router.Get("/api/v1/map/members", [map_api](const Request& r) { return map_api->Members(r); });
    router.Get("/api/v1/map/countries", [map_api](const Request& r) { return map_api->Countries(r); });
  }

  // Editorial workflow: editors' and reviewers' screens (articles/editorial_pages.h)
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
  router.Get("/static/{file...}",
             [&site](const Request& r) { return pages::StaticFilePage(site.static_files, r, r.Param("file")); }, kInline);
  router.Get("/favicon.ico", [&site](const Request& r) { return site.static_files.Serve(r, "favicon.svg"); }, kInline);

  // Operations (health/health_handlers.h); /__test/slow only with --test-hooks, for the
  // test suite's shutdown and load tests
  router.Get("/healthz", [&site](const Request&) { return health::Healthz(site.db, site.draining()); });
  router.Get("/metrics", [&site](const Request&) { return health::MetricsPage(site.metrics); }, kInline);
  if (site.test_hooks) router.Get("/__test/slow", [](const Request& r) { return health::SlowForTests(r); });
}

}  // namespace diseasemaps
