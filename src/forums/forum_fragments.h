// The repeated parts of forum pages as HTML, each rendered through a FragmentMemo
// (platform/fragment_memo.h): the posts of a topic page (forum_post.mustache) and the
// rows of a forum's lists (forum_topic_row.mustache). The twenty posts or topics most
// readers see alike are rendered once, not on every request.
//
// A part's view holds everything its HTML shows, for this viewer: what the guard allows
// them, what they marked, what they have read. The one thing that differs between two
// requests of the same viewer, the session's CSRF token, is left out of the key: a post
// holds a process-wide random placeholder, replaced by the request's token in the
// page's list. What it guarantees: the HTML is byte for byte what rendering each part
// would give. Thread-safe.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "platform/fragment_memo.h"

namespace diseasemaps::forums {

// Replaces view["posts"] (from TopicView, with its extras) by view["posts_html"], each
// post's forms carrying csrf.
void RenderPostList(FragmentMemo& memo, const std::string& csrf, nlohmann::json& view);

// Replaces view["topics"] (from ForumView, with its extras) by view["topics_html"].
void RenderTopicRows(FragmentMemo& memo, nlohmann::json& view);

}  // namespace diseasemaps::forums
