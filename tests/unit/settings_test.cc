#include "app/settings.h"

#include <gtest/gtest.h>

#include "temp_dir.h"

namespace diseasemaps {
namespace {

using Values = std::map<std::string, std::string>;

// A command line shaped like the real one: a global --database and a `serve`
// subcommand with an int option and a negatable flag.
struct Commands {
  CLI::App app{"test"};
  CLI::App* serve = nullptr;
  CLI::App* migrate = nullptr;
  std::string database = "var/default.db";
  int db_pool = 8;
  std::string log_level = "info";
  int port = 8080;
  bool access_log = true;

  Commands() {
    app.add_option("--database", database, "database");
    app.add_option("--db-pool", db_pool, "pool")->check(CLI::Range(1, 512));
    app.add_option("--log-level", log_level, "level")
        ->check(CLI::IsMember({"debug", "info", "warn"}));
    serve = app.add_subcommand("serve", "serve");
    serve->add_option("--port", port, "port");
    serve->add_flag("--access-log,!--no-access-log", access_log, "access log");
    migrate = app.add_subcommand("migrate", "migrate");
  }

  // Parses `command_line` (after the program name), then fills the rest.
  Status Fill(const std::string& command_line, const Values& environment,
              const Values& file_values) {
    app.parse(command_line, /*program_name_included=*/false);
    return FillFromEnvironmentAndFile(*serve, environment, file_values);
  }
};

// ---- ReadConfigFile ------------------------------------------------------------------

TEST(ReadConfigFile, ReadsNameValueLinesSkippingCommentsAndBlankLines) {
  test_support::TempDir dir;
  const auto path = dir.Write("diseasemaps.conf",
                              "# DiseaseMaps settings\n"
                              "\n"
                              "port = 8081\n"
                              "   # an indented comment\n"
                              "database = \"var/quoted.db\"\n"
                              "log-level='debug'\n"
                              "  static-dir   =   build/static   \n"
                              "\t\n");
  auto values = ReadConfigFile(path.string());
  ASSERT_TRUE(values.ok()) << values.status().message();
  EXPECT_EQ(*values, (Values{{"port", "8081"},
                             {"database", "var/quoted.db"},
                             {"log-level", "debug"},
                             {"static-dir", "build/static"}}));
}

TEST(ReadConfigFile, ValueKeepsEverythingAfterTheFirstEquals) {
  test_support::TempDir dir;
  const auto path = dir.Write("a.conf", "database = postgresql://u@h/db?opt=1\n");
  auto values = ReadConfigFile(path.string());
  ASSERT_TRUE(values.ok()) << values.status().message();
  EXPECT_EQ(values->at("database"), "postgresql://u@h/db?opt=1");
}

TEST(ReadConfigFile, MalformedLineIsRefusedNamingFileAndLine) {
  test_support::TempDir dir;
  const auto path = dir.Write("bad.conf", "port = 8081\n# fine\nthis line has no equals\n");
  auto values = ReadConfigFile(path.string());
  ASSERT_FALSE(values.ok());
  EXPECT_EQ(values.status().code(), Status::Code::kInvalidArgument);
  EXPECT_NE(values.status().message().find(path.string()), std::string::npos)
      << values.status().message();
  EXPECT_NE(values.status().message().find("line 3"), std::string::npos)
      << values.status().message();
}

TEST(ReadConfigFile, SettingWithoutNameIsRefused) {
  test_support::TempDir dir;
  const auto path = dir.Write("bad.conf", " = 8081\n");
  auto values = ReadConfigFile(path.string());
  ASSERT_FALSE(values.ok());
  EXPECT_NE(values.status().message().find("line 1"), std::string::npos)
      << values.status().message();
}

TEST(ReadConfigFile, MissingFileIsAnErrorNamingIt) {
  test_support::TempDir dir;
  const std::string path = (dir.path() / "absent.conf").string();
  auto values = ReadConfigFile(path);
  ASSERT_FALSE(values.ok());
  EXPECT_NE(values.status().message().find(path), std::string::npos)
      << values.status().message();
}

// ---- EnvironmentNameFor --------------------------------------------------------------

TEST(EnvironmentNameFor, UppercasesAndReplacesDashes) {
  EXPECT_EQ(EnvironmentNameFor("port"), "DISEASEMAPS_PORT");
  EXPECT_EQ(EnvironmentNameFor("db-pool"), "DISEASEMAPS_DB_POOL");
  EXPECT_EQ(EnvironmentNameFor("page-cache-mb"), "DISEASEMAPS_PAGE_CACHE_MB");
}

// ---- FillFromEnvironmentAndFile: precedence ------------------------------------------

TEST(SettingsPrecedence, DefaultsStayWhenNothingIsSet) {
  Commands c;
  ASSERT_TRUE(c.Fill("serve", {}, {}).ok());
  EXPECT_EQ(c.port, 8080);
  EXPECT_EQ(c.database, "var/default.db");
  EXPECT_TRUE(c.access_log);
}

TEST(SettingsPrecedence, ConfigFileBeatsDefault) {
  Commands c;
  Status s = c.Fill("serve", {}, {{"port", "8081"}, {"database", "var/file.db"},
                                  {"access-log", "false"}});
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(c.port, 8081);
  EXPECT_EQ(c.database, "var/file.db");  // a global option, filled from the parent
  EXPECT_FALSE(c.access_log);
}

TEST(SettingsPrecedence, EnvironmentBeatsConfigFile) {
  Commands c;
  Status s = c.Fill("serve",
                    {{"DISEASEMAPS_PORT", "8082"}, {"DISEASEMAPS_DATABASE", "var/env.db"},
                     {"DISEASEMAPS_ACCESS_LOG", "no"}},
                    {{"port", "8081"}, {"database", "var/file.db"}, {"access-log", "true"}});
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(c.port, 8082);
  EXPECT_EQ(c.database, "var/env.db");
  EXPECT_FALSE(c.access_log);
}

TEST(SettingsPrecedence, CommandLineBeatsEnvironmentAndFile) {
  Commands c;
  Status s = c.Fill("--database var/cli.db serve --port 8083 --no-access-log",
                    {{"DISEASEMAPS_PORT", "8082"}, {"DISEASEMAPS_DATABASE", "var/env.db"},
                     {"DISEASEMAPS_ACCESS_LOG", "true"}},
                    {{"port", "8081"}, {"database", "var/file.db"}, {"access-log", "true"}});
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(c.port, 8083);
  EXPECT_EQ(c.database, "var/cli.db");
  EXPECT_FALSE(c.access_log);
}

TEST(SettingsPrecedence, PositiveFlagOnCommandLineBeatsEnvironment) {
  Commands c;
  c.access_log = false;
  Status s = c.Fill("serve --access-log", {{"DISEASEMAPS_ACCESS_LOG", "false"}}, {});
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_TRUE(c.access_log);
}

TEST(SettingsPrecedence, EnvironmentVariablesOfOtherProgramsAreIgnored) {
  Commands c;
  Status s = c.Fill("serve", {{"PORT", "1"}, {"DISEASEMAPS_PORTS", "2"}}, {});
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(c.port, 8080);
}

// ---- FillFromEnvironmentAndFile: failures --------------------------------------------

TEST(SettingsErrors, BadValueFromEnvironmentNamesOptionAndVariable) {
  Commands c;
  Status s = c.Fill("serve", {{"DISEASEMAPS_PORT", "eighty"}}, {});
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.code(), Status::Code::kInvalidArgument);
  EXPECT_NE(s.message().find("--port"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("DISEASEMAPS_PORT"), std::string::npos) << s.message();
}

TEST(SettingsErrors, BadValueFromFileNamesOptionAndConfigFile) {
  Commands c;
  Status s = c.Fill("serve", {}, {{"port", "12ab"}});
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("--port"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("config file"), std::string::npos) << s.message();
}

TEST(SettingsErrors, ValidatorsApplyToValuesFromEnvironmentAndFile) {
  Commands c;
  Status s = c.Fill("serve", {{"DISEASEMAPS_DB_POOL", "0"}}, {});
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("--db-pool"), std::string::npos) << s.message();

  Commands d;
  s = d.Fill("serve", {}, {{"log-level", "loud"}});
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("--log-level"), std::string::npos) << s.message();

  Commands e;
  s = e.Fill("serve", {{"DISEASEMAPS_DB_POOL", "16"}}, {{"log-level", "debug"}});
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(e.db_pool, 16);
  EXPECT_EQ(e.log_level, "debug");
}

TEST(SettingsErrors, UnknownKeyInConfigFileIsRefused) {
  Commands c;
  Status s = c.Fill("serve", {}, {{"port", "8081"}, {"prot", "8082"}});
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.code(), Status::Code::kInvalidArgument);
  EXPECT_NE(s.message().find("'prot'"), std::string::npos) << s.message();
}

TEST(SettingsPrecedence, OneFileServesEveryCommand) {
  // The service runs `migrate` then `serve` with the same file: migrate leaves serve's
  // settings alone and still takes the global ones.
  Commands c;
  c.app.parse("migrate", /*program_name_included=*/false);
  Status s = FillFromEnvironmentAndFile(*c.migrate, {}, {{"port", "8081"}, {"database", "/srv/site.db"}});
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(c.database, "/srv/site.db");
  EXPECT_EQ(c.port, 8080);
  Status unknown = FillFromEnvironmentAndFile(*c.migrate, {}, {{"prot", "8081"}});
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.message().find("'prot'"), std::string::npos) << unknown.message();
}

TEST(SettingsErrors, UnknownEnvironmentVariableIsNotAnError) {
  // The environment is shared with other commands; only the file is checked.
  Commands c;
  EXPECT_TRUE(c.Fill("serve", {{"DISEASEMAPS_SOMETHING_ELSE", "1"}}, {}).ok());
}

// ---- Flags from the environment ------------------------------------------------------

struct FlagCase {
  std::string text;
  bool expected;
};

class FlagFromEnvironment : public ::testing::TestWithParam<FlagCase> {};

TEST_P(FlagFromEnvironment, AcceptsBooleanWords) {
  Commands c;
  c.access_log = !GetParam().expected;  // start from the opposite, so a no-op fails
  Status s = c.Fill("serve", {{"DISEASEMAPS_ACCESS_LOG", GetParam().text}}, {});
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(c.access_log, GetParam().expected) << GetParam().text;
}

INSTANTIATE_TEST_SUITE_P(Words, FlagFromEnvironment,
                         ::testing::Values(FlagCase{"true", true}, FlagCase{"false", false},
                                           FlagCase{"1", true}, FlagCase{"0", false},
                                           FlagCase{"yes", true}, FlagCase{"no", false},
                                           FlagCase{"TRUE", true}, FlagCase{"No", false}));

TEST(SettingsErrors, FlagFromEnvironmentRefusesMaybe) {
  Commands c;
  Status s = c.Fill("serve", {{"DISEASEMAPS_ACCESS_LOG", "maybe"}}, {});
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.code(), Status::Code::kInvalidArgument);
  EXPECT_NE(s.message().find("--access-log"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("maybe"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("DISEASEMAPS_ACCESS_LOG"), std::string::npos) << s.message();
}

}  // namespace
}  // namespace diseasemaps
