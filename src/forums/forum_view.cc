// The forums' view models (see forum_view.h).
#include "forums/forum_view.h"

#include <functional>
#include <map>
#include <unordered_map>

#include "forums/forum_rules.h"
#include "http/url.h"
#include "pages/moment.h"
#include "platform/i18n.h"
#include "platform/markdown.h"
#include "platform/templates.h"
#include "platform/text.h"

namespace diseasemaps::forums {
namespace {

using nlohmann::json;

// The site-wide forums seeded by migration 0017, in words the catalogues translate.
struct SiteForumWords {
  const char* title;
  const char* description;
};
const std::map<std::string, SiteForumWords>& SiteForums() {
  static const std::map<std::string, SiteForumWords> words = {
      {"general", {i18n::N_("General"), i18n::N_("Anything about living with a rare condition that has no better place.")}},
      {"caregivers", {i18n::N_("Caregivers"), i18n::N_("For parents, partners and everyone who looks after someone.")}},
      {"research-news", {i18n::N_("Research news"), i18n::N_("New studies, trials and findings, and what they mean.")}},
      {"about-this-site", {i18n::N_("About this site"), i18n::N_("Questions, ideas and problems with DiseaseMaps itself.")}},
  };
  return words;
}

std::string Number(long long n) { return i18n::FormatNumber(i18n::CurrentLanguage(), n); }

std::string ForumHref(const Forum& forum) { return "/forums/" + forum.slug; }

std::string ReadersSentence(guard::ForumReaders readers) {
  return readers == guard::ForumReaders::kEveryone
             ? i18n::Tr("Everyone can read this forum, without signing in. Members who are signed in can write here.")
             : i18n::Tr("Only signed-in members can read this forum: what is written here is not shown to visitors "
                        "or search engines.");
}

std::string SignInHref(const std::string& back) { return "/login?next=" + http::PercentEncode(back); }

// A list's address with its choices and page ("/forums/x?list=top&period=week&page=2").
std::string ListHref(const std::string& base, const std::string& list, const std::string& period, long long page) {
  std::string query;
  auto add = [&](const std::string& part) { query += (query.empty() ? "?" : "&") + part; };
  if (list != "latest") add("list=" + list);
  if (list == "top" && period != "all") add("period=" + period);
  if (page > 1) add("page=" + std::to_string(page));
  return base + query;
}

json PagerView(long long page, long long page_count, const std::function<std::string(long long)>& href) {
  return {{"show", page_count > 1},
          {"page", Number(page)},
          {"page_count", Number(page_count)},
          {"has_previous", page > 1},
          {"previous_href", href(page - 1)},
          {"has_next", page < page_count},
          {"next_href", href(page + 1)}};
}

}  // namespace

// A seeded forum's words are translated while they are still the seeded English ones; an
// administrator's own words (/admin/forums) are shown as written.
std::string ForumTitle(const Forum& forum) {
  if (!forum.orphacode) {
    auto found = SiteForums().find(forum.slug);
    if (found != SiteForums().end() && forum.title == found->second.title) return i18n::Tr(found->second.title);
  }
  return forum.title;
}

std::string ForumDescription(const Forum& forum) {
  if (forum.orphacode) {
    return i18n::Tr("The community of people with {condition}, their families and those who care for them.",
                    {{"condition", forum.title}});
  }
  auto found = SiteForums().find(forum.slug);
  if (found != SiteForums().end() && forum.description == found->second.description) {
    return i18n::Tr(found->second.description);
  }
  return forum.description;
}

std::string AuthorName(const std::string& name, bool deleted) { return deleted ? i18n::Tr("Deleted member") : name; }

namespace {

std::string RenderPostHtml(const std::string& body) {
  MarkdownOptions options;
  options.first_heading_level = 3;
  options.link_rel = "nofollow ugc";
  auto rendered = RenderMarkdown(body, options);
  if (rendered.ok()) return rendered->html;
  return "<p class=\"post-plain\">" + EscapeMarkup(body) + "</p>";
}

// The HTML each thread keeps, in bytes (texts and HTML); past it, it starts again.
constexpr std::size_t kKeptPostHtmlBytes = 1 << 20;

}  // namespace

// The HTML depends on the text alone, and parsing takes cmark-gfm's one global lock
// (platform/markdown.cc): each thread keeps the HTML of the texts it rendered last, so
// the pages read most often render their posts without parsing or waiting.
std::string PostHtml(const std::string& body) {
  thread_local std::unordered_map<std::string, std::string> kept;
  thread_local std::size_t kept_bytes = 0;
  if (auto it = kept.find(body); it != kept.end()) return it->second;
  std::string html = RenderPostHtml(body);
  const std::size_t bytes = body.size() + html.size();
  if (bytes <= kKeptPostHtmlBytes / 16) {
    if (kept_bytes + bytes > kKeptPostHtmlBytes) {
      kept.clear();
      kept_bytes = 0;
    }
    kept.emplace(body, html);
    kept_bytes += bytes;
  }
  return html;
}

long long ListChoice::Since(long long now) const {
  if (order != TopicOrder::kTop) return 0;
  if (period == "week") return now - 7LL * 24 * 60 * 60;
  if (period == "month") return now - 30LL * 24 * 60 * 60;
  return 0;
}

std::optional<ListChoice> ParseListChoice(const std::optional<std::string>& list,
                                          const std::optional<std::string>& period) {
  ListChoice choice;
  choice.list = list.value_or("latest");
  if (choice.list == "latest") choice.order = TopicOrder::kLatest;
  else if (choice.list == "top") choice.order = TopicOrder::kTop;
  else if (choice.list == "unanswered") choice.order = TopicOrder::kUnanswered;
  else return std::nullopt;
  choice.period = period.value_or("all");
  if (choice.period != "week" && choice.period != "month" && choice.period != "all") return std::nullopt;
  if (choice.order != TopicOrder::kTop && period) return std::nullopt;  // only top has periods
  return choice;
}

json IndexView(const guard::Viewer& viewer, const std::vector<Forum>& forums) {
  json site = json::array();
  json conditions = json::array();
  for (const Forum& forum : forums) {
    const bool readable = guard::CanReadForum(viewer, forum.readers);
    json item = {{"href", ForumHref(forum)},
                 {"title", ForumTitle(forum)},
                 {"description", ForumDescription(forum)},
                 {"members_only", forum.readers == guard::ForumReaders::kMembers},
                 {"show_counts", readable},
                 {"topics", i18n::Plural("{count} topic", "{count} topics", forum.topic_count)},
                 {"posts", i18n::Plural("{count} post", "{count} posts", forum.post_count)},
                 {"last_post_time", readable && forum.last_post_at > 0 ? pages::MomentView(forum.last_post_at) : json(nullptr)},
                 {"unread", forum.unread_topics > 0 ? json(Number(forum.unread_topics)) : json(nullptr)},
                 {"unread_label", i18n::Plural("{count} topic with posts you have not read",
                                               "{count} topics with posts you have not read", forum.unread_topics)},
                 {"my_community", forum.my_community}};
    (forum.orphacode ? conditions : site).push_back(std::move(item));
  }
  return {{"title", i18n::Tr("Forums")},
          {"description", i18n::Tr("Forums where people with rare conditions, their families and carers ask, "
                                   "answer and help each other.")},
          {"site_forums", site},
          {"condition_forums", conditions},
          {"has_condition_forums", !conditions.empty()},
          {"signed_in", viewer.signed_in()}};
}

json ForumView(const guard::Viewer& viewer, const Forum& forum, const ListChoice& choice, const TopicList& list,
               long long page) {
  const std::string base = ForumHref(forum);
  auto tab = [&](const std::string& name, const std::string& label) {
    return json{{"label", label}, {"href", ListHref(base, name, "all", 1)}, {"current", choice.list == name}};
  };
  auto period = [&](const std::string& name, const std::string& label) {
    return json{{"label", label}, {"href", ListHref(base, "top", name, 1)}, {"current", choice.period == name}};
  };
  const long long page_count = list.total == 0 ? 1 : (list.total + kTopicsPerPage - 1) / kTopicsPerPage;
  const std::string empty = choice.order == TopicOrder::kUnanswered ? i18n::Tr("Every topic here has a reply.")
                            : choice.order == TopicOrder::kTop
                                ? i18n::Tr("Nothing was written or found helpful here in this period.")
                                : i18n::Tr("No topics yet. Be the first to ask or share something.");
  return {{"title", ForumTitle(forum)},
          {"description", ForumDescription(forum)},
          {"noindex", forum.readers == guard::ForumReaders::kMembers},
          {"forum_title", ForumTitle(forum)},
          {"forum_description", ForumDescription(forum)},
          {"readers_sentence", ReadersSentence(forum.readers)},
          {"members_only", forum.readers == guard::ForumReaders::kMembers},
          {"condition_href", forum.orphacode ? json("/conditions/" + forum.slug) : json(nullptr)},
          {"manage_href", guard::CanManageForums(viewer) ? json("/admin/forums/" + forum.slug) : json(nullptr)},
          {"tabs", json::array({tab("latest", i18n::Tr("Latest")), tab("top", i18n::Tr("Top")),
                                tab("unanswered", i18n::Tr("Unanswered"))})},
          {"is_top", choice.order == TopicOrder::kTop},
          {"periods", json::array({period("week", i18n::Tr("This week")), period("month", i18n::Tr("This month")),
                                   period("all", i18n::Tr("All time"))})},
          {"has_topics", !list.topics.empty()},
          {"empty", empty},
          {"can_start", guard::CanStartTopic(viewer, forum.readers)},
          {"new_topic_href", base + "/new"},
          {"sign_in_href", viewer.signed_in() ? json(nullptr) : json(SignInHref(base))},
          {"paging", PagerView(page, page_count, [&](long long p) { return ListHref(base, choice.list, choice.period, p); })}};
}

json NewTopicView(const Forum& forum, const std::string& csrf, const std::string& title,
                  const std::string& title_error, const std::string& body, const std::string& body_error) {
  return {{"title", i18n::Tr("New topic in {forum_title}", {{"forum_title", ForumTitle(forum)}})},
          {"noindex", true},
          {"forum_title", ForumTitle(forum)},
          {"forum_href", ForumHref(forum)},
          {"readers_sentence", ReadersSentence(forum.readers)},
          {"action", ForumHref(forum) + "/new"},
          {"form_csrf", csrf},
          {"topic_title", title},
          {"title_error", TextOrNull(title_error)},
          {"body", body},
          {"body_error", TextOrNull(body_error)},
          {"title_limit", Number(static_cast<long long>(kMaxTitleCharacters))},
          {"body_limit", Number(static_cast<long long>(kMaxPostCharacters))},
          {"title_max", kMaxTitleCharacters}};
}

json TopicView(const guard::Viewer& viewer, const TopicPage& page_data, const std::string& path, long long page,
               long long page_count, const TopicFormView& form) {
  const Forum& forum = page_data.forum;
  const Topic& topic = page_data.topic;
  const bool can_reply = guard::CanReplyInTopic(viewer, forum.readers, topic.closed);
  json reply_to = nullptr;
  if (form.reply_to) {
    reply_to = {{"number", std::to_string(*form.reply_to)},
                {"number_text", Number(*form.reply_to)},
                {"href", PostHref(path, *form.reply_to)}};
  }
  const long long read = page_data.last_read_number;
  const bool has_unread = viewer.signed_in() && read > 0 && read < topic.post_count;
  return {{"title", topic.title},
          {"noindex", forum.readers == guard::ForumReaders::kMembers},
          {"canonical", page > 1 ? json(nullptr) : json(path)},
          {"topic_title", topic.title},
          {"forum_title", ForumTitle(forum)},
          {"forum_href", ForumHref(forum)},
          {"readers_sentence", ReadersSentence(forum.readers)},
          {"members_only", forum.readers == guard::ForumReaders::kMembers},
          {"closed", topic.closed},
          {"notice", TextOrNull(form.notice)},
          {"first_unread_href", has_unread ? json(PostHref(path, read + 1)) : json(nullptr)},
          {"paging", PagerView(page, page_count,
                              [&](long long p) { return p <= 1 ? path : path + "?page=" + std::to_string(p); })},
          {"can_reply", can_reply},
          {"reply_action", path},
          {"form_csrf", form.csrf},
          {"body", form.body},
          {"body_error", TextOrNull(form.error)},
          {"body_limit", Number(static_cast<long long>(kMaxPostCharacters))},
          {"reply_to", reply_to},
          {"cancel_reply_href", path + "#reply"},
          {"sign_in_href", viewer.signed_in() ? json(nullptr) : json(SignInHref(path))}};
}

json EditView(const Forum& forum, const TopicPage& topic, const Post& post, const std::string& csrf,
              const std::string& title, const std::string& title_error, const std::string& body,
              const std::string& body_error, long long now) {
  const std::string path = TopicPath(forum.slug, topic.topic.id, topic.topic.title);
  const std::string action =
      "/forums/" + forum.slug + "/t/" + std::to_string(topic.topic.id) + "/posts/" + std::to_string(post.number) + "/edit";
  return {{"title", i18n::Tr("Edit your post")},
          {"noindex", true},
          {"forum_title", ForumTitle(forum)},
          {"forum_href", ForumHref(forum)},
          {"topic_title", topic.topic.title},
          {"post_href", PostHref(path, post.number)},
          {"action", action},
          {"form_csrf", csrf},
          {"is_first", post.number == 1},
          {"topic_title_value", title},
          {"title_error", TextOrNull(title_error)},
          {"body", body},
          {"body_error", TextOrNull(body_error)},
          {"keeps_history", EditKeepsHistory(post.created_at, now)},
          {"title_limit", Number(static_cast<long long>(kMaxTitleCharacters))},
          {"body_limit", Number(static_cast<long long>(kMaxPostCharacters))},
          {"title_max", kMaxTitleCharacters}};
}

std::string FlagReasonWords(const std::string& reason) {
  if (reason == "off_topic") return i18n::Tr("Off topic");
  if (reason == "unkind") return i18n::Tr("Unkind");
  if (reason == "spam") return i18n::Tr("Spam");
  if (reason == "misinformation") return i18n::Tr("Medical misinformation");
  if (reason == "other") return i18n::Tr("Something else");
  return reason;
}

void AddForumToCommunityBox(json& box, const std::string& condition_slug) {
  box["forum_href"] = "/forums/" + condition_slug;
}

}  // namespace diseasemaps::forums
