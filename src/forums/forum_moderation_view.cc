// The view models of forum moderation (see forum_moderation_view.h).
#include "forums/forum_moderation_view.h"

#include "forums/forum_fragments.h"
#include "forums/forum_moderation.h"
#include "forums/forum_rules.h"
#include "forums/forum_view.h"
#include "http/url.h"
#include "pages/moment.h"
#include "platform/i18n.h"
#include "platform/templates.h"

namespace diseasemaps::forums {
namespace {

using nlohmann::json;

std::string Number(long long n) { return i18n::FormatNumber(i18n::CurrentLanguage(), n); }

}  // namespace

std::string ModerationLogPath(const std::string& forum_slug) { return "/forums/" + forum_slug + "/moderation"; }

void AddPostModeration(const PostCard& card, json& view) {
  const Post& post = *card.post;
  view["hidden_by_moderator"] = post.hidden_by_moderator && !post.deleted;
  if (!card.can_moderate) return;
  const std::string actions = std::string(card.actions) + std::to_string(post.number);
  view["mod"] = {{"number", std::to_string(post.number)},
                 {"form_csrf", CsrfPlaceholder()},
                 {"can_hide", !post.hidden_by_moderator},
                 {"can_restore", post.hidden},
                 {"hide_action", actions + "/hide"},
                 {"restore_action", actions + "/restore"},
                 {"edit_action", actions + "/moderate-edit"},
                 {"body", post.body},
                 {"reports_href", "/admin/reports#flags-title"},
                 {"suspend_href", card.can_suspend ? json("/admin/users?q=" + http::PercentEncode(post.author_name))
                                                   : json(nullptr)}};
}

void AddTopicModeration(const guard::Viewer& viewer, const TopicPage& page, const std::string& csrf, json& view) {
  const Forum& forum = page.forum;
  const Topic& topic = page.topic;
  const std::string topic_actions = "/forums/" + forum.slug + "/t/" + std::to_string(topic.id);
  const bool moderator = guard::CanModerateForum(viewer, forum.readers);
  view["moderation_log_href"] = ModerationLogPath(forum.slug);
  view["pinned"] = topic.pinned;
  if (!moderator) return;
  view["moderation"] = {{"form_csrf", csrf},
                        {"closed", topic.closed},
                        {"pinned", topic.pinned},
                        {"close_action", topic_actions + "/close"},
                        {"reopen_action", topic_actions + "/reopen"},
                        {"pin_action", topic_actions + "/pin"},
                        {"unpin_action", topic_actions + "/unpin"},
                        {"move_action", topic_actions + "/move"},
                        {"delete_action", topic_actions + "/delete"},
                        {"posts_count", i18n::Plural("{count} post", "{count} posts", topic.post_count)}};
}

void AddForumModeration(const Forum& forum, json& view) {
  view["moderation_log_href"] = ModerationLogPath(forum.slug);
}

json ModerationLogView(const Forum& forum, const ModerationLog& log, long long page, long long page_count) {
  const std::string base = ModerationLogPath(forum.slug);
  json lines = json::array();
  for (const ModerationLogLine& line : log.lines) {
    const auto action = ParseModerationAction(line.action).value_or(ModerationAction::kHide);
    const std::string other = line.other_forum ? ForumTitle(*line.other_forum) : "";
    const bool topic_exists = !line.topic_forum_slug.empty();
    json href = nullptr;
    if (topic_exists) {
      const std::string topic_path = TopicPath(line.topic_forum_slug, line.topic_id, line.current_title);
      href = line.number ? PostHref(topic_path, *line.number) : topic_path;
    }
    lines.push_back({{"what", ModerationLogWords(action, other)},
                     {"topic_title", topic_exists ? json(line.topic_title) : json(nullptr)},
                     {"topic_gone", !topic_exists},
                     {"href", href},
                     {"post", line.number ? json(i18n::Tr("post {number}", {{"number", Number(*line.number)}}))
                                          : json(nullptr)},
                     {"reason", TextOrNull(line.reason)},
                     {"when", pages::MomentView(line.created_at)}});
  }
  auto href = [&](long long p) { return p <= 1 ? base : base + "?page=" + std::to_string(p); };
  return {{"title", i18n::Tr("Moderation log of {forum_title}", {{"forum_title", ForumTitle(forum)}})},
          {"noindex", forum.readers == guard::ForumReaders::kMembers},
          {"forum_title", ForumTitle(forum)},
          {"forum_href", "/forums/" + forum.slug},
          {"lines", lines},
          {"has_lines", !lines.empty()},
          {"paging",
           {{"show", page_count > 1},
            {"page", Number(page)},
            {"page_count", Number(page_count)},
            {"has_previous", page > 1},
            {"previous_href", href(page - 1)},
            {"has_next", page < page_count},
            {"next_href", href(page + 1)}}}};
}

}  // namespace diseasemaps::forums
