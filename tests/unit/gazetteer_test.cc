// The gazetteer: folding, prefix search and its ranking (by population, other names),
// resolving typed names, the parser's refusals, and the copy embedded in the binary.
#include "platform/gazetteer.h"

#include <gtest/gtest.h>

namespace diseasemaps {
namespace {

constexpr const char* kSmall =
    "# test gazetteer\n"
    "C\tFR\tFrance\t46.6\t2.4\n"
    "C\tUS\tUnited States\t39.5\t-98.3\n"
    "C\tCA\tCanada\t56.1\t-106.3\n"
    "P\t1\tParis\tTexas\tUS\t33.66094\t-95.55551\t0\n"
    "P\t2\tParis\tÎle-de-France\tFR\t48.85341\t2.3488\t1\n"
    "P\t3\tParis\tOntario\tCA\t43.2\t-80.38333\t0\n"
    "P\t4\tParisot\tOccitanie\tFR\t44.26\t1.85\t0\n"
    "P\t5\tSaint-Étienne\tAuvergne-Rhône-Alpes\tFR\t45.43389\t4.39\t1\n"
    "P\t6\tÉvry\tÎle-de-France\tFR\t48.63\t2.44\t0\n";

Gazetteer Small() {
  auto g = Gazetteer::Parse(kSmall);
  EXPECT_TRUE(g.ok()) << g.status().message();
  return std::move(*g);
}

std::vector<long long> Ids(const std::vector<const City*>& cities) {
  std::vector<long long> ids;
  for (const City* c : cities) ids.push_back(c->id);
  return ids;
}

TEST(FoldForSearch, RemovesAccentsCaseAndPunctuation) {
  EXPECT_EQ(FoldForSearch("Saint-Étienne"), "saint etienne");
  EXPECT_EQ(FoldForSearch("  ÎLE   de   France "), "ile de france");
  EXPECT_EQ(FoldForSearch("Łódź"), "lodz");
  EXPECT_EQ(FoldForSearch("Straße"), "strasse");
  EXPECT_EQ(FoldForSearch("L'Haÿ-les-Roses"), "l hay les roses");
  EXPECT_EQ(FoldForSearch("Москва"), "Москва");  // other scripts pass through
  EXPECT_EQ(FoldForSearch("e\xcc\x81vry"), "evry");  // a combining accent
  EXPECT_EQ(FoldForSearch("\xff"), "\xef\xbf\xbd");  // invalid bytes: U+FFFD, no crash
  EXPECT_EQ(FoldForSearch(""), "");
}

TEST(Gazetteer, SearchIsAPrefixMatchRankedWholeNameThenSeatFirst) {
  const Gazetteer g = Small();
  EXPECT_EQ(Ids(g.Search("pari", 8)), (std::vector<long long>{2, 3, 1, 4}));
  EXPECT_EQ(Ids(g.Search("PARIS", 2)), (std::vector<long long>{2, 3}));
  EXPECT_EQ(Ids(g.Search("evr", 8)), (std::vector<long long>{6}));
  EXPECT_EQ(Ids(g.Search("saint etienne", 8)), (std::vector<long long>{5}));
  EXPECT_EQ(Ids(g.Search("Saint-Eti", 8)), (std::vector<long long>{5}));
  EXPECT_TRUE(g.Search("", 8).empty());
  EXPECT_TRUE(g.Search("   ", 8).empty());
  EXPECT_TRUE(g.Search("zzz", 8).empty());
}

// Issue 16: the type-ahead ranks by population and finds a city by its other names.
constexpr const char* kSized =
    "C\tGB\tUnited Kingdom\t53\t-2\n"
    "C\tUS\tUnited States\t39.5\t-98.3\n"
    "C\tDE\tGermany\t51\t10\n"
    "P\t1\tManchester\tKentucky\tUS\t37.1537\t-83.76186\t0\t1401\t\n"
    "P\t2\tManchester\tEngland\tGB\t53.48095\t-2.23743\t1\t395515\tManchester City|Mancunium\n"
    "P\t3\tManchester\tNew Hampshire\tUS\t42.99564\t-71.45479\t0\t110229\t\n"
    "P\t4\tManchar\tMaharashtra\tIN\t19\t73.9\t0\t0\t\n"
    "P\t5\tKöln\tNorth Rhine-Westphalia\tDE\t50.93333\t6.95\t0\t963395\tCologne|Colonia|Koeln\n"
    "P\t6\tColonia\tUruguay\tUY\t-34.46\t-57.84\t0\t21714\t\n";

TEST(Gazetteer, RanksByPopulationAndKnowsOtherNames) {
  auto parsed = Gazetteer::Parse(kSized);
  ASSERT_TRUE(parsed.ok()) << parsed.status().message();
  const Gazetteer& g = *parsed;
  EXPECT_EQ(Ids(g.Search("Manch", 8)), (std::vector<long long>{2, 3, 1, 4}));
  EXPECT_EQ(g.FindCity(2)->population, 395515);
  EXPECT_EQ(Ids(g.Search("Köln", 8)), (std::vector<long long>{5}));
  EXPECT_EQ(Ids(g.Search("koln", 8)), (std::vector<long long>{5}));
  EXPECT_EQ(Ids(g.Search("Cologne", 8)), (std::vector<long long>{5}));
  EXPECT_EQ(Ids(g.Search("Koeln", 8)), (std::vector<long long>{5}));
  // Another name counts as the name does: Köln's "Colonia" is as whole as Uruguay's
  // Colonia, and the larger comes first. Found by two names, a city comes once.
  EXPECT_EQ(Ids(g.Search("Colonia", 8)), (std::vector<long long>{5, 6}));
  EXPECT_EQ(Ids(g.Search("Manchester", 8)), (std::vector<long long>{2, 3, 1}));
  EXPECT_EQ(Ids(g.Resolve("Cologne, Germany", 8)), (std::vector<long long>{5}));
  EXPECT_FALSE(Gazetteer::Parse("P\t1\tA\t\tFR\t1\t1\t0\tmany\t\n").ok());  // population not a number
}

TEST(Gazetteer, CommasNarrowByAreaOrCountry) {
  const Gazetteer g = Small();
  EXPECT_EQ(Ids(g.Search("paris, tex", 8)), (std::vector<long long>{1}));
  EXPECT_EQ(Ids(g.Search("paris, united", 8)), (std::vector<long long>{1}));
  EXPECT_EQ(Ids(g.Search("paris, states", 8)), (std::vector<long long>{1}));  // any word
  EXPECT_EQ(Ids(g.Search("paris, ile de france, france", 8)), (std::vector<long long>{2}));
  EXPECT_TRUE(g.Search("paris, mars", 8).empty());
}

TEST(Gazetteer, ResolveNeedsTheWholeName) {
  const Gazetteer g = Small();
  EXPECT_EQ(Ids(g.Resolve("Paris", 8)), (std::vector<long long>{2, 3, 1}));
  EXPECT_EQ(Ids(g.Resolve("Paris, Texas, United States", 8)), (std::vector<long long>{1}));
  EXPECT_TRUE(g.Resolve("Pari", 8).empty());
  EXPECT_EQ(Ids(g.Resolve("parisot", 8)), (std::vector<long long>{4}));
}

TEST(Gazetteer, LabelsAndLookups) {
  const Gazetteer g = Small();
  ASSERT_NE(g.FindCity(2), nullptr);
  EXPECT_EQ(g.Label(*g.FindCity(2)), "Paris, Île-de-France, France");
  EXPECT_EQ(g.Label(*g.FindCity(1)), "Paris, Texas, United States");
  EXPECT_EQ(g.FindCity(99), nullptr);
  ASSERT_NE(g.FindCountry("FR"), nullptr);
  EXPECT_DOUBLE_EQ(g.FindCountry("FR")->latitude, 46.6);
  EXPECT_EQ(g.FindCountry("fr"), nullptr);
  EXPECT_EQ(g.CountryName("ZZ"), "ZZ");
  ASSERT_EQ(g.countries().size(), 3u);
  EXPECT_EQ(g.countries().front().name, "Canada");  // by name
}

TEST(Gazetteer, RefusesMalformedLines) {
  EXPECT_FALSE(Gazetteer::Parse("X\tjunk\n").ok());
  EXPECT_FALSE(Gazetteer::Parse("P\t1\tParis\t\tFR\tnorth\t2.3\t0\n").ok());
  EXPECT_FALSE(Gazetteer::Parse("P\t1\tParis\t\tFR\t91\t2.3\t0\n").ok());  // latitude out of range
  EXPECT_FALSE(Gazetteer::Parse("C\tFRA\tFrance\t46\t2\n").ok());
  auto twice = Gazetteer::Parse("P\t1\tA\t\tFR\t1\t1\t0\nP\t1\tB\t\tFR\t2\t2\t0\n");
  ASSERT_FALSE(twice.ok());
  EXPECT_NE(twice.status().message().find("twice"), std::string::npos);
}

TEST(Gazetteer, TheEmbeddedCopyHoldsTheWorld) {
  const Gazetteer& g = Gazetteer::Embedded();
  EXPECT_GT(g.city_count(), 100000u);
  EXPECT_GT(g.countries().size(), 200u);
  auto paris = g.Search("paris", 8);
  ASSERT_FALSE(paris.empty());
  EXPECT_EQ(g.Label(*paris.front()), "Paris, Île-de-France, France");
  auto texas = g.Resolve("Paris, Texas", 8);
  ASSERT_EQ(texas.size(), 1u);
  EXPECT_EQ(texas.front()->country_code, "US");
  EXPECT_EQ(g.Search("zurich", 8).front()->name, "Zürich");
  // Issue 16: by population, and by other names.
  auto manch = g.Search("Manch", 8);
  ASSERT_FALSE(manch.empty());
  EXPECT_EQ(g.Label(*manch.front()), "Manchester, England, United Kingdom");
  for (const char* typed : {"Köln", "Cologne", "Koeln"}) {
    auto found = g.Search(typed, 8);
    ASSERT_FALSE(found.empty()) << typed;
    EXPECT_EQ(found.front()->name, "Köln") << typed;
    EXPECT_EQ(found.front()->country_code, "DE") << typed;
  }
  ASSERT_NE(g.FindCountry("FR"), nullptr);
  EXPECT_EQ(g.CountryName("FR"), "France");
  // A country's point lies within it, roughly: metropolitan France.
  EXPECT_GT(g.FindCountry("FR")->latitude, 42);
  EXPECT_LT(g.FindCountry("FR")->latitude, 51);
}

}  // namespace
}  // namespace diseasemaps
