// The rules of forum moderation (see forum_moderation.h).
#include "forums/forum_moderation.h"

#include <array>
#include <utility>

#include "platform/i18n.h"
#include "platform/text.h"

namespace diseasemaps::forums {
namespace {

constexpr std::array<std::pair<ModerationAction, const char*>, 9> kNames = {{
    {ModerationAction::kHide, "hide"},
    {ModerationAction::kRestore, "restore"},
    {ModerationAction::kEdit, "edit"},
    {ModerationAction::kClose, "close"},
    {ModerationAction::kReopen, "reopen"},
    {ModerationAction::kPin, "pin"},
    {ModerationAction::kUnpin, "unpin"},
    {ModerationAction::kMove, "move"},
    {ModerationAction::kDelete, "delete"},
}};

std::string Count(std::size_t n) { return i18n::FormatNumber(i18n::CurrentLanguage(), static_cast<long long>(n)); }

}  // namespace

std::string ModerationActionName(ModerationAction action) {
  for (const auto& [a, name] : kNames) {
    if (a == action) return name;
  }
  return "hide";
}

std::optional<ModerationAction> ParseModerationAction(const std::string& name) {
  for (const auto& [a, n] : kNames) {
    if (name == n) return a;
  }
  return std::nullopt;
}

bool OnPost(ModerationAction action) {
  return action == ModerationAction::kHide || action == ModerationAction::kRestore ||
         action == ModerationAction::kEdit;
}

bool NeedsReason(ModerationAction action) {
  switch (action) {
    case ModerationAction::kHide:
    case ModerationAction::kEdit:
    case ModerationAction::kClose:
    case ModerationAction::kMove:
    case ModerationAction::kDelete: return true;
    case ModerationAction::kRestore:
    case ModerationAction::kReopen:
    case ModerationAction::kPin:
    case ModerationAction::kUnpin: return false;
  }
  return true;
}

TextCheck CheckModerationReason(ModerationAction action, const std::string& typed) {
  TextCheck check;
  const std::string reason = UnixLineBreaks(typed);
  const auto count = CountCharacters(reason);
  if (!count) {
    check.error = i18n::Tr("This reason holds characters we cannot read (control characters or broken text). "
                           "Please retype it.");
    return check;
  }
  const std::string trimmed(TrimWhitespace(reason));
  if (NeedsReason(action) && trimmed.empty()) {
    check.error = i18n::Tr("Say why: the reason is shown in the forum's public moderation log and sent to the "
                           "author.");
    return check;
  }
  const std::size_t characters = CountCharacters(trimmed).value_or(0);
  if (characters > kMaxModerationReasonCharacters) {
    check.error = i18n::Tr("Please keep the reason to {limit} characters (it has {count}).",
                           {{"limit", Count(kMaxModerationReasonCharacters)}, {"count", Count(characters)}});
    return check;
  }
  check.text = trimmed;
  return check;
}

std::string ModerationLogWords(ModerationAction action, const std::string& other_forum) {
  switch (action) {
    case ModerationAction::kHide: return i18n::Tr("A moderator hid a post.");
    case ModerationAction::kRestore: return i18n::Tr("A moderator showed a hidden post again.");
    case ModerationAction::kEdit: return i18n::Tr("A moderator edited a post.");
    case ModerationAction::kClose: return i18n::Tr("A moderator closed the topic.");
    case ModerationAction::kReopen: return i18n::Tr("A moderator reopened the topic.");
    case ModerationAction::kPin: return i18n::Tr("A moderator pinned the topic.");
    case ModerationAction::kUnpin: return i18n::Tr("A moderator unpinned the topic.");
    case ModerationAction::kMove:
      return i18n::Tr("A moderator moved the topic to {forum}.", {{"forum", other_forum}});
    case ModerationAction::kDelete: return i18n::Tr("A moderator deleted the topic.");
  }
  return "";
}

std::string ModerationMailWords(ModerationAction action, const std::string& other_forum) {
  switch (action) {
    case ModerationAction::kHide: return i18n::Tr("A moderator hid a post you wrote from readers.");
    case ModerationAction::kRestore: return i18n::Tr("A moderator showed a post you wrote to readers again.");
    case ModerationAction::kEdit: return i18n::Tr("A moderator edited a post you wrote.");
    case ModerationAction::kClose: return i18n::Tr("A moderator closed a topic you started: it takes no more replies.");
    case ModerationAction::kReopen: return i18n::Tr("A moderator reopened a topic you started.");
    case ModerationAction::kPin: return i18n::Tr("A moderator pinned a topic you started to the top of its forum.");
    case ModerationAction::kUnpin: return i18n::Tr("A moderator unpinned a topic you started.");
    case ModerationAction::kMove:
      return i18n::Tr("A moderator moved a topic you started to the forum {forum}.", {{"forum", other_forum}});
    case ModerationAction::kDelete: return i18n::Tr("A moderator deleted a topic you started, with its posts.");
  }
  return "";
}

}  // namespace diseasemaps::forums
