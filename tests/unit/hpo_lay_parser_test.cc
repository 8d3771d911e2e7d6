// HPO's plain-language phenotype labels: one per term, the first that says it plainly.
#include "catalog/import/hpo_lay_parser.h"

#include <gtest/gtest.h>

#include <map>

#include "shared_data.h"

namespace diseasemaps::catalog {
namespace {

std::map<std::string, std::string> ById(const HpoLayFile& file) {
  std::map<std::string, std::string> labels;
  for (const HpoLayLabel& label : file.labels) labels[label.hpo_id] = label.label;
  return labels;
}

TEST(HpoLayParser, ReadsTheRealFileWithOneLabelPerTerm) {
  const std::string text =
      test_support::ReadFile(test_support::SharedData() / "hpo" / "layperson-synonyms.tsv");
  ASSERT_FALSE(text.empty()) << "layperson-synonyms.tsv is missing from " << test_support::SharedData();
  auto parsed = ParseHpoLay(text);
  ASSERT_TRUE(parsed.ok()) << parsed.status().message();
  EXPECT_EQ(parsed->labels.size(), 4701u);
  EXPECT_TRUE(parsed->bad_lines.empty());
  const auto labels = ById(*parsed);
  EXPECT_EQ(labels.size(), 4701u);  // unique by HPO id
  EXPECT_EQ(labels.at("HP:0025251"), "Blackhead");  // "Open comedo"@en
  EXPECT_EQ(labels.at("HP:0002648"), "Abnormally shaped skull");
}

TEST(HpoLayParser, PrefersALabelThatDiffersFromTheClinicalOne) {
  const std::string text =
      "?term\t?term_label\t?layperson\n"
      "<http://purl.obolibrary.org/obo/HP_0000001>\t\"Slow-growing hair\"\t\"Slow growing hair\"\n"
      "<http://purl.obolibrary.org/obo/HP_0000001>\t\"Slow-growing hair\"\t\"Slow speed of hair growth\"\n"
      "<http://purl.obolibrary.org/obo/HP_0000001>\t\"Slow-growing hair\"\t\"Hair grows slowly\"\n"
      "HP:0000002\t\"Stiff wrist\"@en\t\"Stiff wrist\"\n"
      "<http://purl.obolibrary.org/obo/HP_0000003>\t\"Open comedo\"@en\t\"Blackhead\"@en\n";
  auto parsed = ParseHpoLay(text);
  ASSERT_TRUE(parsed.ok()) << parsed.status().message();
  const auto labels = ById(*parsed);
  EXPECT_EQ(labels.at("HP:0000001"), "Slow speed of hair growth");
  EXPECT_EQ(labels.at("HP:0000002"), "Stiff wrist");  // only the clinical label: kept
  EXPECT_EQ(labels.at("HP:0000003"), "Blackhead");
}

TEST(HpoLayParser, ReportsMalformedLinesAndRefusesAMissingHeader) {
  const std::string text =
      "?term\t?term_label\t?layperson\n"
      "<http://example.org/NOT_1>\t\"x\"\t\"y\"\n"
      "HP:0000004\t\"x\"\n"
      "HP:0000005\t\"x\"\t\"\"\n"
      "HP:0000006\t\"x\"\t\"fine\"\n";
  auto parsed = ParseHpoLay(text);
  ASSERT_TRUE(parsed.ok()) << parsed.status().message();
  ASSERT_EQ(parsed->labels.size(), 1u);
  ASSERT_EQ(parsed->bad_lines.size(), 3u);
  EXPECT_EQ(parsed->bad_lines[0].line, 2);
  EXPECT_EQ(parsed->bad_lines[1].why, "too few columns");
  EXPECT_EQ(parsed->bad_lines[2].why, "empty layperson label");
  EXPECT_FALSE(ParseHpoLay("a\tb\tc\n").ok());
  EXPECT_FALSE(ParseHpoLay("").ok());
}

}  // namespace
}  // namespace diseasemaps::catalog
