// The rules of relayed contact (messages/message_rules.h): message and report text
// checks, excerpts, the new-account and throttle arithmetic, the notification throttle.
#include "messages/message_rules.h"

#include <gtest/gtest.h>

#include "app/limits.h"

namespace diseasemaps::messages {
namespace {

TEST(MessageRules, AMessageIsRequiredReadableAndAtMost5000Characters) {
  EXPECT_EQ(CheckMessageBody("").error, "Write your message before sending it.");
  EXPECT_EQ(CheckMessageBody(" \n\t ").error, "Write your message before sending it.");
  EXPECT_FALSE(CheckMessageBody(std::string("bad \x01 byte")).ok());
  EXPECT_FALSE(CheckMessageBody("broken \xC3").ok());

  const BodyCheck ok = CheckMessageBody("Hello,\r\nhow are you?");
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok.body, "Hello,\nhow are you?");

  // Characters, not bytes: 5,000 "é" pass.
  std::string accents;
  for (int i = 0; i < 5000; ++i) accents += "é";
  EXPECT_TRUE(CheckMessageBody(accents).ok());
  const BodyCheck over = CheckMessageBody(accents + "x");
  EXPECT_FALSE(over.ok());
  EXPECT_TRUE(over.too_long);
  EXPECT_EQ(over.error, "Messages can be at most 5,000 characters (this one has 5,001).");
  EXPECT_EQ(CheckMessageBody(std::string(12345, 'a')).error,
            "Messages can be at most 5,000 characters (this one has 12,345).");
}

TEST(MessageRules, AReportNeedsAReasonAndANoteIsOptional) {
  EXPECT_FALSE(CheckReportReason("  ").ok());
  EXPECT_TRUE(CheckReportReason("Spam").ok());
  EXPECT_FALSE(CheckReportReason(std::string(1001, 'a')).ok());
  const BodyCheck note = CheckModeratorNote("   ");
  EXPECT_TRUE(note.ok());
  EXPECT_EQ(note.body, "");
  EXPECT_FALSE(CheckModeratorNote(std::string(1001, 'a')).ok());
}

TEST(MessageRules, ExcerptIsOneLineAndCutOnCharacters) {
  EXPECT_EQ(Excerpt("  Hello\n\n  there  "), "Hello there");
  EXPECT_EQ(Excerpt("abcdef", 3), "abc…");
  EXPECT_EQ(Excerpt("ééééé", 2), "éé…");
  EXPECT_EQ(Excerpt("ab cd", 5), "ab cd");
  EXPECT_EQ(Excerpt(""), "");
}

TEST(MessageRules, AnAccountIsNewForAWeekAfterConfirmation) {
  const long long now = 1'800'000'000;
  EXPECT_TRUE(IsNewAccount(std::nullopt, now));
  EXPECT_TRUE(IsNewAccount(now - 60, now));
  EXPECT_TRUE(IsNewAccount(now - limits::kNewAccountSeconds + 1, now));
  EXPECT_FALSE(IsNewAccount(now - limits::kNewAccountSeconds, now));
}

TEST(MessageRules, SlidingWindowSaysWhenToRetry) {
  const long long now = 1'000'000;
  EXPECT_TRUE(SlidingWindow(9, now - 100, 10, 86400, now).allowed);
  const Throttle full = SlidingWindow(10, now - 100, 10, 86400, now);
  EXPECT_FALSE(full.allowed);
  EXPECT_EQ(full.retry_after, 86300);
  EXPECT_EQ(SlidingWindow(10, now - 86400, 10, 86400, now).retry_after, 1);  // never 0
  EXPECT_FALSE(SlidingWindow(0, 0, 0, 86400, now).allowed);                // a limit of 0 refuses all
}

TEST(MessageRules, OneNotificationPerHour) {
  const long long now = 5'000'000;
  EXPECT_TRUE(ShouldNotify(std::nullopt, now));
  EXPECT_FALSE(ShouldNotify(now - 10, now));
  EXPECT_FALSE(ShouldNotify(now - limits::kNotificationIntervalSeconds + 1, now));
  EXPECT_TRUE(ShouldNotify(now - limits::kNotificationIntervalSeconds, now));
}

TEST(MessageRules, ReportActions) {
  EXPECT_EQ(ParseReportAction("dismiss"), ReportAction::kDismiss);
  EXPECT_EQ(ParseReportAction("warn"), ReportAction::kWarn);
  EXPECT_EQ(ParseReportAction("suspend"), ReportAction::kSuspend);
  EXPECT_EQ(ParseReportAction("delete"), std::nullopt);
  EXPECT_EQ(ReportStatusAfter(ReportAction::kWarn), "warned");
  EXPECT_EQ(ReportStatusAfter(ReportAction::kSuspend), "suspended");
  EXPECT_EQ(ReportStatusAfter(ReportAction::kDismiss), "dismissed");
}

}  // namespace
}  // namespace diseasemaps::messages
