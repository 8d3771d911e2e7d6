// The rules of medically reviewed answers, as pure functions: which workflow step is
// allowed from which status, when a review is overdue, and the words a page shows for
// a reviewed or an unreviewed answer. No database, no clock: callers pass `now`.
//
// An answer (one question about one condition) keeps every version of its text. The
// latest version is the one being worked on; the published version is the approved
// one the public sees. Steps apply to the latest version only:
//
//   from \ action   edit                  submit      approve     return
//   draft           draft (in place)      submitted   -           -
//   submitted       -                     -           approved    returned
//   returned        draft (new version)   submitted   -           -
//   approved        draft (new version)   -           -           -
//
// The text of a version a reviewer has seen (returned or approved) never changes:
// editing it starts a new draft with the next number, so what a reviewer approved is
// exactly what stays published until another approval replaces it.
#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "platform/i18n.h"
#include "platform/status.h"

namespace diseasemaps::articles {

enum class AnswerStatus { kDraft, kSubmitted, kReturned, kApproved };

enum class AnswerAction {
  kEdit,     // change the question, short answer or body
  kSubmit,   // ask for a medical review
  kApprove,  // a reviewer signs the version off: it becomes the published one
  kReturn,   // a reviewer sends it back with a comment
};

// "draft", "submitted", "returned", "approved": the values of answer_versions.status.
std::string_view StatusName(AnswerStatus status);
std::optional<AnswerStatus> ParseStatus(std::string_view name);
std::string_view ActionName(AnswerAction action);

struct Transition {
  AnswerStatus to;
  // True when the step leaves the current version as it is and writes a new version
  // (number + 1) holding the change; false when it changes the current version.
  bool new_version = false;
};

// The step `action` takes from a latest version in `from`, or nullopt when the action
// is not allowed there (for example, approving a draft nobody submitted, or editing a
// version while it is under review).
std::optional<Transition> NextStep(AnswerStatus from, AnswerAction action);

// How long a medical review stays current.
inline constexpr int kReviewValidMonths = 24;

// True when the review made at `reviewed_at` (Unix seconds) is more than
// kReviewValidMonths calendar months old at `now` (a review on 29 February runs out on
// the last day of February). A review dated after `now` is not overdue.
bool ReviewOverdue(long long reviewed_at, long long now);

// Unix seconds -> "2026-04-07" (UTC).
std::string IsoDate(long long unix_seconds);

// English source text; pages show i18n::Tr() of them.
inline constexpr std::string_view kUnreviewedLabel = i18n::N_("Editorial draft — not yet medically reviewed");
inline constexpr std::string_view kOverdueLabel = i18n::N_("Review overdue");

// The line above a published answer:
// "Short answer · Medically reviewed by NAME, CREDENTIALS · Last updated 2026-04-07".
// Without credentials: "… Medically reviewed by NAME · …".
// REQUIRES: the answer's published version was approved by `reviewer_name`; this line
// is never built for a version nobody approved.
std::string ReviewedHeader(std::string_view reviewer_name, std::string_view reviewer_credentials,
                           long long last_updated);

// Limits on what an answer may hold (bytes of UTF-8). The body's limit is Markdown's
// (kMaxMarkdownBytes, 64 KiB).
inline constexpr std::size_t kMaxQuestionBytes = 300;
inline constexpr std::size_t kMaxShortAnswerBytes = 2000;
inline constexpr std::size_t kMaxSlugBytes = 100;
inline constexpr std::size_t kMaxNameBytes = 200;       // author labels, reviewer names, credentials
inline constexpr std::size_t kMaxCommentBytes = 4000;   // a reviewer's comment

// True for 1 to kMaxSlugBytes of a-z, 0-9 and inner single hyphens ("what-causes-it").
bool IsValidAnswerSlug(std::string_view slug);

// Ok, or InvalidArgument / TooLarge naming the field and the limit: the question and
// the short answer are required, the body may be empty.
Status ValidateAnswerText(std::string_view question, std::string_view short_answer,
                          std::string_view body_markdown);

}  // namespace diseasemaps::articles
