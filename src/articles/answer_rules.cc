#include "articles/answer_rules.h"

#include <cstdio>

#include "platform/i18n.h"
#include "platform/markdown.h"
#include "platform/text.h"

namespace diseasemaps::articles {
namespace {

using std::chrono::days;
using std::chrono::sys_days;
using std::chrono::sys_seconds;
using std::chrono::year_month_day;

constexpr std::string_view kStatusNames[] = {"draft", "submitted", "returned", "approved"};

sys_seconds At(long long unix_seconds) { return sys_seconds(std::chrono::seconds(unix_seconds)); }

}  // namespace

std::string_view StatusName(AnswerStatus status) { return kStatusNames[static_cast<int>(status)]; }

std::optional<AnswerStatus> ParseStatus(std::string_view name) {
  for (int i = 0; i < 4; ++i) {
    if (kStatusNames[i] == name) return static_cast<AnswerStatus>(i);
  }
  return std::nullopt;
}

std::string_view ActionName(AnswerAction action) {
  switch (action) {
    case AnswerAction::kEdit: return "edit";
    case AnswerAction::kSubmit: return "submit";
    case AnswerAction::kApprove: return "approve";
    case AnswerAction::kReturn: return "return";
  }
  return "unknown";
}

std::optional<Transition> NextStep(AnswerStatus from, AnswerAction action) {
  using S = AnswerStatus;
  using A = AnswerAction;
  switch (from) {
    case S::kDraft:
      if (action == A::kEdit) return Transition{S::kDraft, false};
      if (action == A::kSubmit) return Transition{S::kSubmitted, false};
      return std::nullopt;
    case S::kSubmitted:  // under review: only the reviewer acts
      if (action == A::kApprove) return Transition{S::kApproved, false};
      if (action == A::kReturn) return Transition{S::kReturned, false};
      return std::nullopt;
    case S::kReturned:  // the reviewer's comment stays with the text it was about
      if (action == A::kEdit) return Transition{S::kDraft, true};
      if (action == A::kSubmit) return Transition{S::kSubmitted, false};
      return std::nullopt;
    case S::kApproved:  // what was approved never changes
      if (action == A::kEdit) return Transition{S::kDraft, true};
      return std::nullopt;
  }
  return std::nullopt;
}

bool ReviewOverdue(long long reviewed_at, long long now) {
  const sys_seconds reviewed = At(reviewed_at);
  const sys_days day = std::chrono::floor<days>(reviewed);
  year_month_day due = year_month_day(day) + std::chrono::months(kReviewValidMonths);
  if (!due.ok()) due = due.year() / due.month() / std::chrono::last;  // 29 Feb -> 28 Feb
  const sys_seconds deadline = sys_days(due) + (reviewed - day);
  return At(now) > deadline;
}

std::string IsoDate(long long unix_seconds) {
  const year_month_day date(std::chrono::floor<days>(At(unix_seconds)));
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return text;
}

std::string ReviewedHeader(std::string_view reviewer_name, std::string_view reviewer_credentials,
                           long long last_updated) {
  const std::string date = i18n::FormatDate(i18n::CurrentLanguage(), last_updated);
  if (reviewer_credentials.empty()) {
    return i18n::Tr("Short answer · Medically reviewed by {name} · Last updated {date}",
                    {{"name", std::string(reviewer_name)}, {"date", date}});
  }
  return i18n::Tr("Short answer · Medically reviewed by {name}, {credentials} · Last updated {date}",
                  {{"name", std::string(reviewer_name)}, {"credentials", std::string(reviewer_credentials)}, {"date", date}});
}

bool IsValidAnswerSlug(std::string_view slug) {
  if (slug.empty() || slug.size() > kMaxSlugBytes || slug.front() == '-' || slug.back() == '-') return false;
  char previous = 0;
  for (char c : slug) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok || (c == '-' && previous == '-')) return false;
    previous = c;
  }
  return true;
}

namespace {

bool Blank(std::string_view s) { return TrimWhitespace(s).empty(); }

}  // namespace

Status ValidateAnswerText(std::string_view question, std::string_view short_answer,
                          std::string_view body_markdown) {
  if (Blank(question)) return Status::InvalidArgument(i18n::Tr("the question is required"));
  if (question.size() > kMaxQuestionBytes) {
    return Status::TooLarge(i18n::Tr("the question is {size} bytes long; the limit is {limit}",
                                     {{"size", std::to_string(question.size())},
                                      {"limit", std::to_string(kMaxQuestionBytes)}}));
  }
  if (Blank(short_answer)) return Status::InvalidArgument(i18n::Tr("the short answer is required"));
  if (short_answer.size() > kMaxShortAnswerBytes) {
    return Status::TooLarge(i18n::Tr("the short answer is {size} bytes long; the limit is {limit}",
                                     {{"size", std::to_string(short_answer.size())},
                                      {"limit", std::to_string(kMaxShortAnswerBytes)}}));
  }
  if (body_markdown.size() > kMaxMarkdownBytes) {
    return Status::TooLarge(i18n::Tr("the answer's text is {size} bytes long; the limit is {limit} bytes (64 KiB)",
                                     {{"size", std::to_string(body_markdown.size())},
                                      {"limit", std::to_string(kMaxMarkdownBytes)}}));
  }
  return Status::Ok();
}

}  // namespace diseasemaps::articles
