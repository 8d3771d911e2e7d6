// The rules of forum moderation as pure functions: what moderators do (hide and restore
// a post, edit it with a reason, close, reopen, pin, unpin, move and delete a topic),
// the names the store and the public log keep, which actions need a reason and how a
// reason is checked, and the words the public log and the author's message use.
// Unit-tested in tests/unit/forum_moderation_test.cc.
//
// What they guarantee: a reason that passes CheckModerationReason is readable UTF-8,
// trimmed, at most kMaxModerationReasonCharacters characters (the schema's CHECK says
// the same), and not blank for an action that needs one; the log's words never name a
// moderator or a flagger ("a moderator"). Thread-safe: no state.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "forums/forum_rules.h"

namespace diseasemaps::forums {

enum class ModerationAction { kHide, kRestore, kEdit, kClose, kReopen, kPin, kUnpin, kMove, kDelete };

// "hide", "restore", "edit", "close", "reopen", "pin", "unpin", "move", "delete": the
// names in forum_moderation_log.action, the audit log ("forum.hide") and the addresses.
std::string ModerationActionName(ModerationAction action);
std::optional<ModerationAction> ParseModerationAction(const std::string& name);

// True for an action on one post (hide, restore, edit); false for one on a topic.
bool OnPost(ModerationAction action);

// True when the moderator must say why: hiding, editing, closing, moving and deleting.
// Restoring, reopening, pinning and unpinning may say why.
bool NeedsReason(ModerationAction action);

inline constexpr std::size_t kMaxModerationReasonCharacters = 1000;
TextCheck CheckModerationReason(ModerationAction action, const std::string& typed);

// What happened, as the public log says it, in the current language ("A moderator hid
// a post."). `other_forum` is the forum a moved topic went to.
std::string ModerationLogWords(ModerationAction action, const std::string& other_forum);

// What happened, as the message to the author says it ("hid your post"), in the
// current language.
std::string ModerationMailWords(ModerationAction action, const std::string& other_forum);

}  // namespace diseasemaps::forums
