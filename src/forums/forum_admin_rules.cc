// The rules of the forums' admin screen (see forum_admin_rules.h).
#include "forums/forum_admin_rules.h"

#include <array>
#include <string_view>

#include "platform/i18n.h"
#include "platform/text.h"

namespace diseasemaps::forums {
namespace {

std::string Count(std::size_t n) { return i18n::FormatNumber(i18n::CurrentLanguage(), static_cast<long long>(n)); }

// Words that name pages, lists or roles: a forum called so would be read as one of them.
constexpr std::array<std::string_view, 16> kReserved = {
    "admin", "all",    "api",    "edit",   "forums",     "latest", "login",  "moderation",
    "new",   "search", "static", "top",    "unanswered", "watch",  "members", "settings"};

// One line of readable text, white space collapsed, at most `limit` characters; `empty`
// is the message for nothing typed ("" when nothing is allowed).
TextCheck CheckLine(const std::string& typed, std::size_t limit, const std::string& empty) {
  TextCheck check;
  if (!CountCharacters(typed)) {
    check.error = i18n::Tr("This holds characters we cannot read (control characters or broken text). Please "
                           "retype it.");
    return check;
  }
  const std::string line = CollapseWhitespace(typed);
  if (line.empty() && !empty.empty()) {
    check.error = empty;
    return check;
  }
  const std::size_t characters = CountCharacters(line).value_or(0);
  if (characters > limit) {
    check.error = i18n::Tr("Please keep this to {limit} characters (it has {count}).",
                           {{"limit", Count(limit)}, {"count", Count(characters)}});
    return check;
  }
  check.text = line;
  return check;
}

}  // namespace

bool IsReservedForumSlug(const std::string& slug) {
  for (std::string_view word : kReserved) {
    if (slug == word) return true;
  }
  return false;
}

TextCheck CheckForumSlug(const std::string& typed) {
  TextCheck check;
  const std::string slug(TrimWhitespace(typed));
  bool shaped = slug.size() >= 2 && slug.size() <= kMaxForumSlugCharacters && slug.front() != '-' &&
                slug.back() != '-' && slug.find("--") == std::string::npos;
  for (char c : slug) shaped = shaped && ((c >= 'a' && c <= 'z') || c == '-');
  if (!shaped) {
    check.error = i18n::Tr("The address must be 2 to {limit} lower-case letters, in words joined by hyphens, such "
                           "as “living-with-pain”: no digits, spaces or accents.",
                           {{"limit", Count(kMaxForumSlugCharacters)}});
    return check;
  }
  if (IsReservedForumSlug(slug)) {
    check.error = i18n::Tr("“{slug}” is a word the site uses for its own pages. Please choose another address.",
                           {{"slug", slug}});
    return check;
  }
  check.text = slug;
  return check;
}

TextCheck CheckForumName(const std::string& typed) {
  return CheckLine(typed, kMaxForumNameCharacters, i18n::Tr("Give the forum a name, so people know what it is for."));
}

TextCheck CheckForumDescription(const std::string& typed) {
  return CheckLine(typed, kMaxForumDescriptionCharacters, "");
}

std::optional<int> ParseForumPosition(const std::string& typed) {
  const std::string_view text = TrimWhitespace(typed);
  if (text == "0") return 0;
  auto number = ParsePositiveInteger(text);
  if (!number || *number > kMaxForumPosition) return std::nullopt;
  return static_cast<int>(*number);
}

}  // namespace diseasemaps::forums
