// The forums' view models: what each page shows, built from the store's records and the
// guard's answers for the viewer, as JSON for the templates (web/templates/forum*.mustache).
//
// What it guarantees: every text is in the page's language (site-wide forums' names and
// descriptions too); a post is shown as Markdown rendered in safe mode with links
// rel="nofollow ugc", a deleted one as "deleted by its author" without its words, a
// deleted account's as "Deleted member"; a visitor sees no counts of a members-only
// forum; each action is offered only where the guard allows it. Pure apart from the
// current language; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "forums/forum_store.h"
#include "guard/guard.h"

namespace diseasemaps::forums {

// A forum's name and description in the current language.
std::string ForumTitle(const Forum& forum);
std::string ForumDescription(const Forum& forum);
// A post's author as pages sign it: their name, or "Deleted member".
std::string AuthorName(const std::string& name, bool deleted);
// A post's text as HTML: Markdown in safe mode, links rel="nofollow ugc"; text too long
// for the renderer is shown as escaped plain text. Each thread keeps the HTML of the
// texts it rendered last (about 1 MiB), as it depends on the text alone.
std::string PostHtml(const std::string& body);

// Which list a forum's page shows, from ?list= and ?period=.
struct ListChoice {
  TopicOrder order = TopicOrder::kLatest;
  std::string list = "latest";  // latest, top, unanswered
  std::string period = "all";   // for top: week, month, all
  // The start of the period at `now` (0 for all time and the other lists).
  long long Since(long long now) const;
};
// nullopt for a list or period the forum does not have.
std::optional<ListChoice> ParseListChoice(const std::optional<std::string>& list,
                                          const std::optional<std::string>& period);

// /forums.
nlohmann::json IndexView(const guard::Viewer& viewer, const std::vector<Forum>& forums);
// /forums/{slug}, page `page` of `list`, without its rows (forum_topic_rows.h: their
// HTML goes in as "topics_html").
nlohmann::json ForumView(const guard::Viewer& viewer, const Forum& forum, const ListChoice& choice,
                         const TopicList& list, long long page);
// /forums/{slug}/new, with what was typed and the messages beside the fields.
nlohmann::json NewTopicView(const Forum& forum, const std::string& csrf, const std::string& title,
                            const std::string& title_error, const std::string& body, const std::string& body_error);

// The reply form under a topic.
struct TopicFormView {
  std::string csrf;
  std::string body;
  std::string error;
  std::optional<long long> reply_to;  // the post answered, when one was chosen
  std::string notice;                 // what the last step did ("" for none)
};
// A topic's page `page` of `page_count`, at `path` (its own address), without its posts
// (forum_post_card.h: their HTML goes in as "posts_html").
nlohmann::json TopicView(const guard::Viewer& viewer, const TopicPage& topic, const std::string& path, long long page,
                         long long page_count, const TopicFormView& form);
// The edit form of `post`; says whether the edit will keep the current text as history.
nlohmann::json EditView(const Forum& forum, const TopicPage& topic, const Post& post, const std::string& csrf,
                        const std::string& title, const std::string& title_error, const std::string& body,
                        const std::string& body_error, long long now);

// A flag's reason in words ("spam" -> "Spam").
std::string FlagReasonWords(const std::string& reason);

// Adds the link to a condition's forum (forum_href) to its page's community box.
void AddForumToCommunityBox(nlohmann::json& box, const std::string& condition_slug);

}  // namespace diseasemaps::forums
