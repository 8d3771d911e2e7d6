// The catalogue imports end to end: the real binary on real ORPHApackets, MONDO SSSOM
// files and HPO lay labels, into SQLite and PostgreSQL.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "test_server.h"

namespace diseasemaps::testing {
namespace {

namespace fs = std::filesystem;

fs::path SharedData() {
  const char* shared = std::getenv("DISEASEMAPS_SHARED_DATA");
  return shared != nullptr ? fs::path(shared) : fs::path(DISEASEMAPS_SHARED_DATA);
}
fs::path AllPackets() { return SharedData() / "orphanet" / "orphapackets"; }
fs::path MondoDirectory() { return SharedData() / "mondo"; }
fs::path LayFile() { return SharedData() / "hpo" / "layperson-synonyms.tsv"; }

// Opsoclonus-myoclonus syndrome and two of its parents; Marfan syndrome, its two
// children and one parent; cystic fibrosis.
const std::vector<int> kHandful = {1183, 36388, 102005, 558, 284963, 284973, 284993, 586};

bool Has(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

std::size_t Lines(const std::string& text) {
  std::size_t lines = 0;
  for (char c : text) lines += c == '\n';
  return lines;
}

class ImportTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    ASSERT_TRUE(fs::is_directory(AllPackets())) << AllPackets() << " is missing";
    packets_ = database_.directory() / "packets";
    fs::create_directories(packets_);
    for (int code : kHandful) Copy(code);
  }

  void Copy(int code) {
    const std::string file = "ORPHApacket_" + std::to_string(code) + ".json";
    fs::copy_file(AllPackets() / file, packets_ / file, fs::copy_options::overwrite_existing);
  }

  std::pair<int, std::string> Import(const std::vector<std::string>& args) {
    std::vector<std::string> full = {"--database", database_.url(), "import"};
    full.insert(full.end(), args.begin(), args.end());
    return RunBinary(full);
  }
  std::pair<int, std::string> ImportPackets() { return Import({"orphanet", packets_.string()}); }

  long long Count(const std::string& query) { return QueryNumber(database_.db(), query); }

  std::string Text(const std::string& query) {
    auto text = database_.db().Run([&](soci::session& sql) {
      std::string value;
      soci::indicator indicator = soci::i_ok;
      sql << query, soci::into(value, indicator);
      return indicator == soci::i_ok ? value : std::string("NULL");
    });
    EXPECT_TRUE(text.ok()) << query << ": " << text.status().message();
    return text.ok() ? *text : "";
  }

  // Rows of every detail table, to compare before and after a re-import.
  std::vector<long long> AllCounts() {
    std::vector<long long> counts;
    for (const char* table : {"conditions", "condition_synonyms", "condition_parents",
                              "condition_phenotypes", "condition_prevalences", "condition_onsets",
                              "condition_inheritance", "condition_genes", "condition_xrefs"}) {
      counts.push_back(Count(std::string("SELECT COUNT(*) FROM ") + table));
    }
    return counts;
  }

  TestDatabase database_{GetParam()};
  fs::path packets_;
};

std::string Backends(const ::testing::TestParamInfo<Backend>& info) {
  return BackendName(info.param);
}

const char* kOms = "(SELECT id FROM conditions WHERE orphacode = 1183)";

TEST_P(ImportTest, ImportsRealPacketsWithAllTheirDetail) {
  auto [code, output] = ImportPackets();
  ASSERT_EQ(code, 0) << output;
  EXPECT_TRUE(Has(output, "orphanet import: added 8, updated 0, obsolete 0, skipped 0")) << output;
  EXPECT_TRUE(Has(output, "timings: read+parse")) << output;
  EXPECT_TRUE(Has(output, "obsolete marking")) << output;
  EXPECT_FALSE(Has(output, "\r")) << "no in-place progress away from a terminal";

  EXPECT_EQ(Count("SELECT COUNT(*) FROM conditions"), 8);
  EXPECT_EQ(Text("SELECT slug FROM conditions WHERE orphacode = 1183"), "opsoclonus-myoclonus-syndrome");
  EXPECT_EQ(Text("SELECT sort_name FROM conditions WHERE orphacode = 1183"), "opsoclonus-myoclonus syndrome");
  EXPECT_EQ(Text("SELECT entry_type FROM conditions WHERE orphacode = 1183"), "Disease");
  EXPECT_EQ(Text("SELECT entry_type FROM conditions WHERE orphacode = 284963"), "Clinical subtype");
  EXPECT_EQ(Text("SELECT status FROM conditions WHERE orphacode = 1183"), "active");
  EXPECT_EQ(Text("SELECT source FROM conditions WHERE orphacode = 1183"), "orphanet");
  EXPECT_EQ(Text("SELECT data_version FROM conditions WHERE orphacode = 1183"), "1.3.42 / 4.1.8 [2025-03-03]");
  EXPECT_EQ(Text("SELECT definition FROM conditions WHERE orphacode = 1183").rfind("Opsoclonus myoclonus syndrome (OMS)", 0), 0u);
  EXPECT_EQ(Text("SELECT definition FROM conditions WHERE orphacode = 102005"), "NULL");  // it has none

  EXPECT_EQ(Count(std::string("SELECT COUNT(*) FROM condition_synonyms WHERE condition_id = ") + kOms), 10);
  EXPECT_EQ(Count(std::string("SELECT COUNT(*) FROM condition_synonyms WHERE slug = 'dancing-eye-syndrome'"
                              " AND condition_id = ") + kOms), 1);
  EXPECT_EQ(Count(std::string("SELECT COUNT(*) FROM condition_phenotypes WHERE condition_id = ") + kOms), 22);
  EXPECT_EQ(Text(std::string("SELECT frequency FROM condition_phenotypes WHERE hpo_id = 'HP:0010543'"
                             " AND condition_id = ") + kOms), "Very frequent (99-80%)");
  EXPECT_EQ(Count(std::string("SELECT COUNT(*) FROM condition_prevalences WHERE condition_id = ") + kOms), 3);
  EXPECT_EQ(Text(std::string("SELECT source FROM condition_prevalences WHERE position = 0 AND condition_id = ") + kOms),
            "[EXPERT]_19423368[PMID]");
  EXPECT_EQ(Text(std::string("SELECT onset FROM condition_onsets WHERE position = 1 AND condition_id = ") + kOms), "Infancy");
  EXPECT_EQ(Text(std::string("SELECT inheritance FROM condition_inheritance WHERE condition_id = ") + kOms), "Not applicable");

  // Parents by ORPHAcode, whether or not they were imported; children as parent links.
  EXPECT_EQ(Count("SELECT COUNT(*) FROM condition_parents WHERE child_orphacode = 1183"), 4);
  EXPECT_EQ(Text("SELECT parent_label FROM condition_parents WHERE child_orphacode = 1183 AND parent_orphacode = 306753"),
            "Rare disease with myoclonus as a major feature");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM condition_parents WHERE parent_orphacode = 558"), 2);
  // 284993 lists ten children; only 558 was imported, yet all ten show.
  EXPECT_EQ(Count("SELECT COUNT(*) FROM condition_parents WHERE parent_orphacode = 284993"), 10);
  EXPECT_EQ(Text("SELECT parent_label FROM condition_parents WHERE child_orphacode = 1885"),
            "Marfan syndrome and Marfan-related disorders");

  EXPECT_EQ(Text("SELECT g.symbol FROM condition_genes g JOIN conditions c ON c.id = g.condition_id"
                 " WHERE c.orphacode = 284963"), "FBN1");
  EXPECT_EQ(Text("SELECT g.hgnc FROM condition_genes g JOIN conditions c ON c.id = g.condition_id"
                 " WHERE c.orphacode = 586 AND g.symbol = 'CFTR'"), "1884");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM condition_xrefs x JOIN conditions c ON c.id = x.condition_id"
                  " WHERE c.orphacode = 558 AND x.system = 'OMIM' AND x.origin = 'orphanet'"), 2);
  EXPECT_EQ(Text("SELECT x.relation FROM condition_xrefs x JOIN conditions c ON c.id = x.condition_id"
                 " WHERE c.orphacode = 558 AND x.code = '154700'"), "BTNT");

  EXPECT_EQ(Count("SELECT COUNT(*) FROM catalogue_imports WHERE kind = 'orphanet' AND added = 8"), 1);
  EXPECT_EQ(Text("SELECT data_version FROM catalogue_imports"), "1.3.42 / 4.1.8 [2025-03-03]");
}

TEST_P(ImportTest, ASecondRunUpdatesAndNeverDuplicates) {
  ASSERT_EQ(ImportPackets().first, 0);
  const std::vector<long long> before = AllCounts();
  const long long oms_id = Count(std::string("SELECT id FROM conditions WHERE orphacode = 1183"));
  auto [code, output] = ImportPackets();
  ASSERT_EQ(code, 0) << output;
  EXPECT_TRUE(Has(output, "added 0, updated 8, obsolete 0, skipped 0")) << output;
  EXPECT_EQ(AllCounts(), before);
  EXPECT_EQ(Count("SELECT id FROM conditions WHERE orphacode = 1183"), oms_id);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM catalogue_imports"), 2);
}

TEST_P(ImportTest, AVanishedEntryBecomesObsoleteAndComesBack) {
  ASSERT_EQ(ImportPackets().first, 0);
  fs::remove(packets_ / "ORPHApacket_586.json");
  auto [code, output] = ImportPackets();
  ASSERT_EQ(code, 0) << output;
  EXPECT_TRUE(Has(output, "added 0, updated 7, obsolete 1, skipped 0")) << output;
  EXPECT_EQ(Count("SELECT COUNT(*) FROM conditions WHERE orphacode = 586"), 1);  // never deleted
  EXPECT_EQ(Text("SELECT status FROM conditions WHERE orphacode = 586"), "obsolete");
  EXPECT_GT(Count("SELECT obsolete_since FROM conditions WHERE orphacode = 586"), 0);
  EXPECT_EQ(Text("SELECT slug FROM conditions WHERE orphacode = 586"), "cystic-fibrosis");
  EXPECT_GT(Count("SELECT COUNT(*) FROM condition_genes g JOIN conditions c ON c.id = g.condition_id"
                  " WHERE c.orphacode = 586"), 0);  // its detail stays for the notice page

  auto [again, again_output] = ImportPackets();  // still gone: not counted twice
  EXPECT_TRUE(Has(again_output, "obsolete 0")) << again_output;

  Copy(586);
  auto [back, back_output] = ImportPackets();
  ASSERT_EQ(back, 0) << back_output;
  EXPECT_TRUE(Has(back_output, "added 0, updated 8, obsolete 0")) << back_output;
  EXPECT_EQ(Text("SELECT status FROM conditions WHERE orphacode = 586"), "active");
  EXPECT_EQ(Text("SELECT CAST(obsolete_since AS TEXT) FROM conditions WHERE orphacode = 586"), "NULL");
}

TEST_P(ImportTest, MalformedPacketsAreSkippedAndReportedAndTheRestIsImported) {
  std::ofstream(packets_ / "ORPHApacket_999001.json") << "{\"Orphapacket\": {\"ORPHAcode\": \"999001\",";
  std::ofstream(packets_ / "ORPHApacket_999002.json") << R"({"Orphapacket": {"ORPHAcode": "999002"}})";
  std::ofstream(packets_ / "ORPHApacket_999003.json")
      << R"({"Orphapacket": {"ORPHAcode": "999003", "Label": "X", "Parents": 12}})";
  auto [code, output] = ImportPackets();
  EXPECT_NE(code, 0) << output;
  EXPECT_EQ(code, 2) << output;
  EXPECT_TRUE(Has(output, "added 8, updated 0, obsolete 0, skipped 3")) << output;
  EXPECT_TRUE(Has(output, "skipped ORPHApacket_999001.json: $: not valid JSON")) << output;
  EXPECT_TRUE(Has(output, "skipped ORPHApacket_999002.json: $.Orphapacket.Label: missing")) << output;
  EXPECT_TRUE(Has(output, "skipped ORPHApacket_999003.json: $.Orphapacket.Parents: expected an object "
                          "or a list, found a number")) << output;
  EXPECT_EQ(Count("SELECT COUNT(*) FROM conditions"), 8);
  EXPECT_EQ(Count("SELECT skipped FROM catalogue_imports"), 3);
}

TEST_P(ImportTest, AnUnreadablePacketDoesNotMakeItsConditionObsolete) {
  ASSERT_EQ(ImportPackets().first, 0);
  std::ofstream(packets_ / "ORPHApacket_586.json", std::ios::trunc) << "not json";
  auto [code, output] = ImportPackets();
  EXPECT_EQ(code, 2) << output;
  EXPECT_TRUE(Has(output, "obsolete 0, skipped 1")) << output;
  EXPECT_EQ(Text("SELECT status FROM conditions WHERE orphacode = 586"), "active");
}

TEST_P(ImportTest, ADirectoryWithoutPacketsIsAClearError) {
  const fs::path empty = database_.directory() / "empty";
  fs::create_directories(empty);
  std::ofstream(empty / "README.txt") << "nothing here";
  auto [code, output] = Import({"orphanet", empty.string()});
  EXPECT_EQ(code, 1);
  EXPECT_TRUE(Has(output, "diseasemaps: no ORPHApackets (ORPHApacket_<code>.json files) in " + empty.string()))
      << output;
  EXPECT_EQ(Lines(output.substr(output.find("diseasemaps: no"))), 1u) << output;
  auto [missing, missing_output] = Import({"orphanet", (empty / "nope").string()});
  EXPECT_EQ(missing, 1);
  EXPECT_TRUE(Has(missing_output, "is not a directory")) << missing_output;
  EXPECT_EQ(Count("SELECT COUNT(*) FROM conditions"), 0);
}

TEST_P(ImportTest, StarterRowsAreUpgradedInPlace) {
  auto inserted = database_.db().InTransaction([](soci::session& sql) {
    sql << "INSERT INTO conditions (orphacode, slug, name, sort_name, entry_type, status, source,"
           " created_at, updated_at) VALUES (1183, 'opsoclonus-myoclonus-syndrome',"
           " 'Opsoclonus-myoclonus syndrome', 'opsoclonus-myoclonus syndrome', 'Disease', 'active',"
           " 'starter', 1, 1)";
    sql << "INSERT INTO conditions (orphacode, slug, name, sort_name, entry_type, status, source,"
           " created_at, updated_at) VALUES (999999, 'starter-only', 'Starter only', 'starter only',"
           " 'Disease', 'active', 'starter', 1, 1)";
    return Status::Ok();
  });
  ASSERT_TRUE(inserted.ok()) << inserted.message();
  const long long id = Count("SELECT id FROM conditions WHERE orphacode = 1183");
  auto [code, output] = ImportPackets();
  ASSERT_EQ(code, 0) << output;
  EXPECT_TRUE(Has(output, "added 7, updated 1, obsolete 0")) << output;
  EXPECT_EQ(Count("SELECT COUNT(*) FROM conditions WHERE orphacode = 1183"), 1);
  EXPECT_EQ(Count("SELECT id FROM conditions WHERE orphacode = 1183"), id);
  EXPECT_EQ(Text("SELECT source FROM conditions WHERE orphacode = 1183"), "orphanet");
  EXPECT_EQ(Text("SELECT status FROM conditions WHERE orphacode = 999999"), "active");  // not Orphanet's
}

TEST_P(ImportTest, CollidingSlugsGetTheOrphacode) {
  // T-B- and T+ B+ severe combined immunodeficiency both spell t-b-severe-combined-…
  Copy(317419);
  Copy(397802);
  ASSERT_EQ(ImportPackets().first, 0);
  EXPECT_EQ(Text("SELECT slug FROM conditions WHERE orphacode = 317419"), "t-b-severe-combined-immunodeficiency");
  EXPECT_EQ(Text("SELECT slug FROM conditions WHERE orphacode = 397802"), "t-b-severe-combined-immunodeficiency-397802");
  ASSERT_EQ(ImportPackets().first, 0);  // and keep them
  EXPECT_EQ(Text("SELECT slug FROM conditions WHERE orphacode = 397802"), "t-b-severe-combined-immunodeficiency-397802");
}

TEST_P(ImportTest, MondoAddsCrossReferencesToConditionsInTheCatalogue) {
  ASSERT_EQ(ImportPackets().first, 0);
  auto [code, output] = Import({"mondo", MondoDirectory().string()});
  ASSERT_EQ(code, 0) << output;
  EXPECT_TRUE(Has(output, "mondo import: added 8")) << output;
  EXPECT_TRUE(Has(output, "data version: 2026-08-04")) << output;
  const std::string oms_xref = std::string("SELECT COUNT(*) FROM condition_xrefs WHERE origin = 'mondo' AND condition_id = ") + kOms;
  EXPECT_EQ(Count(oms_xref + " AND system = 'MONDO' AND code = 'MONDO:0015247' AND relation = 'exactMatch'"), 1);
  EXPECT_EQ(Count(oms_xref + " AND system = 'MeSH' AND code = 'D053578' AND relation = 'exactMatch'"), 1);
  EXPECT_EQ(Count(oms_xref + " AND system = 'UMLS' AND code = 'C0393626'"), 1);
  EXPECT_EQ(Count(oms_xref + " AND system = 'GARD' AND relation = 'hasDbXref'"), 1);
  EXPECT_EQ(Count(oms_xref + " AND system = 'NORD' AND code = '1527' AND relation = 'hasDbXref'"), 1);
  EXPECT_EQ(Count("SELECT COUNT(DISTINCT condition_id) FROM condition_xrefs WHERE origin = 'mondo'"), 8);
  EXPECT_GT(Count("SELECT COUNT(*) FROM condition_xrefs x JOIN conditions c ON c.id = x.condition_id"
                  " WHERE c.orphacode = 586 AND x.system = 'ICD-11' AND x.code LIKE 'http://id.who.int/icd/entity/%'"), 0);
  EXPECT_GT(Count("SELECT COUNT(*) FROM condition_xrefs x JOIN conditions c ON c.id = x.condition_id"
                  " WHERE c.orphacode = 586 AND x.system IN ('ICD-10', 'ICD-10-CM')"), 0);
  const long long orphanet_xrefs = Count("SELECT COUNT(*) FROM condition_xrefs WHERE origin = 'orphanet'");
  const long long mondo_xrefs = Count("SELECT COUNT(*) FROM condition_xrefs WHERE origin = 'mondo'");

  auto [again, again_output] = Import({"mondo", MondoDirectory().string()});
  ASSERT_EQ(again, 0) << again_output;
  EXPECT_TRUE(Has(again_output, "added 0, updated 8")) << again_output;
  EXPECT_EQ(Count("SELECT COUNT(*) FROM condition_xrefs WHERE origin = 'mondo'"), mondo_xrefs);
  ASSERT_EQ(ImportPackets().first, 0);  // the Orphanet import leaves MONDO's rows alone
  EXPECT_EQ(Count("SELECT COUNT(*) FROM condition_xrefs WHERE origin = 'mondo'"), mondo_xrefs);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM condition_xrefs WHERE origin = 'orphanet'"), orphanet_xrefs);
}

TEST_P(ImportTest, MondoFailsClearlyWithoutMappings) {
  auto [code, output] = Import({"mondo", packets_.string()});
  EXPECT_EQ(code, 1);
  EXPECT_TRUE(Has(output, "no MONDO mapping files (*.sssom.tsv) in")) << output;
}

TEST_P(ImportTest, HpoLayLabelsAloneOrWithTheOrphanetImport) {
  auto [code, output] = Import({"hpo-lay", LayFile().string()});
  ASSERT_EQ(code, 0) << output;
  EXPECT_TRUE(Has(output, "hpo-lay import: added 4701")) << output;
  EXPECT_EQ(Count("SELECT COUNT(*) FROM hpo_lay_labels"), 4701);
  EXPECT_EQ(Text("SELECT label FROM hpo_lay_labels WHERE hpo_id = 'HP:0025251'"), "Blackhead");

  auto [with, with_output] = Import({"orphanet", packets_.string(), "--hpo-lay", LayFile().string()});
  ASSERT_EQ(with, 0) << with_output;
  EXPECT_TRUE(Has(with_output, "orphanet import: added 8")) << with_output;
  EXPECT_TRUE(Has(with_output, "hpo-lay import: added 0, updated 4701")) << with_output;
  EXPECT_EQ(Count("SELECT COUNT(*) FROM hpo_lay_labels"), 4701);
}

TEST_P(ImportTest, TheDatabaseComesFromFlagsEnvironmentOrConfigFile) {
  // Global options reach the nested `import orphanet` like any command's.
  auto [env_code, env_output] = RunBinary({"import", "orphanet", packets_.string()},
                                          {{"DISEASEMAPS_DATABASE", database_.url()}});
  ASSERT_EQ(env_code, 0) << env_output;
  EXPECT_EQ(Count("SELECT COUNT(*) FROM conditions"), 8);
  const fs::path config = database_.directory() / "import.conf";
  std::ofstream(config) << "database = " << database_.url() << "\n";
  auto [file_code, file_output] = RunBinary({"--config", config.string(), "import", "hpo-lay",
                                             LayFile().string()});
  ASSERT_EQ(file_code, 0) << file_output;
  EXPECT_EQ(Count("SELECT COUNT(*) FROM hpo_lay_labels"), 4701);
  auto [flag_code, flag_output] = RunBinary({"import", "orphanet", packets_.string(), "--database",
                                             database_.url(), "--batch-size", "2"});
  ASSERT_EQ(flag_code, 0) << flag_output;
  EXPECT_TRUE(Has(flag_output, "added 0, updated 8")) << flag_output;
}

INSTANTIATE_TEST_SUITE_P(Backends, ImportTest, ::testing::ValuesIn(AllBackends()), Backends);

// The whole of Orphanet into SQLite: proves the importer scales (and every real packet
// parses). SQLite only: the speed promise is for SQLite.
TEST(ImportFull, AllPacketsIntoSqlite) {
  TestDatabase database(Backend::kSqlite);
  const auto start = std::chrono::steady_clock::now();
  auto [code, output] = RunBinary({"--database", database.url(), "import", "orphanet",
                                   AllPackets().string(), "--mondo", MondoDirectory().string()});
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_EQ(code, 0) << output;
  EXPECT_TRUE(Has(output, "orphanet import: added 9960, updated 0, obsolete 0, skipped 0")) << output;
  EXPECT_LT(seconds, 60.0) << output;
  auto counts = database.db().Run([](soci::session& sql) {
    long long conditions = 0, distinct_slugs = 0, mondo = 0;
    sql << "SELECT COUNT(*) FROM conditions", soci::into(conditions);
    sql << "SELECT COUNT(DISTINCT slug) FROM conditions", soci::into(distinct_slugs);
    sql << "SELECT COUNT(DISTINCT condition_id) FROM condition_xrefs WHERE origin = 'mondo'", soci::into(mondo);
    return std::vector<long long>{conditions, distinct_slugs, mondo};
  });
  ASSERT_TRUE(counts.ok()) << counts.status().message();
  EXPECT_EQ((*counts)[0], 9960);
  EXPECT_EQ((*counts)[1], 9960);
  EXPECT_GT((*counts)[2], 9000);
}

}  // namespace
}  // namespace diseasemaps::testing
