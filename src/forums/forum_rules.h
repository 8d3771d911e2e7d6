// The rules of the forums as pure functions (no database, no clock: time is passed in),
// unit-tested in tests/unit/forum_rules_test.cc.
//
// What they guarantee: a title that passes CheckTopicTitle is readable UTF-8 on one line,
// 1 to kMaxTitleCharacters characters after its white space is collapsed; a post that
// passes CheckPostBody is readable UTF-8, not blank, CRLF turned into LF, at most
// kMaxPostCharacters characters (the schema's CHECKs say the same). Every refusal is a
// sentence a person can act on, stating the limit and what they wrote. The addresses
// (/forums/{slug}/t/{id}-{title-words}) are made and read here, and the arithmetic of
// pages, edit history and the new members' limits (numbers in app/limits.h).
// Thread-safe: no state.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace diseasemaps::forums {

inline constexpr std::size_t kMaxTitleCharacters = 200;
inline constexpr std::size_t kMaxPostCharacters = 20000;
inline constexpr int kPostsPerPage = 20;
inline constexpr int kTopicsPerPage = 30;
// An edit made within this time after the post was written replaces it silently (a
// typo fixed at once); a later one keeps what it replaced as the post's visible history.
inline constexpr long long kEditGraceSeconds = 5 * 60;

// A checked text, or the message to show beside its field.
struct TextCheck {
  std::string text;   // what to store, when ok
  std::string error;  // "" when ok
  bool ok() const { return error.empty(); }
};
TextCheck CheckTopicTitle(const std::string& typed);
TextCheck CheckPostBody(const std::string& typed);

// The words of a topic's address: its title as a slug of at most 8 words and 60
// characters ("Sleep problems at age 3?" -> "sleep-problems-at-age-3"); "topic" when the
// title has no letter or digit that an address can spell.
std::string TitleWords(const std::string& title);
// "/forums/{forum_slug}/t/{topic_id}-{TitleWords(title)}".
std::string TopicPath(const std::string& forum_slug, long long topic_id, const std::string& title);
// The topic id at the start of an address's segment ("12-sleep-problems" -> 12, "12" ->
// 12); nullopt when it does not start with a positive number followed by '-' or nothing.
std::optional<long long> TopicIdOf(const std::string& segment);

// The page (1, 2, …) of a topic on which post `number` is shown.
long long PageOfPost(long long number);
// The address of post `number` of a topic: the topic's path, "?page=N" past page 1, and
// "#post-{number}".
std::string PostHref(const std::string& topic_path, long long number);

// True when an edit at `now` of a post written at `created_at` keeps
// the text it replaces as visible history.
bool EditKeepsHistory(long long created_at, long long now);

// True while a member counts as new in the forums (app/limits.h): their address was
// confirmed less than a week before `now` (or not at all), or they have written fewer
// than kForumNewMemberPosts posts.
bool IsNewForumMember(std::optional<long long> confirmed_at, long long posts_written, long long now);

// The @mentions in a post: words of 2 to 60 letters, digits, '_', '-' or '.' after an
// '@' that starts the text or follows white space or punctuation; each name once
// ("@ana and @ana" is one). An e-mail address is no mention. MentionNames gives them
// lower-cased, in order of appearance; CountMentions how many.
std::vector<std::string> MentionNames(const std::string& body);
std::size_t CountMentions(const std::string& body);
// `html` (a rendered post) with every "@handle" in its text that is a key of `hrefs`
// made a link to the value: <a class="mention" href="…">@handle</a>. Text inside <a>,
// <code> and <pre> is left alone.
std::string LinkMentions(const std::string& html, const std::map<std::string, std::string>& hrefs);


// A post flagged by this many established members (not new, IsNewForumMember), their
// flags still open, is hidden from readers until a moderator decides.
inline constexpr int kFlagsToHide = 3;

// Why a post is flagged: "off_topic", "unkind", "spam", "misinformation", "other".
enum class FlagReason { kOffTopic, kUnkind, kSpam, kMisinformation, kOther };
std::optional<FlagReason> ParseFlagReason(const std::string& name);
std::string FlagReasonName(FlagReason reason);
inline constexpr std::size_t kMaxFlagNoteCharacters = 1000;
// A flag's note: required with "other", at most kMaxFlagNoteCharacters characters.
TextCheck CheckFlagNote(FlagReason reason, const std::string& typed);

}  // namespace diseasemaps::forums
