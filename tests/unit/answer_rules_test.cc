#include "articles/answer_rules.h"

#include <gtest/gtest.h>

#include <string>

namespace diseasemaps::articles {
namespace {

using S = AnswerStatus;
using A = AnswerAction;

// Unix seconds at midnight UTC of a date.
long long Day(int y, unsigned m, unsigned d) {
  using namespace std::chrono;
  return duration_cast<seconds>(sys_days(year{y} / month{m} / day{d}).time_since_epoch()).count();
}

struct Row {
  S from;
  A action;
  std::optional<S> to;  // nullopt: refused
  bool new_version;
};

// Every status × every action, and what the workflow says.
const Row kTable[] = {
    {S::kDraft, A::kEdit, S::kDraft, false},
    {S::kDraft, A::kSubmit, S::kSubmitted, false},
    {S::kDraft, A::kApprove, std::nullopt, false},  // nobody asked for a review
    {S::kDraft, A::kReturn, std::nullopt, false},
    {S::kSubmitted, A::kEdit, std::nullopt, false},  // under review: frozen
    {S::kSubmitted, A::kSubmit, std::nullopt, false},
    {S::kSubmitted, A::kApprove, S::kApproved, false},
    {S::kSubmitted, A::kReturn, S::kReturned, false},
    {S::kReturned, A::kEdit, S::kDraft, true},  // the returned text stays with its comment
    {S::kReturned, A::kSubmit, S::kSubmitted, false},
    {S::kReturned, A::kApprove, std::nullopt, false},
    {S::kReturned, A::kReturn, std::nullopt, false},
    {S::kApproved, A::kEdit, S::kDraft, true},  // the approved text stays published
    {S::kApproved, A::kSubmit, std::nullopt, false},
    {S::kApproved, A::kApprove, std::nullopt, false},
    {S::kApproved, A::kReturn, std::nullopt, false},
};

TEST(AnswerRules, WorkflowTable) {
  for (const Row& row : kTable) {
    const auto step = NextStep(row.from, row.action);
    const std::string what = std::string(StatusName(row.from)) + " × " + std::string(ActionName(row.action));
    ASSERT_EQ(step.has_value(), row.to.has_value()) << what;
    if (!step) continue;
    EXPECT_EQ(step->to, *row.to) << what;
    EXPECT_EQ(step->new_version, row.new_version) << what;
  }
  EXPECT_EQ(std::size(kTable), 16u);  // 4 statuses × 4 actions: none left out
}

TEST(AnswerRules, OnlyApproveLeadsToApproved) {
  for (S from : {S::kDraft, S::kSubmitted, S::kReturned, S::kApproved}) {
    for (A action : {A::kEdit, A::kSubmit, A::kApprove, A::kReturn}) {
      const auto step = NextStep(from, action);
      if (step && step->to == S::kApproved) {
        EXPECT_EQ(action, A::kApprove);
        EXPECT_EQ(from, S::kSubmitted);
      }
      // What a reviewer has seen is never changed in place.
      if (step && (from == S::kApproved || from == S::kReturned) && action == A::kEdit) {
        EXPECT_TRUE(step->new_version);
      }
    }
  }
}

TEST(AnswerRules, StatusNamesRoundTrip) {
  for (S status : {S::kDraft, S::kSubmitted, S::kReturned, S::kApproved}) {
    EXPECT_EQ(ParseStatus(StatusName(status)), status);
  }
  EXPECT_EQ(StatusName(S::kSubmitted), "submitted");
  EXPECT_FALSE(ParseStatus("published").has_value());
  EXPECT_FALSE(ParseStatus("Approved").has_value());
  EXPECT_FALSE(ParseStatus("").has_value());
}

TEST(AnswerRules, ReviewOverdueAfterTwentyFourMonths) {
  const long long reviewed = Day(2024, 4, 7) + 3600;  // 01:00 UTC
  EXPECT_FALSE(ReviewOverdue(reviewed, reviewed));
  EXPECT_FALSE(ReviewOverdue(reviewed, Day(2025, 4, 7)));
  EXPECT_FALSE(ReviewOverdue(reviewed, Day(2026, 4, 7) + 3600));       // exactly 24 months
  EXPECT_TRUE(ReviewOverdue(reviewed, Day(2026, 4, 7) + 3601));        // one second more
  EXPECT_TRUE(ReviewOverdue(reviewed, Day(2030, 1, 1)));
  EXPECT_FALSE(ReviewOverdue(reviewed, reviewed - 86400));             // a clock behind
  // A review on 29 February runs out at the end of 28 February two years on.
  const long long leap = Day(2024, 2, 29);
  EXPECT_FALSE(ReviewOverdue(leap, Day(2026, 2, 28)));
  EXPECT_TRUE(ReviewOverdue(leap, Day(2026, 2, 28) + 1));
  // 31 August + 24 months = 31 August.
  EXPECT_FALSE(ReviewOverdue(Day(2023, 8, 31), Day(2025, 8, 31)));
  EXPECT_TRUE(ReviewOverdue(Day(2023, 8, 31), Day(2025, 9, 1)));
}

TEST(AnswerRules, HeaderLineNamesTheReviewerAndTheDate) {
  EXPECT_EQ(ReviewedHeader("Dr Jane Doe", "MD, paediatric neurologist", Day(2026, 4, 7) + 50000),
            "Short answer · Medically reviewed by Dr Jane Doe, MD, paediatric neurologist · Last updated 7 April 2026");
  EXPECT_EQ(ReviewedHeader("Dr Jane Doe", "", Day(2026, 4, 7)),
            "Short answer · Medically reviewed by Dr Jane Doe · Last updated 7 April 2026");
  EXPECT_EQ(kUnreviewedLabel, "Editorial draft — not yet medically reviewed");
  EXPECT_EQ(IsoDate(0), "1970-01-01");
  EXPECT_EQ(IsoDate(Day(2026, 12, 31) + 86399), "2026-12-31");
}

TEST(AnswerRules, Slugs) {
  for (const char* good : {"what-causes-it", "a", "causes-2", "x1"}) EXPECT_TRUE(IsValidAnswerSlug(good)) << good;
  for (const char* bad : {"", "-a", "a-", "a--b", "A", "a b", "a_b", "é", "../x"}) {
    EXPECT_FALSE(IsValidAnswerSlug(bad)) << bad;
  }
  EXPECT_FALSE(IsValidAnswerSlug(std::string(kMaxSlugBytes + 1, 'a')));
  EXPECT_TRUE(IsValidAnswerSlug(std::string(kMaxSlugBytes, 'a')));
}

TEST(AnswerRules, TextLimits) {
  EXPECT_TRUE(ValidateAnswerText("Why?", "Because.", "").ok());
  EXPECT_EQ(ValidateAnswerText("  ", "Because.", "").code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(ValidateAnswerText("Why?", "\n", "").code(), Status::Code::kInvalidArgument);
  const Status long_question = ValidateAnswerText(std::string(kMaxQuestionBytes + 1, 'q'), "x", "");
  EXPECT_EQ(long_question.code(), Status::Code::kTooLarge);
  EXPECT_NE(long_question.message().find("300"), std::string::npos) << long_question.message();
  EXPECT_EQ(ValidateAnswerText("q", std::string(kMaxShortAnswerBytes + 1, 's'), "").code(), Status::Code::kTooLarge);
  const Status long_body = ValidateAnswerText("q", "s", std::string(64 * 1024 + 1, 'b'));
  EXPECT_EQ(long_body.code(), Status::Code::kTooLarge);
  EXPECT_NE(long_body.message().find("64 KiB"), std::string::npos) << long_body.message();
}

}  // namespace
}  // namespace diseasemaps::articles
