#include "platform/db/bulk_insert.h"

#include <gtest/gtest.h>

#include "platform/db/database.h"
#include "temp_dir.h"

namespace diseasemaps {
namespace {

// Rows come back whole: every row once, each value in its column, NULLs where the
// indicators say so. This is SQLite's path; PostgreSQL's multi-row statements (666 rows
// of 3 columns each here) are exercised by the catalogue import's integration tests,
// whose full import crosses many statement boundaries.
TEST(InsertRows, SplitsRowsOverStatementsAndKeepsEveryValue) {
  test_support::TempDir dir;
  DatabaseOptions options;
  options.url = (dir.path() / "bulk.db").string();
  auto db = Database::Open(options);
  ASSERT_TRUE(db.ok()) << db.status().message();
  constexpr std::size_t kRows = 2500;
  std::vector<long long> id;
  std::vector<int> small;
  std::vector<std::string> text;
  std::vector<soci::indicator> text_null;
  for (std::size_t i = 0; i < kRows; ++i) {
    id.push_back(static_cast<long long>(i) * 1'000'000'007LL);
    small.push_back(static_cast<int>(i % 7));
    text.push_back(i % 5 == 0 ? "" : "row 'quoted' " + std::to_string(i));
    text_null.push_back(i % 5 == 0 ? soci::i_null : soci::i_ok);
  }
  Status done = (*db)->InTransaction([&](soci::session& sql) {
    sql << "CREATE TABLE b (id BIGINT NOT NULL, small INTEGER NOT NULL, text TEXT)";
    InsertRows(sql, "b (id, small, text)", {&id, &small, NullableText{&text, &text_null}}, kRows);
    InsertRows(sql, "b (id, small, text)", {&id, &small, NullableText{&text, &text_null}}, 0);
    return Status::Ok();
  });
  ASSERT_TRUE(done.ok()) << done.message();
  auto check = (*db)->Run([&](soci::session& sql) {
    long long rows = 0, nulls = 0, small_sum = 0, last_id = 0;
    std::string sample;
    sql << "SELECT COUNT(*) FROM b", soci::into(rows);
    sql << "SELECT COUNT(*) FROM b WHERE text IS NULL", soci::into(nulls);
    sql << "SELECT SUM(small) FROM b", soci::into(small_sum);
    sql << "SELECT MAX(id) FROM b", soci::into(last_id);
    sql << "SELECT text FROM b WHERE id = :id", soci::use(id[2499]), soci::into(sample);
    EXPECT_EQ(rows, 2500);
    EXPECT_EQ(nulls, 500);
    long long expected_sum = 0;
    for (int v : small) expected_sum += v;
    EXPECT_EQ(small_sum, expected_sum);
    EXPECT_EQ(last_id, 2499LL * 1'000'000'007LL);
    EXPECT_EQ(sample, "row 'quoted' 2499");
    return Status::Ok();
  });
  ASSERT_TRUE(check.ok()) << check.message();
}

}  // namespace
}  // namespace diseasemaps
