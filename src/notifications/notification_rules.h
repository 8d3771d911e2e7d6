// The rules of notifications as pure functions (no database, no clock), unit-tested in
// tests/unit/notification_rules_test.cc: how a member is named in a mention, which
// mentions and quotes a post's Markdown holds, how a mention becomes a link, the watch
// levels, and which one notification (if any) a member gets for a post.
//
// What they guarantee: a member's handle is unambiguous, because it ends with their
// account number ("@ana-lopez-12"), and it still reads as their name; a mention links only
// when the handle matches the member's current name and number (a typo mentions nobody);
// links are added only in text, never inside a link, code or a tag. Thread-safe: no state.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace diseasemaps::notifications {

// "Ana López", 12 -> "ana-lopez-12": the ASCII letters and digits of the name (accents
// dropped, everything else a separator), lower case, at most 4 words and 30 characters,
// then the account number; "member-12" when the name has none.
std::string MemberHandle(const std::string& display_name, long long user_id);

struct Mention {
  std::string handle;  // lower case, as written after the '@'
  long long user_id = 0;
};
// The @mentions of a post (forum_rules.h MentionNames) that end in "-{number}", each
// once, at most kMaxMentionsRead of them.
inline constexpr std::size_t kMaxMentionsRead = 20;
std::vector<Mention> ParseMentions(const std::string& body);

// The numbers N of the posts a post quotes: a quote is a Markdown blockquote line ('>'
// after at most 3 spaces) that links to "#post-N", as the "Quote" link writes it. At
// most kMaxQuotesRead numbers.
inline constexpr std::size_t kMaxQuotesRead = 10;
std::set<long long> QuotedNumbers(const std::string& body);

// `body` as a Markdown blockquote under `attribution` (one line), followed by an empty
// line, ready for a reply box.
std::string QuoteMarkdown(const std::string& attribution, const std::string& body);
// A display name inside Markdown text: its Markdown punctuation escaped.
std::string EscapeMarkdownText(const std::string& text);

enum class WatchLevel { kWatching, kTracking, kNormal, kMuted };
std::optional<WatchLevel> ParseWatchLevel(const std::string& name);
std::string WatchLevelName(WatchLevel level);
// A topic's own level wins over its forum's; neither is normal.
WatchLevel EffectiveLevel(std::optional<WatchLevel> topic, std::optional<WatchLevel> forum);

enum class Kind { kReply, kQuote, kMention, kWatched };
std::string KindName(Kind kind);
std::optional<Kind> ParseKind(const std::string& name);

// What one member is to a new post.
struct Relation {
  bool replied_to = false;  // the post replies to theirs
  bool quoted = false;      // it quotes theirs
  bool mentioned = false;   // it mentions them
};
// The one notification a member gets for a post at their level: nothing when muted;
// else a quote, a reply, a mention in that order; else "watched" when watching.
std::optional<Kind> KindFor(const Relation& relation, WatchLevel level);

}  // namespace diseasemaps::notifications
