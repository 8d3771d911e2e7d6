// A PostgreSQL hot standby of the test server, for the replica tests: made by
// scripts/pg-standby (pg_basebackup -R, streaming) in its own temporary directory,
// stopped and removed with the object. Pause() and Resume() stop and restart its replay,
// so a test can make its reads visibly older than the primary's and tell which server
// answered.
#pragma once

#include <sys/stat.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <thread>

#include <gtest/gtest.h>

#include "test_server.h"

namespace diseasemaps::testing {

// Runs a shell command; returns its standard output, failing the test when it fails.
inline std::string Shell(const std::string& command) {
  std::string output;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) {
    ADD_FAILURE() << "cannot run " << command;
    return output;
  }
  char buffer[256];
  while (std::fgets(buffer, sizeof buffer, pipe) != nullptr) output += buffer;
  const int status = pclose(pipe);
  EXPECT_EQ(status, 0) << command << " failed: " << output;
  while (!output.empty() && (output.back() == '\n' || output.back() == ' ')) output.pop_back();
  return output;
}

// Waits up to `limit` for `done`; true when it came.
inline bool Within(std::chrono::milliseconds limit, const std::function<bool()>& done) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < deadline) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return done();
}

// A value of a node's /metrics, or nullopt when it is not there.
inline std::optional<double> Metric(TestServer& server, const std::string& name) {
  const std::string text = server.Get("/metrics").body;
  const std::size_t at = text.find("\n" + name + " ");
  if (at == std::string::npos) return std::nullopt;
  return std::stod(text.substr(at + name.size() + 2));
}
inline bool MetricIs(TestServer& server, const std::string& name, double value) {
  auto found = Metric(server, name);
  return found && *found == value;
}

class HotStandby {
 public:
  // REQUIRES: database is on PostgreSQL. Fails the test when the standby does not start.
  explicit HotStandby(TestDatabase& database) : primary_(database) {
    char pattern[] = "/tmp/diseasemaps-standby.XXXXXX";
    if (mkdtemp(pattern) == nullptr) {
      ADD_FAILURE() << "mkdtemp failed";
      return;
    }
    directory_ = pattern;
    chmod(directory_.c_str(), 0755);  // the postgres user passes through
    data_ = directory_ + "/pg/data";
    const std::string url = database.url();  // postgresql://postgres@127.0.0.1:PORT/NAME
    const std::size_t port_at = url.rfind(':') + 1;
    const std::string primary_port = url.substr(port_at, url.rfind('/') - port_at);
    port_ = Shell(Script() + " start " + primary_port + " " + data_);
    if (port_.empty()) return;
    url_ = "postgresql://postgres@127.0.0.1:" + port_ + url.substr(url.rfind('/'));
    DatabaseOptions options;
    options.url = url_;
    options.pool_size = 1;
    auto opened = Database::Open(options);
    if (!opened.ok()) {
      ADD_FAILURE() << opened.status().message();
      return;
    }
    db_ = std::move(*opened);
  }
  ~HotStandby() {
    db_.reset();
    if (!data_.empty()) Shell(Script() + " stop " + data_);
    std::error_code ec;
    if (!directory_.empty()) std::filesystem::remove_all(directory_, ec);
  }
  HotStandby(const HotStandby&) = delete;
  HotStandby& operator=(const HotStandby&) = delete;

  bool started() const { return db_ != nullptr; }
  // The test database on the standby, for --database-replica.
  const std::string& url() const { return url_; }

  void Pause() { Sql("SELECT pg_wal_replay_pause()"); }
  void Resume() { Sql("SELECT pg_wal_replay_resume()"); }
  void Stop() { Shell(Script() + " stop " + data_); }
  void Restart() { Shell(Script() + " restart " + data_ + " " + port_); }

  // True once, within `limit`, the standby has replayed all the primary has written so far.
  bool CaughtUp(std::chrono::milliseconds limit) {
    const long long written =
        QueryNumber(primary_.db(), "SELECT pg_wal_lsn_diff(pg_current_wal_insert_lsn(), '0/0')::bigint");
    return Within(limit, [&] {
      auto replayed = db_->Run([](soci::session& sql) -> Result<long long> {
        long long position = 0;
        sql << "SELECT pg_wal_lsn_diff(pg_last_wal_replay_lsn(), '0/0')::bigint", soci::into(position);
        return position;
      });
      return replayed.ok() && *replayed >= written;
    });
  }

 private:
  static std::string Script() { return std::string(DISEASEMAPS_SOURCE_DIR) + "/scripts/pg-standby"; }
  void Sql(const std::string& statement) {
    Status s = db_->Run([&](soci::session& sql) {
      sql << statement;
      return Status::Ok();
    });
    ASSERT_TRUE(s.ok()) << statement << ": " << s.message();
  }

  TestDatabase& primary_;
  std::string directory_;
  std::string data_;
  std::string port_;
  std::string url_;
  std::unique_ptr<Database> db_;
};

}  // namespace diseasemaps::testing
