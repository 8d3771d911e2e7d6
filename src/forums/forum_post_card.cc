// A topic's posts as cards, and their HTML through the fragment memo (see forum_post_card.h).
#include "forums/forum_post_card.h"

#include "forums/forum_fragments.h"
#include "forums/forum_moderation_view.h"
#include "forums/forum_rules.h"
#include "forums/forum_view.h"
#include "pages/moment.h"
#include "platform/i18n.h"

namespace diseasemaps::forums {
namespace {

using nlohmann::json;

std::string Number(long long n) { return i18n::FormatNumber(i18n::CurrentLanguage(), n); }

json FlagReasons() {
  json reasons = json::array();
  for (const char* reason : {"off_topic", "unkind", "spam", "misinformation", "other"}) {
    reasons.push_back({{"value", reason}, {"label", FlagReasonWords(reason)}});
  }
  return reasons;
}

json HistoryView(const Post& post) {
  json history = json::array();
  for (const Revision& r : post.history) {
    history.push_back({{"html", PostHtml(r.body)},
                       {"old_title", r.title ? json(*r.title) : json(nullptr)},
                       {"written_time", pages::MomentView(r.written_at)},
                       {"replaced_time", pages::MomentView(r.replaced_at)},
                       {"moderator_reason", r.moderator_reason ? json(*r.moderator_reason) : json(nullptr)},
                       {"by_moderator", r.moderator_reason.has_value()}});
  }
  return history;
}

}  // namespace

std::vector<PostCard> PostCards(const guard::Viewer& viewer, const TopicPage& page, std::string_view path,
                                std::string_view actions) {
  const Forum& forum = page.forum;
  const bool can_reply = guard::CanReplyInTopic(viewer, forum.readers, page.topic.closed);
  const bool reads_hidden = guard::Can(viewer, guard::Action::kModerateReports);
  const bool can_suspend = guard::Can(viewer, guard::Action::kSuspendAccounts);
  std::vector<PostCard> cards;
  cards.reserve(page.posts.size());
  for (const Post& post : page.posts) {
    const guard::ForumPostFacts facts{post.author_id, post.deleted, page.topic.closed};
    PostCard card;
    card.post = &post;
    card.path = path;
    card.actions = actions;
    card.mine = viewer.user_id == post.author_id;
    // A post the flags hid: its author and moderators still read it, others only that it is hidden.
    card.hidden = post.hidden && !post.deleted;
    card.shown = !post.deleted && (!card.hidden || reads_hidden || card.mine);
    card.unread = viewer.signed_in() && page.last_read_number > 0 && post.number > page.last_read_number;
    card.can_help = !card.hidden && guard::CanMarkPostHelpful(viewer, forum.readers, facts);
    card.can_edit = guard::CanEditForumPost(viewer, forum.readers, facts);
    card.can_delete = guard::CanDeleteForumPost(viewer, forum.readers, facts);
    card.can_flag = !card.hidden && guard::CanFlagForumPost(viewer, forum.readers, facts);
    card.can_reply = can_reply && !post.deleted && !card.hidden;
    card.can_moderate = guard::CanModerateForumPost(viewer, forum.readers, facts);
    card.can_suspend = card.can_moderate && can_suspend;
    cards.push_back(std::move(card));
  }
  return cards;
}

FragmentKey PostCardKey(const PostCard& card) {
  const Post& post = *card.post;
  FragmentKey key;
  key.Add(card.path).Add(card.actions);
  key.Add(card.mine).Add(card.hidden).Add(card.shown).Add(card.unread).Add(card.can_help).Add(card.can_edit);
  key.Add(card.can_delete).Add(card.can_flag).Add(card.can_reply).Add(card.can_moderate).Add(card.can_suspend);
  key.Add(post.number).Add(std::string_view(post.author_name)).Add(post.author_deleted).Add(post.author_synthetic);
  key.Add(std::string_view(post.body)).Add(post.reply_to_number).Add(std::string_view(post.reply_to_author));
  key.Add(post.reply_to_author_deleted).Add(post.created_at).Add(post.edited_at).Add(post.deleted);
  key.Add(post.hidden).Add(post.hidden_by_moderator).Add(post.helped_count).Add(post.helped_by_me);
  key.Add(static_cast<long long>(post.history.size()));
  for (const Revision& r : post.history) {
    key.Add(std::string_view(r.body)).Add(r.title).Add(r.written_at).Add(r.replaced_at).Add(r.moderator_reason);
  }
  key.Add(static_cast<long long>(card.extras.mention_hrefs.size()));
  for (const auto& [handle, href] : card.extras.mention_hrefs) key.Add(std::string_view(handle)).Add(std::string_view(href));
  key.Add(card.extras.quote_href).Add(std::string_view(card.extras.quote_head)).Add(card.extras.mention_handle);
  return key;
}

json PostCardView(const PostCard& card) {
  const Post& post = *card.post;
  const std::string path(card.path);
  const std::string actions(card.actions);
  const std::string n = std::to_string(post.number);
  json reply_to = nullptr;
  if (post.reply_to_number) {
    reply_to = {{"href", PostHref(path, *post.reply_to_number)},
                {"number_text", Number(*post.reply_to_number)},
                {"author", AuthorName(post.reply_to_author, post.reply_to_author_deleted)}};
  }
  json p = json::object();
  p["number"] = n;
  p["number_text"] = Number(post.number);
  p["author"] = AuthorName(post.author_name, post.author_deleted);
  p["synthetic"] = post.author_synthetic;
  p["mine"] = card.mine;
  p["when"] = pages::MomentView(post.created_at);
  p["edited_time"] = post.edited_at && !post.deleted ? pages::MomentView(*post.edited_at) : json(nullptr);
  p["deleted"] = post.deleted;
  p["hidden"] = card.hidden;
  p["hidden_from_viewer"] = card.hidden && !card.shown;
  p["shown"] = card.shown;
  p["html"] = card.shown ? LinkMentions(PostHtml(post.body), card.extras.mention_hrefs) : std::string();
  p["reply_to"] = std::move(reply_to);
  p["unread"] = card.unread;
  p["permalink"] = PostHref(path, post.number);
  p["helped_count"] = post.helped_count > 0 ? json(i18n::Plural("This helped {count} member",
                                                                "This helped {count} members", post.helped_count))
                                            : json(nullptr);
  p["can_help"] = card.can_help;
  p["helped_by_me"] = post.helped_by_me;
  p["helped_action"] = actions + n + "/helped";
  p["can_edit"] = card.can_edit;
  p["edit_href"] = actions + n + "/edit";
  p["can_delete"] = card.can_delete;
  p["can_flag"] = card.can_flag;
  p["flag_action"] = actions + n + "/flag";
  p["flag_reasons"] = FlagReasons();
  p["delete_action"] = actions + n + "/delete";
  p["can_reply"] = card.can_reply;
  p["reply_href"] = path + "?reply_to=" + n + "#reply";
  if (card.extras.quote_href) {
    p["quote_href"] = *card.extras.quote_href;
    p["quote_head"] = card.extras.quote_head;
  }
  p["mention_handle"] = card.extras.mention_handle ? json(*card.extras.mention_handle) : json(nullptr);
  p["has_history"] = !post.history.empty();
  p["history_label"] = post.history.empty()
                           ? std::string()
                           : i18n::Plural("{count} earlier version", "{count} earlier versions",
                                          static_cast<long long>(post.history.size()));
  p["history"] = HistoryView(post);
  p["form_csrf"] = CsrfPlaceholder();
  AddPostModeration(card, p);
  return p;
}

std::string RenderPostCards(FragmentMemo& memo, const std::vector<PostCard>& cards, const std::string& csrf) {
  std::string html;
  html.reserve(cards.size() * 4096);
  for (const PostCard& card : cards) {
    memo.AppendRendered("forum_post", PostCardKey(card), [&card] { return PostCardView(card); }, html);
  }
  FillCsrf(html, csrf);
  return html;
}

}  // namespace diseasemaps::forums
