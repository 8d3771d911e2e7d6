// The rules of relayed contact, as pure functions (no database, no clock: time is passed
// in), unit-tested in tests/unit/message_rules_test.cc.
//
// What they guarantee: a message body that passes CheckMessageBody is readable UTF-8,
// not blank, with CRLF turned into LF, and at most kMaxMessageCharacters characters (the
// schema's CHECK says the same); every refusal comes with a sentence a person can act
// on, stating the limit. The throttles (new conversations per day for new accounts,
// replies per hour, one notification e-mail per conversation and recipient per hour)
// are decided here from counts and times the store reads; their numbers live in
// app/limits.h. Thread-safe: no state.
#pragma once

#include <optional>
#include <string>

namespace diseasemaps::messages {

inline constexpr std::size_t kMaxMessageCharacters = 5000;
inline constexpr std::size_t kMaxReportReasonCharacters = 1000;
inline constexpr std::size_t kMaxModeratorNoteCharacters = 1000;
inline constexpr std::size_t kExcerptCharacters = 90;

// A checked message body, or the message to show next to the field.
struct BodyCheck {
  std::string body;   // the text to store (CRLF -> LF), when ok
  std::string error;  // "" when ok
  bool too_long = false;  // the error is about the length (the page answers 422 either way)
  bool ok() const { return error.empty(); }
};
BodyCheck CheckMessageBody(const std::string& text);

// The reason given for reporting a message (required, at most 1,000 characters), and
// a moderator's note (optional, same limit). Same shape as BodyCheck.
BodyCheck CheckReportReason(const std::string& text);
BodyCheck CheckModeratorNote(const std::string& text);

// The first kExcerptCharacters characters of a body on one line (runs of whitespace
// become one space), with "…" when cut. Never cuts inside a UTF-8 sequence.
std::string Excerpt(const std::string& body, std::size_t max_characters = kExcerptCharacters);

// True while an account counts as new: its address was confirmed less than
// limits::kNewAccountSeconds before `now`, or not at all.
bool IsNewAccount(std::optional<long long> confirmed_at, long long now);

// The answer of a sliding-window throttle: allowed, or how many seconds to wait.
struct Throttle {
  bool allowed = true;
  long long retry_after = 0;  // seconds, > 0 when refused
};
// `used` events happened within the last `window` seconds, the oldest of them at
// `oldest_at`; at most `limit` are allowed. Refused: retry when the oldest leaves the window.
Throttle SlidingWindow(long long used, long long oldest_at, int limit, long long window, long long now);

// True when a recipient last e-mailed about a conversation at `last_notified_at` may be
// e-mailed again at `now` (never e-mailed, or limits::kNotificationIntervalSeconds ago).
bool ShouldNotify(std::optional<long long> last_notified_at, long long now);

// What a moderator does with a report.
enum class ReportAction { kDismiss, kWarn, kSuspend };
// "dismiss", "warn", "suspend"; nullopt for anything else.
std::optional<ReportAction> ParseReportAction(const std::string& name);
// The status a handled report gets: "dismissed", "warned", "suspended".
std::string ReportStatusAfter(ReportAction action);

// The one refusal for "you may not write to this member", whatever the reason (they
// do not accept contact, they blocked you, their profile is hidden from you, their
// account is closed): it never reveals a block.
inline constexpr const char* kCannotContact =
    "This member is not accepting messages from you, so your message cannot be sent. Nothing was sent.";

}  // namespace diseasemaps::messages
