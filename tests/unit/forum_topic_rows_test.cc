// A list row's card keys its HTML: a change to any input of the row is a new key, and
// the rows from the memo are the rows' views rendered.
#include "forums/forum_topic_rows.h"

#include <functional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "platform/i18n.h"
#include "platform/templates.h"

namespace diseasemaps::forums {
namespace {

TopicSummary SampleTopic() {
  TopicSummary t;
  t.id = 12;
  t.title = "Sleep <and> school";
  t.author_id = 3;
  t.author_name = "Ana";
  t.created_at = 1'780'000'000;
  t.last_post_at = 1'780'100'000;
  t.post_count = 9;
  t.reply_count = 8;
  t.helped = 2;
  t.last_read_number = 4;
  t.opened = true;
  return t;
}

TEST(TopicRows, EveryInputOfARowChangesTheKey) {
  const TopicSummary base = SampleTopic();
  const std::string base_key = TopicRowKey({&base, "general", true, true}).text();
  using Change = std::function<void(TopicSummary&, TopicRowCard&)>;
  const std::vector<std::pair<const char*, Change>> changes = {
      {"forum", [](TopicSummary&, TopicRowCard& c) { c.forum_slug = "caregivers"; }},
      {"top list", [](TopicSummary&, TopicRowCard& c) { c.top_list = false; }},
      {"signed in", [](TopicSummary&, TopicRowCard& c) { c.signed_in = false; }},
      {"id", [](TopicSummary& t, TopicRowCard&) { t.id = 13; }},
      {"title", [](TopicSummary& t, TopicRowCard&) { t.title += "!"; }},
      {"author", [](TopicSummary& t, TopicRowCard&) { t.author_name = "Ane"; }},
      {"author deleted", [](TopicSummary& t, TopicRowCard&) { t.author_deleted = true; }},
      {"last post", [](TopicSummary& t, TopicRowCard&) { t.last_post_at += 60; }},
      {"posts", [](TopicSummary& t, TopicRowCard&) { t.post_count = 10; }},
      {"replies", [](TopicSummary& t, TopicRowCard&) { t.reply_count = 7; }},
      {"closed", [](TopicSummary& t, TopicRowCard&) { t.closed = true; }},
      {"pinned", [](TopicSummary& t, TopicRowCard&) { t.pinned = true; }},
      {"helped", [](TopicSummary& t, TopicRowCard&) { t.helped = 3; }},
      {"read", [](TopicSummary& t, TopicRowCard&) { t.last_read_number = 9; }},
      {"opened", [](TopicSummary& t, TopicRowCard&) { t.opened = false; }},
  };
  for (const auto& [name, change] : changes) {
    TopicSummary topic = SampleTopic();
    TopicRowCard card{&topic, "general", true, true};
    change(topic, card);
    EXPECT_NE(TopicRowKey(card).text(), base_key) << name;
  }
}

TEST(TopicRows, TheMemosRowsAreTheViewsRendered) {
  i18n::ScopedLanguage english{"en"};
  TopicList list;
  list.topics = {SampleTopic(), SampleTopic()};
  list.topics[1].id = 14;
  list.topics[1].pinned = true;
  list.topics[1].opened = false;
  Forum forum;
  forum.slug = "general";
  ListChoice top;
  top.order = TopicOrder::kTop;
  top.list = "top";
  guard::Viewer member;
  member.user_id = 3;
  std::string expected;
  for (const TopicSummary& t : list.topics) expected += Templates::Render("forum_topic_row", TopicRowView({&t, "general", true, true}));
  EXPECT_NE(expected.find("helped 2 members"), std::string::npos);
  EXPECT_NE(expected.find("5 new posts"), std::string::npos);
  EXPECT_NE(expected.find("Sleep &lt;and&gt; school"), std::string::npos);
  FragmentMemo memo;
  EXPECT_EQ(RenderTopicRows(memo, member, forum, top, list), expected);
  EXPECT_EQ(RenderTopicRows(memo, member, forum, top, list), expected);
  EXPECT_EQ(memo.misses(), 2);
  EXPECT_EQ(memo.hits(), 2);
  // The latest list shows no "helped": other rows.
  EXPECT_EQ(RenderTopicRows(memo, member, forum, ListChoice{}, list).find("helped"), std::string::npos);
}

}  // namespace
}  // namespace diseasemaps::forums
