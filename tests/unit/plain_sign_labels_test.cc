// Our plain sign labels (catalog/plain_sign_labels.h): the shipped table parses, fills
// only gaps HPO leaves, names signs the full catalogue uses, and the parser refuses
// malformed lines.
#include "catalog/plain_sign_labels.h"

#include <gtest/gtest.h>

#include <set>

#include "catalog/import/hpo_lay_parser.h"
#include "catalogue_packets.h"
#include "shared_data.h"

namespace diseasemaps::catalog {
namespace {

TEST(PlainSignLabels, TheShippedTableParsesAndIsNotEmpty) {
  const PlainSignLabels& table = EmbeddedPlainSignLabels();
  EXPECT_GE(table.size(), 150u);
  ASSERT_TRUE(table.count("HP:0001251"));
  EXPECT_EQ(table.at("HP:0001251").label, "Poor balance and coordination");
  for (const auto& [id, entry] : table) {
    EXPECT_FALSE(entry.label.empty()) << id;
    EXPECT_EQ(entry.label.find_first_of("\t;"), std::string::npos) << id;
    EXPECT_TRUE(std::isupper(static_cast<unsigned char>(entry.label.front()))) << id << " " << entry.label;
    EXPECT_NE(entry.label.back(), '.') << id << ": a label is not a sentence";
  }
}

TEST(PlainSignLabels, HposOwnLayLabelAlwaysWins) {
  EXPECT_EQ(LayLabelOrOurs("HP:0001251", "Wobbly"), "Wobbly");
  EXPECT_EQ(LayLabelOrOurs("HP:0001251", ""), "Poor balance and coordination");
  EXPECT_EQ(LayLabelOrOurs("HP:9999999", ""), "");
}

// A label of ours for a sign HPO already labels would never be shown: a mistake.
TEST(PlainSignLabels, OnlySignsHpoGivesNoLayLabel) {
  const std::string text = test_support::ReadFile(test_support::SharedData() / "hpo" / "layperson-synonyms.tsv");
  if (text.empty()) GTEST_SKIP() << "HPO's layperson-synonyms.tsv is not in the shared data";
  auto hpo = ParseHpoLay(text);
  ASSERT_TRUE(hpo.ok()) << hpo.status().message();
  std::set<std::string> labelled;
  for (const auto& l : hpo->labels) labelled.insert(l.hpo_id);
  for (const auto& [id, entry] : EmbeddedPlainSignLabels()) EXPECT_FALSE(labelled.count(id)) << id;
}

// Every sign in the table is one Orphanet uses (a typo in an id would go unseen).
TEST(PlainSignLabels, EverySignIsOneTheCatalogueUses) {
  const auto& packets = test_support::AllCataloguePackets();
  if (packets.empty()) GTEST_SKIP() << "the full catalogue is not in the shared data";
  std::set<std::string> used;
  for (const auto& p : packets) {
    for (const auto& f : p.phenotypes) used.insert(f.hpo_id);
  }
  for (const auto& [id, entry] : EmbeddedPlainSignLabels()) EXPECT_TRUE(used.count(id)) << id << " " << entry.label;
}

TEST(PlainSignLabels, MalformedLinesAreRefusedWithTheirLineNumber) {
  const std::string header = "# comment\nhpo_id\tlabel\talso\n";
  auto ok = ParsePlainSignLabels(header + "HP:0000001\tA sign\tone; two ;\n");
  ASSERT_TRUE(ok.ok()) << ok.status().message();
  EXPECT_EQ(ok->at("HP:0000001").phrases, (std::vector<std::string>{"one", "two"}));
  for (const std::string& bad : {std::string("HP:1\tA sign\t\n"), std::string("HP:0000001\t\t\n"),
                                 std::string("HP:0000001\tA sign\n")}) {
    auto refused = ParsePlainSignLabels(header + bad);
    ASSERT_FALSE(refused.ok()) << bad;
    EXPECT_NE(refused.status().message().find("line 3"), std::string::npos) << refused.status().message();
  }
  auto twice = ParsePlainSignLabels(header + "HP:0000001\tA\t\nHP:0000001\tB\t\n");
  ASSERT_FALSE(twice.ok());
  EXPECT_NE(twice.status().message().find("line 4"), std::string::npos) << twice.status().message();
  EXPECT_FALSE(ParsePlainSignLabels("HP:0000001\tA\t\n").ok());  // no header
}

}  // namespace
}  // namespace diseasemaps::catalog
