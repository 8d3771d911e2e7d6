#include "platform/db/migrations.h"

#include <gtest/gtest.h>

#include "temp_dir.h"

namespace diseasemaps {
namespace {

using Names = std::vector<std::string>;

std::vector<Migration> Numbered(std::initializer_list<int> versions) {
  std::vector<Migration> migrations;
  for (int v : versions) {
    std::string name = "m";
    name += std::to_string(v);  // not "m" + …: g++ 12 warns falsely (-Wrestrict)
    migrations.push_back({v, name, "SELECT 1;"});
  }
  return migrations;
}

// ---- The migrations compiled in, and their numbering ---------------------------------

TEST(EmbeddedMigrations, AreNumberedFromOneInIncreasingOrder) {
  auto migrations = EmbeddedMigrations();
  ASSERT_TRUE(migrations.ok()) << migrations.status().message();
  ASSERT_FALSE(migrations->empty());
  EXPECT_EQ(migrations->front().version, 1);
  EXPECT_EQ(migrations->front().name, "0001_conditions");
  for (std::size_t i = 0; i < migrations->size(); ++i) {
    if (i > 0) {
      EXPECT_GT((*migrations)[i].version, (*migrations)[i - 1].version);
    }
    EXPECT_FALSE((*migrations)[i].script.empty()) << (*migrations)[i].name;
  }
  EXPECT_TRUE(ValidateMigrations(*migrations).ok());
}

TEST(ValidateMigrations, AcceptsConsecutiveNumbers) {
  EXPECT_TRUE(ValidateMigrations(Numbered({1, 2, 3})).ok());
}

TEST(ValidateMigrations, AcceptsANumberLeftForAParallelBranch) {
  EXPECT_TRUE(ValidateMigrations(Numbered({1, 2, 4})).ok());
}

TEST(ValidateMigrations, RefusesNumbersOutOfOrder) {
  Status s = ValidateMigrations(Numbered({1, 3, 2}));
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("m2"), std::string::npos) << s.message();
}

TEST(ValidateMigrations, RefusesARepeat) {
  EXPECT_FALSE(ValidateMigrations(Numbered({1, 2, 2, 3})).ok());
}

TEST(ValidateMigrations, RefusesNumbersBelowOne) {
  EXPECT_FALSE(ValidateMigrations(Numbered({0, 1})).ok());
  EXPECT_FALSE(ValidateMigrations(Numbered({-1, 2})).ok());
}

// ---- Migrate on a real SQLite file ---------------------------------------------------

class MigrateSqlite : public ::testing::Test {
 protected:
  void SetUp() override {
    DatabaseOptions options;
    options.url = (dir_.path() / "migrate.db").string();
    options.pool_size = 1;
    auto opened = Database::Open(options);
    ASSERT_TRUE(opened.ok()) << opened.status().message();
    db_ = std::move(*opened);
  }

  // True when the SQLite database holds a table of that name.
  bool HasTable(const std::string& name) {
    Result<int> count = db_->Run([&](soci::session& sql) {
      int n = 0;
      sql << "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = :n",
          soci::use(name), soci::into(n);
      return n;
    });
    EXPECT_TRUE(count.ok()) << count.status().message();
    return count.ok() && *count == 1;
  }

  int Version() {
    Result<int> version = SchemaVersion(*db_);
    EXPECT_TRUE(version.ok()) << version.status().message();
    return version.ok() ? *version : -1;
  }

  test_support::TempDir dir_;
  std::unique_ptr<Database> db_;
};

TEST_F(MigrateSqlite, NewDatabaseIsAtVersionZero) { EXPECT_EQ(Version(), 0); }

TEST_F(MigrateSqlite, AppliesEveryEmbeddedMigrationOnceOnly) {
  auto migrations = EmbeddedMigrations();
  ASSERT_TRUE(migrations.ok());
  Names all;
  for (const Migration& m : *migrations) all.push_back(m.name);
  const int last = migrations->back().version;

  auto first = Migrate(*db_, *migrations);
  ASSERT_TRUE(first.ok()) << first.status().message();
  EXPECT_EQ(first->from_version, 0);
  EXPECT_EQ(first->to_version, last);
  EXPECT_EQ(first->applied, all);
  EXPECT_EQ(Version(), last);
  EXPECT_TRUE(HasTable("conditions"));

  auto second = Migrate(*db_, *migrations);
  ASSERT_TRUE(second.ok()) << second.status().message();
  EXPECT_EQ(second->from_version, last);
  EXPECT_EQ(second->to_version, last);
  EXPECT_TRUE(second->applied.empty());
  EXPECT_EQ(Version(), last);
}

TEST_F(MigrateSqlite, AppliesOnlyTheMissingMigrationsInOrder) {
  std::vector<Migration> migrations = {
      {1, "0001_a", "CREATE TABLE a (x INTEGER);"},
      {2, "0002_b", "CREATE TABLE b (x INTEGER REFERENCES a (x));"},
      {3, "0003_c", "CREATE TABLE c (x INTEGER); INSERT INTO c VALUES (1);"},
  };
  auto first = Migrate(*db_, {migrations[0]});
  ASSERT_TRUE(first.ok()) << first.status().message();
  EXPECT_EQ(first->applied, (Names{"0001_a"}));

  auto rest = Migrate(*db_, migrations);
  ASSERT_TRUE(rest.ok()) << rest.status().message();
  EXPECT_EQ(rest->from_version, 1);
  EXPECT_EQ(rest->to_version, 3);
  EXPECT_EQ(rest->applied, (Names{"0002_b", "0003_c"}));
  EXPECT_TRUE(HasTable("b"));
  EXPECT_TRUE(HasTable("c"));
}

// A branch merged later brings a lower number than one already applied: it still runs.
TEST_F(MigrateSqlite, AppliesALowerNumberThatArrivedLater) {
  std::vector<Migration> migrations = {
      {1, "0001_a", "CREATE TABLE a (x INTEGER);"},
      {2, "0002_b", "CREATE TABLE b (x INTEGER);"},
      {3, "0003_c", "CREATE TABLE c (x INTEGER);"},
  };
  ASSERT_TRUE(Migrate(*db_, {migrations[0], migrations[2]}).ok());
  EXPECT_FALSE(HasTable("b"));
  auto merged = Migrate(*db_, migrations);
  ASSERT_TRUE(merged.ok()) << merged.status().message();
  EXPECT_EQ(merged->applied, (Names{"0002_b"}));
  EXPECT_EQ(merged->to_version, 3);
  EXPECT_TRUE(HasTable("b"));
}

TEST_F(MigrateSqlite, RefusesADatabaseNewerThanTheBinary) {
  std::vector<Migration> migrations = {
      {1, "0001_a", "CREATE TABLE a (x INTEGER);"},
      {2, "0002_b", "CREATE TABLE b (x INTEGER);"},
  };
  ASSERT_TRUE(Migrate(*db_, migrations).ok());

  auto older_binary = Migrate(*db_, {migrations[0]});
  ASSERT_FALSE(older_binary.ok());
  EXPECT_EQ(older_binary.status().code(), Status::Code::kFailedPrecondition);
  EXPECT_NE(older_binary.status().message().find("newer"), std::string::npos)
      << older_binary.status().message();
  EXPECT_EQ(Version(), 2);
}

TEST_F(MigrateSqlite, RefusesAVersionRecordedByAFutureBinary) {
  auto migrations = EmbeddedMigrations();
  ASSERT_TRUE(migrations.ok());
  ASSERT_TRUE(Migrate(*db_, *migrations).ok());
  const int future = migrations->back().version + 1;
  Status recorded = db_->Run([&](soci::session& sql) {
    sql << "INSERT INTO schema_migrations (version, name, applied_at) VALUES (:v, 'future', 0)",
        soci::use(future);
    return Status::Ok();
  });
  ASSERT_TRUE(recorded.ok()) << recorded.message();

  auto outcome = Migrate(*db_, *migrations);
  ASSERT_FALSE(outcome.ok());
  EXPECT_EQ(outcome.status().code(), Status::Code::kFailedPrecondition);
  EXPECT_NE(outcome.status().message().find("newer"), std::string::npos)
      << outcome.status().message();
}

TEST_F(MigrateSqlite, FailedMigrationLeavesNothingOfItselfBehind) {
  std::vector<Migration> migrations = {
      {1, "0001_a", "CREATE TABLE a (x INTEGER); INSERT INTO a VALUES (1);"},
      {2, "0002_broken",
       "CREATE TABLE b (x INTEGER);\n"
       "INSERT INTO a VALUES (2);\n"
       "THIS IS NOT SQL;\n"},
  };
  auto outcome = Migrate(*db_, migrations);
  ASSERT_FALSE(outcome.ok());
  EXPECT_NE(outcome.status().message().find("0002_broken"), std::string::npos)
      << outcome.status().message();
  EXPECT_EQ(Version(), 1);
  EXPECT_TRUE(HasTable("a"));
  EXPECT_FALSE(HasTable("b"));  // the CREATE TABLE before the error was rolled back
  Result<int> rows = db_->Run([](soci::session& sql) {
    int n = 0;
    sql << "SELECT COUNT(*) FROM a", soci::into(n);
    return n;
  });
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(*rows, 1);  // the INSERT before the error was rolled back too

  // Once the script is fixed, the migration applies on the next run.
  migrations[1] = {2, "0002_fixed", "CREATE TABLE b (x INTEGER);"};
  auto retried = Migrate(*db_, migrations);
  ASSERT_TRUE(retried.ok()) << retried.status().message();
  EXPECT_EQ(retried->applied, (Names{"0002_fixed"}));
  EXPECT_TRUE(HasTable("b"));
  EXPECT_EQ(Version(), 2);
}

// Regression: a chunk holding only a /* */ comment is not a statement (SQLite refuses
// to run one: "No sqlite statement created").
TEST_F(MigrateSqlite, MigrationEndingInABlockCommentApplies) {
  auto outcome = Migrate(*db_, {{1, "0001_a", "CREATE TABLE a (x INTEGER);\n/* the end */\n"}});
  ASSERT_TRUE(outcome.ok()) << outcome.status().message();
  EXPECT_TRUE(HasTable("a"));
}

}  // namespace
}  // namespace diseasemaps
