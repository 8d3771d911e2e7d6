#include "platform/db/prepared.h"

#include <gtest/gtest.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include "platform/db/database.h"
#include "temp_dir.h"

namespace diseasemaps {
namespace {

// The rows of t whose x is at least `from`, in order: a kept query with a bound value.
struct RowsFromQuery : PreparedQuery {
  long long from = 0;
  long long x = 0;
  soci::statement statement;
  explicit RowsFromQuery(soci::session& sql)
      : statement((sql.prepare << "SELECT x FROM t WHERE x >= :from ORDER BY x", soci::use(from, "from"),
                   soci::into(x))) {}
};

constexpr char kCountAtLeastSql[] = "SELECT COUNT(*) FROM t WHERE x >= :id";

class PreparedQueries : public ::testing::Test {
 protected:
  void SetUp() override {
    DatabaseOptions options;
    options.url = (dir_.path() / "test.db").string();
    options.pool_size = 1;  // every Run on the one connection: its kept queries are reused
    auto opened = Database::Open(options);
    ASSERT_TRUE(opened.ok()) << opened.status().message();
    db_ = std::move(*opened);
    Status created = db_->Run([](soci::session& sql) {
      sql << "CREATE TABLE t (x INTEGER NOT NULL)";
      sql << "INSERT INTO t (x) VALUES (1), (2), (3)";
      return Status::Ok();
    });
    ASSERT_TRUE(created.ok()) << created.message();
  }

  std::vector<long long> RowsFrom(long long from) {
    auto rows = db_->Run([&](soci::session& sql) {
      std::vector<long long> found;
      auto query = Prepared<RowsFromQuery>(sql);
      query->from = from;
      for (bool more = query.Execute(); more; more = query.Fetch()) found.push_back(query->x);
      return found;
    });
    EXPECT_TRUE(rows.ok()) << rows.status().message();
    return rows.ok() ? *rows : std::vector<long long>{};
  }

  long long CountAtLeast(long long from) {
    auto n = db_->Run([&](soci::session& sql) { return PreparedNumberOf<kCountAtLeastSql>(sql, from); });
    EXPECT_TRUE(n.ok()) << n.status().message();
    return n.ok() ? *n : -1;
  }

  test_support::TempDir dir_;
  std::unique_ptr<Database> db_;
};

TEST_F(PreparedQueries, RunAgainWithNewValuesGiveTheirOwnRows) {
  EXPECT_EQ(RowsFrom(2), (std::vector<long long>{2, 3}));
  EXPECT_EQ(RowsFrom(1), (std::vector<long long>{1, 2, 3}));
  EXPECT_EQ(RowsFrom(4), (std::vector<long long>{}));
  EXPECT_EQ(CountAtLeast(3), 1);
  EXPECT_EQ(CountAtLeast(0), 3);
}

TEST_F(PreparedQueries, SeeWhatWasWrittenSinceTheyLastRan) {
  EXPECT_EQ(CountAtLeast(1), 3);
  ASSERT_TRUE(db_->InTransaction([](soci::session& sql) {
                   sql << "INSERT INTO t (x) VALUES (4)";
                   return Status::Ok();
                 }).ok());
  EXPECT_EQ(CountAtLeast(1), 4);
  EXPECT_EQ(RowsFrom(3), (std::vector<long long>{3, 4}));
}

// A statement left pending would keep its connection's read snapshot open: another
// connection's checkpoint could then not finish the write-ahead log.
TEST_F(PreparedQueries, LeaveNoReadOpenWhenTheyAreDone) {
  EXPECT_EQ(RowsFrom(1).size(), 3u);  // stopped by the end of the rows
  EXPECT_EQ(CountAtLeast(1), 3);      // one row read, the statement not stepped to its end
  DatabaseOptions options;
  options.url = (dir_.path() / "test.db").string();
  options.pool_size = 1;
  auto other = Database::Open(options);
  ASSERT_TRUE(other.ok()) << other.status().message();
  auto busy = (*other)->Run([](soci::session& sql) {
    sql << "INSERT INTO t (x) VALUES (5)";
    int busy_flag = -1, log_frames = -1, checkpointed = -1;
    sql << "PRAGMA wal_checkpoint(TRUNCATE)", soci::into(busy_flag), soci::into(log_frames),
        soci::into(checkpointed);
    return busy_flag;
  });
  ASSERT_TRUE(busy.ok()) << busy.status().message();
  EXPECT_EQ(*busy, 0) << "a kept query still holds a read on the first connection";
  EXPECT_EQ(CountAtLeast(1), 4);
}

TEST(PreparedQueriesElsewhere, OnASessionNoDatabaseKeepsTheQueryIsMadeAndFreedEachTime) {
  test_support::TempDir dir;
  soci::session sql(soci::sqlite3, "db=" + (dir.path() / "raw.db").string());
  sql << "CREATE TABLE t (x INTEGER NOT NULL)";
  sql << "INSERT INTO t (x) VALUES (7), (8)";
  for (int round = 0; round < 2; ++round) {
    EXPECT_EQ(PreparedNumberOf<kCountAtLeastSql>(sql, 8), 1);
    EXPECT_EQ(PreparedNumberOf<kCountAtLeastSql>(sql, 0), 2);
  }
}

}  // namespace
}  // namespace diseasemaps
