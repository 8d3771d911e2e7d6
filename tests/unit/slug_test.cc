// Slugs from condition names: readable ASCII, stable, the same for the starter
// catalogue and the Orphanet import.
#include "catalog/import/slug.h"

#include <gtest/gtest.h>

namespace diseasemaps::catalog {
namespace {

TEST(Slug, LowerCaseWordsJoinedByHyphens) {
  EXPECT_EQ(Slugify("Opsoclonus-myoclonus syndrome"), "opsoclonus-myoclonus-syndrome");
  EXPECT_EQ(Slugify("Marfan syndrome"), "marfan-syndrome");
  EXPECT_EQ(Slugify("  --Spondylometaphyseal dysplasia, 'corner fracture' type--  "),
            "spondylometaphyseal-dysplasia-corner-fracture-type");
  EXPECT_EQ(Slugify("Deletion 22q11.2 (DiGeorge)"), "deletion-22q11-2-digeorge");
}

TEST(Slug, TransliteratesAccentedLatinLetters) {
  EXPECT_EQ(Slugify("Behçet disease"), "behcet-disease");
  EXPECT_EQ(Slugify("Sjögren-Larsson syndrome"), "sjogren-larsson-syndrome");
  EXPECT_EQ(Slugify("Albers-Schönberg osteopetrosis"), "albers-schonberg-osteopetrosis");
  EXPECT_EQ(Slugify("Ångström Œdème Straße ñandú Łódź Čapek"), "angstrom-oedeme-strasse-nandu-lodz-capek");
  EXPECT_EQ(Slugify("ÀÉÎÕÜ àéîõü ÿ æ"), "aeiou-aeiou-y-ae");
}

TEST(Slug, SpellsOutGreekLettersAndDropsApostrophes) {
  EXPECT_EQ(Slugify("α-Mannosidosis"), "alpha-mannosidosis");
  EXPECT_EQ(Slugify("β-thalassemia"), "beta-thalassemia");
  EXPECT_EQ(Slugify("Paget's disease of the nipple"), "pagets-disease-of-the-nipple");
  EXPECT_EQ(Slugify("O’Sullivan-McLeod syndrome"), "osullivan-mcleod-syndrome");
}

TEST(Slug, OtherCharactersSeparateWords) {
  EXPECT_EQ(Slugify("T+ B+ severe combined immunodeficiency"), "t-b-severe-combined-immunodeficiency");
  EXPECT_EQ(Slugify("A\xC2\xA0" "B"), "a-b");  // no-break space
  EXPECT_EQ(Slugify("日本 syndrome"), "syndrome");
  EXPECT_EQ(Slugify("日本"), "");
  EXPECT_EQ(Slugify(""), "");
  EXPECT_EQ(Slugify("bad \xFF\xFE bytes \xC3"), "bad-bytes");  // invalid UTF-8 never breaks it
}

TEST(Slug, WithOrphacodeAndSortName) {
  EXPECT_EQ(SlugWithOrphacode("t-b-severe-combined-immunodeficiency", 397802),
            "t-b-severe-combined-immunodeficiency-397802");
  EXPECT_EQ(SlugWithOrphacode("", 12), "12");
  EXPECT_EQ(SortName("Behçet Disease"), "behçet disease");
}

}  // namespace
}  // namespace diseasemaps::catalog
