// Orphanet classification files: both shapes, both encodings, errors with their line.
#include "catalog/import/orphanet_classification_parser.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "shared_data.h"
#include "temp_dir.h"

namespace diseasemaps::catalog {
namespace {

std::string Node(const std::string& code, const std::string& name, const std::string& children,
                 const std::string& lang = "es") {
  return "<ClassificationNode><Disorder id=\"1\"><OrphaCode>" + code +
         "</OrphaCode><Name lang=\"" + lang + "\">" + name +
         "</Name><DisorderType id=\"2\"><Name lang=\"es\">Enfermedad</Name></DisorderType></Disorder>"
         "<ClassificationNodeChildList>" + children + "</ClassificationNodeChildList></ClassificationNode>\n";
}
std::string Node(int code, const std::string& name, const std::string& children, const std::string& lang = "es") {
  return Node(std::to_string(code), name, children, lang);
}

std::string Current(const std::string& nodes, const std::string& encoding = "UTF-8",
                    const std::string& title = "Clasificación de las enfermedades neurológicas raras") {
  return "<?xml version=\"1.0\" encoding=\"" + encoding + "\"?>\n"
         "<JDBOR ExtractionDate=\"2025-06-24 07:39:30\" version=\"1.3.42 / 4.1.8 [2025-03-03]\">\n"
         "<ClassificationList count=\"1\"><Classification id=\"181\"><OrphaNumber>162508</OrphaNumber>\n"
         "<Name lang=\"es\">" + title + "</Name>\n"
         "<ClassificationNodeRootList>\n" + nodes + "</ClassificationNodeRootList></Classification>"
         "</ClassificationList></JDBOR>\n";
}

const ClassifiedDisorder* Find(const OrphanetClassification& c, int code) {
  const auto it = std::find_if(c.disorders.begin(), c.disorders.end(),
                               [&](const ClassifiedDisorder& d) { return d.orphacode == code; });
  return it == c.disorders.end() ? nullptr : &*it;
}

TEST(OrphanetClassificationParser, ReadsTheTreeWithAnEntryUnderTwoParents) {
  const std::string xml = Current(Node(98006, "Enfermedad neurológica rara",
                                       Node(10, "Grupo A", Node(1183, "Síndrome de opsoclono-mioclono", "")) +
                                           Node(11, "Grupo B", Node(1183, "Síndrome de opsoclono-mioclono", "")) +
                                           Node(12, "Not yet translated", "", "en")));
  auto parsed = ParseOrphanetClassification(xml, "ORPHAclassification_181_rare_neurological_diseases_es.xml");
  ASSERT_TRUE(parsed.ok()) << parsed.status().message();
  EXPECT_EQ(parsed->id, 181);
  EXPECT_EQ(parsed->title, "Clasificación de las enfermedades neurológicas raras");
  EXPECT_EQ(parsed->title_language, "es");
  EXPECT_EQ(parsed->extraction_date, "2025-06-24 07:39:30");
  EXPECT_EQ(parsed->data_version, "1.3.42 / 4.1.8 [2025-03-03]");
  EXPECT_EQ(parsed->roots, std::vector<int>{98006});
  EXPECT_EQ(parsed->disorders.size(), 5u);  // 1183 once
  ASSERT_NE(Find(*parsed, 1183), nullptr);
  EXPECT_EQ(Find(*parsed, 1183)->name, "Síndrome de opsoclono-mioclono");
  EXPECT_EQ(Find(*parsed, 1183)->disorder_type, "Enfermedad");
  EXPECT_EQ(Find(*parsed, 12)->name_language, "en");
  const std::vector<ClassificationEdge> expected = {{98006, 10}, {10, 1183}, {98006, 11}, {11, 1183}, {98006, 12}};
  EXPECT_EQ(parsed->edges, expected);
}

TEST(OrphanetClassificationParser, ReadsAnIso88591FileFromDisk) {
  test_support::TempDir dir;
  const std::string utf8_title = "Clasificación de las enfermedades neurológicas raras";
  const std::string xml = Current(Node(98006, "Enfermedad neurol\xF3gica rara", ""), "ISO-8859-1",
                                  "Clasificaci\xF3n de las enfermedades neurol\xF3gicas raras");
  const auto path = dir.Write("es/ORPHAclassification_181_x_es.xml", xml);
  auto parsed = ParseOrphanetClassification(test_support::ReadFile(path), path.filename().string());
  ASSERT_TRUE(parsed.ok()) << parsed.status().message();
  EXPECT_EQ(parsed->title, utf8_title);
  EXPECT_EQ(parsed->disorders.at(0).name, "Enfermedad neurológica rara");
}

TEST(OrphanetClassificationParser, ReadsTheOlderShapeWithTheIdFromTheFileName) {
  const std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<JDBOR date=\"2019-07-10 11:47:17\" version=\"1.2.11 / 4.1.6 [2018-04-12] (orientdb version)\">\n"
      "<DisorderList count=\"1\"><Disorder id=\"12469\"><OrphaNumber>93890</OrphaNumber>\n"
      "<Name lang=\"cz\">Vzácná vývojová vada</Name>\n"
      "<ClassificationNodeList count=\"1\"><ClassificationNode><ClassificationNodeChildList>\n"
      "<ClassificationNode><Disorder id=\"1347\"><OrphaNumber>1041</OrphaNumber><Name lang=\"cz\">Hydrops</Name>"
      "</Disorder><ClassificationNodeChildList count=\"0\"></ClassificationNodeChildList></ClassificationNode>\n"
      "</ClassificationNodeChildList></ClassificationNode></ClassificationNodeList></Disorder></DisorderList></JDBOR>\n";
  auto parsed = ParseOrphanetClassification(xml, "ORPHAclassification_147_rare_developmental_anomalies_cs.xml");
  ASSERT_TRUE(parsed.ok()) << parsed.status().message();
  EXPECT_EQ(parsed->id, 147);
  EXPECT_EQ(parsed->title, "");
  EXPECT_EQ(parsed->extraction_date, "2019-07-10 11:47:17");
  EXPECT_EQ(parsed->roots, std::vector<int>{93890});
  EXPECT_EQ(parsed->edges, (std::vector<ClassificationEdge>{{93890, 1041}}));
  EXPECT_EQ(parsed->disorders.at(0).name_language, "cs");  // "cz" read as Czech's code
  EXPECT_EQ(parsed->disorders.at(1).disorder_type, "");
}

TEST(OrphanetClassificationParser, ANodeWithoutADisorderStandsForItsParent) {
  // Classification 235's shape: the top node has no Disorder.
  const std::string xml = Current("<ClassificationNode><ClassificationNodeChildList>" +
                                  Node(616874, "Sin diagnóstico", "") +
                                  "</ClassificationNodeChildList></ClassificationNode>");
  auto parsed = ParseOrphanetClassification(xml, "x.xml");
  ASSERT_TRUE(parsed.ok()) << parsed.status().message();
  EXPECT_EQ(parsed->roots, std::vector<int>{616874});
  EXPECT_TRUE(parsed->edges.empty());
}

TEST(OrphanetClassificationParser, MalformedFilesSayTheLine) {
  const std::string broken = Current(Node(98006, "Rara</Nom><Name>", Node(10, "A", "")));
  auto parsed = ParseOrphanetClassification(broken, "x.xml");
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.status().message().rfind("line 6: ", 0), 0u) << parsed.status().message();

  const std::string no_code = Current(Node(98006, "Rara", std::string("\n") + Node("ten", "A", "")));
  parsed = ParseOrphanetClassification(no_code, "x.xml");
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.status().message(), "line 7: not an ORPHAcode: 'ten'");

  parsed = ParseOrphanetClassification("<?xml version=\"1.0\"?>\n<JDBOR/>", "x.xml");
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.status().message().rfind("line 2: ", 0), 0u) << parsed.status().message();
}

TEST(OrphanetClassificationParser, ReadsTheRealNeurologicalClassificationInSpanish) {
  const auto path = test_support::SharedData() / "orphanet" / "classifications" / "es" /
                    "ORPHAclassification_181_rare_neurological_diseases_es.xml";
  const std::string bytes = test_support::ReadFile(path);
  ASSERT_FALSE(bytes.empty()) << path << " is missing";
  auto parsed = ParseOrphanetClassification(bytes, path.filename().string());
  ASSERT_TRUE(parsed.ok()) << parsed.status().message();
  EXPECT_EQ(parsed->id, 181);
  EXPECT_EQ(parsed->roots, std::vector<int>{98006});
  ASSERT_NE(Find(*parsed, 98006), nullptr);
  EXPECT_EQ(Find(*parsed, 98006)->name, "Enfermedad neurológica rara");  // from ISO-8859-1
  ASSERT_NE(Find(*parsed, 1183), nullptr);
  EXPECT_GT(parsed->disorders.size(), 3000u);
}

TEST(ClassificationIdFromFileName, TakesTheNumberAfterThePrefix) {
  EXPECT_EQ(ClassificationIdFromFileName("ORPHAclassification_147_rare_x_en.xml"), 147);
  EXPECT_EQ(ClassificationIdFromFileName("other_147.xml"), 0);
  EXPECT_EQ(ClassificationIdFromFileName("ORPHAclassification_x_en.xml"), 0);
}

}  // namespace
}  // namespace diseasemaps::catalog
