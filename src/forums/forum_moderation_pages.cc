// The handlers of forum moderation (see forum_moderation_pages.h).
#include "forums/forum_moderation_pages.h"

#include "forums/forum_moderation_view.h"
#include "forums/forum_rules.h"
#include "forums/forum_view.h"
#include "mail/outbox_store.h"
#include "pages/access.h"
#include "pages/error_pages.h"
#include "pages/paging.h"
#include "platform/i18n.h"
#include "platform/templates.h"
#include "platform/text.h"

namespace diseasemaps::forums {
namespace {

using nlohmann::json;

constexpr int kLogLinesPerPage = 30;
constexpr const char* kUnavailable = i18n::N_("The forums are unavailable right now. Please try again in a moment.");
constexpr const char* kNoForum = i18n::N_(
    "There is no forum at this address. Every condition has one under its own address, and /forums lists the "
    "others.");
constexpr const char* kNoTopic = i18n::N_(
    "There is no topic at this address in this forum. It may have been moved, or the address may be incomplete.");
constexpr const char* kNoPost = i18n::N_("There is no post with this number in this topic.");
constexpr const char* kMembersOnly = i18n::N_(
    "This forum is for signed-in members only, and your account cannot read it at the moment.");
constexpr const char* kModeratorsOnly =
    i18n::N_("Only moderators and administrators can moderate the forums. Nothing was changed.");

http::Response Unavailable(const http::Request& request) {
  return pages::ErrorPage(&request, 503, i18n::Tr(kUnavailable));
}

// The message to the author of what a moderator did, in their language: what happened,
// the reason, where to read it (not for a deleted topic) and the forum's public log.
mail::Mail ModerationMail(const ModerationSubject& author, const std::string& public_url, ModerationAction action,
                          const std::optional<Forum>& to, const std::string& link_path, const std::string& log_path,
                          const std::string& reason) {
  i18n::ScopedLanguage in(author.language);
  const std::string other_forum = to ? ForumTitle(*to) : "";
  const auto absolute = [&](const std::string& path) {
    return public_url + i18n::PrefixPath(author.language, path);
  };
  json view = {{"what", ModerationMailWords(action, other_forum)},
               {"topic", author.topic_title},
               {"has_topic", !author.topic_title.empty()},
               {"reason", reason},
               {"has_reason", !reason.empty()},
               {"link", link_path.empty() ? "" : absolute(link_path)},
               {"has_link", !link_path.empty()},
               {"log", absolute(log_path)}};
  return {author.email, author.author_id, i18n::Tr("A moderator's decision about what you wrote on DiseaseMaps"),
          Templates::Render("mail_forum_moderation", view)};
}

// Why the guard said no, with the status that fits.
http::Response Refusal(const http::Request& request, const ModerationFacts& facts) {
  if (facts.post && facts.post->deleted) {
    return pages::ErrorPage(&request, 409,
                            i18n::Tr("This post was deleted by its author: there is nothing left to moderate. "
                                     "Nothing was changed."));
  }
  if (facts.post && request.viewer.user_id == facts.post->author_id) {
    return pages::ErrorPage(&request, 403,
                            i18n::Tr("Moderators do not moderate their own posts: edit or delete it as its author, "
                                     "or ask another moderator. Nothing was changed."));
  }
  return pages::ErrorPage(&request, 403, i18n::Tr(kModeratorsOnly));
}

// 409: the action would change nothing.
http::Response Unchanged(const http::Request& request, ModerationAction action) {
  std::string why;
  switch (action) {
    case ModerationAction::kHide: why = i18n::Tr("A moderator has hidden this post already."); break;
    case ModerationAction::kRestore: why = i18n::Tr("This post is not hidden."); break;
    case ModerationAction::kEdit: why = i18n::Tr("The new text is the same as the post's."); break;
    case ModerationAction::kClose: why = i18n::Tr("This topic is closed already."); break;
    case ModerationAction::kReopen: why = i18n::Tr("This topic is open already."); break;
    case ModerationAction::kPin: why = i18n::Tr("This topic is pinned already."); break;
    case ModerationAction::kUnpin: why = i18n::Tr("This topic is not pinned."); break;
    case ModerationAction::kMove: why = i18n::Tr("This topic is in that forum already."); break;
    case ModerationAction::kDelete: why = i18n::Tr("This topic was deleted already."); break;
  }
  return pages::ErrorPage(&request, 409, why + " " + i18n::Tr("Nothing was changed."));
}

}  // namespace

std::optional<http::Response> ForumModerationPages::LoadForum(const http::Request& request, Forum& forum) {
  auto found = forums_.FindForum(request.Param("slug"), request.viewer.user_id);
  if (!found.ok()) {
    return found.status().code() == Status::Code::kNotFound ? pages::ErrorPage(&request, 404, i18n::Tr(kNoForum))
                                                            : Unavailable(request);
  }
  forum = std::move(*found);
  return pages::RequireAllowed(request, guard::CanReadForum(request.viewer, forum.readers), kMembersOnly);
}

http::Response ForumModerationPages::ModeratePost(const http::Request& request, ModerationAction action) {
  Forum forum;
  if (auto refused = LoadForum(request, forum)) return *refused;
  if (auto refused = pages::RequireAllowed(request, guard::CanModerateForum(request.viewer, forum.readers),
                                           kModeratorsOnly)) {
    return *refused;
  }
  const auto topic = TopicIdOf(request.Param("topic"));
  if (!topic) return pages::ErrorPage(&request, 404, i18n::Tr(kNoTopic));
  const auto number = ParsePositiveInteger(request.Param("number"));
  if (!number) return pages::ErrorPage(&request, 404, i18n::Tr(kNoPost));
  ModerationRequest moderation;
  moderation.action = action;
  moderation.topic_id = *topic;
  moderation.number = *number;
  if (action == ModerationAction::kEdit) {
    const TextCheck body = CheckPostBody(request.FormField("body"));
    if (!body.ok()) return pages::ErrorPage(&request, 422, body.error + " " + i18n::Tr("Nothing was changed."));
    moderation.body = body.text;
  }
  return Moderate(request, forum, std::move(moderation));
}

http::Response ForumModerationPages::ModerateTopic(const http::Request& request, ModerationAction action) {
  Forum forum;
  if (auto refused = LoadForum(request, forum)) return *refused;
  if (auto refused = pages::RequireAllowed(request, guard::CanModerateForum(request.viewer, forum.readers),
                                           kModeratorsOnly)) {
    return *refused;
  }
  const auto topic = TopicIdOf(request.Param("topic"));
  if (!topic) return pages::ErrorPage(&request, 404, i18n::Tr(kNoTopic));
  ModerationRequest moderation;
  moderation.action = action;
  moderation.topic_id = *topic;
  if (action == ModerationAction::kMove) {
    std::string slug(TrimWhitespace(request.FormField("forum")));
    if (slug.starts_with("/forums/")) slug = slug.substr(8);
    auto to = slug.empty() ? Result<Forum>(Status::NotFound("no such forum")) : forums_.FindForum(slug, std::nullopt);
    if (!to.ok()) {
      if (to.status().code() != Status::Code::kNotFound) return Unavailable(request);
      return pages::ErrorPage(&request, 422,
                              i18n::Tr("Give the address of the forum to move the topic to: what follows /forums/ "
                                       "in its address, such as general or a condition's name. Nothing was "
                                       "changed."));
    }
    moderation.to = std::move(*to);
  }
  return Moderate(request, forum, std::move(moderation));
}

http::Response ForumModerationPages::Moderate(const http::Request& request, const Forum& forum,
                                              ModerationRequest moderation) {
  const ModerationAction action = moderation.action;
  const TextCheck reason = CheckModerationReason(action, request.FormField("reason"));
  if (!reason.ok()) return pages::ErrorPage(&request, 422, reason.error + " " + i18n::Tr("Nothing was changed."));
  moderation.reason = reason.text;
  moderation.moderator_id = *request.viewer.user_id;
  moderation.now = pages::NowSeconds();
  const guard::Viewer& viewer = request.viewer;
  // Where the topic is once the action is done ("" once deleted).
  const std::string slug_after = moderation.to ? moderation.to->slug : forum.slug;
  std::string link_path;
  auto done = store_.Moderate(
      forum, moderation,
      [&](const ModerationFacts& facts) {
        if (action == ModerationAction::kMove) {
          return guard::CanMoveForumTopic(viewer, facts.readers, facts.to_readers.value_or(facts.readers));
        }
        if (facts.post) return guard::CanModerateForumPost(viewer, facts.readers, *facts.post);
        return guard::CanModerateForum(viewer, facts.readers);
      },
      [&](soci::session& sql, const ModerationSubject& author) -> Status {
        if (action != ModerationAction::kDelete) {
          const std::string topic_path = TopicPath(slug_after, moderation.topic_id, author.topic_title);
          link_path = OnPost(action) ? PostHref(topic_path, moderation.number) : topic_path;
        }
        if (!author.reachable) return Status::Ok();
        mail::EnqueueIn(sql,
                        ModerationMail(author, settings_.public_url, action, moderation.to, link_path,
                                       ModerationLogPath(forum.slug), moderation.reason),
                        moderation.now);
        return Status::Ok();
      });
  if (!done.ok()) {
    if (done.status().code() != Status::Code::kNotFound) return Unavailable(request);
    if (done.status().message() == "no such forum") {
      return pages::ErrorPage(&request, 422, i18n::Tr("The forum to move the topic to is gone. Nothing was changed."));
    }
    const char* missing = done.status().message() == "no such post" ? kNoPost : kNoTopic;
    return pages::ErrorPage(&request, 404, i18n::Tr(missing));
  }
  if (done->outcome == Moderated::Outcome::kRefused) return Refusal(request, done->facts);
  if (done->outcome == Moderated::Outcome::kUnchanged) return Unchanged(request, action);
  if (page_cache_ != nullptr) page_cache_->Invalidate();
  if (action == ModerationAction::kDelete) {
    return http::Response::Redirect(ModerationLogPath(forum.slug) + "?done=delete", 303);
  }
  return http::Response::Redirect(link_path, 303);
}

http::Response ForumModerationPages::Log(const http::Request& request) {
  Forum forum;
  if (auto refused = LoadForum(request, forum)) return *refused;
  auto page = pages::ParsePageNumber(request.Query("page"));
  if (!page.ok()) return pages::ErrorPage(&request, 400, page.status().message());
  auto log = store_.Log(forum, (*page - 1) * kLogLinesPerPage, kLogLinesPerPage);
  if (!log.ok()) return Unavailable(request);
  const long long page_count = log->total == 0 ? 1 : (log->total + kLogLinesPerPage - 1) / kLogLinesPerPage;
  if (*page > page_count) {
    return pages::ErrorPage(&request, 404,
                            i18n::Plural("This log has only {count} page.", "This log has only {count} pages.",
                                         page_count));
  }
  json view = ModerationLogView(forum, *log, *page, page_count);
  if (request.Query("done").value_or("") == "delete" && guard::CanModerateForum(request.viewer, forum.readers)) {
    view["notice"] = i18n::Tr("The topic and its posts were deleted; its author was told why.");
  }
  http::Response response = http::Response::Html(Templates::RenderPage("forum_moderation", view));
  if (request.viewer.signed_in()) response.NoStore();
  return response;
}

}  // namespace diseasemaps::forums
