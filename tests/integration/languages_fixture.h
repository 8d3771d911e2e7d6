// The catalogue in nine languages, imported once per backend for the suites that read
// it (search_languages_test.cc, condition_languages_test.cc): a handful of conditions
// from ../shared/data with Orphanet's names in every language (import orphanet-names,
// with the ICD-11 mapping's synonyms) and HPO's translations (import hpo-translations),
// served by the real binary on SQLite and PostgreSQL. One CTest entry runs every suite
// built on it (integration.CatalogueInLanguages, tests/CMakeLists.txt), so the import is
// done once per backend.
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "test_server.h"

namespace diseasemaps::testing {

inline constexpr int kOms = 1183;  // opsoclonus-myoclonus syndrome
inline const std::vector<int> kHandful = {kOms, 558, 586, 399, 2103, 570, 908, 324};

inline std::filesystem::path LanguagesSharedData() {
  const char* shared = std::getenv("DISEASEMAPS_SHARED_DATA");
  return shared != nullptr ? std::filesystem::path(shared) : std::filesystem::path(DISEASEMAPS_SHARED_DATA);
}

struct Imported {
  std::unique_ptr<TestDatabase> database;
  std::unique_ptr<TestServer> server;
};

class CatalogueInLanguages : public ::testing::TestWithParam<Backend> {
 protected:
  static std::map<Backend, Imported>& Shared() {
    static std::map<Backend, Imported> shared;
    return shared;
  }
  static void TearDownTestSuite() { Shared().clear(); }

  void SetUp() override {
    if (RunBinary({"import", "--help"}).second.find("orphanet-names") == std::string::npos) {
      GTEST_SKIP() << "this binary has no `import orphanet-names` (it comes with branch i18n-catalogue)";
    }
    Imported& c = Shared()[GetParam()];
    if (!c.database) {
      c.database = std::make_unique<TestDatabase>(GetParam());
      const std::filesystem::path packets = c.database->directory() / "packets";
      std::filesystem::create_directories(packets);
      for (int code : kHandful) {
        const std::string file = "ORPHApacket_" + std::to_string(code) + ".json";
        std::filesystem::copy_file(LanguagesSharedData() / "orphanet" / "orphapackets" / file, packets / file);
      }
      for (const std::vector<std::string>& import : std::vector<std::vector<std::string>>{
               {"orphanet", packets.string()},
               {"orphanet-names", (LanguagesSharedData() / "orphanet" / "classifications").string(), "--icd11-mapping",
                (LanguagesSharedData() / "orphanet" / "icd11-mapping").string()},
               {"hpo-translations", (LanguagesSharedData() / "hpo" / "translations").string()}}) {
        std::vector<std::string> args = {"--database", c.database->url(), "import"};
        args.insert(args.end(), import.begin(), import.end());
        auto [code, output] = RunBinary(args);
        ASSERT_EQ(code, 0) << import[0] << ": " << output;
      }
      c.server = std::make_unique<TestServer>(*c.database);
    }
    ASSERT_TRUE(c.server && c.server->started()) << (c.server ? c.server->Log() : "no server");
    server_ = c.server.get();
    database_ = c.database.get();
  }

  nlohmann::json Get(const std::string& target, unsigned status = 200) {
    const HttpResult r = server_->Get(target);
    EXPECT_EQ(r.status, status) << target << ": " << r.body;
    return nlohmann::json::parse(r.body, nullptr, false);
  }

  // Orphanet's name of a condition in a language, as imported.
  std::string NameIn(int orphacode, const std::string& lang) {
    auto name = database_->db().Run([&](soci::session& sql) {
      std::string value;
      sql << "SELECT name FROM orphanet_names WHERE orphacode = :code AND lang = :lang", soci::use(orphacode),
          soci::use(lang), soci::into(value);
      return value;
    });
    return name.ok() ? *name : "";
  }

  TestServer* server_ = nullptr;
  TestDatabase* database_ = nullptr;
};

}  // namespace diseasemaps::testing
