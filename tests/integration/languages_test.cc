// The interface in the visitor's language, end to end on both databases: the language
// prefix in the address, <html lang>, the switcher and hreflang alternates, links that
// keep the prefix, the page cache keyed by language, the one-line offer from
// Accept-Language, per-language sitemaps, and 404 with our languages for an unknown
// prefix.
#include <gtest/gtest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "test_server.h"

namespace diseasemaps::testing {
namespace {

bool Has(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

class LanguagesTest : public ::testing::TestWithParam<Backend> {
 protected:
  TestDatabase database_{GetParam()};
};

TEST_P(LanguagesTest, SpanishAndFrenchPagesSayTheirLanguage) {
  TestServer server(database_);
  HttpResult es = server.Get("/es/");
  ASSERT_EQ(es.status, 200u);
  EXPECT_TRUE(Has(es.body, "<html lang=\"es\">"));
  EXPECT_TRUE(Has(es.body, ">Iniciar sesión</a>"));
  EXPECT_TRUE(Has(es.body, ">Mapa de la comunidad</a>"));

  HttpResult fr = server.Get("/fr/map");
  ASSERT_EQ(fr.status, 200u);
  EXPECT_TRUE(Has(fr.body, "<html lang=\"fr\">"));
  EXPECT_TRUE(Has(fr.body, ">Se connecter</a>"));

  HttpResult en = server.Get("/");
  ASSERT_EQ(en.status, 200u);
  EXPECT_TRUE(Has(en.body, "<html lang=\"en\">"));
  EXPECT_TRUE(Has(en.body, ">Sign in</a>"));
}

TEST_P(LanguagesTest, LinksKeepThePrefixAndTheSwitcherLeadsToTheSamePage) {
  TestServer server(database_);
  HttpResult page = server.Get("/es/map");
  ASSERT_EQ(page.status, 200u);
  EXPECT_TRUE(Has(page.body, "href=\"/es/login\""));
  EXPECT_TRUE(Has(page.body, "action=\"/es/search\""));
  EXPECT_TRUE(Has(page.body, "href=\"/static/css/site.css\""));  // shared files stay
  EXPECT_FALSE(Has(page.body, "href=\"/login\""));
  // The switcher: the same page in each language, the current one marked.
  EXPECT_TRUE(Has(page.body, "<a href=\"/map\" hreflang=\"en\" lang=\"en\">English</a>"));
  EXPECT_TRUE(Has(page.body, "<a href=\"/es/map\" hreflang=\"es\" lang=\"es\" aria-current=\"true\">Español</a>"));
  EXPECT_TRUE(Has(page.body, "<a href=\"/fr/map\" hreflang=\"fr\" lang=\"fr\">Français</a>"));
  // Alternates for search engines.
  EXPECT_TRUE(Has(page.body, "<link rel=\"alternate\" hreflang=\"fr\" href=\"/fr/map\">"));
  EXPECT_TRUE(Has(page.body, "<link rel=\"alternate\" hreflang=\"x-default\" href=\"/map\">"));
}

TEST_P(LanguagesTest, RedirectsKeepTheLanguage) {
  TestServer server(database_);
  HttpResult account = server.Get("/fr/account");
  EXPECT_EQ(account.status, 303u);
  EXPECT_EQ(account.Header("location").rfind("/fr/login?next=", 0), 0u) << account.Header("location");
}

TEST_P(LanguagesTest, TheCacheKeepsEachLanguagesPage) {
  TestServer server(database_);
  for (int round = 0; round < 2; ++round) {  // the second round is served from the cache
    EXPECT_TRUE(Has(server.Get("/").body, "<html lang=\"en\">"));
    EXPECT_TRUE(Has(server.Get("/es/").body, "<html lang=\"es\">"));
    EXPECT_TRUE(Has(server.Get("/fr/").body, "<html lang=\"fr\">"));
  }
}

TEST_P(LanguagesTest, ABrowserPreferringSpanishIsOfferedTheSpanishPage) {
  TestServer server(database_);
  HttpResult offered = server.Get("/map", {{"Accept-Language", "es-ES,es;q=0.9,en;q=0.5"}});
  ASSERT_EQ(offered.status, 200u);
  EXPECT_TRUE(Has(offered.body, "<html lang=\"en\">"));  // not redirected
  EXPECT_TRUE(Has(offered.body, "lang=\"es\"><a href=\"/es/map\" hreflang=\"es\">Ver esta página en español</a>"));
  EXPECT_TRUE(Has(offered.Header("vary"), "Accept-Language"));
  // The same address for another browser, after the first was cached: no offer.
  EXPECT_FALSE(Has(server.Get("/map").body, "Ver esta página"));
  EXPECT_FALSE(Has(server.Get("/map", {{"Accept-Language", "en-GB"}}).body, "Ver esta página"));
  // Already in the preferred language: no offer either.
  EXPECT_FALSE(Has(server.Get("/es/map", {{"Accept-Language", "es"}}).body, "Ver esta página"));
  EXPECT_TRUE(Has(server.Get("/es/map", {{"Accept-Language", "fr"}}).body, "Voir cette page en français"));
}

TEST_P(LanguagesTest, AnUnknownPrefixIsNotFoundWithLinksToOurLanguages) {
  TestServer server(database_);
  for (const std::string path : {"/ja/map", "/xx/map", "/en/map"}) {
    HttpResult page = server.Get(path);
    EXPECT_EQ(page.status, 404u) << path;
    EXPECT_TRUE(Has(page.body, "href=\"/map\" hreflang=\"en\"")) << path;
    EXPECT_TRUE(Has(page.body, "href=\"/es/map\" hreflang=\"es\"")) << path;
    EXPECT_TRUE(Has(page.body, "href=\"/fr/map\" hreflang=\"fr\"")) << path;
  }
  EXPECT_EQ(server.Get("/ja").status, 404u);
  // German names conditions inside the English interface: its pages exist.
  HttpResult german = server.Get("/de/map");
  EXPECT_EQ(german.status, 200u);
  EXPECT_TRUE(Has(german.body, "<html lang=\"en\">"));
  EXPECT_EQ(server.Get("/es/no-such-page").status, 404u);
}

TEST_P(LanguagesTest, EachLanguageHasItsSitemap) {
  TestServer server(database_, {"--public-url", "https://maps.example/"});
  HttpResult es = server.Get("/es/sitemap.xml");
  ASSERT_EQ(es.status, 200u);
  EXPECT_TRUE(Has(es.body, "<loc>https://maps.example/es/</loc>"));
  EXPECT_TRUE(Has(es.body, "<loc>https://maps.example/es/conditions/"));
  EXPECT_FALSE(Has(server.Get("/sitemap.xml").body, "/es/"));
  const std::string robots = server.Get("/robots.txt").body;
  EXPECT_TRUE(Has(robots, "Sitemap: https://maps.example/sitemap.xml"));
  EXPECT_TRUE(Has(robots, "Sitemap: https://maps.example/es/sitemap.xml"));
  EXPECT_TRUE(Has(robots, "Sitemap: https://maps.example/fr/sitemap.xml"));
}

std::string Backends(const ::testing::TestParamInfo<Backend>& info) { return BackendName(info.param); }

TEST_P(LanguagesTest, TheStaffScreensSpeakSpanishToo) {
  const std::string password = "correct horse battery staple";
  AddUser(database_, "ada@example.org", "Ada", {"admin"}, password);
  TestServer server(database_);
  const SignedIn ada = SignIn(server, "ada@example.org", password);
  HttpResult accounts = server.Get("/es/admin/users", {{"Cookie", ada.cookie}});
  ASSERT_EQ(accounts.status, 200u);
  EXPECT_TRUE(Has(accounts.body, "<html lang=\"es\">"));
  EXPECT_TRUE(Has(accounts.body, "Guardar roles"));
  EXPECT_TRUE(Has(accounts.body, "Roles de Ada"));
  EXPECT_FALSE(Has(accounts.body, "Save roles"));
  HttpResult outbox = server.Get("/fr/admin/outbox", {{"Cookie", ada.cookie}});
  ASSERT_EQ(outbox.status, 200u);
  EXPECT_TRUE(Has(outbox.body, "Boîte d’envoi"));
  HttpResult audit = server.Get("/es/admin/audit", {{"Cookie", ada.cookie}});
  EXPECT_TRUE(Has(audit.body, "Registro de auditoría"));
}

TEST_P(LanguagesTest, AnApiErrorComesInTheLanguageAskedForWithTheSameShape) {
  TestServer server(database_);
  const HttpResult english = server.Get("/api/v1/conditions/abc");
  const HttpResult spanish = server.Get("/api/v1/conditions/abc?lang=es");
  ASSERT_EQ(english.status, 400u);
  ASSERT_EQ(spanish.status, 400u);
  const auto en = nlohmann::json::parse(english.body, nullptr, false);
  const auto es = nlohmann::json::parse(spanish.body, nullptr, false);
  ASSERT_TRUE(es.is_object()) << spanish.body;
  EXPECT_EQ(en["error"]["status"], es["error"]["status"]);
  EXPECT_EQ(en["error"]["message"], "An ORPHAcode is a positive whole number, such as 1183.");
  EXPECT_EQ(es["error"]["message"], "Un ORPHAcode es un número entero positivo, como 1183.");
  // The map API too; and a language we do not have leaves English.
  const auto map = nlohmann::json::parse(server.Get("/api/v1/map?zoom=x&lang=fr").body, nullptr, false);
  EXPECT_EQ(map["error"]["message"], "zoom est obligatoire : un nombre entier de 0 à 20.") << map.dump();
  const auto unknown = nlohmann::json::parse(server.Get("/api/v1/conditions/abc?lang=xx").body, nullptr, false);
  EXPECT_EQ(unknown["error"]["message"], "An ORPHAcode is a positive whole number, such as 1183.");
}

INSTANTIATE_TEST_SUITE_P(Backends, LanguagesTest, ::testing::ValuesIn(AllBackends()), Backends);

}  // namespace
}  // namespace diseasemaps::testing
