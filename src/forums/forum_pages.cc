// The handlers of the forums (see forum_pages.h); the view models are in forum_view.cc.
#include "forums/forum_pages.h"

#include "app/limits.h"
#include "forums/forum_moderation_view.h"
#include "forums/forum_fragments.h"
#include "forums/forum_rules.h"
#include "forums/forum_topic_rows.h"
#include "forums/forum_view.h"
#include "pages/access.h"
#include "pages/error_pages.h"
#include "pages/paging.h"
#include "platform/i18n.h"
#include "platform/markdown.h"
#include "platform/templates.h"
#include "platform/text.h"

namespace diseasemaps::forums {
namespace {

using nlohmann::json;

constexpr const char* kUnavailable = i18n::N_("The forums are unavailable right now. Please try again in a moment.");
constexpr const char* kNoForum = i18n::N_(
    "There is no forum at this address. Every condition has one under its own address, and /forums lists the "
    "others.");
constexpr const char* kNoTopic = i18n::N_(
    "There is no topic at this address in this forum. It may have been moved, or the address may be incomplete.");
constexpr const char* kNoPost = i18n::N_("There is no post with this number in this topic.");
constexpr const char* kMembersOnly = i18n::N_(
    "This forum is for signed-in members only, and your account cannot read it at the moment.");

http::Response Unavailable(const http::Request& request) {
  return pages::ErrorPage(&request, 503, i18n::Tr(kUnavailable));
}

std::optional<long long> ViewerId(const http::Request& request) { return request.viewer.user_id; }

// The context of a post's write: who, when, and what the new members' limits count in it.
WriteContext PostContext(const http::Request& request, const std::string& body) {
  WriteContext ctx{*request.viewer.user_id, pages::NowSeconds()};
  auto rendered = RenderMarkdown(body);
  // A link within the page ("#post-3", as a quote names its post) is no spam.
  ctx.links = 0;
  if (rendered.ok()) {
    for (const MarkdownLink& link : rendered->links) ctx.links += link.url.starts_with("#") ? 0 : 1;
  }
  ctx.mentions = CountMentions(body);
  return ctx;
}

// The message beside the post's field when a new member's post has too many links or
// mentions; "" for any other outcome.
std::string NewMemberTextLimit(const Written& written, const WriteContext& ctx) {
  const std::string language = i18n::CurrentLanguage();
  const std::string posts = i18n::FormatNumber(language, limits::kForumNewMemberPosts);
  if (written.outcome == Written::Outcome::kTooManyLinks) {
    return i18n::Tr("During their first week, and until they have written {posts} posts, members can put at most "
                    "{limit} links in a post, to keep the forums free of spam. This one has {count}. Nothing was "
                    "posted.",
                    {{"posts", posts},
                     {"limit", i18n::FormatNumber(language, limits::kForumNewMemberLinks)},
                     {"count", i18n::FormatNumber(language, static_cast<long long>(ctx.links))}});
  }
  if (written.outcome == Written::Outcome::kTooManyMentions) {
    return i18n::Tr("During their first week, and until they have written {posts} posts, members can mention at "
                    "most {limit} members in a post. This one mentions {count}. Nothing was posted.",
                    {{"posts", posts},
                     {"limit", i18n::FormatNumber(language, limits::kForumNewMemberMentions)},
                     {"count", i18n::FormatNumber(language, static_cast<long long>(ctx.mentions))}});
  }
  return "";
}

// 429 for a new member over a daily limit; nullopt for any other outcome.
std::optional<http::Response> NewMemberDailyLimit(const http::Request& request, const Written& written) {
  const std::string language = i18n::CurrentLanguage();
  const std::string posts = i18n::FormatNumber(language, limits::kForumNewMemberPosts);
  if (written.outcome == Written::Outcome::kTooManyTopicsToday) {
    return pages::TooManyRequests(
        request, written.retry_after,
        i18n::Tr("During their first week, and until they have written {posts} posts, members can start at most "
                 "{limit} topics a day. Nothing was posted; you can still reply in existing topics.",
                 {{"posts", posts}, {"limit", i18n::FormatNumber(language, limits::kForumNewMemberTopicsPerDay)}}));
  }
  if (written.outcome == Written::Outcome::kTooManyPostsToday) {
    return pages::TooManyRequests(
        request, written.retry_after,
        i18n::Tr("During their first week, and until they have written {posts} posts, members can write at most "
                 "{limit} posts a day. Nothing was posted.",
                 {{"posts", posts}, {"limit", i18n::FormatNumber(language, limits::kForumNewMemberPostsPerDay)}}));
  }
  return std::nullopt;
}

http::Response TooManyPosts(const http::Request& request, long long wait) {
  return pages::TooManyRequests(
      request, wait,
      i18n::Tr("You have written {limit} posts in the last hour, the most we allow. Nothing was posted.",
               {{"limit", i18n::FormatNumber(i18n::CurrentLanguage(), limits::kForumPostsPerHour)}}));
}

// What a refused write was, to say why in words.
enum class Step { kTopic, kReply, kEdit, kDelete, kHelped, kFlag };

// The answer when the guard said no to `step` on these facts: why, with the status
// that fits (409 for the state of the topic or post, 403 for who asks).
http::Response Refusal(const http::Request& request, Step step, const WriteFacts& facts) {
  const guard::Viewer& viewer = request.viewer;
  if (!viewer.signed_in()) return *pages::RequireAllowed(request, false, "");
  if (facts.post && facts.post->deleted) {
    return pages::ErrorPage(&request, 409,
                            i18n::Tr("This post was deleted by its author, so nothing more can be done with it. "
                                     "Nothing was changed."));
  }
  if (facts.post && (step == Step::kEdit || step == Step::kDelete) && viewer.user_id != facts.post->author_id) {
    return pages::ErrorPage(&request, 403,
                            i18n::Tr("You can edit or delete only your own posts. Nothing was changed."));
  }
  if (facts.post && step == Step::kHelped && viewer.user_id == facts.post->author_id) {
    return pages::ErrorPage(&request, 403,
                            i18n::Tr("“This helped me” is for other members' posts, not your own. Nothing was "
                                     "changed."));
  }
  if (facts.post && step == Step::kFlag && viewer.user_id == facts.post->author_id) {
    return pages::ErrorPage(&request, 403,
                            i18n::Tr("You cannot flag your own post; you can edit or delete it instead. Nothing was "
                                     "changed."));
  }
  if (facts.topic_closed && step != Step::kDelete && step != Step::kFlag) {
    return pages::ErrorPage(&request, 409,
                            i18n::Tr("This topic is closed: it takes no more replies, edits or reactions. Nothing "
                                     "was changed."));
  }
  if (!viewer.email_confirmed) {
    return pages::ErrorPage(&request, 403,
                            i18n::Tr("Confirm your e-mail address before you post: follow the link we sent you. "
                                     "Nothing was posted."));
  }
  return pages::ErrorPage(&request, 403, i18n::Tr("Your account cannot write in this forum. Nothing was posted."));
}

// A post's number from the address; nullopt for anything but a positive number.
std::optional<long long> NumberParam(const http::Request& request) {
  return ParsePositiveInteger(request.Param("number"));
}

// "reply_to" of a reply form: absent or empty is none; anything else must be a number.
Result<std::optional<long long>> ReplyToField(const http::Request& request) {
  const std::string typed = std::string(TrimWhitespace(request.FormField("reply_to")));
  if (typed.empty()) return std::optional<long long>();
  auto number = ParsePositiveInteger(typed);
  if (!number) return Status::InvalidArgument("reply_to");
  return std::optional<long long>(*number);
}

// The answer to a write the store refused or could not do.
http::Response WriteFailed(const http::Request& request, const Status& status) {
  if (status.code() == Status::Code::kNotFound) {
    const char* missing = status.message() == "no such post" ? kNoPost : kNoTopic;
    return pages::ErrorPage(&request, 404, i18n::Tr(missing));
  }
  return Unavailable(request);
}

// The topic and the post's number in …/t/{topic}/posts/{number}, for a signed-in viewer;
// otherwise the response to send (the sign-in page, 404 for a malformed topic or number).
std::optional<http::Response> ReadPostAddress(const http::Request& request, long long& topic_id, long long& number) {
  if (auto refused = pages::RequireAllowed(request, request.viewer.signed_in(), kMembersOnly)) return refused;
  const auto id = TopicIdOf(request.Param("topic"));
  const auto n = NumberParam(request);
  if (!id) return pages::ErrorPage(&request, 404, i18n::Tr(kNoTopic));
  if (!n) return pages::ErrorPage(&request, 404, i18n::Tr(kNoPost));
  topic_id = *id;
  number = *n;
  return std::nullopt;
}

// What the guard asks of a write to one post (guard::CanEditForumPost and the like).
using PostGuard = bool (*)(const guard::Viewer&, guard::ForumReaders, const guard::ForumPostFacts&);

// Runs `write`, a store write to one post taking the guard's decision, with `may` asked
// on the facts read in its transaction. nullopt with `written` set when the store wrote;
// otherwise the response to send: the store's failure, or why the guard refused `step`.
template <typename Write>
std::optional<http::Response> WritePost(const http::Request& request, Step step, PostGuard may, const Write& write,
                                        Written& written) {
  WriteFacts seen;
  Result<Written> result = write([&](const WriteFacts& facts) {
    seen = facts;
    return may(request.viewer, facts.readers, *facts.post);
  });
  if (!result.ok()) return WriteFailed(request, result.status());
  if (result->outcome == Written::Outcome::kRefused) return Refusal(request, step, seen);
  written = std::move(*result);
  return std::nullopt;
}

}  // namespace

void ForumPages::Invalidate() {
  if (page_cache_ != nullptr) page_cache_->Invalidate();
}

std::optional<http::Response> ForumPages::LoadForum(const http::Request& request, forums::Forum& forum) {
  auto found = store_.FindForum(request.Param("slug"), ViewerId(request));
  if (!found.ok()) {
    return found.status().code() == Status::Code::kNotFound ? pages::ErrorPage(&request, 404, i18n::Tr(kNoForum))
                                                            : Unavailable(request);
  }
  forum = std::move(*found);
  return pages::RequireAllowed(request, guard::CanReadForum(request.viewer, forum.readers), kMembersOnly);
}

http::Response ForumPages::Index(const http::Request& request) {
  auto forums = store_.ListForums(ViewerId(request));
  if (!forums.ok()) return Unavailable(request);
  return http::Response::Html(Templates::RenderPage("forums_index", IndexView(request.viewer, *forums)));
}

http::Response ForumPages::ForumPage(const http::Request& request) {
  forums::Forum forum;
  if (auto refused = LoadForum(request, forum)) return *refused;
  auto page = pages::ParsePageNumber(request.Query("page"));
  if (!page.ok()) return pages::ErrorPage(&request, 400, page.status().message());
  auto choice = ParseListChoice(request.Query("list"), request.Query("period"));
  if (!choice) {
    return pages::ErrorPage(&request, 400,
                            i18n::Tr("Choose a list this forum has: latest, top (of the week, the month or all "
                                     "time) or unanswered."));
  }
  const long long now = pages::NowSeconds();
  auto topics = store_.Topics(forum, choice->order, choice->Since(now), (*page - 1) * kTopicsPerPage, kTopicsPerPage,
                              ViewerId(request));
  if (!topics.ok()) return Unavailable(request);
  const long long pages_count = topics->total == 0 ? 1 : (topics->total + kTopicsPerPage - 1) / kTopicsPerPage;
  if (*page > pages_count) {
    return pages::ErrorPage(&request, 404,
                            i18n::Plural("This list has only {count} page.", "This list has only {count} pages.",
                                         pages_count));
  }
  json view = ForumView(request.viewer, forum, *choice, *topics, *page);
  if (forum_extras_) forum_extras_(request, forum, view);
  AddForumModeration(forum, view);
  std::string rows = RenderTopicRows(*fragments_, request.viewer, forum, *choice, *topics);
  view["topics_html"] = Templates::Slot(0);
  http::Response response = http::Response::Html(Templates::RenderPage("forum", view, *pages_, {std::move(rows)}));
  if (request.viewer.signed_in()) response.NoStore();
  return response;
}

http::Response ForumPages::NewTopicPage(const http::Request& request, const forums::Forum& forum,
                                        const FormState& form, unsigned status) {
  json view = NewTopicView(forum, request.csrf_token, form.title, form.title_error, form.body, form.body_error);
  return http::Response::Html(Templates::RenderPage("forum_new_topic", view), status).NoStore();
}

http::Response ForumPages::NewTopicForm(const http::Request& request) {
  forums::Forum forum;
  if (auto refused = LoadForum(request, forum)) return *refused;
  if (!guard::CanStartTopic(request.viewer, forum.readers)) {
    WriteFacts facts;
    facts.readers = forum.readers;
    return Refusal(request, Step::kTopic, facts);
  }
  return NewTopicPage(request, forum, {}, 200);
}

http::Response ForumPages::CreateTopic(const http::Request& request) {
  forums::Forum forum;
  if (auto refused = LoadForum(request, forum)) return *refused;
  WriteFacts seen;
  seen.readers = forum.readers;
  if (!guard::CanStartTopic(request.viewer, forum.readers)) return Refusal(request, Step::kTopic, seen);
  FormState form;
  form.title = request.FormField("title");
  form.body = request.FormField("body");
  const TextCheck title = CheckTopicTitle(form.title);
  const TextCheck body = CheckPostBody(form.body);
  if (!title.ok() || !body.ok()) {
    form.title_error = title.error;
    form.body_error = body.error;
    return NewTopicPage(request, forum, form, 422);
  }
  const WriteContext ctx = PostContext(request, body.text);
  auto written = store_.CreateTopic(ctx, forum, title.text, body.text,
                                    [&](const WriteFacts& facts) {
                                      seen = facts;
                                      return guard::CanStartTopic(request.viewer, facts.readers);
                                    });
  if (!written.ok()) return WriteFailed(request, written.status());
  if (written->outcome == Written::Outcome::kRefused) return Refusal(request, Step::kTopic, seen);
  if (written->outcome == Written::Outcome::kTooManyPosts) return TooManyPosts(request, written->retry_after);
  if (auto daily = NewMemberDailyLimit(request, *written)) return *daily;
  if (std::string limit = NewMemberTextLimit(*written, ctx); !limit.empty()) {
    form.body_error = limit;
    return NewTopicPage(request, forum, form, 422);
  }
  Invalidate();
  return http::Response::Redirect(TopicPath(forum.slug, written->topic_id, written->title), 303);
}

http::Response ForumPages::ShowTopic(const http::Request& request, const forums::Forum& forum, long long topic_id,
                                     const FormState& form, unsigned status) {
  auto page = pages::ParsePageNumber(request.Query("page"));
  if (!page.ok()) return pages::ErrorPage(&request, 400, page.status().message());
  const bool plain_visit = status == 200;
  // A form sent back with a mistake shows the last page, where the form is.
  long long shown = *page;
  if (!plain_visit) {
    auto head = store_.OpenTopic(forum, topic_id, 1, 0, std::nullopt);
    if (!head.ok()) return WriteFailed(request, head.status());
    shown = PageOfPost(std::max(1LL, head->topic.post_count));
  }
  const long long first = (shown - 1) * kPostsPerPage + 1;
  auto topic = store_.OpenTopic(forum, topic_id, first, kPostsPerPage, ViewerId(request));
  if (!topic.ok()) {
    if (plain_visit && topic.status().code() == Status::Code::kNotFound) return MovedTopic(request, forum, topic_id);
    return WriteFailed(request, topic.status());
  }
  const long long pages_count = PageOfPost(std::max(1LL, topic->topic.post_count));
  if (shown > pages_count) {
    return pages::ErrorPage(&request, 404,
                            i18n::Plural("This topic has only {count} page.", "This topic has only {count} pages.",
                                         pages_count));
  }
  const std::string path = TopicPath(forum.slug, topic_id, topic->topic.title);
  // The title words are for people; an address with other words (an old title, a cut
  // link) goes to the topic's own address.
  if (plain_visit && request.path != path) {
    return http::Response::Redirect(path + (request.raw_query.empty() ? "" : "?" + request.raw_query), 301);
  }
  // A plain visit by a member reads the page; a form sent back with a mistake does not.
  if (plain_visit && request.viewer.signed_in() && !topic->posts.empty() &&
      topic->posts.back().number > topic->last_read_number) {
    // A page is shown even when the position cannot be kept this time.
    (void)store_.MarkRead(*request.viewer.user_id, topic_id, topic->posts.back().number, pages::NowSeconds());
  }
  TopicFormView reply;
  reply.csrf = request.csrf_token;
  reply.body = form.body;
  reply.error = form.body_error;
  reply.reply_to = form.reply_to;
  if (plain_visit) {
    if (auto to = ParsePositiveInteger(request.Query("reply_to").value_or(""))) reply.reply_to = *to;
    if (request.Query("done").value_or("") == "flagged") {
      reply.notice = i18n::Tr("Thank you. Moderators will look at the post you flagged; its author is never told "
                              "who flagged it.");
    }
  }
  json view = TopicView(request.viewer, *topic, path, shown, pages_count, reply);
  const std::string actions = "/forums/" + forum.slug + "/t/" + std::to_string(topic_id) + "/posts/";
  std::vector<PostCard> cards = PostCards(request.viewer, *topic, path, actions);
  if (topic_extras_) topic_extras_(request, *topic, path, cards, view);
  AddTopicModeration(request.viewer, *topic, request.csrf_token, view);
  std::string posts = RenderPostCards(*fragments_, cards, request.csrf_token);
  view["posts_html"] = Templates::Slot(0);
  http::Response response =
      http::Response::Html(Templates::RenderPage("forum_topic", view, *pages_, {std::move(posts)}), status);
  if (request.viewer.signed_in() || !plain_visit) response.NoStore();
  return response;
}

http::Response ForumPages::Topic(const http::Request& request) {
  forums::Forum forum;
  if (auto refused = LoadForum(request, forum)) return *refused;
  const auto id = TopicIdOf(request.Param("topic"));
  if (!id) return pages::ErrorPage(&request, 404, i18n::Tr(kNoTopic));
  return ShowTopic(request, forum, *id, {}, 200);
}

http::Response ForumPages::MovedTopic(const http::Request& request, const forums::Forum& forum, long long topic_id) {
  // A topic a moderator moved keeps its old address: it answers with the new one, for
  // those who may read the forum it went to (to others it is not here).
  using Moved = std::optional<ForumStore::TopicHome>;
  // A forum without a row never held a topic.
  Result<Moved> home = forum.id == 0 ? Result<Moved>(Moved()) : store_.FindMovedTopic(topic_id, forum.id);
  if (!home.ok()) return Unavailable(request);
  if (!*home || !guard::CanReadForum(request.viewer, (*home)->readers)) {
    return pages::ErrorPage(&request, 404, i18n::Tr(kNoTopic));
  }
  const std::string path = TopicPath((*home)->forum_slug, topic_id, (*home)->title);
  return http::Response::Redirect(path + (request.raw_query.empty() ? "" : "?" + request.raw_query), 301);
}

http::Response ForumPages::Reply(const http::Request& request) {
  forums::Forum forum;
  if (auto refused = LoadForum(request, forum)) return *refused;
  const auto id = TopicIdOf(request.Param("topic"));
  if (!id) return pages::ErrorPage(&request, 404, i18n::Tr(kNoTopic));
  WriteFacts seen;
  seen.readers = forum.readers;
  if (!guard::CanReplyInTopic(request.viewer, forum.readers, false)) return Refusal(request, Step::kReply, seen);
  auto reply_to = ReplyToField(request);
  if (!reply_to.ok()) {
    return pages::ErrorPage(&request, 400, i18n::Tr("Reply to a post from its own “Reply” link. Nothing was posted."));
  }
  FormState form;
  form.body = request.FormField("body");
  form.reply_to = *reply_to;
  const TextCheck body = CheckPostBody(form.body);
  if (!body.ok()) {
    form.body_error = body.error;
    return ShowTopic(request, forum, *id, form, 422);
  }
  const WriteContext ctx = PostContext(request, body.text);
  auto written = store_.Reply(ctx, forum, *id, body.text, *reply_to,
                              [&](const WriteFacts& facts) {
                                seen = facts;
                                return guard::CanReplyInTopic(request.viewer, facts.readers, facts.topic_closed);
                              });
  if (!written.ok()) return WriteFailed(request, written.status());
  switch (written->outcome) {
    case Written::Outcome::kDone: break;
    case Written::Outcome::kRefused: return Refusal(request, Step::kReply, seen);
    case Written::Outcome::kTooManyPosts: return TooManyPosts(request, written->retry_after);
    case Written::Outcome::kTooManyTopicsToday:
    case Written::Outcome::kTooManyPostsToday: return *NewMemberDailyLimit(request, *written);
    case Written::Outcome::kTooManyLinks:
    case Written::Outcome::kTooManyMentions:
      form.body_error = NewMemberTextLimit(*written, ctx);
      return ShowTopic(request, forum, *id, form, 422);
    case Written::Outcome::kNoSuchReplyTo:
      form.body_error = i18n::Tr("The post you are replying to is not in this topic. Reply to a post from its own "
                                 "“Reply” link.");
      form.reply_to.reset();
      return ShowTopic(request, forum, *id, form, 422);
  }
  Invalidate();
  return http::Response::Redirect(PostHref(TopicPath(forum.slug, *id, written->title), written->number), 303);
}

http::Response ForumPages::PostLink(const http::Request& request) {
  forums::Forum forum;
  if (auto refused = LoadForum(request, forum)) return *refused;
  const auto id = TopicIdOf(request.Param("topic"));
  if (!id) return pages::ErrorPage(&request, 404, i18n::Tr(kNoTopic));
  const auto number = NumberParam(request);
  if (!number) return pages::ErrorPage(&request, 404, i18n::Tr(kNoPost));
  auto topic = store_.OpenTopic(forum, *id, *number, 1, std::nullopt);
  if (!topic.ok()) return WriteFailed(request, topic.status());
  if (topic->posts.empty()) return pages::ErrorPage(&request, 404, i18n::Tr(kNoPost));
  return http::Response::Redirect(PostHref(TopicPath(forum.slug, *id, topic->topic.title), *number), 303);
}

http::Response ForumPages::EditPage(const http::Request& request, const forums::Forum& forum, long long topic_id,
                                    long long number, const FormState& form, unsigned status) {
  auto topic = store_.OpenTopic(forum, topic_id, number, 1, ViewerId(request));
  if (!topic.ok()) return WriteFailed(request, topic.status());
  if (topic->posts.empty()) return pages::ErrorPage(&request, 404, i18n::Tr(kNoPost));
  const Post& post = topic->posts.front();
  WriteFacts facts;
  facts.readers = forum.readers;
  facts.topic_closed = topic->topic.closed;
  facts.post = guard::ForumPostFacts{post.author_id, post.deleted, topic->topic.closed};
  if (!guard::CanEditForumPost(request.viewer, forum.readers, *facts.post)) {
    return Refusal(request, Step::kEdit, facts);
  }
  const bool typed = status != 200;
  json view = EditView(forum, *topic, post, request.csrf_token, typed ? form.title : topic->topic.title,
                       form.title_error, typed ? form.body : post.body, form.body_error, pages::NowSeconds());
  return http::Response::Html(Templates::RenderPage("forum_edit_post", view), status).NoStore();
}

http::Response ForumPages::EditForm(const http::Request& request) {
  forums::Forum forum;
  if (auto refused = LoadForum(request, forum)) return *refused;
  long long id = 0, number = 0;
  if (auto refused = ReadPostAddress(request, id, number)) return *refused;
  return EditPage(request, forum, id, number, {}, 200);
}

http::Response ForumPages::Edit(const http::Request& request) {
  forums::Forum forum;
  if (auto refused = LoadForum(request, forum)) return *refused;
  long long id = 0, number = 0;
  if (auto refused = ReadPostAddress(request, id, number)) return *refused;
  FormState form;
  form.title = request.FormField("title");
  form.body = request.FormField("body");
  const TextCheck body = CheckPostBody(form.body);
  std::optional<std::string> title;
  TextCheck title_check;
  if (number == 1) {
    title_check = CheckTopicTitle(form.title);
    if (title_check.ok()) title = title_check.text;
  }
  if (!body.ok() || !title_check.ok()) {
    form.body_error = body.error;
    form.title_error = title_check.error;
    return EditPage(request, forum, id, number, form, 422);
  }
  const WriteContext ctx = PostContext(request, body.text);
  Written written;
  if (auto refused = WritePost(request, Step::kEdit, guard::CanEditForumPost, [&](const MayWrite& may) {
        return store_.EditPost(ctx, forum, id, number, body.text, title, may);
      }, written)) {
    return *refused;
  }
  if (std::string limit = NewMemberTextLimit(written, ctx); !limit.empty()) {
    form.body_error = limit;
    return EditPage(request, forum, id, number, form, 422);
  }
  Invalidate();
  return http::Response::Redirect(PostHref(TopicPath(forum.slug, id, written.title), number), 303);
}

http::Response ForumPages::Delete(const http::Request& request) {
  forums::Forum forum;
  if (auto refused = LoadForum(request, forum)) return *refused;
  long long id = 0, number = 0;
  if (auto refused = ReadPostAddress(request, id, number)) return *refused;
  Written written;
  if (auto refused = WritePost(request, Step::kDelete, guard::CanDeleteForumPost, [&](const MayWrite& may) {
        return store_.DeletePost({*request.viewer.user_id, pages::NowSeconds()}, forum, id, number, may);
      }, written)) {
    return *refused;
  }
  Invalidate();
  return http::Response::Redirect(PostHref(TopicPath(forum.slug, id, written.title), number), 303);
}

http::Response ForumPages::Helped(const http::Request& request) {
  forums::Forum forum;
  if (auto refused = LoadForum(request, forum)) return *refused;
  long long id = 0, number = 0;
  if (auto refused = ReadPostAddress(request, id, number)) return *refused;
  const std::string helped = request.FormField("helped");
  if (helped != "1" && helped != "0") {
    return pages::ErrorPage(&request, 400,
                            i18n::Tr("Use the “This helped me” button of a post to say it helped you, or to take "
                                     "it back. Nothing was changed."));
  }
  Written written;
  if (auto refused = WritePost(request, Step::kHelped, guard::CanMarkPostHelpful, [&](const MayWrite& may) {
        return store_.SetHelped({*request.viewer.user_id, pages::NowSeconds()}, forum, id, number, helped == "1",
                                may);
      }, written)) {
    return *refused;
  }
  Invalidate();
  return http::Response::Redirect(PostHref(TopicPath(forum.slug, id, written.title), number), 303);
}

http::Response ForumPages::Flag(const http::Request& request) {
  forums::Forum forum;
  if (auto refused = LoadForum(request, forum)) return *refused;
  long long id = 0, number = 0;
  if (auto refused = ReadPostAddress(request, id, number)) return *refused;
  const auto reason = ParseFlagReason(request.FormField("reason"));
  if (!reason) {
    return pages::ErrorPage(&request, 422,
                            i18n::Tr("Choose why moderators should look at this post: off topic, unkind, spam, "
                                     "medical misinformation or something else. Nothing was sent."));
  }
  const TextCheck note = CheckFlagNote(*reason, request.FormField("note"));
  if (!note.ok()) return pages::ErrorPage(&request, 422, note.error + " " + i18n::Tr("Nothing was sent."));
  Written written;
  if (auto refused = WritePost(request, Step::kFlag, guard::CanFlagForumPost, [&](const MayWrite& may) {
        return store_.AddFlag({*request.viewer.user_id, pages::NowSeconds()}, forum, id, number,
                              FlagReasonName(*reason), note.text, may);
      }, written)) {
    return *refused;
  }
  if (written.hidden) Invalidate();
  const long long page = PageOfPost(number);
  return http::Response::Redirect(TopicPath(forum.slug, id, written.title) + "?" +
                                      (page > 1 ? "page=" + std::to_string(page) + "&" : "") + "done=flagged#post-" +
                                      std::to_string(number),
                                  303);
}

}  // namespace diseasemaps::forums
