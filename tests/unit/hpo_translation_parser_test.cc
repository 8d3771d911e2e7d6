// HPO translations: columns by name in any order, statuses kept, bad rows refused.
#include "catalog/import/hpo_translation_parser.h"

#include <gtest/gtest.h>

#include "shared_data.h"

namespace diseasemaps::catalog {
namespace {

TEST(HpoBabelonParser, FindsColumnsByNameInAnyOrder) {
  // The French file's order, not the Spanish one's.
  const std::string text =
      "subject_id\tsource_language\ttranslation_language\tpredicate_id\tsource_value\ttranslation_status\t"
      "translation_value\n"
      "HP:0001250\ten\tfr\trdfs:label\tSeizure\tOFFICIAL\tCrise épileptique\n"
      "HP:0001250\ten\tfr\tIAO:0000115\tA seizure is…\tOFFICIAL\tUne crise…\n"
      "HP:0000002\ten\tfr\trdfs:label\tAbnormality of body height\tCANDIDATE\tAnomalie \"de\" la taille\r\n"
      "HP:0000002\ten\tfr\trdfs:label\tAbnormality of body height\tOFFICIAL\tAnomalie de la taille\n"
      "HP:0000003\ten\tfr\trdfs:label\tMulticystic kidney dysplasia\tNOT_TRANSLATED\t\n"
      "\n";
  auto parsed = ParseHpoBabelon(text);
  ASSERT_TRUE(parsed.ok()) << parsed.status().message();
  ASSERT_EQ(parsed->labels.size(), 2u);
  EXPECT_EQ(parsed->labels[0].hpo_id, "HP:0001250");
  EXPECT_EQ(parsed->labels[0].language, "fr");
  EXPECT_EQ(parsed->labels[0].label, "Crise épileptique");
  EXPECT_EQ(parsed->labels[0].status, kOfficial);
  // Twice labelled: the OFFICIAL one wins over the earlier CANDIDATE.
  EXPECT_EQ(parsed->labels[1].label, "Anomalie de la taille");
  EXPECT_EQ(parsed->labels[1].status, kOfficial);
  EXPECT_EQ(parsed->left_out, 3);  // the definition, the repeat, the untranslated
}

TEST(HpoBabelonParser, KeepsACandidateAndItsQuotesAsText) {
  auto parsed = ParseHpoBabelon(
      "source_language\tsource_value\tsubject_id\tpredicate_id\ttranslation_language\ttranslation_value\t"
      "translation_status\ttranslator\n"
      "en\t11 pairs of ribs\tHP:0000878\trdfs:label\tde\t\"11\" Rippenpaare\tCANDIDATE\tDeepL\n");
  ASSERT_TRUE(parsed.ok()) << parsed.status().message();
  ASSERT_EQ(parsed->labels.size(), 1u);
  EXPECT_EQ(parsed->labels[0].label, "\"11\" Rippenpaare");
  EXPECT_EQ(parsed->labels[0].status, kCandidate);
}

TEST(HpoBabelonParser, RefusesAMissingColumnAShortRowABadIdAndAnUnknownStatus) {
  const std::string header =
      "source_language\ttranslation_language\tsubject_id\tsource_value\tpredicate_id\ttranslation_value\t"
      "translation_status\n";
  auto missing = ParseHpoBabelon(
      "source_language\ttranslation_language\tsubject_id\tsource_value\tpredicate_id\ttranslation_value\n"
      "en\tes\tHP:0000001\tAll\trdfs:label\tTodos\n");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().message(), "line 1: the header has no 'translation_status' column");

  auto short_row = ParseHpoBabelon(header + "en\tes\tHP:0000001\tAll\trdfs:label\tTodos\tOFFICIAL\n"
                                            "en\tes\tHP:0000002\tAbnormality\n");
  ASSERT_FALSE(short_row.ok());
  EXPECT_EQ(short_row.status().message(), "line 3: 4 fields where the header has 7");

  auto bad_id = ParseHpoBabelon(header + "\nen\tes\tHP:12\tAll\trdfs:label\tTodos\tOFFICIAL\n");
  ASSERT_FALSE(bad_id.ok());
  EXPECT_EQ(bad_id.status().message(), "line 3: not an HPO id: 'HP:12'");

  auto bad_status = ParseHpoBabelon(header + "en\tes\tHP:0000001\tAll\trdfs:label\tTodos\tMAYBE\n");
  ASSERT_FALSE(bad_status.ok());
  EXPECT_EQ(bad_status.status().message(), "line 2: unknown translation status 'MAYBE'");

  EXPECT_FALSE(ParseHpoBabelon("").ok());
}

TEST(HpoSynonymsParser, SkipsTheTemplateRowSplitsValuesAndReadsStatusAndType) {
  auto fr = ParseHpoSynonyms(
      "subject_id\ttranslation_value\tcomment\tStatus\tLine number\n"
      "ID\tAL oboInOwl:hasExactSynonym@fr\t\t\t\n"
      "HP:0000012\turgence mictionnelle|urgence urinaire\tsynonyms of HP:0000012\tOFFICIAL\t17\n"
      "HP:0009484\tDisplaced hand\tsynonyms\tNOT_TRANSLATED\t5672\n"
      "HP:0000020\tincontinence d'urine\tsynonyms\tCANDIDATE\t598\n",
      "fr");
  ASSERT_TRUE(fr.ok()) << fr.status().message();
  ASSERT_EQ(fr->synonyms.size(), 3u);
  EXPECT_EQ(fr->synonyms[0].synonym, "urgence mictionnelle");
  EXPECT_EQ(fr->synonyms[1].synonym, "urgence urinaire");
  EXPECT_EQ(fr->synonyms[1].status, kOfficial);
  EXPECT_EQ(fr->synonyms[2].status, kCandidate);
  EXPECT_EQ(fr->synonyms[2].language, "fr");
  EXPECT_EQ(fr->left_out, 1);

  // No status column: nobody said they were reviewed.
  auto de = ParseHpoSynonyms(
      "subject_id\ttranslation_value\tsynonym_type\tcontributor\n"
      "ID\tAL oboInOwl:hasExactSynonym@de SPLIT=|\t>AI oboInOwl:hasSynonymType\tAI dc:contributor\n"
      "HP:0000020\tHarninkontinenz|Verlust der Kontrolle über die Blase\t"
      "http://purl.obolibrary.org/obo/hp#layperson\t\n",
      "de");
  ASSERT_TRUE(de.ok()) << de.status().message();
  ASSERT_EQ(de->synonyms.size(), 2u);
  EXPECT_TRUE(de->synonyms[1].layperson);
  EXPECT_EQ(de->synonyms[1].status, kCandidate);

  auto missing = ParseHpoSynonyms("subject_id\tcomment\nHP:0000001\tx\n", "it");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().message(), "line 1: the header has no 'translation_value' column");
}

TEST(HpoBabelonParser, ReadsTheRealSpanishAndGermanFiles) {
  const auto dir = test_support::SharedData() / "hpo" / "translations";
  auto es = ParseHpoBabelon(test_support::ReadFile(dir / "hp-es.babelon.tsv"));
  ASSERT_TRUE(es.ok()) << es.status().message();
  EXPECT_EQ(es->labels.size(), 19932u);
  auto de = ParseHpoBabelon(test_support::ReadFile(dir / "hp-de.babelon.tsv"));
  ASSERT_TRUE(de.ok()) << de.status().message();
  EXPECT_EQ(de->labels.size(), 3488u);
  auto fr = ParseHpoSynonyms(test_support::ReadFile(dir / "hp-fr.synonyms.tsv"), "fr");
  ASSERT_TRUE(fr.ok()) << fr.status().message();
  EXPECT_GT(fr->synonyms.size(), 9000u);
}

}  // namespace
}  // namespace diseasemaps::catalog
