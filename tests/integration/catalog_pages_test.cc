// Condition pages, redirects, API and sitemap end to end, on both databases, with real
// ORPHApackets imported through the binary.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "experiences/experience_store.h"
#include "test_server.h"

namespace diseasemaps::testing {
namespace {

namespace fs = std::filesystem;

fs::path PacketDirectory() {
  const char* shared = std::getenv("DISEASEMAPS_SHARED_DATA");
  return fs::path(shared != nullptr ? shared : DISEASEMAPS_SHARED_DATA) / "orphanet" / "orphapackets";
}

// Copies the named packets into a fresh folder under the test database's directory.
fs::path PacketsFolder(const TestDatabase& database, const std::vector<int>& codes,
                       const std::string& name = "packets") {
  const fs::path folder = database.directory() / name;
  fs::remove_all(folder);
  fs::create_directories(folder);
  for (int code : codes) {
    const std::string file = "ORPHApacket_" + std::to_string(code) + ".json";
    fs::copy_file(PacketDirectory() / file, folder / file);
  }
  return folder;
}

void Import(const TestDatabase& database, const fs::path& folder) {
  auto [code, output] = RunBinary({"--database", database.url(), "import", "orphanet", folder.string()});
  ASSERT_EQ(code, 0) << output;
}

class CatalogPagesTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    ASSERT_TRUE(fs::exists(PacketDirectory())) << PacketDirectory() << " is missing";
    Import(database_, PacketsFolder(database_, {1183, 36388, 558, 586, 284963, 284973}));
  }
  TestDatabase database_{GetParam()};
};

std::string Backends(const ::testing::TestParamInfo<Backend>& info) {
  return BackendName(info.param);
}

bool Has(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

TEST_P(CatalogPagesTest, ConditionPageShowsOrphanetFactsInPlainWords) {
  TestServer server(database_);
  HttpResult page = server.Get("/conditions/opsoclonus-myoclonus-syndrome");
  ASSERT_EQ(page.status, 200u);
  const std::string& html = page.body;
  EXPECT_TRUE(Has(html, "<h1 id=\"condition-title\">Opsoclonus-myoclonus syndrome</h1>"));
  EXPECT_TRUE(Has(html, "Also known as:"));
  EXPECT_TRUE(Has(html, "Dancing eye syndrome"));
  EXPECT_TRUE(Has(html, "Kinsbourne syndrome"));
  EXPECT_TRUE(Has(html, "It is not inherited."));                        // "Not applicable"
  EXPECT_TRUE(Has(html, "fewer than 1 in 1,000,000 people"));            // "<1 / 1 000 000"
  // The compiled summary first, said for what it is; synonyms after the third folded.
  EXPECT_TRUE(Has(html, "<p class=\"summary-text\">Opsoclonus-myoclonus syndrome is a rare disease."));
  EXPECT_TRUE(Has(html, "Compiled by DiseaseMaps from Orphanet data; not written or checked by a doctor."));
  EXPECT_LT(html.find("summary-text"), html.find("Also known as:"));
  EXPECT_TRUE(Has(html, "<summary>and 7 other names</summary>"));
  // Tumours that come with it are listed apart, not as its signs.
  const std::size_t apart = html.find("Conditions that can come with it");
  ASSERT_NE(apart, std::string::npos);
  const std::size_t signs = html.find("<h2 id=\"symptoms-title\">");
  ASSERT_LT(signs, apart);
  EXPECT_NE(html.find("<span>Neuroblastoma</span>", apart), std::string::npos) << "listed after the heading";
  EXPECT_EQ(html.substr(signs, apart - signs).find("Neuroblastoma"), std::string::npos) << "and not among the signs";
  // Its two ages of onset as one sentence, not two that contradict each other.
  EXPECT_TRUE(Has(html, "It usually starts in infancy (the first two years) or in childhood."));
  EXPECT_FALSE(Has(html, "about fewer than"));
  EXPECT_FALSE(Has(html, "[REG]"));
  EXPECT_FALSE(Has(html, "ORPHA:1183</a> <span class=\"term\">()</span>")) << "no empty brackets";
  EXPECT_TRUE(Has(html, "Almost always (80 to 99 in 100 people)"));
  EXPECT_TRUE(Has(html, "https://pubmed.ncbi.nlm.nih.gov/19423368/"));   // a prevalence source
  EXPECT_TRUE(Has(html, "Source: Orphanet (CC BY 4.0), data version 1.3.42 / 4.1.8"));
  EXPECT_TRUE(Has(html, "href=\"/conditions/paraneoplastic-neurologic-syndrome\""));
  EXPECT_TRUE(Has(html, "https://www.orpha.net/en/disease/detail/1183"));
  EXPECT_TRUE(Has(html, "<link rel=\"canonical\" href=\"/conditions/opsoclonus-myoclonus-syndrome\">"));
  EXPECT_TRUE(Has(html, "<meta name=\"description\" content=\"Opsoclonus myoclonus syndrome (OMS)"));
  EXPECT_TRUE(Has(html, "<script type=\"application/ld+json\">"));
  EXPECT_TRUE(Has(html, "\"@type\":\"MedicalCondition\""));
  EXPECT_TRUE(Has(html, "No members have joined"));                      // zero, shown honestly
  EXPECT_TRUE(Has(html, "not medical advice"));
  EXPECT_LT(html.size(), 60u * 1024u);                                   // page weight
  EXPECT_FALSE(Has(html, "<script src"));                                // reading needs no JS
}

// Regression (security probe): a condition page without published answers carried an
// empty <script type="application/ld+json"></script>, which is not JSON. Every block on
// every condition page (imported and starter entries alike) is non-empty, valid JSON.
TEST_P(CatalogPagesTest, EveryJsonLdBlockOnEveryConditionPageIsValidJson) {
  TestServer server(database_);
  HttpResult list = server.Get("/api/v1/conditions?per_page=100");
  ASSERT_EQ(list.status, 200u);
  const nlohmann::json conditions = nlohmann::json::parse(list.body)["conditions"];
  ASSERT_GE(conditions.size(), 6u);
  const std::string open = "<script type=\"application/ld+json\">", close = "</script>";
  int blocks = 0;
  for (const nlohmann::json& condition : conditions) {
    const std::string url = condition["url"];
    HttpResult page = server.Get(url);
    ASSERT_EQ(page.status, 200u) << url;
    for (size_t at = page.body.find(open); at != std::string::npos; at = page.body.find(open, at + 1)) {
      const size_t start = at + open.size();
      const size_t end = page.body.find(close, start);
      ASSERT_NE(end, std::string::npos) << url;
      const std::string text = page.body.substr(start, end - start);
      EXPECT_FALSE(text.empty()) << url << ": an empty JSON-LD block";
      EXPECT_TRUE(nlohmann::json::accept(text)) << url << ": " << text;
      ++blocks;
    }
  }
  EXPECT_GE(blocks, static_cast<int>(conditions.size())) << "each page has its MedicalCondition block";
}

TEST_P(CatalogPagesTest, SubtypesAndCodesLinkOut) {
  TestServer server(database_);
  HttpResult page = server.Get("/conditions/marfan-syndrome");
  ASSERT_EQ(page.status, 200u);
  EXPECT_TRUE(Has(page.body, "Types and subtypes"));
  EXPECT_TRUE(Has(page.body, "href=\"/conditions/marfan-syndrome-type-1\""));
  EXPECT_TRUE(Has(page.body, "https://omim.org/entry/154700"));
}

TEST_P(CatalogPagesTest, OtherAddressesRedirectToTheCanonicalOne) {
  TestServer server(database_);
  HttpResult by_code = server.Get("/conditions/orpha/1183");
  EXPECT_EQ(by_code.status, 301u);
  EXPECT_EQ(by_code.Header("location"), "/conditions/opsoclonus-myoclonus-syndrome");
  HttpResult by_synonym = server.Get("/conditions/kinsbourne-syndrome");
  EXPECT_EQ(by_synonym.status, 301u);
  EXPECT_EQ(by_synonym.Header("location"), "/conditions/opsoclonus-myoclonus-syndrome");
  HttpResult by_case = server.Get("/conditions/Marfan-Syndrome");
  EXPECT_EQ(by_case.status, 301u);
  EXPECT_EQ(by_case.Header("location"), "/conditions/marfan-syndrome");
}

TEST_P(CatalogPagesTest, UnknownConditionsGetA404ThatOffersSearch) {
  TestServer server(database_);
  for (const char* target : {"/conditions/no-such-condition", "/conditions/orpha/999999999",
                             "/conditions/orpha/abc", "/conditions/bad%20slug",
                             "/conditions/%3Cscript%3E"}) {
    HttpResult page = server.Get(target);
    EXPECT_EQ(page.status, 404u) << target;
    EXPECT_TRUE(Has(page.body, "action=\"/search\"")) << target;
    EXPECT_FALSE(Has(page.body, "<script>")) << target;
  }
}

TEST_P(CatalogPagesTest, ApiGivesEveryField) {
  TestServer server(database_);
  HttpResult one = server.Get("/api/v1/conditions/1183");
  ASSERT_EQ(one.status, 200u);
  EXPECT_EQ(one.Header("content-type"), "application/json");
  for (const char* field : {"\"orphacode\":1183", "\"synonyms\":[", "\"phenotypes\":[", "\"HP:0000570\"",
                            "\"prevalences\":[", "\"onsets\":[", "\"inheritance\":[\"Not applicable\"]",
                            "\"parents\":[", "\"data_version\":\"1.3.42 / 4.1.8 [2025-03-03]\""}) {
    EXPECT_TRUE(Has(one.body, field)) << field;
  }
  HttpResult list = server.Get("/api/v1/conditions?per_page=2&page=2");
  ASSERT_EQ(list.status, 200u);
  EXPECT_TRUE(Has(list.body, "\"page\":2"));
  EXPECT_TRUE(Has(list.body, "\"per_page\":2"));
  EXPECT_TRUE(Has(list.body, "\"total\":6"));
  EXPECT_EQ(server.Get("/api/v1/conditions?per_page=0").status, 400u);
  EXPECT_EQ(server.Get("/api/v1/conditions?per_page=5000").status, 400u);
  HttpResult bad = server.Get("/api/v1/conditions/abc");
  EXPECT_EQ(bad.status, 400u);
  EXPECT_TRUE(Has(bad.body, "\"error\""));
  EXPECT_EQ(server.Get("/api/v1/conditions/424242").status, 404u);
}

TEST_P(CatalogPagesTest, SitemapAndRobotsUseThePublicUrl) {
  TestServer server(database_, {"--public-url", "https://maps.example/"});
  HttpResult sitemap = server.Get("/sitemap.xml");
  ASSERT_EQ(sitemap.status, 200u);
  EXPECT_EQ(sitemap.Header("content-type"), "application/xml; charset=utf-8");
  EXPECT_TRUE(Has(sitemap.body, "<loc>https://maps.example/conditions/opsoclonus-myoclonus-syndrome</loc>"));
  EXPECT_TRUE(Has(sitemap.body, "<loc>https://maps.example/</loc>"));
  EXPECT_TRUE(Has(sitemap.body, "<loc>https://maps.example/conditions/a-z</loc>"));
  HttpResult robots = server.Get("/robots.txt");
  EXPECT_TRUE(Has(robots.body, "Sitemap: https://maps.example/sitemap.xml"));
  EXPECT_EQ(server.Get("/sitemaps/2.xml").status, 404u);
}

TEST_P(CatalogPagesTest, ObsoleteEntryKeepsItsPageWithANotice) {
  TestServer server(database_, {"--cache-check-interval", "0.05"});
  ASSERT_EQ(server.Get("/conditions/opsoclonus-myoclonus-syndrome").status, 200u);  // cached now
  Import(database_, PacketsFolder(database_, {36388, 558, 586, 284963, 284973}, "without-1183"));
  // The running server learns of the other process's import and drops its cache.
  bool noticed = false;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (!noticed && std::chrono::steady_clock::now() < deadline) {
    HttpResult page = server.Get("/conditions/opsoclonus-myoclonus-syndrome");
    EXPECT_EQ(page.status, 200u);
    noticed = Has(page.body, "no longer in Orphanet");
  }
  EXPECT_TRUE(noticed);
  HttpResult index = server.Get("/conditions/a-z/o");
  EXPECT_FALSE(Has(index.body, "Opsoclonus-myoclonus syndrome"));  // not listed as current
}

TEST_P(CatalogPagesTest, UnreviewedAnswersAreLabelledAsDraftsAndNeverAsReviewed) {
  TestServer server(database_);
  HttpResult page = server.Get("/conditions/opsoclonus-myoclonus-syndrome");
  ASSERT_EQ(page.status, 200u);
  EXPECT_TRUE(Has(page.body, "What can trigger opsoclonus-myoclonus syndrome?"));
  EXPECT_TRUE(Has(page.body, "Editorial draft — not yet medically reviewed"));
  EXPECT_TRUE(Has(page.body, "<strong>In short:</strong>"));
  EXPECT_FALSE(Has(page.body, "Medically reviewed by"));
  EXPECT_FALSE(Has(page.body, "FAQPage"));  // drafts never reach structured data
  EXPECT_LT(page.body.size(), 60u * 1024u);
}

TEST_P(CatalogPagesTest, TheExperiencesLineIsCountedFromTheDatabase) {
  {
    TestServer server(database_);
    EXPECT_TRUE(Has(server.Get("/conditions/opsoclonus-myoclonus-syndrome").body,
                    "No one with Opsoclonus-myoclonus syndrome in the DiseaseMaps community has shared their experiences "
                    "yet."));
  }
  AddUser(database_, "sam@example.org", "Sam", {"member"}, "a long enough password");
  AddUser(database_, "kim@example.org", "Kim", {"member"}, "a long enough password");
  // Both share an experience counted in the charts (consent a); Kim then withdraws it,
  // and Sam's draft about someone else, never submitted, does not count.
  experiences::ExperienceStore experiences(database_.db());
  for (const char* email : {"sam@example.org", "kim@example.org"}) {
    const long long user = UserIdOf(database_, email);
    auto id = experiences.Create(user, 1183, experiences::Subject::kSelf, "", 1);
    ASSERT_TRUE(id.ok()) << id.status().message();
    ASSERT_TRUE(experiences.Submit(user, *id, experiences::Consents{true, false, false}).ok());
    if (std::string(email) == "kim@example.org") {
      ASSERT_TRUE(experiences.Withdraw(user, *id).ok());
    }
  }
  ASSERT_TRUE(experiences.Create(UserIdOf(database_, "sam@example.org"), 1183, experiences::Subject::kCaredFor,
                                 "my daughter", 1)
                  .ok());
  TestServer server(database_);
  const std::string body = server.Get("/conditions/opsoclonus-myoclonus-syndrome").body;
  // One person: a small number, never shown as such.
  EXPECT_TRUE(Has(body, "Within the DiseaseMaps community, fewer than 5 people with Opsoclonus-myoclonus syndrome "
                        "have shared their experiences."));
  EXPECT_FALSE(Has(body, "1 person with"));
  EXPECT_TRUE(Has(body, "<a href=\"/conditions/opsoclonus-myoclonus-syndrome/experiences\">"));
}

class StarterCatalogueTest : public ::testing::TestWithParam<Backend> {
 protected:
  TestDatabase database_{GetParam()};
};

TEST_P(StarterCatalogueTest, ANewServerShowsTheStarterCatalogueUntilOrphanetIsImported) {
  TestServer server(database_, {"--cache-check-interval", "0.05"});
  ASSERT_TRUE(server.started());
  HttpResult home = server.Get("/");
  EXPECT_TRUE(Has(home.body, "306 rare conditions described")) << home.body.substr(0, 3000);
  HttpResult starter = server.Get("/conditions/opsoclonus-myoclonus-syndrome");
  ASSERT_EQ(starter.status, 200u);
  EXPECT_TRUE(Has(starter.body, "The full entry appears once the catalogue is imported"));
  EXPECT_FALSE(Has(starter.body, "Definition: Orphanet")) << "no empty \"What it is\" with its source line";
  EXPECT_TRUE(Has(server.Get("/conditions/browse").body, "The specialties appear once Orphanet"));
  EXPECT_EQ(server.Get("/conditions/kinsbourne-syndrome").status, 301u);  // starter synonyms
  Import(database_, PacketsFolder(database_, {1183, 36388}));
  bool upgraded = false;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (!upgraded && std::chrono::steady_clock::now() < deadline) {
    upgraded = Has(server.Get("/conditions/opsoclonus-myoclonus-syndrome").body,
                   "Source: Orphanet (CC BY 4.0), data version");
  }
  EXPECT_TRUE(upgraded);
  auto count = database_.db().Run([](soci::session& sql) {
    long long n = 0;
    sql << "SELECT COUNT(*) FROM conditions WHERE orphacode = 1183", soci::into(n);
    return n;
  });
  ASSERT_TRUE(count.ok());
  EXPECT_EQ(*count, 1);  // upgraded in place, never duplicated
}

INSTANTIATE_TEST_SUITE_P(Backends, StarterCatalogueTest, ::testing::ValuesIn(AllBackends()), Backends);

INSTANTIATE_TEST_SUITE_P(Backends, CatalogPagesTest, ::testing::ValuesIn(AllBackends()), Backends);

}  // namespace
}  // namespace diseasemaps::testing
