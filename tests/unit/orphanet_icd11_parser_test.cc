// Orphanet's ICD-11 mapping files: names, synonyms and codes per disorder.
#include "catalog/import/orphanet_icd11_parser.h"

#include <gtest/gtest.h>

#include "shared_data.h"

namespace diseasemaps::catalog {
namespace {

std::string Disorder(int code, const std::string& synonyms, const std::string& references) {
  return "<Disorder id=\"2\"><OrphaCode>" + std::to_string(code) +
         "</OrphaCode><Name lang=\"es\">Enfermedad de Alexander</Name>"
         "<SynonymList>" + synonyms + "</SynonymList><ExternalReferenceList>" + references +
         "</ExternalReferenceList></Disorder>\n";
}

std::string Reference(const std::string& source, const std::string& code) {
  return "<ExternalReference id=\"1\"><Source>" + source + "</Source><Reference>" + code +
         "</Reference><DisorderMappingRelation id=\"21527\"><Name lang=\"es\">correspondencia exacta</Name>"
         "</DisorderMappingRelation></ExternalReference>";
}

std::string File(const std::string& disorders) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<JDBOR version=\"1.3.16 / 4.1.7 [2022-01-26]\">\n"
         "<DisorderList count=\"2\">\n" + disorders + "</DisorderList></JDBOR>\n";
}

TEST(OrphanetIcd11Parser, ReadsNamesSynonymsAndIcd11CodesOnly) {
  auto parsed = ParseOrphanetIcd11Mapping(File(Disorder(
      58, "<Synonym lang=\"es\">AxD</Synonym><Synonym lang=\"en\">Alexander disease</Synonym><Synonym lang=\"es\">AxD</Synonym>",
      Reference("ICD-11", "8A44.2") + Reference("ICD-10", "E75.2") + Reference("ICD-11", "8A44.2"))));
  ASSERT_TRUE(parsed.ok()) << parsed.status().message();
  EXPECT_EQ(parsed->data_version, "1.3.16 / 4.1.7 [2022-01-26]");
  ASSERT_EQ(parsed->disorders.size(), 1u);
  const Icd11MappedDisorder& d = parsed->disorders[0];
  EXPECT_EQ(d.orphacode, 58);
  EXPECT_EQ(d.name.text, "Enfermedad de Alexander");
  EXPECT_EQ(d.name.language, "es");
  ASSERT_EQ(d.synonyms.size(), 2u);
  EXPECT_EQ(d.synonyms[0].text, "AxD");
  EXPECT_EQ(d.synonyms[1].language, "en");
  ASSERT_EQ(d.codes.size(), 1u);
  EXPECT_EQ(d.codes[0].code, "8A44.2");
  EXPECT_EQ(d.codes[0].relation, "correspondencia exacta");
}

TEST(OrphanetIcd11Parser, RefusesARepeatedOrphacodeAndBrokenXmlWithTheLine) {
  auto twice = ParseOrphanetIcd11Mapping(File(Disorder(58, "", "") + Disorder(58, "", "")));
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.status().message(), "line 5: ORPHAcode 58 listed twice");
  auto broken = ParseOrphanetIcd11Mapping(File(Disorder(58, "<Synonym lang=\"es\">AxD</Synonym", "")));
  ASSERT_FALSE(broken.ok());
  EXPECT_EQ(broken.status().message().rfind("line 4: ", 0), 0u) << broken.status().message();
}

TEST(OrphanetIcd11Parser, ReadsTheRealFrenchFile) {
  const std::string bytes = test_support::ReadFile(test_support::SharedData() / "orphanet" / "icd11-mapping" /
                                                   "ORPHA_ICD11_mapping_fr.xml");
  ASSERT_FALSE(bytes.empty());
  auto parsed = ParseOrphanetIcd11Mapping(bytes);
  ASSERT_TRUE(parsed.ok()) << parsed.status().message();
  EXPECT_EQ(parsed->disorders.size(), 1123u);
  EXPECT_EQ(parsed->disorders[0].orphacode, 58);
  EXPECT_EQ(parsed->disorders[0].codes.at(0).code, "8A44.2");
}

}  // namespace
}  // namespace diseasemaps::catalog
