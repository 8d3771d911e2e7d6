// SSSOM mapping files: MONDO's real files, and the malformed lines a download can hold.
#include "catalog/import/sssom_parser.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "shared_data.h"

namespace diseasemaps::catalog {
namespace {

SssomFile Real(const std::string& name) {
  const std::string text = test_support::ReadFile(test_support::SharedData() / "mondo" / name);
  EXPECT_FALSE(text.empty()) << name << " is missing from " << test_support::SharedData();
  auto parsed = ParseSssom(text);
  EXPECT_TRUE(parsed.ok()) << parsed.status().message();
  return parsed.ok() ? *parsed : SssomFile{};
}

TEST(SssomParser, ReadsMondoToOrphanetMappings) {
  const SssomFile file = Real("mondo_exactmatch_orphanet.sssom.tsv");
  EXPECT_EQ(file.mappings.size(), 9785u);
  EXPECT_TRUE(file.bad_lines.empty());
  EXPECT_EQ(file.curie_map.at("Orphanet"), "http://www.orpha.net/ORDO/Orphanet_");
  EXPECT_NE(file.mapping_set_version.find("/releases/2026-08-04/"), std::string::npos);
  const auto oms = std::find_if(file.mappings.begin(), file.mappings.end(),
                                [](const SssomMapping& m) { return m.object_id == "Orphanet:1183"; });
  ASSERT_NE(oms, file.mappings.end());
  EXPECT_EQ(oms->subject_id, "MONDO:0015247");
  EXPECT_EQ(oms->predicate_id, "skos:exactMatch");
}

TEST(SssomParser, ExpandsIcd11FoundationCuries) {
  const SssomFile file = Real("mondo_exactmatch_icd11.foundation.sssom.tsv");
  ASSERT_FALSE(file.mappings.empty());
  EXPECT_EQ(ExpandCurie(file, "icd11.foundation:733056203"), "http://id.who.int/icd/entity/733056203");
  EXPECT_EQ(ExpandCurie(file, "unknown:1"), "unknown:1");
}

TEST(SssomParser, ColumnsAreFoundByNameAndBadLinesAreReported) {
  const std::string text =
      "# curie_map:\n#   mesh: http://id.nlm.nih.gov/mesh/\n# license: CC0\n"
      "object_id\tpredicate_id\tsubject_id\r\n"
      "mesh:D1\tskos:exactMatch\tMONDO:1\r\n"
      "mesh:D2\tskos:exactMatch\n"
      "\tskos:exactMatch\tMONDO:3\n"
      "\n"
      "mesh:D4\toboInOwl:hasDbXref\tMONDO:4\n";
  auto parsed = ParseSssom(text);
  ASSERT_TRUE(parsed.ok()) << parsed.status().message();
  ASSERT_EQ(parsed->mappings.size(), 2u);
  EXPECT_EQ(parsed->mappings[0].subject_id, "MONDO:1");
  EXPECT_EQ(parsed->mappings[0].object_id, "mesh:D1");
  EXPECT_EQ(parsed->mappings[1].predicate_id, "oboInOwl:hasDbXref");
  ASSERT_EQ(parsed->bad_lines.size(), 2u);
  EXPECT_EQ(parsed->bad_lines[0].line, 6);
  EXPECT_EQ(parsed->bad_lines[0].why, "has 2 columns, too few for subject_id");
  EXPECT_EQ(parsed->bad_lines[1].line, 7);
  EXPECT_EQ(parsed->bad_lines[1].why, "empty object_id");
  EXPECT_EQ(parsed->curie_map.at("mesh"), "http://id.nlm.nih.gov/mesh/");
  EXPECT_EQ(parsed->curie_map.count("license"), 0u);
}

TEST(SssomParser, RefusesAFileWithoutTheNeededColumns) {
  auto missing = ParseSssom("# x: y\nsubject_id\tpredicate_id\tobject_label\nA\tB\tC\n");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().message(), "line 2: the header has no column object_id");
  EXPECT_FALSE(ParseSssom("# only metadata\n").ok());
}

TEST(SssomParser, CurieParts) {
  EXPECT_EQ(CuriePrefix("mesh:D053578"), "mesh");
  EXPECT_EQ(CurieLocal("mesh:D053578"), "D053578");
  EXPECT_EQ(CurieLocal("icd11.foundation:1:2"), "1:2");
  EXPECT_EQ(CuriePrefix("plain"), "");
  EXPECT_EQ(CurieLocal("plain"), "plain");
}

}  // namespace
}  // namespace diseasemaps::catalog
