// The handlers of the forums: /forums (every forum, with unread counts for a member),
// /forums/{slug} (a forum's latest, top and unanswered topics), /forums/{slug}/new (a
// new topic), /forums/{slug}/t/{id}-{title-words} (a topic, 20 posts a page, each at
// #post-N, and the reply form), and each post's permanent link, edit form, deletion,
// "this helped me" and flag (/forums/{slug}/t/{id}/posts/{n}…); and the flagged posts in
// the one reports queue (/admin/reports, shown by messages/report_pages.cc, handled at
// /admin/reports/posts/{id}; forum_flag_pages.cc).
//
// The guard decides every permission; the rules (forum_rules.h) check every text; the
// store does each step in one transaction. What they guarantee: every form works
// without JavaScript (a plain POST with the CSRF token the session gate checks); a
// members-only forum or topic sends a visitor to the sign-in page and shows them
// nothing of it; an unknown forum, topic or post is a 404 that says which; a form with
// a mistake comes back (422) with what was typed and a message beside the field, and
// changes nothing; a step the guard refuses (someone else's post, a closed topic) is a
// 403 or 409 with the reason; over the hourly limit, 429 with the wait in words. Posts
// are Markdown in safe mode, links rel="nofollow ugc". Public forums' pages are cached
// for visitors; every write clears the cache. Each post's HTML is remembered by everything
// it shows (forum_fragments.h), so a topic page renders only what changed. Thread-safe.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "accounts/member_events.h"
#include "forums/forum_post_card.h"
#include "forums/forum_store.h"
#include "http/request.h"
#include "platform/db/database.h"
#include "platform/fragment_memo.h"
#include "platform/page_cache.h"

namespace diseasemaps::forums {

struct ForumSettings {
  std::string public_url;  // for the links in e-mails, no trailing slash
  // Told when a flag suspends a post's author, after the commit (the map drops them).
  accounts::MemberChangedFn member_changed;
};

class ForumPages {
 public:
  ForumPages(Database& db, PageCache* page_cache, ForumSettings settings)
      : store_(db), page_cache_(page_cache), settings_(std::move(settings)) {}

  http::Response Index(const http::Request& request);           // GET /forums
  http::Response ForumPage(const http::Request& request);       // GET /forums/{slug}
  http::Response NewTopicForm(const http::Request& request);    // GET /forums/{slug}/new
  http::Response CreateTopic(const http::Request& request);     // POST /forums/{slug}/new
  http::Response Topic(const http::Request& request);           // GET /forums/{slug}/t/{topic}
  http::Response Reply(const http::Request& request);           // POST /forums/{slug}/t/{topic}
  http::Response PostLink(const http::Request& request);        // GET …/t/{topic}/posts/{number}
  http::Response EditForm(const http::Request& request);        // GET …/posts/{number}/edit
  http::Response Edit(const http::Request& request);            // POST …/posts/{number}/edit
  http::Response Delete(const http::Request& request);          // POST …/posts/{number}/delete
  http::Response Helped(const http::Request& request);          // POST …/posts/{number}/helped
  http::Response Flag(const http::Request& request);            // POST …/posts/{number}/flag
  http::Response HandleFlag(const http::Request& request);      // POST /admin/reports/posts/{id}

  // The reports queue's fields for the flagged posts (flags_open, flags_handled, …), for a
  // moderator; messages/ renders them beside the reported messages.
  void AddQueueFields(const http::Request& request, nlohmann::json& view);

  ForumStore& store() { return store_; }

  // More for a topic's page (its posts' cards, in the page's order, and the page's view;
  // `path` its address) and a forum's page, added by another feature (notifications/:
  // mention links, quotes, the watch control). REQUIRES: set before serving starts.
  using TopicExtras = std::function<void(const http::Request&, const TopicPage&, const std::string& path,
                                         std::vector<PostCard>& cards, nlohmann::json& view)>;
  using ForumExtras = std::function<void(const http::Request&, const Forum&, nlohmann::json& view)>;
  void SetTopicExtras(TopicExtras extras) { topic_extras_ = std::move(extras); }
  void SetForumExtras(ForumExtras extras) { forum_extras_ = std::move(extras); }

 private:
  // What a form sent back with a mistake holds.
  struct FormState {
    std::string title;
    std::string title_error;
    std::string body;
    std::string body_error;
    std::optional<long long> reply_to;
  };
  // The forum at {slug} if the viewer may read it; otherwise the response to send (404
  // for none, the sign-in page or 403 for a members-only one).
  std::optional<http::Response> LoadForum(const http::Request& request, forums::Forum& forum);
  http::Response ShowTopic(const http::Request& request, const forums::Forum& forum, long long topic_id,
                           const FormState& form, unsigned status);
  // A topic not in this forum: the redirect to where a moderator moved it, or 404.
  http::Response MovedTopic(const http::Request& request, const forums::Forum& forum, long long topic_id);
  http::Response NewTopicPage(const http::Request& request, const forums::Forum& forum, const FormState& form,
                              unsigned status);
  http::Response EditPage(const http::Request& request, const forums::Forum& forum, long long topic_id,
                          long long number, const FormState& form, unsigned status);
  void Invalidate();

  ForumStore store_;
  PageCache* page_cache_;
  ForumSettings settings_;
  TopicExtras topic_extras_;
  ForumExtras forum_extras_;
  // Posts and list rows as HTML, as each kind of viewer sees them (forum_fragments.h).
  std::shared_ptr<FragmentMemo> fragments_ = std::make_shared<FragmentMemo>();
  // Topic and list pages around their posts or rows, and the layout around them, as each
  // member last saw them (templates.h RenderPage with a memo).
  std::shared_ptr<FragmentMemo> pages_ = std::make_shared<FragmentMemo>();
};

}  // namespace diseasemaps::forums
