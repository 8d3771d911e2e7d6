// SyncRows: a table made equal to a set of rows, touching only what differs.
#include "platform/db/table_sync.h"

#include <gtest/gtest.h>

#include "platform/db/database.h"
#include "temp_dir.h"

namespace diseasemaps {
namespace {

class SyncRowsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    DatabaseOptions options;
    options.url = (dir_.path() / "sync.db").string();
    auto db = Database::Open(options);
    ASSERT_TRUE(db.ok()) << db.status().message();
    db_ = std::move(*db);
    ASSERT_TRUE(db_->Run([](soci::session& sql) {
                     sql << "CREATE TABLE names (code INTEGER NOT NULL, lang TEXT NOT NULL, name TEXT NOT NULL,"
                            " PRIMARY KEY (code, lang))";
                     return Status::Ok();
                   }).ok());
  }

  SyncCounts Sync(const std::vector<SyncRow>& rows, std::vector<std::string> scope = {}) {
    SyncTable table{"names", {"code", "lang"}, {"name"}, {"code"}, scope.empty() ? "" : "lang", scope};
    auto counts = db_->InTransaction([&](soci::session& sql) { return SyncRows(sql, table, rows); });
    EXPECT_TRUE(counts.ok()) << counts.status().message();
    return counts.ok() ? *counts : SyncCounts{};
  }

  std::string All() {
    auto all = db_->Run([](soci::session& sql) {
      std::string text, row;
      soci::statement st = (sql.prepare << "SELECT code || ':' || lang || '=' || name FROM names ORDER BY code, lang",
                            soci::into(row));
      st.execute();
      while (st.fetch()) text += row + ";";
      return text;
    });
    return all.ok() ? *all : all.status().message();
  }

  test_support::TempDir dir_;
  std::unique_ptr<Database> db_;
};

TEST_F(SyncRowsTest, AddsChangesRemovesAndLeavesTheRestAlone) {
  SyncCounts first = Sync({{"1183", "es", "Síndrome"}, {"1183", "fr", "Syndrome"}, {"58", "es", "Alexander"}});
  EXPECT_EQ(first.added, 3);
  EXPECT_EQ(All(), "58:es=Alexander;1183:es=Síndrome;1183:fr=Syndrome;");

  SyncCounts again = Sync({{"1183", "es", "Síndrome"}, {"1183", "fr", "Syndrome"}, {"58", "es", "Alexander"}});
  EXPECT_FALSE(again.any());
  EXPECT_EQ(again.unchanged, 3);

  // One changed, one gone, one new, and a few unchanged: row by row.
  std::vector<SyncRow> rows = {{"1183", "es", "Síndrome de opsoclono"}, {"58", "es", "Alexander"},
                               {"213", "es", "Cistinosis"}};
  for (int i = 0; i < 6; ++i) rows.push_back({std::to_string(1000 + i), "es", std::string("n") + std::to_string(i)});
  Sync(rows);
  rows.push_back({"7", "es", "Nueva"});
  rows.erase(rows.begin() + 2);
  rows[0] = {"1183", "es", "Síndrome de opsoclono-mioclono"};
  SyncCounts mixed = Sync(rows);
  EXPECT_EQ(mixed.added, 1);
  EXPECT_EQ(mixed.changed, 1);
  EXPECT_EQ(mixed.removed, 1);
  EXPECT_EQ(mixed.unchanged, 7);
  EXPECT_EQ(All().substr(0, 47), "7:es=Nueva;58:es=Alexander;1000:es=n0;1001:es=n");
  EXPECT_EQ(All().find("213:"), std::string::npos);
  EXPECT_NE(All().find("1183:es=Síndrome de opsoclono-mioclono;"), std::string::npos);
}

TEST_F(SyncRowsTest, AScopeLeavesOtherLanguagesAlone) {
  Sync({{"1183", "es", "Síndrome"}, {"1183", "fr", "Syndrome"}});
  SyncCounts only_fr = Sync({{"58", "fr", "Alexander"}}, {"fr"});
  EXPECT_EQ(only_fr.added, 1);
  EXPECT_EQ(only_fr.removed, 1);
  EXPECT_EQ(All(), "58:fr=Alexander;1183:es=Síndrome;");
}

}  // namespace
}  // namespace diseasemaps
