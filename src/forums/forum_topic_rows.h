// The rows of a forum's topic list (forum_topic_row.mustache) as HTML, each keyed by
// its card: the stored topic's listed facts, the forum's address, the list and whether
// a member reads it. The card holds every input of the row's view (TopicRowView reads
// nothing else but the language), so a row that many requests list alike is neither
// built as a view nor rendered again, and one that differs in anything is rendered
// afresh, byte for byte as rendering its view gives. Thread-safe.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "forums/forum_store.h"
#include "forums/forum_view.h"
#include "guard/guard.h"
#include "platform/fragment_memo.h"

namespace diseasemaps::forums {

struct TopicRowCard {
  const TopicSummary* topic = nullptr;  // outlives the card
  std::string_view forum_slug;
  bool top_list = false;   // "helped N members" is shown in the top lists
  bool signed_in = false;  // a member: what they have not opened is marked
};

FragmentKey TopicRowKey(const TopicRowCard& card);
nlohmann::json TopicRowView(const TopicRowCard& card);

// The rows of `list`, in order.
std::string RenderTopicRows(FragmentMemo& memo, const guard::Viewer& viewer, const Forum& forum,
                            const ListChoice& choice, const TopicList& list);

}  // namespace diseasemaps::forums
