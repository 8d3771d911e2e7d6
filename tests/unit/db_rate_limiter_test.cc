// The database-backed limiters' SQL and rules, on SQLite (the same statements run on
// PostgreSQL in the cluster tests, tests/integration/cluster_test.cc).
#include "platform/db_rate_limiter.h"

#include <gtest/gtest.h>

#include "platform/db/migrations.h"
#include "temp_dir.h"

namespace diseasemaps {
namespace {

class DatabaseRateLimiterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    DatabaseOptions options;
    options.url = (dir_.path() / "limits.db").string();
    auto opened = Database::Open(options);
    ASSERT_TRUE(opened.ok()) << opened.status().message();
    db_ = std::move(*opened);
    auto migrations = EmbeddedMigrations();
    ASSERT_TRUE(migrations.ok());
    ASSERT_TRUE(Migrate(*db_, *migrations).ok());
  }

  long long Rows() {
    auto rows = db_->Run([](soci::session& sql) {
      long long n = 0;
      sql << "SELECT COUNT(*) FROM rate_limit_counts", soci::into(n);
      return n;
    });
    return rows.ok() ? *rows : -1;
  }

  test_support::TempDir dir_;
  std::unique_ptr<Database> db_;
};

constexpr long long kWindowStart = 900 * 2000;  // a window's first second

// Two processes on one database (two factories) count the same events: the limit is
// reached at the same total as in one process.
TEST_F(DatabaseRateLimiterTest, TwoProcessesShareOneCount) {
  auto node_a = DatabaseRateLimiters(*db_)("login-account", 8, 900);
  auto node_b = DatabaseRateLimiters(*db_)("login-account", 8, 900);
  for (int i = 0; i < 8; ++i) {
    RateLimiter& node = i % 2 == 0 ? *node_a : *node_b;
    EXPECT_TRUE(node.CanPerform("account:a@example.org", kWindowStart + i)) << i;
    node.Performed("account:a@example.org", kWindowStart + i);
  }
  EXPECT_FALSE(node_a->CanPerform("account:a@example.org", kWindowStart + 8));
  EXPECT_FALSE(node_b->CanPerform("account:a@example.org", kWindowStart + 8));
  EXPECT_GT(node_b->RetryAfter("account:a@example.org", kWindowStart + 8), 0);
  EXPECT_TRUE(node_a->CanPerform("account:b@example.org", kWindowStart + 8));  // keys are apart
}

TEST_F(DatabaseRateLimiterTest, LimitsWithTheSameKeysAreApart) {
  auto registrations = DatabaseRateLimiters(*db_)("register-ip", 1, 3600);
  auto logins = DatabaseRateLimiters(*db_)("login-ip", 1, 900);
  registrations->Performed("ip:127.0.0.1", kWindowStart);
  EXPECT_FALSE(registrations->CanPerform("ip:127.0.0.1", kWindowStart));
  EXPECT_TRUE(logins->CanPerform("ip:127.0.0.1", kWindowStart));
}

TEST_F(DatabaseRateLimiterTest, ResetForgetsAKeyAndOldWindowsFade) {
  auto limiter = DatabaseRateLimiters(*db_)("login-account", 2, 900);
  limiter->Performed("k", kWindowStart);
  limiter->Performed("k", kWindowStart + 1);
  EXPECT_FALSE(limiter->CanPerform("k", kWindowStart + 2));
  EXPECT_TRUE(limiter->CanPerform("k", kWindowStart + 2 * 900));  // two windows later
  limiter->Reset("k");
  EXPECT_TRUE(limiter->CanPerform("k", kWindowStart + 2));
  EXPECT_EQ(limiter->RetryAfter("k", kWindowStart + 2), 0);
}

TEST_F(DatabaseRateLimiterTest, CountersOlderThanTwoWindowsArePruned) {
  auto limiter = DatabaseRateLimiters(*db_)("reset-ip", 5, 900);
  limiter->Performed("old", kWindowStart);
  EXPECT_EQ(Rows(), 1);
  limiter->Performed("new", kWindowStart + 3 * 900);  // the first prune of this process
  EXPECT_EQ(Rows(), 1);
}

TEST_F(DatabaseRateLimiterTest, SqliteServersCountInMemory) {
  auto limiter = RateLimitersFor(*db_)("login-ip", 1, 900);
  limiter->Performed("ip:127.0.0.1", kWindowStart);
  EXPECT_FALSE(limiter->CanPerform("ip:127.0.0.1", kWindowStart));
  EXPECT_EQ(Rows(), 0);
}

}  // namespace
}  // namespace diseasemaps
