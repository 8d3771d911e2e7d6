// platform/i18n: language from the address and from Accept-Language, the compiled
// catalogues (plural forms by each language's own rule), named placeholders, and
// numbers and dates in each language's conventions.
#include "platform/i18n.h"

#include <chrono>
#include <string>

#include <gtest/gtest.h>

namespace diseasemaps::i18n {
namespace {

using namespace std::chrono;

TEST(I18nLanguages, OrphanetsNineWithTheInterfaceInEnglishSpanishAndFrench) {
  ASSERT_EQ(Languages().size(), 9u);
  EXPECT_EQ(Languages()[0].code, "en");
  for (const char* code : {"en", "es", "fr", "de", "it", "pt", "nl", "pl", "cs"}) EXPECT_TRUE(IsSupported(code)) << code;
  EXPECT_FALSE(IsSupported("ja"));
  for (const auto& language : Languages()) {
    const bool has_catalogue = language.code == "en" || language.code == "es" || language.code == "fr";
    EXPECT_EQ(language.interface, has_catalogue) << language.code;
  }
  EXPECT_TRUE(CheckCatalogues().ok()) << CheckCatalogues().message();
}

TEST(I18nLanguages, ALanguageWithoutItsCatalogueIsWrittenInEnglish) {
  EXPECT_EQ(InterfaceLanguage("es"), "es");
  EXPECT_EQ(InterfaceLanguage("de"), "en");
  EXPECT_EQ(InterfaceLanguage("ja"), "en");
  EXPECT_EQ(Translate("de", "Sign in"), "Sign in");
  EXPECT_EQ(TranslatePlural("pl", "{count} case", "{count} cases", 5), "{count} cases");
  EXPECT_EQ(FormatNumber("de", 1900), "1,900") << "numbers follow the interface, not the names";
  // A browser preferring German is offered no interface we lack; Spanish after it is.
  EXPECT_EQ(PreferredLanguage("de-DE,de;q=0.9"), std::nullopt);
  EXPECT_EQ(PreferredLanguage("de-DE,de;q=0.9,es;q=0.5"), "es");
}

TEST(I18nPath, AKnownPrefixIsTakenOffTheAddress) {
  std::string rest = "unchanged";
  EXPECT_EQ(LanguageFromPath("/es/conditions/x", &rest), "es");
  EXPECT_EQ(rest, "/conditions/x");
  EXPECT_EQ(LanguageFromPath("/fr", &rest), "fr");
  EXPECT_EQ(rest, "/");
  EXPECT_EQ(LanguageFromPath("/fr/", &rest), "fr");
  EXPECT_EQ(rest, "/");
  rest = "unchanged";
  EXPECT_EQ(LanguageFromPath("/map", &rest), std::nullopt);
  EXPECT_EQ(LanguageFromPath("/essay", &rest), std::nullopt);
  EXPECT_EQ(LanguageFromPath("/en/map", &rest), std::nullopt);  // English has no prefix
  EXPECT_EQ(LanguageFromPath("/", &rest), std::nullopt);
  EXPECT_EQ(rest, "unchanged");
}

TEST(I18nPath, AnUnknownTwoLetterPrefixIsRecognised) {
  EXPECT_TRUE(HasUnknownLanguagePrefix("/ja/map"));
  EXPECT_FALSE(HasUnknownLanguagePrefix("/de/map"));
  EXPECT_TRUE(HasUnknownLanguagePrefix("/xx"));
  EXPECT_TRUE(HasUnknownLanguagePrefix("/en/"));
  EXPECT_FALSE(HasUnknownLanguagePrefix("/es/map"));
  EXPECT_FALSE(HasUnknownLanguagePrefix("/map"));
  EXPECT_FALSE(HasUnknownLanguagePrefix("/De/map"));
  EXPECT_FALSE(HasUnknownLanguagePrefix("/"));
}

TEST(I18nPath, PrefixPathLeavesEnglishAlone) {
  EXPECT_EQ(PrefixPath("en", "/map"), "/map");
  EXPECT_EQ(PrefixPath("es", "/map?role=x"), "/es/map?role=x");
  EXPECT_EQ(PrefixPath("fr", "/"), "/fr/");
}

TEST(I18nAcceptLanguage, TheBestSupportedLanguageByQuality) {
  EXPECT_EQ(PreferredLanguage("fr-CA,fr;q=0.9,en;q=0.8"), "fr");
  EXPECT_EQ(PreferredLanguage("de-DE,de;q=0.9,es;q=0.7,en;q=0.5"), "es");
  EXPECT_EQ(PreferredLanguage("en;q=0.4, ES;q=0.6"), "es");
  EXPECT_EQ(PreferredLanguage("es;q=0,en"), "en");
  EXPECT_EQ(PreferredLanguage("de, it"), std::nullopt);
  EXPECT_EQ(PreferredLanguage(""), std::nullopt);
  EXPECT_EQ(PreferredLanguage("es;q=nonsense"), std::nullopt);
}

TEST(I18nCatalogue, TranslatesAndFallsBackToEnglish) {
  EXPECT_EQ(Translate("es", "Sign in"), "Iniciar sesión");
  EXPECT_EQ(Translate("fr", "Sign in"), "Se connecter");
  EXPECT_EQ(Translate("en", "Sign in"), "Sign in");
  EXPECT_EQ(Translate("es", "A sentence no catalogue has"), "A sentence no catalogue has");
  EXPECT_EQ(Translate("de", "Sign in"), "Sign in");
}

TEST(I18nCatalogue, PluralFormsFollowEachLanguagesRule) {
  constexpr const char* kOne = "Messages, {count} unread conversation";
  constexpr const char* kMany = "Messages, {count} unread conversations";
  EXPECT_EQ(TranslatePlural("en", kOne, kMany, 1), kOne);
  EXPECT_EQ(TranslatePlural("en", kOne, kMany, 0), kMany);
  // Spanish: one for 1 only; French: one for 0 and 1.
  EXPECT_EQ(TranslatePlural("es", kOne, kMany, 1), "Mensajes, {count} conversación sin leer");
  EXPECT_EQ(TranslatePlural("es", kOne, kMany, 0), "Mensajes, {count} conversaciones sin leer");
  EXPECT_EQ(TranslatePlural("fr", kOne, kMany, 0), "Messages, {count} conversation non lue");
  EXPECT_EQ(TranslatePlural("fr", kOne, kMany, 2), "Messages, {count} conversations non lues");
  EXPECT_EQ(TranslatePlural("fr", kOne, kMany, 5000000000LL), "Messages, {count} conversations non lues");
}

TEST(I18nCatalogue, PluralFillsTheCountInTheCurrentLanguage) {
  ScopedLanguage spanish("es");
  EXPECT_EQ(Plural("Messages, {count} unread conversation", "Messages, {count} unread conversations", 19000),
            "Mensajes, 19.000 conversaciones sin leer");
}

TEST(I18nFill, NamedPlaceholdersInAnyOrder) {
  EXPECT_EQ(Fill("{b} then {a}", {{"a", "1"}, {"b", "2"}}), "2 then 1");
  EXPECT_EQ(Fill("no {missing} value", {{"a", "1"}}), "no {missing} value");
  EXPECT_EQ(Fill("a value {a} with {braces}", {{"a", "{braces}"}, {"braces", "x"}}), "a value {braces} with x");
  EXPECT_EQ(Fill("unclosed {a", {{"a", "1"}}), "unclosed {a");
}

TEST(I18nFormat, NumbersInEachLanguagesConventions) {
  EXPECT_EQ(FormatNumber("en", 1900), "1,900");
  EXPECT_EQ(FormatNumber("en", 7), "7");
  // French groups with a narrow no-break space.
  EXPECT_EQ(FormatNumber("es", 1900), "1.900");
  EXPECT_EQ(FormatNumber("es", 19000), "19.000");
  EXPECT_EQ(FormatNumber("fr", 1900), "1\u202f900");
  EXPECT_EQ(FormatNumber("fr", -1234567), "-1\u202f234\u202f567");
}

// Small numbers are kept per thread and language once written: asked again, in another
// language in between, each comes back as its own language writes it.
TEST(I18nFormat, AKeptSmallNumberStaysInItsLanguage) {
  for (int round = 0; round < 2; ++round) {
    EXPECT_EQ(FormatNumber("en", 1000), "1,000");
    EXPECT_EQ(FormatNumber("fr", 1000), "1\u202f000");
    EXPECT_EQ(FormatNumber("de", 1000), "1,000");
    EXPECT_EQ(FormatNumber("en", 0), "0");
    EXPECT_EQ(FormatNumber("es", 1023), FormatNumber("es", 1023));
    EXPECT_EQ(FormatNumber("en", 1024), "1,024");
  }
}

TEST(I18nFormat, DatesWrittenOut) {
  const sys_days day = year_month_day{year{2026}, December, 4d};
  EXPECT_EQ(FormatDate("en", day), "4 December 2026");
  EXPECT_EQ(FormatDate("es", day), "4 de diciembre de 2026");
  EXPECT_EQ(FormatDate("fr", day), "4 décembre 2026");
  // From a Unix time: its UTC day (2026-12-04T23:30:00Z).
  EXPECT_EQ(FormatDate("es", 1796427000LL), "4 de diciembre de 2026");
}

TEST(I18nScope, TheCurrentLanguageIsRestored) {
  EXPECT_EQ(CurrentLanguage(), "en");
  {
    ScopedLanguage french("fr");
    EXPECT_EQ(CurrentLanguage(), "fr");
    EXPECT_EQ(Tr("Sign in"), "Se connecter");
    {
      ScopedLanguage unknown("ja");
      EXPECT_EQ(CurrentLanguage(), "en");
    }
    {
      ScopedLanguage names_only("de");
      EXPECT_EQ(CurrentLanguage(), "de");
      EXPECT_EQ(Tr("Sign in"), "Sign in");
    }
    EXPECT_EQ(CurrentLanguage(), "fr");
  }
  EXPECT_EQ(CurrentLanguage(), "en");
}

}  // namespace
}  // namespace diseasemaps::i18n
