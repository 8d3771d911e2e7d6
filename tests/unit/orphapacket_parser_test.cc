// ORPHApacket parsing: real packets from ../shared/data, every shape Orphanet writes a
// list in, and malformed packets whose errors must name the JSON path.
#include "catalog/import/orphapacket_parser.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "shared_data.h"
#include "temp_dir.h"

namespace diseasemaps::catalog {
namespace {

using test_support::OrphaPacketPath;

OrphaPacket Real(int orphacode) {
  auto packet = ReadOrphaPacket(OrphaPacketPath(orphacode));
  EXPECT_TRUE(packet.ok()) << OrphaPacketPath(orphacode) << ": " << packet.status().message();
  return packet.ok() ? *packet : OrphaPacket{};
}

bool Contains(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

// A minimal packet with `fields` added to the Orphapacket object.
std::string Packet(const std::string& fields) {
  return R"({"Orphapacket": {"ORPHAcode": "999001", "Label": "Test syndrome")" +
         (fields.empty() ? "" : ", " + fields) + "}}";
}

std::string ErrorOf(const std::string& json) {
  auto parsed = ParseOrphaPacket(json);
  EXPECT_FALSE(parsed.ok()) << json;
  return parsed.ok() ? "" : parsed.status().message();
}

TEST(OrphaPacketParser, OpsoclonusMyoclonusSyndrome) {
  const OrphaPacket p = Real(1183);
  EXPECT_EQ(p.orphacode, 1183);
  EXPECT_EQ(p.label, "Opsoclonus-myoclonus syndrome");
  EXPECT_EQ(p.entry_type, "Disease");
  EXPECT_EQ(p.data_version, "1.3.42 / 4.1.8 [2025-03-03]");
  EXPECT_EQ(p.definition.rfind("Opsoclonus myoclonus syndrome (OMS) is a rare neuroinflammatory", 0), 0u)
      << p.definition;
  EXPECT_EQ(p.synonyms.size(), 10u);
  EXPECT_TRUE(Contains(p.synonyms, "Dancing eye syndrome"));
  EXPECT_TRUE(Contains(p.synonyms, "Kinsbourne syndrome"));
  ASSERT_EQ(p.parents.size(), 4u);
  EXPECT_EQ(p.parents[0].orphacode, 36388);
  EXPECT_EQ(p.parents[0].label, "Paraneoplastic neurologic syndrome");
  EXPECT_TRUE(p.children.empty());
  ASSERT_EQ(p.phenotypes.size(), 22u);
  EXPECT_EQ(p.phenotypes[0].hpo_id, "HP:0000570");
  EXPECT_EQ(p.phenotypes[0].term, "Abnormal saccadic eye movements");
  EXPECT_EQ(p.phenotypes[0].frequency, "Very frequent (99-80%)");
  ASSERT_EQ(p.prevalences.size(), 3u);
  EXPECT_EQ(p.prevalences[0].type, "Annual incidence");
  EXPECT_EQ(p.prevalences[0].qualification, "Value and class");
  EXPECT_EQ(p.prevalences[0].prevalence_class, "<1 / 1 000 000");
  EXPECT_EQ(p.prevalences[0].mean_value, "no data");
  EXPECT_EQ(p.prevalences[0].geography, "Europe");
  EXPECT_EQ(p.prevalences[0].source, "[EXPERT]_19423368[PMID]");
  EXPECT_EQ(p.onsets, (std::vector<std::string>{"Childhood", "Infancy"}));
  EXPECT_EQ(p.inheritance, (std::vector<std::string>{"Not applicable"}));  // {"TypeOfInheritance": [..]}
  EXPECT_TRUE(p.genes.empty());
  EXPECT_TRUE(p.xrefs.empty());
}

TEST(OrphaPacketParser, MarfanSyndromeHasOmimReferencesAndChildrenWithGenes) {
  const OrphaPacket p = Real(558);
  EXPECT_EQ(p.label, "Marfan syndrome");
  EXPECT_EQ(p.synonyms, (std::vector<std::string>{"MFS"}));
  ASSERT_EQ(p.xrefs.size(), 2u);
  EXPECT_EQ(p.xrefs[0].system, "OMIM");
  EXPECT_EQ(p.xrefs[0].code, "610168");
  EXPECT_EQ(p.xrefs[0].relation, "NTBT");
  EXPECT_EQ(p.xrefs[1].code, "154700");
  EXPECT_EQ(p.xrefs[1].relation, "BTNT");
  EXPECT_EQ(p.parents.size(), 8u);
  ASSERT_EQ(p.children.size(), 2u);
  EXPECT_EQ(p.children[0].orphacode, 284963);
  EXPECT_EQ(p.children[0].label, "Marfan syndrome type 1");
  ASSERT_EQ(p.children[0].genes.size(), 1u);
  EXPECT_EQ(p.children[0].genes[0].symbol, "FBN1");
  EXPECT_EQ(p.children[0].genes[0].name, "fibrillin 1");  // children's genes say Label
  EXPECT_EQ(p.children[0].genes[0].hgnc, "3603");
  EXPECT_EQ(p.children[0].genes[0].omim, "134797");
  ASSERT_EQ(p.children[1].genes.size(), 2u);
  EXPECT_EQ(p.children[1].genes[1].symbol, "TGFBR2");
  EXPECT_EQ(p.inheritance, (std::vector<std::string>{"Autosomal dominant"}));
}

TEST(OrphaPacketParser, CysticFibrosis) {
  const OrphaPacket p = Real(586);
  EXPECT_EQ(p.label, "Cystic fibrosis");
  EXPECT_EQ(p.synonyms, (std::vector<std::string>{"CF", "Mucoviscidosis"}));
  ASSERT_EQ(p.xrefs.size(), 1u);
  EXPECT_EQ(p.xrefs[0].code, "219700");
  EXPECT_EQ(p.xrefs[0].relation, "E");
  EXPECT_EQ(p.genes.size(), 19u);
  const auto cftr = std::find_if(p.genes.begin(), p.genes.end(),
                                 [](const OrphaGene& g) { return g.symbol == "CFTR"; });
  ASSERT_NE(cftr, p.genes.end());
  EXPECT_EQ(cftr->hgnc, "1884");
  EXPECT_EQ(cftr->omim, "602421");
  EXPECT_EQ(cftr->association, "Disease-causing germline mutation(s) (loss of function) in");
  EXPECT_EQ(p.phenotypes.size(), 35u);
  EXPECT_EQ(p.prevalences.size(), 62u);
  EXPECT_EQ(p.onsets, (std::vector<std::string>{"All ages"}));  // {"AverageAgeOfOnset": [..]}
  EXPECT_EQ(p.inheritance, (std::vector<std::string>{"Autosomal recessive"}));
}

TEST(OrphaPacketParser, AcceptsEveryShapeOfAList) {
  auto parsed = ParseOrphaPacket(Packet(R"(
    "Parents": {"Parent": [{"ORPHAcode": "1", "Label": "One"}, {"ORPHAcode": "2", "Label": "Two"}]},
    "Children": [{"Child": {"ORPHAcode": "3", "Label": "Three", "Genes": "no data"}}],
    "Synonyms": ["Plain", {"Synonym": "Wrapped"}, {"Synonym": ["Listed"]}],
    "TextSection": [{"TextSectionType": "Other", "Contents": "no"},
                    {"TextSectionType": "Definition", "Contents": " A definition. "}],
    "TypeOfInheritances": [{"TypeOfInheritance": {"value": "Autosomal recessive"}}],
    "AverageAgeOfOnsets": {"AverageAgeOfOnset": {"value": "Adult"}},
    "Prevalences": {"Prevalence": {"PrevalenceType": "Point prevalence", "Source": null}},
    "ExternalReferences": [{"Source": "ICD10", "Reference": "G25.3"},
                           {"ExternalReference": {"Source": "MEDDRA", "Reference": "10030"}}],
    "Phenotypes": [{"Phenotype": {"HPOId": "HP:1", "HPOTerm": "First"}},
                   {"Phenotype": {"HPOId": "HP:1", "HPOTerm": "Repeated"}}])"));
  ASSERT_TRUE(parsed.ok()) << parsed.status().message();
  const OrphaPacket& p = *parsed;
  ASSERT_EQ(p.parents.size(), 2u);
  EXPECT_EQ(p.parents[1].orphacode, 2);
  ASSERT_EQ(p.children.size(), 1u);
  EXPECT_TRUE(p.children[0].genes.empty());
  EXPECT_EQ(p.synonyms, (std::vector<std::string>{"Plain", "Wrapped", "Listed"}));
  EXPECT_EQ(p.definition, "A definition.");
  EXPECT_EQ(p.inheritance, (std::vector<std::string>{"Autosomal recessive"}));
  EXPECT_EQ(p.onsets, (std::vector<std::string>{"Adult"}));
  ASSERT_EQ(p.prevalences.size(), 1u);
  EXPECT_EQ(p.prevalences[0].source, "");
  ASSERT_EQ(p.xrefs.size(), 2u);
  EXPECT_EQ(p.xrefs[0].system, "ICD-10");
  EXPECT_EQ(p.xrefs[1].system, "MedDRA");
  ASSERT_EQ(p.phenotypes.size(), 1u);  // one per HPO id, the first wins
  EXPECT_EQ(p.phenotypes[0].term, "First");
}

TEST(OrphaPacketParser, AMinimalPacketHasEmptyLists) {
  auto parsed = ParseOrphaPacket(Packet(""));
  ASSERT_TRUE(parsed.ok()) << parsed.status().message();
  EXPECT_EQ(parsed->orphacode, 999001);
  EXPECT_TRUE(parsed->definition.empty());
  EXPECT_TRUE(parsed->parents.empty());
  EXPECT_TRUE(parsed->entry_type.empty());
}

TEST(OrphaPacketParser, ErrorsNameTheJsonPath) {
  EXPECT_EQ(ErrorOf(R"({"Orphapacket": {"ORPHAcode": "1"}})"), "$.Orphapacket.Label: missing");
  EXPECT_EQ(ErrorOf(R"({"Orphapacket": {"Label": "X"}})"), "$.Orphapacket.ORPHAcode: missing");
  EXPECT_EQ(ErrorOf(R"({"Orphapacket": {"ORPHAcode": "1", "Label": ""}})"),
            "$.Orphapacket.Label: empty (expected a non-empty string)");
  EXPECT_EQ(ErrorOf(R"({"Orphapacket": {"ORPHAcode": "1", "Label": {"en": "X"}}})"),
            "$.Orphapacket.Label: expected a string, found an object");
  EXPECT_EQ(ErrorOf(R"({"Orphapacket": {"ORPHAcode": "RD_12", "Label": "X"}})"),
            "$.Orphapacket.ORPHAcode: expected a whole number, found 'RD_12'");
  EXPECT_EQ(ErrorOf(Packet(R"("Parents": 42)")),
            "$.Orphapacket.Parents: expected an object or a list, found a number");
  EXPECT_EQ(ErrorOf(Packet(R"("Parents": "Rare disease")")),
            "$.Orphapacket.Parents: expected an object or a list, found a string");
  EXPECT_EQ(ErrorOf(Packet(R"("Parents": [{"Parent": [{"ORPHAcode": "1", "Label": "A"}]},
                                          {"Parent": [{"Label": "B"}]}])")),
            "$.Orphapacket.Parents[1].Parent[0].ORPHAcode: missing");
  EXPECT_EQ(ErrorOf(Packet(R"("Parents": [{"Parent": [7]}])")),
            "$.Orphapacket.Parents[0].Parent[0]: expected an object, found a number");
  EXPECT_EQ(ErrorOf(Packet(R"("Phenotypes": [{"Phenotype": {"HPOId": ["HP:1"]}}])")),
            "$.Orphapacket.Phenotypes[0].Phenotype.HPOId: expected a string, found a list");
  EXPECT_EQ(ErrorOf(Packet(R"("Synonyms": [{"Synonym": 3.5}])")),
            "$.Orphapacket.Synonyms[0].Synonym: expected a string, found a number");
  EXPECT_EQ(ErrorOf("[1, 2]"), "$: expected an object, found a list");
  EXPECT_EQ(ErrorOf("{}"), "$.Orphapacket: missing");
}

TEST(OrphaPacketParser, InvalidJsonSaysWhere) {
  const std::string why = ErrorOf("{\"Orphapacket\": {\n  \"ORPHAcode\": \"1\",\n  \"Label\" \"X\"}}");
  EXPECT_EQ(why.rfind("$: not valid JSON: ", 0), 0u) << why;
  EXPECT_NE(why.find("line 3"), std::string::npos) << why;
  EXPECT_EQ(why.find("[json.exception"), std::string::npos) << why;
}

TEST(OrphaPacketParser, FileErrorsStartWithTheFileName) {
  test_support::TempDir dir;
  const auto broken = dir.Write("ORPHApacket_999002.json", "{\"Orphapacket\": ");
  auto parsed = ReadOrphaPacket(broken);
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.status().message().rfind("ORPHApacket_999002.json: $: not valid JSON", 0), 0u)
      << parsed.status().message();
  const auto no_label = dir.Write("ORPHApacket_999003.json", R"({"Orphapacket": {"ORPHAcode": "9"}})");
  EXPECT_EQ(ReadOrphaPacket(no_label).status().message(),
            "ORPHApacket_999003.json: $.Orphapacket.Label: missing");
  EXPECT_EQ(ReadOrphaPacket(dir.path() / "ORPHApacket_404.json").status().message().rfind(
                "ORPHApacket_404.json: cannot read", 0),
            0u);
}

TEST(OrphaPacketParser, NormalisesCodingSystemNames) {
  EXPECT_EQ(NormaliseXrefSystem("OMIM"), "OMIM");
  EXPECT_EQ(NormaliseXrefSystem("ICD-10"), "ICD-10");
  EXPECT_EQ(NormaliseXrefSystem("ICD10"), "ICD-10");
  EXPECT_EQ(NormaliseXrefSystem("ICD-11"), "ICD-11");
  EXPECT_EQ(NormaliseXrefSystem("MeSH"), "MeSH");
  EXPECT_EQ(NormaliseXrefSystem("MESH"), "MeSH");
  EXPECT_EQ(NormaliseXrefSystem("UMLS"), "UMLS");
  EXPECT_EQ(NormaliseXrefSystem("GARD"), "GARD");
  EXPECT_EQ(NormaliseXrefSystem("MedDRA"), "MedDRA");
  EXPECT_EQ(NormaliseXrefSystem("ICD10CM"), "ICD-10-CM");
  EXPECT_EQ(NormaliseXrefSystem("Something new"), "Something new");
}

}  // namespace
}  // namespace diseasemaps::catalog
