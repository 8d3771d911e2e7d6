// One post of a topic's page as one viewer sees it: a PostCard holds the stored post,
// the page's addresses and the viewer's few facts about it (theirs? may they help,
// edit, delete, flag, reply, moderate? unread?), and what another feature adds
// (PostExtras: notifications/ links @mentions and offers "Quote").
//
// What it guarantees: a card holds every input of its post's fragment
// (forum_post.mustache), and PostCardView reads nothing else but the language, so the
// fragment memo keys the post's HTML by the card (PostCardKey): a post that many
// requests show alike is neither built as a view nor rendered again, and a card that
// differs in anything is rendered afresh. The HTML is byte for byte what rendering the
// view gives. Pure apart from the current language; thread-safe.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "forums/forum_store.h"
#include "guard/guard.h"
#include "platform/fragment_memo.h"

namespace diseasemaps::forums {

// What another feature adds to a post on its topic's page.
struct PostExtras {
  // Handles written in the post (lower-case, without '@') -> the member's page, for the
  // members mentioned who may read the forum.
  std::map<std::string, std::string> mention_hrefs;
  std::optional<std::string> quote_href;      // the "Quote" link, when offered
  std::string quote_head;                     // "In post 3, Ana wrote:"
  std::optional<std::string> mention_handle;  // "@ana-12", beside the author's name
};

struct PostCard {
  const Post* post = nullptr;  // the page's; outlives the card
  std::string_view path;       // the topic's address
  std::string_view actions;    // "/forums/{slug}/t/{id}/posts/"
  bool mine = false;
  bool hidden = false;  // by flags or a moderator, not deleted
  bool shown = false;   // its words are on the page for this viewer
  bool unread = false;
  bool can_help = false;
  bool can_edit = false;
  bool can_delete = false;
  bool can_flag = false;
  bool can_reply = false;
  bool can_moderate = false;
  bool can_suspend = false;  // the author's account is one link away
  PostExtras extras;
};

// The cards of a topic's page for `viewer`; `path` and `actions` outlive them.
std::vector<PostCard> PostCards(const guard::Viewer& viewer, const TopicPage& page, std::string_view path,
                                std::string_view actions);

// The posts' HTML in order, each post's forms carrying `csrf`.
std::string RenderPostCards(FragmentMemo& memo, const std::vector<PostCard>& cards, const std::string& csrf);

// Every input of a card's fragment, and the fragment's view built from the card alone
// (its forms carry a placeholder for the request's CSRF token).
FragmentKey PostCardKey(const PostCard& card);
nlohmann::json PostCardView(const PostCard& card);

}  // namespace diseasemaps::forums
