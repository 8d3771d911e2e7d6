// A post's card keys its HTML: a change to any input of the fragment (the post, its
// history, the viewer's facts, what notifications add) is a new key, and the HTML from
// the memo is the post's view rendered, with the request's CSRF token in its forms.
#include "forums/forum_post_card.h"

#include <functional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "forums/forum_fragments.h"
#include "platform/i18n.h"
#include "platform/templates.h"

namespace diseasemaps::forums {
namespace {

Post SamplePost() {
  Post post;
  post.id = 41;
  post.number = 3;
  post.author_id = 7;
  post.author_name = "Ana";
  post.body = "Hello @ben-9, *thanks*.";
  post.reply_to_number = 2;
  post.reply_to_author = "Ben";
  post.created_at = 1'780'000'000;
  post.helped_count = 2;
  post.history.push_back({"Hello", std::string("Old title"), 1'779'000'000, 1'779'500'000, std::nullopt});
  return post;
}

PostCard SampleCard(const Post& post) {
  PostCard card;
  card.post = &post;
  card.path = "/forums/general/t/5-hello";
  card.actions = "/forums/general/t/5/posts/";
  card.shown = true;
  card.can_help = true;
  card.can_flag = true;
  card.can_reply = true;
  return card;
}

TEST(PostCard, EveryInputOfTheFragmentChangesTheKey) {
  const Post base_post = SamplePost();
  const std::string base_key = PostCardKey(SampleCard(base_post)).text();
  using Change = std::function<void(Post&, PostCard&)>;
  const std::vector<std::pair<const char*, Change>> changes = {
      {"path", [](Post&, PostCard& c) { c.path = "/forums/general/t/5-hello-again"; }},
      {"actions", [](Post&, PostCard& c) { c.actions = "/forums/other/t/5/posts/"; }},
      {"mine", [](Post&, PostCard& c) { c.mine = true; }},
      {"hidden", [](Post&, PostCard& c) { c.hidden = true; }},
      {"shown", [](Post&, PostCard& c) { c.shown = false; }},
      {"unread", [](Post&, PostCard& c) { c.unread = true; }},
      {"can_help", [](Post&, PostCard& c) { c.can_help = false; }},
      {"can_edit", [](Post&, PostCard& c) { c.can_edit = true; }},
      {"can_delete", [](Post&, PostCard& c) { c.can_delete = true; }},
      {"can_flag", [](Post&, PostCard& c) { c.can_flag = false; }},
      {"can_reply", [](Post&, PostCard& c) { c.can_reply = false; }},
      {"can_moderate", [](Post&, PostCard& c) { c.can_moderate = true; }},
      {"can_suspend", [](Post&, PostCard& c) { c.can_suspend = true; }},
      {"number", [](Post& p, PostCard&) { p.number = 4; }},
      {"author_name", [](Post& p, PostCard&) { p.author_name = "Ane"; }},
      {"author_deleted", [](Post& p, PostCard&) { p.author_deleted = true; }},
      {"author_synthetic", [](Post& p, PostCard&) { p.author_synthetic = true; }},
      {"body", [](Post& p, PostCard&) { p.body += "!"; }},
      {"reply_to_number", [](Post& p, PostCard&) { p.reply_to_number.reset(); }},
      {"reply_to_author", [](Post& p, PostCard&) { p.reply_to_author = "Bea"; }},
      {"reply_to_author_deleted", [](Post& p, PostCard&) { p.reply_to_author_deleted = true; }},
      {"created_at", [](Post& p, PostCard&) { p.created_at += 60; }},
      {"edited_at", [](Post& p, PostCard&) { p.edited_at = p.created_at + 600; }},
      {"deleted", [](Post& p, PostCard&) { p.deleted = true; }},
      {"post hidden", [](Post& p, PostCard&) { p.hidden = true; }},
      {"hidden_by_moderator", [](Post& p, PostCard&) { p.hidden_by_moderator = true; }},
      {"helped_count", [](Post& p, PostCard&) { p.helped_count = 3; }},
      {"helped_by_me", [](Post& p, PostCard&) { p.helped_by_me = true; }},
      {"a revision more", [](Post& p, PostCard&) { p.history.push_back(p.history.front()); }},
      {"revision body", [](Post& p, PostCard&) { p.history[0].body = "Hi"; }},
      {"revision title", [](Post& p, PostCard&) { p.history[0].title.reset(); }},
      {"revision written", [](Post& p, PostCard&) { p.history[0].written_at += 1; }},
      {"revision replaced", [](Post& p, PostCard&) { p.history[0].replaced_at += 1; }},
      {"revision reason", [](Post& p, PostCard&) { p.history[0].moderator_reason = "rude"; }},
      {"mention link", [](Post&, PostCard& c) { c.extras.mention_hrefs["ben-9"] = "/members/9"; }},
      {"quote link", [](Post&, PostCard& c) { c.extras.quote_href = "/forums/general/t/5-hello?quote=3#reply"; }},
      {"quote head", [](Post&, PostCard& c) { c.extras.quote_head = "In post 3, Ana wrote:"; }},
      {"mention handle", [](Post&, PostCard& c) { c.extras.mention_handle = "@ana-7"; }},
  };
  for (const auto& [name, change] : changes) {
    Post post = SamplePost();
    PostCard card = SampleCard(post);
    change(post, card);
    EXPECT_NE(PostCardKey(card).text(), base_key) << name;
  }
}

TEST(PostCard, TheMemosHtmlIsTheViewRenderedWithTheRequestsToken) {
  i18n::ScopedLanguage english{"en"};
  const Post post = SamplePost();
  Post other = SamplePost();
  other.number = 4;
  other.deleted = true;
  other.body.clear();
  std::vector<PostCard> cards = {SampleCard(post), SampleCard(other)};
  cards[0].extras.mention_hrefs["ben-9"] = "/members/9";
  cards[0].can_moderate = true;
  cards[1].shown = false;
  FragmentMemo memo;
  const std::string token(CsrfPlaceholder().size(), 'k');
  std::string expected;
  for (const PostCard& card : cards) expected += Templates::Render("forum_post", PostCardView(card));
  FillCsrf(expected, token);
  ASSERT_EQ(expected.find(CsrfPlaceholder()), std::string::npos);
  EXPECT_NE(expected.find("<a class=\"mention\" href=\"/members/9\">@ben-9</a>"), std::string::npos);
  EXPECT_NE(expected.find("value=\"" + token + "\""), std::string::npos);
  EXPECT_EQ(RenderPostCards(memo, cards, token), expected);
  EXPECT_EQ(memo.misses(), 2);
  EXPECT_EQ(RenderPostCards(memo, cards, token), expected);
  EXPECT_EQ(memo.hits(), 2);
  // Another session's token: the same fragments, its own token.
  const std::string other_token(CsrfPlaceholder().size(), 'z');
  const std::string again = RenderPostCards(memo, cards, other_token);
  EXPECT_EQ(memo.hits(), 4);
  EXPECT_EQ(again.find(token), std::string::npos);
  EXPECT_NE(again.find("value=\"" + other_token + "\""), std::string::npos);
}

}  // namespace
}  // namespace diseasemaps::forums
