// `diseasemaps backup` and `restore` through the real binary, on SQLite and PostgreSQL:
// a backup taken under a steady write load, restored into an empty database, holds every
// write acknowledged before the backup began; a restore refuses a database that is not
// empty; bad arguments fail with one clear line and change nothing.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <fstream>
#include <thread>

#include "test_server.h"

namespace diseasemaps::testing {
namespace {

std::string Backends(const ::testing::TestParamInfo<Backend>& info) { return BackendName(info.param); }

class BackupTest : public ::testing::TestWithParam<Backend> {
 protected:
  TestDatabase database_{GetParam()};
};

std::string WriterAddress(long long n) { return "writer" + std::to_string(n) + "@example.org"; }

Status WriteOne(Database& db, long long n) {
  return db.InTransaction([&](soci::session& sql) {
    const std::string email = WriterAddress(n);
    sql << "INSERT INTO users (email, email_key, display_name, password_hash, status, created_at)"
           " VALUES (:e, :k, 'Writer', '!', 'active', 1700000000)",
        soci::use(email), soci::use(email);
    return Status::Ok();
  });
}

void WaitFor(const std::atomic<long long>& counter, long long at_least) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (counter.load() < at_least && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  ASSERT_GE(counter.load(), at_least) << "the writer did not get that far";
}

TEST_P(BackupTest, ABackupUnderWriteLoadHoldsEveryWriteAcknowledgedBeforeItBegan) {
  Database& db = database_.db();  // migrated
  std::atomic<long long> acknowledged{0};
  std::atomic<bool> stop{false};
  std::thread writer([&] {
    for (long long n = 1; !stop.load(); ++n) {
      if (!WriteOne(db, n).ok()) break;
      acknowledged.store(n);
    }
  });
  struct Joiner {
    std::atomic<bool>& stop;
    std::thread& thread;
    ~Joiner() {
      stop.store(true);
      if (thread.joinable()) thread.join();
    }
  } joiner{stop, writer};

  WaitFor(acknowledged, 30);
  const long long before = acknowledged.load();
  const std::string file = (database_.directory() / "site.backup").string();
  auto [code, output] = RunBinary({"--database", database_.url(), "backup", "--to", file});
  ASSERT_EQ(code, 0) << output;
  EXPECT_NE(output.find("backed up to"), std::string::npos) << output;
  WaitFor(acknowledged, acknowledged.load() + 20);  // the load went on during and after
  stop.store(true);
  writer.join();
  EXPECT_FALSE(std::filesystem::exists(file + ".partial"));

  TestDatabase restored(GetParam());
  auto [restore_code, restore_output] = RunBinary({"--database", restored.url(), "restore", "--from", file});
  ASSERT_EQ(restore_code, 0) << restore_output;
  const long long kept = QueryNumber(restored.db(), "SELECT COUNT(*) FROM users WHERE email LIKE 'writer%'");
  EXPECT_GE(kept, before) << "writes acknowledged before the backup began are missing";
  for (long long n = 1; n <= before; ++n) {
    ASSERT_EQ(QueryNumber(restored.db(), "SELECT COUNT(*) FROM users WHERE email = '" + WriterAddress(n) + "'"), 1)
        << "write " << n << " of " << before << " acknowledged before the backup";
  }
  // What the restored database holds is a whole moment: no gaps in the writer's sequence.
  EXPECT_EQ(QueryNumber(restored.db(), "SELECT COUNT(*) FROM users WHERE email = '" + WriterAddress(kept) + "'"), 1);

  // A second restore into the same database is refused, and changes nothing.
  auto [again_code, again_output] = RunBinary({"--database", restored.url(), "restore", "--from", file});
  EXPECT_EQ(again_code, 1);
  EXPECT_NE(again_output.find("restore needs an empty database"), std::string::npos) << again_output;
  EXPECT_EQ(QueryNumber(restored.db(), "SELECT COUNT(*) FROM users WHERE email LIKE 'writer%'"), kept);
}

TEST_P(BackupTest, BadArgumentsFailWithOneClearLine) {
  database_.db();
  auto [code, output] = RunBinary({"--database", database_.url(), "backup", "--to", "/no/such/folder/x.backup"});
  EXPECT_EQ(code, 1);
  EXPECT_NE(output.find("there is no folder /no/such/folder"), std::string::npos) << output;
  auto [missing_code, missing] =
      RunBinary({"--database", database_.url(), "restore", "--from", "/no/such/file.backup"});
  EXPECT_EQ(missing_code, 1);
  EXPECT_NE(missing.find("there is no backup file"), std::string::npos) << missing;
  const std::string junk = (database_.directory() / "junk.backup").string();
  { std::ofstream(junk) << "not a backup\n"; }
  TestDatabase empty(GetParam());
  auto [junk_code, junk_output] = RunBinary({"--database", empty.url(), "restore", "--from", junk});
  EXPECT_EQ(junk_code, 1);
  EXPECT_NE(junk_output.find("not a"), std::string::npos) << junk_output;
}

INSTANTIATE_TEST_SUITE_P(Backends, BackupTest, ::testing::ValuesIn(AllBackends()), Backends);

}  // namespace
}  // namespace diseasemaps::testing
