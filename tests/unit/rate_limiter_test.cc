#include "platform/rate_limiter.h"

#include <gtest/gtest.h>

namespace diseasemaps {
namespace {

TEST(RateLimiter, AllowsUpToTheLimitWithinTheWindow) {
  MemoryRateLimiter limiter(3, 60);
  for (int i = 0; i < 3; ++i) {
    EXPECT_TRUE(limiter.CanPerform("k", 1000 + i));
    limiter.Performed("k", 1000 + i);
  }
  EXPECT_FALSE(limiter.CanPerform("k", 1003));
  EXPECT_EQ(limiter.RetryAfter("k", 1003), 57);  // the oldest event leaves at 1060
  EXPECT_TRUE(limiter.CanPerform("other", 1003));  // keys are apart
}

TEST(RateLimiter, EventsLeaveTheWindow) {
  MemoryRateLimiter limiter(2, 10);
  limiter.Performed("k", 0);
  limiter.Performed("k", 5);
  EXPECT_FALSE(limiter.CanPerform("k", 9));
  EXPECT_TRUE(limiter.CanPerform("k", 10));  // the event at 0 has left
  EXPECT_EQ(limiter.RetryAfter("k", 10), 0);
}

TEST(RateLimiter, ResetForgetsAKey) {
  MemoryRateLimiter limiter(1, 100);
  limiter.Performed("k", 0);
  EXPECT_FALSE(limiter.CanPerform("k", 1));
  limiter.Reset("k");
  EXPECT_TRUE(limiter.CanPerform("k", 1));
}

// Two features limiting one thing (the login pages count failures per account, a
// password reset forgets them) share it by name, in memory as in the database.
TEST(MemoryRateLimiters, OneNameIsOneCount) {
  RateLimiterFactory limiters = MemoryRateLimiters();
  auto login = limiters("login-account", 1, 900);
  auto reset = limiters("login-account", 1, 900);
  auto other = limiters("register-ip", 1, 900);
  login->Performed("account:a", 0);
  EXPECT_FALSE(reset->CanPerform("account:a", 1));
  EXPECT_TRUE(other->CanPerform("account:a", 1));
  reset->Reset("account:a");
  EXPECT_TRUE(login->CanPerform("account:a", 1));
}

}  // namespace
}  // namespace diseasemaps
