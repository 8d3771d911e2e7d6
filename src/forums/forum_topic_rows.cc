// A forum's list rows through the fragment memo (see forum_topic_rows.h).
#include "forums/forum_topic_rows.h"

#include "forums/forum_rules.h"
#include "pages/moment.h"
#include "platform/i18n.h"

namespace diseasemaps::forums {

FragmentKey TopicRowKey(const TopicRowCard& card) {
  const TopicSummary& t = *card.topic;
  FragmentKey key;
  key.Add(card.forum_slug).Add(card.top_list).Add(card.signed_in);
  key.Add(t.id).Add(std::string_view(t.title)).Add(std::string_view(t.author_name)).Add(t.author_deleted);
  key.Add(t.last_post_at).Add(t.post_count).Add(t.reply_count).Add(t.closed).Add(t.pinned).Add(t.helped);
  key.Add(t.last_read_number).Add(t.opened);
  return key;
}

nlohmann::json TopicRowView(const TopicRowCard& card) {
  using nlohmann::json;
  const TopicSummary& t = *card.topic;
  const std::string path = TopicPath(std::string(card.forum_slug), t.id, t.title);
  const long long unread = t.opened ? t.post_count - t.last_read_number : 0;
  return {{"href", path},
          {"title", t.title},
          {"author", AuthorName(t.author_name, t.author_deleted)},
          {"replies", i18n::Plural("{count} reply", "{count} replies", t.reply_count)},
          {"last_post_time", pages::MomentView(t.last_post_at)},
          {"closed", t.closed},
          {"pinned", t.pinned},
          {"helped", card.top_list && t.helped > 0
                         ? json(i18n::Plural("helped {count} member", "helped {count} members", t.helped))
                         : json(nullptr)},
          {"new_posts", unread > 0 ? json(i18n::Plural("{count} new post", "{count} new posts", unread)) : json(nullptr)},
          {"first_unread_href", PostHref(path, t.last_read_number + 1)},
          {"never_opened", card.signed_in && !t.opened}};
}

std::string RenderTopicRows(FragmentMemo& memo, const guard::Viewer& viewer, const Forum& forum,
                            const ListChoice& choice, const TopicList& list) {
  std::string html;
  html.reserve(list.topics.size() * 1024);
  for (const TopicSummary& topic : list.topics) {
    const TopicRowCard card{&topic, forum.slug, choice.order == TopicOrder::kTop, viewer.signed_in()};
    memo.AppendRendered("forum_topic_row", TopicRowKey(card), [&card] { return TopicRowView(card); }, html);
  }
  return html;
}

}  // namespace diseasemaps::forums
