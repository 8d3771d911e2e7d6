// The rules of relayed contact as pure functions (see message_rules.h).
#include "messages/message_rules.h"

#include <algorithm>

#include "app/limits.h"
#include "platform/i18n.h"
#include "platform/text.h"

namespace diseasemaps::messages {
namespace {

constexpr const char* kReasonUnreadable = i18n::N_(
    "This reason holds characters we cannot read (control characters or broken text). Please retype it.");
constexpr const char* kReasonTooLong = i18n::N_("Please keep this to {limit} characters (it has {count}).");

// The messages are whole sentences for each kind of text (a message, or a reason or
// note), so that each language can say them its own way.
struct TextMessages {
  const char* empty;       // required and blank
  const char* unreadable;  // control characters or broken UTF-8
  const char* too_long;    // with {limit} and {count}
};

BodyCheck CheckText(const std::string& text, std::size_t limit, bool required, const TextMessages& says) {
  BodyCheck check;
  const std::string clean = UnixLineBreaks(text);
  const auto count = CountCharacters(clean);
  if (!count) {
    check.error = i18n::Tr(says.unreadable);
    return check;
  }
  if (required && TrimWhitespace(clean).empty()) {
    check.error = i18n::Tr(says.empty);
    return check;
  }
  if (*count > limit) {
    check.too_long = true;
    const std::string& language = i18n::CurrentLanguage();
    check.error = i18n::Tr(says.too_long, {{"limit", i18n::FormatNumber(language, static_cast<long long>(limit))},
                                           {"count", i18n::FormatNumber(language, static_cast<long long>(*count))}});
    return check;
  }
  check.body = required || !TrimWhitespace(clean).empty() ? clean : "";
  return check;
}

}  // namespace

BodyCheck CheckMessageBody(const std::string& text) {
  return CheckText(text, kMaxMessageCharacters, true,
                   {i18n::N_("Write your message before sending it."),
                    i18n::N_("This message holds characters we cannot read (control characters or broken text). "
                             "Please retype it."),
                    i18n::N_("Messages can be at most {limit} characters (this one has {count}).")});
}

BodyCheck CheckReportReason(const std::string& text) {
  return CheckText(text, kMaxReportReasonCharacters, true,
                   {i18n::N_("Please say why you are reporting this message, so moderators can act on it."),
                    kReasonUnreadable, kReasonTooLong});
}

BodyCheck CheckModeratorNote(const std::string& text) {
  return CheckText(text, kMaxModeratorNoteCharacters, false,
                   {"", i18n::N_("This note holds characters we cannot read (control characters or broken text). "
                                 "Please retype it."),
                    kReasonTooLong});
}

std::string Excerpt(const std::string& body, std::size_t max_characters) {
  std::string out;
  std::size_t characters = 0;
  bool space = false;
  for (std::size_t i = 0; i < body.size();) {
    const std::size_t start = i;
    const auto cp = DecodeUtf8(body, i);
    if (!cp) continue;  // stored bodies are valid UTF-8; a stray byte is dropped
    if (*cp == ' ' || *cp == '\n' || *cp == '\t' || *cp == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) {
      if (characters + 1 >= max_characters) return out + "…";
      out.push_back(' ');
      ++characters;
      space = false;
    }
    if (characters >= max_characters) return out + "…";
    out.append(body, start, i - start);
    ++characters;
  }
  return out;
}

bool IsNewAccount(std::optional<long long> confirmed_at, long long now) {
  return !confirmed_at || now - *confirmed_at < limits::kNewAccountSeconds;
}

Throttle SlidingWindow(long long used, long long oldest_at, int limit, long long window, long long now) {
  if (used < limit) return {};
  if (used == 0) return {false, window};  // a limit of 0
  return {false, std::max(1LL, oldest_at + window - now)};
}

bool ShouldNotify(std::optional<long long> last_notified_at, long long now) {
  return !last_notified_at || now - *last_notified_at >= limits::kNotificationIntervalSeconds;
}

std::optional<ReportAction> ParseReportAction(const std::string& name) {
  if (name == "dismiss") return ReportAction::kDismiss;
  if (name == "warn") return ReportAction::kWarn;
  if (name == "suspend") return ReportAction::kSuspend;
  return std::nullopt;
}

std::string ReportStatusAfter(ReportAction action) {
  switch (action) {
    case ReportAction::kDismiss: return "dismissed";
    case ReportAction::kWarn: return "warned";
    case ReportAction::kSuspend: return "suspended";
  }
  return "dismissed";
}

}  // namespace diseasemaps::messages
