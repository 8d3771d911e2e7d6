// The rules of digests (notifications/digest_rules.h) and the unsubscribe payloads of the
// two streams of forum e-mails (notifications/notification_mail.h).
#include "notifications/digest_rules.h"

#include <gtest/gtest.h>

#include "notifications/notification_mail.h"

namespace diseasemaps::notifications {
namespace {

constexpr long long kDay = 24 * 60 * 60;

TEST(DigestFrequencyTest, ReadsTheThreeNamesOnly) {
  for (auto f : {DigestFrequency::kDaily, DigestFrequency::kWeekly, DigestFrequency::kNever}) {
    EXPECT_TRUE(ParseDigestFrequency(DigestFrequencyName(f)) == f);
  }
  EXPECT_FALSE(ParseDigestFrequency("Weekly").has_value());
  EXPECT_FALSE(ParseDigestFrequency("").has_value());
  EXPECT_TRUE(kDefaultDigest == DigestFrequency::kWeekly);
}

TEST(DigestDueTest, ComesAfterAWholeIntervalAndNeverForNever) {
  DigestState state{DigestFrequency::kDaily, 1000, std::nullopt};
  EXPECT_FALSE(DigestDue(state, 1000 + kDay - 1));
  EXPECT_TRUE(DigestDue(state, 1000 + kDay));
  state.frequency = DigestFrequency::kWeekly;
  EXPECT_FALSE(DigestDue(state, 1000 + 6 * kDay));
  EXPECT_TRUE(DigestDue(state, 1000 + 7 * kDay));
  state.frequency = DigestFrequency::kNever;
  EXPECT_FALSE(DigestDue(state, 1000 + 700 * kDay));
}

TEST(NextDigestStepTest, AVisitSinceTheLastDigestSendsNothingAndStartsTheNextAtTheVisit) {
  const long long now = 1000 + 8 * kDay;
  EXPECT_EQ(NextDigestStep({DigestFrequency::kWeekly, 1000, std::nullopt}, now).next_from, now);
  EXPECT_TRUE(NextDigestStep({DigestFrequency::kWeekly, 1000, std::nullopt}, now).send);
  // A visit before the last digest does not count.
  EXPECT_TRUE(NextDigestStep({DigestFrequency::kWeekly, 1000, 999}, now).send);
  EXPECT_TRUE(NextDigestStep({DigestFrequency::kWeekly, 1000, 1000}, now).send);
  const DigestStep visited = NextDigestStep({DigestFrequency::kWeekly, 1000, 5000}, now);
  EXPECT_FALSE(visited.send);
  EXPECT_EQ(visited.next_from, 5000);
}

TEST(UnsubscribePayloadTest, NamesTheAccountAndTheStream) {
  EXPECT_EQ(UnsubscribePayload(12), "u12");
  EXPECT_EQ(UnsubscribePayload(12, MailStream::kDigest), "d12");
  auto replies = ParseUnsubscribePayload("u12");
  ASSERT_TRUE(replies);
  EXPECT_EQ(replies->user_id, 12);
  EXPECT_TRUE(replies->stream == MailStream::kReplies);
  auto digest = ParseUnsubscribePayload("d7");
  ASSERT_TRUE(digest);
  EXPECT_EQ(digest->user_id, 7);
  EXPECT_TRUE(digest->stream == MailStream::kDigest);
  for (const char* bad : {"", "u", "x12", "d-1", "u0", "d12a"}) EXPECT_FALSE(ParseUnsubscribePayload(bad)) << bad;
}

}  // namespace
}  // namespace diseasemaps::notifications
