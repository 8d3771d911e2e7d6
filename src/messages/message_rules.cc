// The rules of relayed contact as pure functions (see message_rules.h).
#include "messages/message_rules.h"

#include <algorithm>

#include "app/limits.h"
#include "platform/text.h"

namespace diseasemaps::messages {
namespace {

BodyCheck CheckText(const std::string& text, std::size_t limit, bool required, const std::string& empty,
                    const std::string& what) {
  BodyCheck check;
  const std::string clean = UnixLineBreaks(text);
  const auto count = CountCharacters(clean);
  if (!count) {
    check.error = "This " + what +
                  " holds characters we cannot read (control characters or broken text). Please retype it.";
    return check;
  }
  if (required && TrimWhitespace(clean).empty()) {
    check.error = empty;
    return check;
  }
  if (*count > limit) {
    check.too_long = true;
    check.error = what == "message"
                      ? "Messages can be at most " + GroupedNumber(static_cast<long long>(limit)) +
                            " characters (this one has " + GroupedNumber(static_cast<long long>(*count)) + ")."
                      : "Please keep this to " + GroupedNumber(static_cast<long long>(limit)) +
                            " characters (it has " + GroupedNumber(static_cast<long long>(*count)) + ").";
    return check;
  }
  check.body = required || !TrimWhitespace(clean).empty() ? clean : "";
  return check;
}

}  // namespace

BodyCheck CheckMessageBody(const std::string& text) {
  return CheckText(text, kMaxMessageCharacters, true, "Write your message before sending it.", "message");
}

BodyCheck CheckReportReason(const std::string& text) {
  return CheckText(text, kMaxReportReasonCharacters, true,
                   "Please say why you are reporting this message, so moderators can act on it.", "reason");
}

BodyCheck CheckModeratorNote(const std::string& text) {
  return CheckText(text, kMaxModeratorNoteCharacters, false, "", "note");
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
