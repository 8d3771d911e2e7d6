// Orphanet's facts in plain sentences, in the page's language: the place of a
// prevalence is named in that language (regions from our catalogues, countries from
// ISO 3166-1 through Debian's iso-codes), and an unknown place is kept as written.
#include <gtest/gtest.h>

#include "catalog/plain_words.h"
#include "platform/i18n.h"

namespace diseasemaps::catalog {
namespace {

Prevalence Annual(const std::string& geography) {
  return {"Annual incidence", "Class only", "<1 / 1 000 000", "no data", geography, "ORPHANET"};
}

TEST(PlainWords, APrevalenceIsSaidInEnglishWithItsPlace) {
  EXPECT_EQ(PlainPrevalence(Annual("Worldwide")),
            "Each year, fewer than 1 in 1,000,000 people worldwide develop it.");
  EXPECT_NE(PlainPrevalence(Annual("Europe")).find(" in Europe "), std::string::npos);
  EXPECT_NE(PlainPrevalence(Annual("Czech Republic")).find(" in Czechia "), std::string::npos)
      << "Orphanet's older name becomes ISO's";
}

TEST(PlainWords, RegionsAndCountriesAreNamedInThePageLanguage) {
  i18n::ScopedLanguage spanish("es");
  EXPECT_NE(PlainPrevalence(Annual("Europe")).find(" en Europa "), std::string::npos) << PlainPrevalence(Annual("Europe"));
  EXPECT_NE(PlainPrevalence(Annual("United Kingdom")).find("Reino Unido"), std::string::npos);
  EXPECT_NE(PlainPrevalence(Annual("Korea, Republic of")).find("Corea"), std::string::npos);
  EXPECT_NE(PlainPrevalence(Annual("Atlantis")).find("Atlantis"), std::string::npos) << "unknown: as written";
  i18n::ScopedLanguage french("fr");
  EXPECT_NE(PlainPrevalence(Annual("Germany")).find("Allemagne"), std::string::npos);
}

}  // namespace
}  // namespace diseasemaps::catalog
