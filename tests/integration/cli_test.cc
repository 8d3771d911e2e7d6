// The command line end to end: settings precedence, clear failures, migrations.
#include <gtest/gtest.h>

#include <fstream>

#include "test_server.h"

namespace diseasemaps::testing {
namespace {

class CliTest : public ::testing::TestWithParam<Backend> {
 protected:
  TestDatabase database_{GetParam()};
};

std::string Backends(const ::testing::TestParamInfo<Backend>& info) {
  return BackendName(info.param);
}

// The last line of output that is not a log line.
std::size_t Lines(const std::string& text) {
  std::size_t lines = 0;
  for (char c : text) lines += c == '\n';
  return lines;
}

TEST(Cli, HelpListsEveryServeOption) {
  auto [code, output] = RunBinary({"serve", "--help"});
  EXPECT_EQ(code, 0);
  for (const char* option : {"--address", "--port", "--threads", "--workers", "--body-limit",
                             "--header-limit", "--header-timeout", "--idle-timeout",
                             "--shutdown-grace", "--max-connections", "--static-dir",
                             "--no-migrate", "--no-access-log"}) {
    EXPECT_NE(output.find(option), std::string::npos) << option;
  }
  auto [top_code, top] = RunBinary({"--help"});
  EXPECT_EQ(top_code, 0);
  EXPECT_NE(top.find("--database"), std::string::npos);
  EXPECT_NE(top.find("DISEASEMAPS_"), std::string::npos);
}

TEST(Cli, UnknownOptionFailsWithOneClearMessage) {
  auto [code, output] = RunBinary({"serve", "--prot", "80"});
  EXPECT_NE(code, 0);
  EXPECT_NE(output.find("--prot"), std::string::npos) << output;
  EXPECT_LE(Lines(output), 2u) << output;
}

TEST(Cli, BadValueFromTheEnvironmentNamesItsSource) {
  auto [code, output] = RunBinary({"serve"}, {{"DISEASEMAPS_PORT", "eighty"}});
  EXPECT_NE(code, 0);
  EXPECT_NE(output.find("DISEASEMAPS_PORT"), std::string::npos) << output;
}

TEST(Cli, DatabaseThatCannotBeOpenedFailsClearly) {
  auto [code, output] = RunBinary({"--database", "/proc/no-such-dir/x.db", "migrate"});
  EXPECT_EQ(code, 1);
  EXPECT_NE(output.find("cannot"), std::string::npos) << output;
  EXPECT_NE(output.find("--database"), std::string::npos) << output;
  EXPECT_EQ(Lines(output), 1u) << output;
  auto [pg_code, pg_output] =
      RunBinary({"--database", "postgresql://nobody@127.0.0.1:1/none", "migrate"});
  EXPECT_EQ(pg_code, 1);
  EXPECT_NE(pg_output.find("cannot open the database postgresql://nobody@127.0.0.1:1/none"),
            std::string::npos) << pg_output;
}

TEST_P(CliTest, PortInUseFailsClearly) {
  TestServer first(database_);
  ASSERT_TRUE(first.started());
  auto [code, output] = RunBinary({"--database", database_.url(), "serve", "--port",
                                   std::to_string(first.port()), "--static-dir",
                                   DISEASEMAPS_STATIC_DIR});
  EXPECT_EQ(code, 1);
  EXPECT_NE(output.find("is in use"), std::string::npos) << output;
  EXPECT_NE(output.find("--port"), std::string::npos) << output;
}

TEST_P(CliTest, FlagsBeatEnvironmentBeatConfigFile) {
  const auto config = database_.directory() / "diseasemaps.conf";
  std::ofstream(config) << "# test config\nport = 1\nbody-limit = 2048\n";
  // The file's port 1 would fail; the environment's port 0 wins over it. The file's
  // and the environment's body limits are overridden by the flag's 4096.
  TestServer server(database_, {"--config", config.string(), "--body-limit", "4096"},
                    {{"DISEASEMAPS_PORT", "0"}, {"DISEASEMAPS_BODY_LIMIT", "1500"}});
  ASSERT_TRUE(server.started());
  std::string raw = server.RawExchange("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3000\r\n"
                                       "Connection: close\r\n\r\n" + std::string(3000, 'a'));
  EXPECT_EQ(raw.rfind("HTTP/1.1 405", 0), 0u) << raw.substr(0, 100);  // read, then refused
  raw = server.RawExchange("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n" +
                           std::string(5000, 'a'));
  EXPECT_EQ(raw.rfind("HTTP/1.1 413", 0), 0u) << raw.substr(0, 100);
}

TEST_P(CliTest, EnvironmentBeatsConfigFile) {
  const auto config = database_.directory() / "env.conf";
  std::ofstream(config) << "body-limit = 8192\n";
  TestServer server(database_, {"--config", config.string()}, {{"DISEASEMAPS_BODY_LIMIT", "2048"}});
  ASSERT_TRUE(server.started());
  const std::string raw = server.RawExchange(
      "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3000\r\n\r\n" + std::string(3000, 'a'));
  EXPECT_EQ(raw.rfind("HTTP/1.1 413", 0), 0u) << raw.substr(0, 100);
}

TEST_P(CliTest, UnknownSettingInTheConfigFileIsRefused) {
  const auto config = database_.directory() / "typo.conf";
  std::ofstream(config) << "prot = 8080\n";
  auto [code, output] = RunBinary({"--config", config.string(), "--database", database_.url(),
                                   "serve", "--port", "0"});
  EXPECT_EQ(code, 1);
  EXPECT_NE(output.find("'prot'"), std::string::npos) << output;
}

TEST_P(CliTest, ConfigFileValuesApplyWhenNothingOverridesThem) {
  const auto config = database_.directory() / "limits.conf";
  std::ofstream(config) << "body-limit = 2048\n";
  TestServer server(database_, {"--config", config.string()});
  ASSERT_TRUE(server.started());
  std::string raw = server.RawExchange(
      "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3000\r\n\r\n" + std::string(3000, 'a'));
  EXPECT_EQ(raw.rfind("HTTP/1.1 413", 0), 0u) << raw.substr(0, 100);
}

TEST_P(CliTest, MigrateIsIdempotentAndOlderBinariesRefuseNewerSchemas) {
  auto [code, output] = RunBinary({"--database", database_.url(), "migrate"});
  EXPECT_EQ(code, 0) << output;
  EXPECT_NE(output.find("migrated: 0001_conditions"), std::string::npos) << output;
  auto [again, again_output] = RunBinary({"--database", database_.url(), "migrate"});
  EXPECT_EQ(again, 0);
  EXPECT_EQ(again_output.find("migrated:"), std::string::npos) << again_output;

  auto recorded = database_.db().Run([](soci::session& sql) {
    sql << "INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, 'future', 0)";
    return true;
  });
  ASSERT_TRUE(recorded.ok());
  auto [refused, refused_output] = RunBinary({"--database", database_.url(), "migrate"});
  EXPECT_EQ(refused, 1);
  EXPECT_NE(refused_output.find("newer"), std::string::npos) << refused_output;
  auto [serve_refused, serve_output] = RunBinary(
      {"--database", database_.url(), "serve", "--port", "0", "--static-dir", DISEASEMAPS_STATIC_DIR});
  EXPECT_EQ(serve_refused, 1);
  EXPECT_NE(serve_output.find("newer"), std::string::npos) << serve_output;
}

TEST_P(CliTest, ServeWithoutMigrationRefusesAnOutdatedSchema) {
  auto [code, output] = RunBinary({"--database", database_.url(), "serve", "--no-migrate",
                                   "--port", "0", "--static-dir", DISEASEMAPS_STATIC_DIR});
  EXPECT_EQ(code, 1);
  EXPECT_NE(output.find("diseasemaps migrate"), std::string::npos) << output;
}

INSTANTIATE_TEST_SUITE_P(Backends, CliTest, ::testing::ValuesIn(AllBackends()), Backends);

}  // namespace
}  // namespace diseasemaps::testing
