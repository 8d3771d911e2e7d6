// The pages of notifications (see notification_pages.h).
#include "notifications/notification_pages.h"

#include "forums/forum_rules.h"
#include "notifications/notification_mail.h"
#include "pages/access.h"
#include "pages/error_pages.h"
#include "pages/moment.h"
#include "pages/paging.h"
#include "platform/fragment_memo.h"
#include "platform/i18n.h"
#include "platform/templates.h"
#include "platform/text.h"

namespace diseasemaps::notifications {
namespace {

using nlohmann::json;

constexpr int kPerPage = 20;
constexpr const char* kUnavailable =
    i18n::N_("Notifications are unavailable right now. Please try again in a moment.");
constexpr const char* kSignIn = i18n::N_("Sign in to see your notifications.");
constexpr const char* kNoForum = i18n::N_(
    "There is no forum at this address. Every condition has one under its own address, and /forums lists the "
    "others.");
constexpr const char* kNoTopic = i18n::N_("There is no topic at this address in this forum. Nothing was changed.");

http::Response Unavailable(const http::Request& request) {
  return pages::ErrorPage(&request, 503, i18n::Tr(kUnavailable));
}

std::string Number(long long n) { return i18n::FormatNumber(i18n::CurrentLanguage(), n); }

std::string Sentence(const Notification& n) {
  return NotificationSentence(n.kind, n.actor_deleted ? i18n::Tr("Deleted member") : n.actor_name, n.topic_title);
}

struct LevelWords {
  WatchLevel level;
  const char* label;
  const char* hint;
};
constexpr LevelWords kLevels[] = {
    {WatchLevel::kWatching, i18n::N_("Watching"), i18n::N_("a notification for every new post")},
    {WatchLevel::kTracking, i18n::N_("Tracking"), i18n::N_("counts of new posts only")},
    {WatchLevel::kNormal, i18n::N_("Normal"), i18n::N_("only when someone replies to you, quotes or mentions you")},
    {WatchLevel::kMuted, i18n::N_("Muted"), i18n::N_("nothing at all")},
};

// The watch control's view: a form that sets `level` at `action`.
json WatchView(const std::string& action, const std::string& csrf, WatchLevel current, bool topic) {
  json levels = json::array();
  std::string current_label;
  for (const LevelWords& words : kLevels) {
    const bool chosen = words.level == current;
    if (chosen) current_label = i18n::Tr(words.label);
    levels.push_back({{"value", WatchLevelName(words.level)},
                      {"label", i18n::Tr("{level}: {hint}", {{"level", i18n::Tr(words.label)}, {"hint", i18n::Tr(words.hint)}})},
                      {"selected", chosen}});
  }
  return {{"action", action},
          {"csrf", csrf},
          {"levels", levels},
          {"id", topic ? "watch-topic" : "watch-forum"},
          {"legend", topic ? i18n::Tr("Notifications for this topic") : i18n::Tr("Notifications for this forum")},
          {"current", i18n::Tr("Now: {level}", {{"level", current_label}})}};
}

// The watch control as HTML: the same for every page of a forum or topic the member
// reads, so it is remembered by its four inputs (and the language) and its view built
// only when it is not.
std::string WatchHtml(const std::string& action, const std::string& csrf, WatchLevel current, bool topic) {
  static FragmentMemo kept(std::size_t{1} << 20);
  FragmentKey key;
  key.Add(std::string_view(action)).Add(std::string_view(csrf)).Add(static_cast<long long>(current)).Add(topic);
  std::string html;
  kept.AppendRendered("forum_watch", key, [&] { return WatchView(action, csrf, current, topic); }, html);
  return html;
}

// The level a watch form sent; nullopt for anything else.
std::optional<WatchLevel> LevelField(const http::Request& request) {
  return ParseWatchLevel(std::string(TrimWhitespace(request.FormField("level"))));
}

http::Response UnknownLevel(const http::Request& request) {
  return pages::ErrorPage(&request, 400,
                          i18n::Tr("Choose how closely to follow: watching, tracking, normal or muted. Nothing was "
                                   "changed."));
}

}  // namespace

void NotificationPages::AddHeaderFields(const guard::Viewer& viewer, json& layout) {
  if (!guard::CanReadNotifications(viewer)) return;
  auto unread = store_.UnreadCount(*viewer.user_id);
  const long long n = unread.ok() ? *unread : 0;
  layout["notifications_link"] = true;
  layout["notifications_unread"] = n > 0 ? json(Number(n)) : json(nullptr);
  layout["notifications_label"] =
      i18n::Plural("Notifications, {count} unread", "Notifications, {count} unread", n);
}

http::Response NotificationPages::List(const http::Request& request) {
  if (auto refused = pages::RequireAllowed(request, guard::CanReadNotifications(request.viewer), kSignIn)) {
    return *refused;
  }
  auto page = pages::ParsePageNumber(request.Query("page"));
  if (!page.ok()) return pages::ErrorPage(&request, 400, page.status().message());
  auto list = store_.List(*request.viewer.user_id, (*page - 1) * kPerPage, kPerPage);
  if (!list.ok()) return Unavailable(request);
  const long long page_count = list->total == 0 ? 1 : (list->total + kPerPage - 1) / kPerPage;
  if (*page > page_count) {
    return pages::ErrorPage(&request, 404,
                            i18n::Plural("This list has only {count} page.", "This list has only {count} pages.",
                                         page_count));
  }
  json items = json::array();
  bool any_unread = false;
  for (const Notification& n : list->items) {
    any_unread = any_unread || !n.read;
    items.push_back({{"href", "/notifications/" + std::to_string(n.id)},
                     {"sentence", Sentence(n)},
                     {"post_text", i18n::Tr("post {number}", {{"number", Number(n.post_number)}})},
                     {"when", pages::MomentView(n.created_at)},
                     {"unread", !n.read}});
  }
  const long long p = *page;
  json view = {{"title", i18n::Tr("Notifications")},
               {"noindex", true},
               {"items", items},
               {"empty", items.empty()},
               {"any_unread", any_unread},
               {"csrf", request.csrf_token},
               {"paging",
                {{"show", page_count > 1},
                 {"page", Number(p)},
                 {"page_count", Number(page_count)},
                 {"has_previous", p > 1},
                 {"previous_href", "/notifications?page=" + std::to_string(p - 1)},
                 {"has_next", p < page_count},
                 {"next_href", "/notifications?page=" + std::to_string(p + 1)}}}};
  return http::Response::Html(Templates::RenderPage("notifications", view)).NoStore();
}

http::Response NotificationPages::Open(const http::Request& request) {
  if (auto refused = pages::RequireAllowed(request, guard::CanReadNotifications(request.viewer), kSignIn)) {
    return *refused;
  }
  const auto id = ParsePositiveInteger(request.Param("id"));
  const std::string missing = i18n::Tr("You have no notification with this number.");
  if (!id) return pages::ErrorPage(&request, 404, missing);
  auto opened = store_.Open(*request.viewer.user_id, *id, pages::NowSeconds());
  if (!opened.ok()) {
    return opened.status().code() == Status::Code::kNotFound ? pages::ErrorPage(&request, 404, missing)
                                                             : Unavailable(request);
  }
  const std::string path = forums::TopicPath(opened->forum_slug, opened->topic_id, opened->topic_title);
  return http::Response::Redirect(forums::PostHref(path, opened->post_number), 303);
}

http::Response NotificationPages::MarkAllRead(const http::Request& request) {
  if (auto refused = pages::RequireAllowed(request, guard::CanReadNotifications(request.viewer), kSignIn)) {
    return *refused;
  }
  if (!store_.MarkAllRead(*request.viewer.user_id, pages::NowSeconds()).ok()) return Unavailable(request);
  return http::Response::Redirect("/notifications", 303);
}

http::Response NotificationPages::WatchForum(const http::Request& request) {
  auto forum = forums_.FindForum(request.Param("slug"), std::nullopt);
  if (!forum.ok()) {
    return forum.status().code() == Status::Code::kNotFound ? pages::ErrorPage(&request, 404, i18n::Tr(kNoForum))
                                                            : Unavailable(request);
  }
  if (auto refused = pages::RequireAllowed(request, guard::CanWatchForum(request.viewer, forum->readers), kSignIn)) {
    return *refused;
  }
  const auto level = LevelField(request);
  if (!level) return UnknownLevel(request);
  if (forum->id == 0) {
    return pages::ErrorPage(&request, 409,
                            i18n::Tr("Nothing has been written in this forum yet, so there is nothing to follow. "
                                     "Start a topic, or come back later. Nothing was changed."));
  }
  if (!store_.SetForumLevel(*request.viewer.user_id, forum->id, *level, pages::NowSeconds()).ok()) {
    return Unavailable(request);
  }
  return http::Response::Redirect("/forums/" + forum->slug + "#watch-forum", 303);
}

http::Response NotificationPages::WatchTopic(const http::Request& request) {
  auto forum = forums_.FindForum(request.Param("slug"), std::nullopt);
  if (!forum.ok()) {
    return forum.status().code() == Status::Code::kNotFound ? pages::ErrorPage(&request, 404, i18n::Tr(kNoForum))
                                                            : Unavailable(request);
  }
  if (auto refused = pages::RequireAllowed(request, guard::CanWatchForum(request.viewer, forum->readers), kSignIn)) {
    return *refused;
  }
  const auto id = forums::TopicIdOf(request.Param("topic"));
  if (!id || forum->id == 0) return pages::ErrorPage(&request, 404, i18n::Tr(kNoTopic));
  const auto level = LevelField(request);
  if (!level) return UnknownLevel(request);
  auto topic = forums_.OpenTopic(*forum, *id, 1, 0, std::nullopt);
  if (!topic.ok()) {
    return topic.status().code() == Status::Code::kNotFound ? pages::ErrorPage(&request, 404, i18n::Tr(kNoTopic))
                                                            : Unavailable(request);
  }
  if (!store_.SetTopicLevel(*request.viewer.user_id, *id, *level, pages::NowSeconds()).ok()) {
    return Unavailable(request);
  }
  return http::Response::Redirect(forums::TopicPath(forum->slug, *id, topic->topic.title) + "#watch-topic", 303);
}

void NotificationPages::AddForumFields(const http::Request& request, const forums::Forum& forum, json& view) {
  if (forum.id == 0 || !guard::CanWatchForum(request.viewer, forum.readers)) return;
  auto level = store_.ForumLevel(*request.viewer.user_id, forum.id);
  if (!level.ok()) return;
  view["watch_html"] = WatchHtml("/forums/" + forum.slug + "/watch", request.csrf_token,
                                 level->value_or(WatchLevel::kNormal), false);
}

void NotificationPages::AddTopicFields(const http::Request& request, const forums::TopicPage& topic,
                                       const std::string& path, std::vector<forums::PostCard>& cards, json& view) {
  // @mentions link to the member's page when that member may read the forum.
  std::set<long long> ids;
  std::vector<std::vector<Mention>> mentions;
  for (const forums::Post& post : topic.posts) {
    mentions.push_back(ParseMentions(post.body));
    for (const Mention& m : mentions.back()) ids.insert(m.user_id);
  }
  std::map<long long, std::string> names;
  if (!ids.empty()) {
    auto readers = store_.ReadersAmong(ids, topic.forum.readers);
    if (readers.ok()) names = std::move(*readers);
  }
  const std::optional<long long> quote = ParsePositiveInteger(request.Query("quote").value_or(""));
  const bool can_reply = view.value("can_reply", false);
  for (std::size_t i = 0; i < cards.size() && i < mentions.size(); ++i) {
    forums::PostCard& card = cards[i];
    const forums::Post& post = *card.post;
    if (!names.empty() && card.shown) {
      for (const Mention& m : mentions[i]) {
        auto name = names.find(m.user_id);
        if (name != names.end() && MemberHandle(name->second, m.user_id) == m.handle) {
          card.extras.mention_hrefs[m.handle] = "/members/" + std::to_string(m.user_id);
        }
      }
    }
    if (!card.can_reply) continue;
    const std::string number = std::to_string(post.number);
    const std::string author = post.author_deleted ? i18n::Tr("Deleted member") : post.author_name;
    const std::string head = i18n::Tr("In [post {number}](#post-{number}), {author} wrote:",
                                      {{"number", number}, {"author", EscapeMarkdownText(author)}});
    const long long page = forums::PageOfPost(post.number);
    card.extras.quote_href = path + "?" + (page > 1 ? "page=" + std::to_string(page) + "&" : "") + "quote=" + number +
                             "#reply";
    card.extras.quote_head = head;
    if (!post.author_deleted) card.extras.mention_handle = "@" + MemberHandle(post.author_name, post.author_id);
    // Without script, "Quote" comes back here with ?quote=N: the reply box holds the post.
    if (can_reply && quote == post.number && view.value("body", "").empty()) {
      view["body"] = QuoteMarkdown(head, post.body);
      view["reply_to"] = {{"number", number},
                          {"number_text", Number(post.number)},
                          {"href", forums::PostHref(path, post.number)}};
    }
  }
  if (can_reply) view["scripts"] = json::array({"/static/js/forum-quote.js"});
  if (topic.forum.id != 0 && guard::CanWatchForum(request.viewer, topic.forum.readers)) {
    auto level = store_.TopicLevel(*request.viewer.user_id, topic.topic.id);
    if (level.ok()) {
      const std::string action = "/forums/" + topic.forum.slug + "/t/" + std::to_string(topic.topic.id) + "/watch";
      view["watch_html"] = WatchHtml(action, request.csrf_token, level->value_or(WatchLevel::kNormal), true);
    }
  }
}

}  // namespace diseasemaps::notifications
