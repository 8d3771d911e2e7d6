#include "platform/db/database.h"

#include <gtest/gtest.h>

#include "temp_dir.h"

namespace diseasemaps {
namespace {

// A database in a fresh SQLite file with one table, t(x).
class SqliteDatabase : public ::testing::Test {
 protected:
  void SetUp() override {
    DatabaseOptions options;
    options.url = (dir_.path() / "test.db").string();
    options.pool_size = 2;
    auto opened = Database::Open(options);
    ASSERT_TRUE(opened.ok()) << opened.status().message();
    db_ = std::move(*opened);
    Status created = db_->Run([](soci::session& sql) {
      sql << "CREATE TABLE t (x INTEGER NOT NULL)";
      return Status::Ok();
    });
    ASSERT_TRUE(created.ok()) << created.message();
  }

  int Rows() {
    Result<int> rows = db_->Run([](soci::session& sql) {
      int n = -1;
      sql << "SELECT COUNT(*) FROM t", soci::into(n);
      return n;
    });
    EXPECT_TRUE(rows.ok()) << rows.status().message();
    return rows.ok() ? *rows : -1;
  }

  test_support::TempDir dir_;
  std::unique_ptr<Database> db_;
};

TEST_F(SqliteDatabase, InTransactionCommitsWhenTheCallbackSucceeds) {
  Status s = db_->InTransaction([](soci::session& sql) {
    sql << "INSERT INTO t (x) VALUES (1)";
    sql << "INSERT INTO t (x) VALUES (2)";
    return Status::Ok();
  });
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(Rows(), 2);
}

TEST_F(SqliteDatabase, InTransactionRollsBackWhenTheCallbackReturnsAFailure) {
  Status s = db_->InTransaction([](soci::session& sql) {
    sql << "INSERT INTO t (x) VALUES (1)";
    return Status::Conflict("changed its mind");
  });
  EXPECT_EQ(s.code(), Status::Code::kConflict);
  EXPECT_EQ(s.message(), "changed its mind");
  EXPECT_EQ(Rows(), 0);
}

TEST_F(SqliteDatabase, InTransactionRollsBackAFailedResult) {
  Result<int> r = db_->InTransaction([](soci::session& sql) -> Result<int> {
    sql << "INSERT INTO t (x) VALUES (1)";
    return Status::NotFound("nothing here");
  });
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kNotFound);
  EXPECT_EQ(Rows(), 0);
}

TEST_F(SqliteDatabase, InTransactionReturnsAndCommitsAPlainValue) {
  Result<int> r = db_->InTransaction([](soci::session& sql) {
    sql << "INSERT INTO t (x) VALUES (7)";
    return 42;
  });
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(*r, 42);
  EXPECT_EQ(Rows(), 1);
}

TEST_F(SqliteDatabase, DatabaseErrorBecomesInternalAndRollsBack) {
  Status s = db_->InTransaction([](soci::session& sql) {
    sql << "INSERT INTO t (x) VALUES (1)";
    sql << "INSERT INTO no_such_table (x) VALUES (1)";
    return Status::Ok();
  });
  EXPECT_EQ(s.code(), Status::Code::kInternal);
  EXPECT_EQ(Rows(), 0);
}

TEST_F(SqliteDatabase, ConnectionIsUsableAfterARollback) {
  (void)db_->InTransaction([](soci::session& sql) {
    sql << "INSERT INTO t (x) VALUES (1)";
    return Status::Internal("no");
  });
  for (int i = 0; i < 4; ++i) {  // more transactions than connections in the pool
    Status s = db_->InTransaction([](soci::session& sql) {
      sql << "INSERT INTO t (x) VALUES (2)";
      return Status::Ok();
    });
    ASSERT_TRUE(s.ok()) << s.message();
  }
  EXPECT_EQ(Rows(), 4);
  EXPECT_EQ(db_->connections_in_use(), 0);
}

TEST_F(SqliteDatabase, ForeignKeysAreEnforced) {
  Result<int> enabled = db_->Run([](soci::session& sql) {
    int on = -1;
    sql << "PRAGMA foreign_keys", soci::into(on);
    return on;
  });
  ASSERT_TRUE(enabled.ok());
  EXPECT_EQ(*enabled, 1);
}

TEST(DatabaseOpen, RefusesAnEmptyPool) {
  test_support::TempDir dir;
  DatabaseOptions options;
  options.url = (dir.path() / "x.db").string();
  options.pool_size = 0;
  auto opened = Database::Open(options);
  ASSERT_FALSE(opened.ok());
  EXPECT_EQ(opened.status().code(), Status::Code::kInvalidArgument);
}

TEST(DatabaseOpen, CreatesTheParentDirectoryOfAnSqliteFile) {
  test_support::TempDir dir;
  DatabaseOptions options;
  options.url = "sqlite:" + (dir.path() / "var" / "nested" / "x.db").string();
  options.pool_size = 1;
  auto opened = Database::Open(options);
  ASSERT_TRUE(opened.ok()) << opened.status().message();
  EXPECT_EQ((*opened)->backend(), Backend::kSqlite);
  EXPECT_EQ((*opened)->pool_size(), 1);
  EXPECT_TRUE(std::filesystem::exists(dir.path() / "var" / "nested" / "x.db"));
}

TEST(DatabaseOpen, NeverShowsThePasswordOfAPostgresqlUrl) {
  DatabaseOptions options;
  options.url = "postgresql://maps:s3cret-pw@127.0.0.1:1/maps";  // nothing listens on 1
  options.pool_size = 1;
  auto opened = Database::Open(options);
  ASSERT_FALSE(opened.ok());
  EXPECT_EQ(opened.status().code(), Status::Code::kUnavailable);
  EXPECT_EQ(opened.status().message().find("s3cret-pw"), std::string::npos)
      << opened.status().message();
  EXPECT_NE(opened.status().message().find("maps:***@127.0.0.1"), std::string::npos)
      << opened.status().message();
}

// Regression: a password passed as ?password=… must not reach description(), the logs
// or error messages.
TEST(DatabaseOpen, NeverShowsAPasswordGivenAsAQueryParameter) {
  DatabaseOptions options;
  options.url = "postgresql://maps@127.0.0.1:1/maps?password=s3cret-pw";
  options.pool_size = 1;
  auto opened = Database::Open(options);
  ASSERT_FALSE(opened.ok());
  EXPECT_EQ(opened.status().message().find("s3cret-pw"), std::string::npos)
      << opened.status().message();
}

TEST(BackendOf, RecognisesSqlitePathsAndPostgresqlUrls) {
  EXPECT_EQ(BackendOf("var/diseasemaps.db"), Backend::kSqlite);
  EXPECT_EQ(BackendOf("/abs/path.db"), Backend::kSqlite);
  EXPECT_EQ(BackendOf("sqlite:var/diseasemaps.db"), Backend::kSqlite);
  EXPECT_EQ(BackendOf("postgresql://maps@localhost:5432/maps"), Backend::kPostgresql);
  EXPECT_EQ(BackendOf("postgres://localhost/maps"), Backend::kPostgresql);
  EXPECT_EQ(BackendOf("postgresql.db"), Backend::kSqlite);  // a file named so, not a URL
}

}  // namespace
}  // namespace diseasemaps
