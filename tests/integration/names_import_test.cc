// The catalogue in nine languages end to end: the real binary imports Orphanet's real
// classification and ICD-11 mapping files and HPO's translations into SQLite and
// PostgreSQL, and LocalizedNamesStore reads them back.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "catalog/localized_names_store.h"
#include "../unit/shared_data.h"
#include "test_server.h"

namespace diseasemaps::testing {
namespace {

namespace fs = std::filesystem;

using test_support::SharedData;
fs::path Classifications() { return SharedData() / "orphanet" / "classifications"; }
fs::path Icd11Mapping() { return SharedData() / "orphanet" / "icd11-mapping"; }
fs::path HpoTranslations() { return SharedData() / "hpo" / "translations"; }

constexpr int kOms = 1183;            // opsoclonus-myoclonus syndrome
constexpr int kNeurological = 181;    // Orphanet's classification of rare neurological diseases

bool Has(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

class NamesImportTest : public ::testing::TestWithParam<Backend> {
 protected:
  std::pair<int, std::string> Import(const std::vector<std::string>& args) {
    std::vector<std::string> full = {"--database", database_.url(), "import"};
    full.insert(full.end(), args.begin(), args.end());
    return RunBinary(full);
  }

  long long Count(const std::string& query) { return QueryNumber(database_.db(), query); }

  // Row counts of every table the imports fill, to show a failed import changed nothing.
  std::vector<long long> AllCounts() {
    std::vector<long long> counts;
    for (const char* table : {"orphanet_names", "orphanet_synonyms", "orphanet_icd11_codes",
                              "orphanet_classifications", "orphanet_classification_titles",
                              "orphanet_classification_nodes", "orphanet_classification_edges",
                              "hpo_label_translations", "hpo_synonym_translations"}) {
      counts.push_back(Count(std::string("SELECT COUNT(*) FROM ") + table));
    }
    return counts;
  }

  // A copy of the packets of a few conditions, so the catalogue holds them.
  fs::path Packets() {
    const fs::path packets = database_.directory() / "packets";
    fs::create_directories(packets);
    for (int code : {kOms, 58}) {
      const std::string file = "ORPHApacket_" + std::to_string(code) + ".json";
      fs::copy_file(SharedData() / "orphanet" / "orphapackets" / file, packets / file,
                    fs::copy_options::overwrite_existing);
    }
    return packets;
  }

  TestDatabase database_{GetParam()};
};

std::string Backends(const ::testing::TestParamInfo<Backend>& info) { return BackendName(info.param); }

std::string PathText(const std::vector<catalog::LocalizedName>& path) {
  std::string text;
  for (const catalog::LocalizedName& step : path) text += (text.empty() ? "" : " › ") + step.name;
  return text;
}

TEST_P(NamesImportTest, ImportsNineLanguagesTreesSynonymsAndHpoLabelsOnceOnly) {
  ASSERT_TRUE(fs::is_directory(Classifications())) << Classifications() << " is missing";
  const auto start = std::chrono::steady_clock::now();
  auto [code, output] = Import({"orphanet", Packets().string(), "--names", Classifications().string(),
                                "--icd11-mapping", Icd11Mapping().string(), "--hpo-translations",
                                HpoTranslations().string()});
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_EQ(code, 0) << output;
  std::cout << "full import (2 packets, names in 9 languages, HPO translations): " << seconds << " s\n"
            << output;
  EXPECT_TRUE(Has(output, "orphanet-names import: added ")) << output;
  EXPECT_TRUE(Has(output, "hpo-translations import: added ")) << output;
  EXPECT_TRUE(Has(output, "297 classification files in 9 languages")) << output;
  EXPECT_LT(seconds, 120) << "names for nine languages should take seconds";

  // Nine languages, every one with thousands of names.
  EXPECT_EQ(Count("SELECT COUNT(DISTINCT lang) FROM orphanet_names"), 9);
  EXPECT_GT(Count("SELECT COUNT(*) FROM orphanet_names WHERE lang = 'pl'"), 8000);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM orphanet_classifications"), 33);
  EXPECT_GT(Count("SELECT COUNT(*) FROM orphanet_icd11_codes"), 1000);

  catalog::LocalizedNamesStore store(database_.db());
  auto es = store.NamesOf(kOms, "es");
  ASSERT_TRUE(es.ok()) << es.status().message();
  // Named in two files: the 2025 one ("ophthalmic", UTF-8) wins over the 2022 one
  // ("neurological", ISO-8859-1), which says "Síndrome de opsoclono-mioclono".
  EXPECT_EQ(es->name.name, "Síndrome opsoclono-mioclono");
  EXPECT_EQ(es->name.language, "es");
  auto fr = store.NamesOf(kOms, "fr");
  ASSERT_TRUE(fr.ok()) << fr.status().message();
  EXPECT_EQ(fr->name.name, "Syndrome d'opsoclonie-myoclonie");
  // Synonyms from the ICD-11 mapping, in the language asked for.
  auto alexander = store.NamesOf(58, "es");
  ASSERT_TRUE(alexander.ok());
  EXPECT_EQ(alexander->name.name, "Enfermedad de Alexander");
  EXPECT_EQ(alexander->synonyms, std::vector<std::string>{"AxD"});
  auto icd11 = store.Icd11CodesOf(58);
  ASSERT_TRUE(icd11.ok());
  ASSERT_EQ(icd11->size(), 1u);
  EXPECT_EQ((*icd11)[0].code, "8A44.2");
  // A language without a name falls back to English and says so.
  auto unknown = store.NamesOf(kOms, "xx");
  ASSERT_TRUE(unknown.ok());
  EXPECT_EQ(unknown->name.name, "Opsoclonus-myoclonus syndrome");
  EXPECT_EQ(unknown->name.language, "en");
  EXPECT_EQ(store.NamesOf(999999999, "es").status().code(), Status::Code::kNotFound);

  // For indexing: the catalogue's conditions (two here), named in Spanish.
  auto all = store.AllConditionNames("es");
  ASSERT_TRUE(all.ok()) << all.status().message();
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].name.orphacode, 58);
  EXPECT_EQ((*all)[0].synonyms, std::vector<std::string>{"AxD"});
  EXPECT_EQ((*all)[1].name.name, "Síndrome opsoclono-mioclono");

  // The specialties and the condition's path in one of them.
  auto specialties = store.Specialties("fr");
  ASSERT_TRUE(specialties.ok()) << specialties.status().message();
  EXPECT_EQ(specialties->size(), 33u);
  const auto neuro = std::find_if(specialties->begin(), specialties->end(),
                                  [](const catalog::Specialty& s) { return s.id == kNeurological; });
  ASSERT_NE(neuro, specialties->end());
  EXPECT_EQ(neuro->root.name, "Maladie neurologique rare");
  EXPECT_GT(neuro->entries, 2000);
  auto branches = store.Branches(kNeurological, neuro->root.orphacode, "en");
  ASSERT_TRUE(branches.ok()) << branches.status().message();
  EXPECT_GT(branches->size(), 10u);
  EXPECT_GT(branches->front().entries + branches->back().entries, 0);

  auto where = store.SpecialtiesOf(kOms, "en");
  ASSERT_TRUE(where.ok()) << where.status().message();
  const auto in_neuro = std::find_if(where->begin(), where->end(),
                                     [](const catalog::SpecialtyPaths& s) { return s.specialty_id == kNeurological; });
  ASSERT_NE(in_neuro, where->end());
  ASSERT_FALSE(in_neuro->paths.empty());
  const std::string path = PathText(in_neuro->paths.front());
  EXPECT_EQ(path.rfind("Rare neurologic disease › ", 0), 0u) << path;  // as Orphanet names it
  EXPECT_TRUE(path.ends_with(" › Opsoclonus-myoclonus syndrome")) << path;
  auto in_spanish = store.SpecialtiesOf(kOms, "es");
  ASSERT_TRUE(in_spanish.ok());
  EXPECT_EQ(in_spanish->size(), where->size());

  // HPO: an official Spanish label, a German candidate, synonyms with their status.
  auto seizure = store.HpoLabelOf("HP:0001250", "es");
  ASSERT_TRUE(seizure.ok()) << seizure.status().message();
  EXPECT_EQ(seizure->label, "Convulsiones");
  EXPECT_EQ(seizure->status, "OFFICIAL");
  auto syndactyly = store.HpoLabelOf("HP:0010704", "de");
  ASSERT_TRUE(syndactyly.ok()) << syndactyly.status().message();
  EXPECT_EQ(syndactyly->label, "Syndaktylie von 1-2 Fingern");
  EXPECT_EQ(syndactyly->status, "CANDIDATE");
  auto urgency = store.HpoLabelOf("HP:0000012", "fr");
  ASSERT_TRUE(urgency.ok());
  ASSERT_EQ(urgency->synonyms.size(), 3u);  // "urgence mictionnelle|urgence urinaire" split, repeats once
  EXPECT_EQ(urgency->synonyms[1].text, "urgence mictionnelle");
  EXPECT_EQ(urgency->synonyms[1].status, "OFFICIAL");
  EXPECT_EQ(store.HpoLabelOf("HP:0001250", "cs").status().code(), Status::Code::kNotFound);
  auto of_oms = store.HpoLabelsOfCondition(kOms, "es");
  ASSERT_TRUE(of_oms.ok());
  EXPECT_GT(of_oms->size(), 10u);

  // A second run changes nothing and says so.
  const std::vector<long long> before = AllCounts();
  auto [again_code, again] = Import({"orphanet-names", Classifications().string(), "--icd11-mapping",
                                     Icd11Mapping().string()});
  ASSERT_EQ(again_code, 0) << again;
  EXPECT_TRUE(Has(again, "orphanet-names import: added 0, updated 0, obsolete 0, skipped 0")) << again;
  auto [hpo_code, hpo_again] = Import({"hpo-translations", HpoTranslations().string()});
  ASSERT_EQ(hpo_code, 0) << hpo_again;
  EXPECT_TRUE(Has(hpo_again, "hpo-translations import: added 0, updated 0, obsolete 0, skipped 0")) << hpo_again;
  EXPECT_EQ(AllCounts(), before);
}

// Writes `content` to a copy of a real file's place in a small data directory.
void Write(const fs::path& path, const std::string& content) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << content;
}

TEST_P(NamesImportTest, AMalformedFileFailsTheImportWithItsLineAndChangesNothing) {
  // A small data set: two real classifications in two languages.
  const fs::path names = database_.directory() / "names";
  for (const char* lang : {"en", "es"}) {
    const std::string file = std::string("ORPHAclassification_146_rare_cardiac_diseases_") + lang + ".xml";
    fs::create_directories(names / lang);
    fs::copy_file(Classifications() / lang / file, names / lang / file);
  }
  auto [code, output] = Import({"orphanet-names", names.string()});
  ASSERT_EQ(code, 0) << output;
  EXPECT_TRUE(Has(output, "2 classification files in 2 languages")) << output;
  const std::vector<long long> before = AllCounts();
  EXPECT_GT(before[0], 0);

  // A third file, cut off in the middle: nothing of the other two is rewritten either.
  Write(names / "fr" / "ORPHAclassification_146_rare_cardiac_diseases_fr.xml",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<JDBOR>\n<ClassificationList>\n<Classification id=\"146\">\n"
        "<Name lang=\"fr\">Classification</Name>\n</ClassificationList>\n");
  std::tie(code, output) = Import({"orphanet-names", names.string()});
  EXPECT_EQ(code, 1) << output;
  EXPECT_TRUE(Has(output, "fr/ORPHAclassification_146_rare_cardiac_diseases_fr.xml line 6: ")) << output;
  EXPECT_EQ(AllCounts(), before);

  // HPO: a row short of fields in the second file.
  const fs::path hpo = database_.directory() / "hpo";
  Write(hpo / "hp-es.babelon.tsv",
        "source_language\ttranslation_language\tsubject_id\tsource_value\tpredicate_id\ttranslation_value\t"
        "translation_status\nen\tes\tHP:0001250\tSeizure\trdfs:label\tConvulsión\tOFFICIAL\n");
  Write(hpo / "hp-it.babelon.tsv",
        "subject_id\ttranslation_language\tsource_language\tsource_value\tpredicate_id\ttranslation_value\t"
        "translation_status\nHP:0001250\tit\ten\tSeizure\trdfs:label\tCrisi\tOFFICIAL\nHP:0000002\tit\ten\n");
  std::tie(code, output) = Import({"hpo-translations", hpo.string()});
  EXPECT_EQ(code, 1) << output;
  EXPECT_TRUE(Has(output, "hp-it.babelon.tsv line 3: 3 fields where the header has 7")) << output;
  EXPECT_EQ(AllCounts(), before);

  // Without the broken file, one name changed by hand is put back, and only it.
  fs::remove_all(names / "fr");
  auto changed = database_.db().Run([](soci::session& sql) {
    sql << "UPDATE orphanet_names SET name = 'changed' WHERE orphacode = 97929 AND lang = 'es'";
    return Status::Ok();
  });
  ASSERT_TRUE(changed.ok()) << changed.message();
  std::tie(code, output) = Import({"orphanet-names", names.string()});
  ASSERT_EQ(code, 0) << output;
  EXPECT_TRUE(Has(output, "orphanet-names import: added 0, updated 1, obsolete 0")) << output;
  EXPECT_EQ(Count("SELECT COUNT(*) FROM orphanet_names WHERE name = 'changed'"), 0);
  EXPECT_EQ(AllCounts(), before);
}

INSTANTIATE_TEST_SUITE_P(Backends, NamesImportTest, ::testing::ValuesIn(AllBackends()), Backends);

}  // namespace
}  // namespace diseasemaps::testing
