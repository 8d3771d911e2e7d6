// The view models of forum moderation: the moderator controls added to a topic's page
// (per post: hide, restore, edit with a reason, links to warn or suspend the author; per
// topic: close, reopen, pin, unpin, move, delete), what every reader sees of it (a post
// "hidden by a moderator", an edit's reason in the history, pinned topics, the link to
// the log), and the public moderation log's page. JSON for the templates
// (forum_topic, forum, forum_moderation).
//
// What it guarantees: controls are offered only where the guard allows them
// (guard::CanModerateForum, CanModerateForumPost), every form carries the CSRF token and
// labels its fields; the log's lines never name a moderator or a flagger, and a deleted
// topic's line shows neither its title nor a link. Pure apart from the current language.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "forums/forum_moderation_store.h"
#include "forums/forum_post_card.h"
#include "forums/forum_store.h"
#include "guard/guard.h"

namespace diseasemaps::forums {

// "/forums/{slug}/moderation".
std::string ModerationLogPath(const std::string& forum_slug);

// Adds to a post's view (forum_post_card.h PostCardView) what moderation shows there:
// for every reader, whether a moderator hid it; for a moderator, the controls, their
// forms carrying the CSRF placeholder (forum_fragments.h).
void AddPostModeration(const PostCard& card, nlohmann::json& view);

// Adds to `view` (forum_view.h TopicView of `page`) what moderation shows there: the
// log's link; for a moderator, the topic's controls. `csrf` is the session's token.
void AddTopicModeration(const guard::Viewer& viewer, const TopicPage& page, const std::string& csrf, nlohmann::json& view);

// Adds to `view` (forum_view.h ForumView) the link to the forum's moderation log.
void AddForumModeration(const Forum& forum, nlohmann::json& view);

// /forums/{slug}/moderation, page `page` of `page_count`.
nlohmann::json ModerationLogView(const Forum& forum, const ModerationLog& log, long long page, long long page_count);

}  // namespace diseasemaps::forums
