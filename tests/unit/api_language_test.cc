// http/api_language: how an answer of the JSON API, whose addresses have no language
// prefix, picks the language of its words: lang=, then Accept-Language, then English.
#include "http/api_language.h"

#include <gtest/gtest.h>

namespace diseasemaps::http {
namespace {

TEST(ApiLanguage, WithNothingToGoOnItIsEnglish) {
  EXPECT_EQ(ApiLanguage(std::nullopt, ""), "en");
  EXPECT_EQ(ApiLanguage(std::nullopt, "de-DE,de;q=0.9"), "en");  // no German interface to prefer
}

TEST(ApiLanguage, TheLangParameterWins) {
  EXPECT_EQ(ApiLanguage("es", ""), "es");
  EXPECT_EQ(ApiLanguage("fr", "es-ES,es;q=0.9"), "fr");
  EXPECT_EQ(ApiLanguage("en", "fr-FR,fr;q=0.9"), "en");  // a French browser can still ask for English
  EXPECT_EQ(ApiLanguage("de", "es"), "de");              // German names, English words
}

TEST(ApiLanguage, AcceptLanguageDecidesWithoutLang) {
  EXPECT_EQ(ApiLanguage(std::nullopt, "es-MX,es;q=0.9,en;q=0.8"), "es");
  EXPECT_EQ(ApiLanguage(std::nullopt, "de;q=1,fr;q=0.5"), "fr");  // the first one the interface speaks
  EXPECT_EQ(ApiLanguage(std::nullopt, "fr;q=0"), "en");           // q=0 means "not this"
}

TEST(ApiLanguage, AnUnknownLangFallsThrough) {
  // Not guessed at: search refuses these with a 400 naming the codes.
  EXPECT_EQ(ApiLanguage("ES", ""), "en");
  EXPECT_EQ(ApiLanguage("es-ES", "fr"), "fr");
  EXPECT_EQ(ApiLanguage("", "fr"), "fr");
  EXPECT_EQ(ApiLanguage("xx", ""), "en");
}

TEST(ApiLanguage, OnlyApiAddressesAreConcerned) {
  EXPECT_TRUE(IsApiPath("/api/v1/map"));
  EXPECT_TRUE(IsApiPath("/api"));
  EXPECT_FALSE(IsApiPath("/apiary"));
  EXPECT_FALSE(IsApiPath("/map"));
  EXPECT_FALSE(IsApiPath("/es/api/v1/map"));  // never reaches the rule: the prefix is taken first
}

}  // namespace
}  // namespace diseasemaps::http
