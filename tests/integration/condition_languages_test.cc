// A condition's page in the other languages, on the catalogue languages_fixture.h
// imports: Spanish and French pages name it in their language first with the English
// name beneath; German (no interface yet) shows German names and symptoms inside the
// English interface; whatever stays English is marked lang="en".
#include <gtest/gtest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "languages_fixture.h"
#include "platform/text.h"
#include "test_server.h"

namespace diseasemaps::testing {
namespace {

using nlohmann::json;

bool Has(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// Text as the templates write it into HTML: EscapeMarkup, but mustache writes an
// apostrophe as "&apos;" ("d'opsoclonie" -> "d&apos;opsoclonie").
std::string Html(const std::string& text) {
  std::string out = EscapeMarkup(text);
  for (std::size_t at = out.find("&#39;"); at != std::string::npos; at = out.find("&#39;", at)) {
    out.replace(at, 5, "&apos;");
  }
  return out;
}

TEST_P(CatalogueInLanguages, ASpanishPageNamesTheConditionInSpanishFirstAndTheEnglishNameBeneath) {
  const std::string spanish = NameIn(kOms, "es");
  ASSERT_FALSE(spanish.empty());
  const json condition = Get("/api/v1/conditions/" + std::to_string(kOms));
  const std::string body = server_->Get("/es" + condition["url"].get<std::string>()).body;

  EXPECT_TRUE(Has(body, "<html lang=\"es\">"));
  EXPECT_TRUE(Has(body, "<h1 id=\"condition-title\">" + Html(spanish) + "</h1>")) << body.substr(0, 3000);
  EXPECT_TRUE(Has(body, "<span lang=\"en\">Opsoclonus-myoclonus syndrome</span>"));
  // Symptoms with HPO's Spanish labels, in the Spanish page's own language.
  EXPECT_TRUE(Has(body, "<span>Neuroblastoma</span>"));
  EXPECT_TRUE(Has(body, "<span>Ataxia</span>"));
  // Orphanet's definition is English, and the page says so.
  EXPECT_TRUE(Has(body, "<p lang=\"en\">"));
  EXPECT_TRUE(Has(body, "Orphanet no ha traducido esta descripción")) << "the note is in Spanish";
  // The compiled summary in Spanish, naming it in Spanish.
  EXPECT_TRUE(Has(body, "<p class=\"summary-text\">" + Html(spanish) + " es una enfermedad rara."));
  // The interface around it is Spanish.
  EXPECT_TRUE(Has(body, "Signos y síntomas"));

  const std::string french = server_->Get("/fr" + condition["url"].get<std::string>()).body;
  EXPECT_TRUE(Has(french, "<html lang=\"fr\">"));
  EXPECT_TRUE(Has(french, "<h1 id=\"condition-title\">" + Html(NameIn(kOms, "fr")) + "</h1>"));
  EXPECT_TRUE(Has(french, "<span>Neuroblastome</span>"));
}

TEST_P(CatalogueInLanguages, AGermanPageShowsGermanNamesAndSymptomsInsideTheEnglishInterface) {
  const json condition = Get("/api/v1/conditions/" + std::to_string(kOms));
  const HttpResult page = server_->Get("/de" + condition["url"].get<std::string>());
  ASSERT_EQ(page.status, 200u) << page.body.substr(0, 400);
  const std::string& body = page.body;
  EXPECT_TRUE(Has(body, "<html lang=\"en\">")) << "the interface is English until po/de.po exists";
  EXPECT_TRUE(Has(body, "<h1 id=\"condition-title\" lang=\"de\">" + Html(NameIn(kOms, "de")) + "</h1>"));
  EXPECT_TRUE(Has(body, "Signs and symptoms"));
  EXPECT_TRUE(Has(body, "<p class=\"summary-text\">Opsoclonus-myoclonus syndrome is a rare disease."))
      << "the summary is a sentence of the interface: English throughout";
  EXPECT_TRUE(Has(body, "<span lang=\"de\">Neuroblastom</span>")) << "an OFFICIAL label, as it is";
  EXPECT_TRUE(Has(body, "<span lang=\"de\">Ataxie</span> <span class=\"term\">(translation not reviewed)</span>"))
      << "a CANDIDATE label says it is not reviewed";
  // A sign German has no label for stays English, unmarked in an English interface.
  EXPECT_TRUE(Has(body, "Signs the Human Phenotype Ontology has not translated yet are shown in English."));
  EXPECT_FALSE(Has(body, "Orphanet has not translated this description")) << "English in an English interface";
  // The switcher offers German among the name languages; no hreflang alternate claims
  // a German page.
  EXPECT_TRUE(Has(body, "<details class=\"name-languages\">"));
  EXPECT_FALSE(Has(body, "<link rel=\"alternate\" hreflang=\"de\""));
  EXPECT_TRUE(Has(body, "<link rel=\"alternate\" hreflang=\"es\""));
}

TEST_P(CatalogueInLanguages, UnreviewedSymptomLabelsCanBeShownInEnglishInstead) {
  TestServer english_for_candidates(*database_, {"--unreviewed-symptom-labels", "english"});
  ASSERT_TRUE(english_for_candidates.started()) << english_for_candidates.Log();
  const json condition = Get("/api/v1/conditions/" + std::to_string(kOms));
  const HttpResult page = english_for_candidates.Get("/de" + condition["url"].get<std::string>());
  ASSERT_EQ(page.status, 200u);
  EXPECT_TRUE(Has(page.body, "<span lang=\"de\">Neuroblastom</span>"));
  EXPECT_FALSE(Has(page.body, "Ataxie"));
  EXPECT_FALSE(Has(page.body, "(translation not reviewed)"));
}

TEST_P(CatalogueInLanguages, RelatedConditionsAreNamedInThePageLanguage) {
  const json condition = Get("/api/v1/conditions/" + std::to_string(kOms));
  ASSERT_FALSE(condition["parents"].empty()) << condition.dump().substr(0, 400);
  const int parent = condition["parents"][0]["orphacode"].get<int>();
  const std::string parent_es = NameIn(parent, "es");
  ASSERT_FALSE(parent_es.empty()) << "ORPHA:" << parent << " has a Spanish name";
  const std::string body = server_->Get("/es" + condition["url"].get<std::string>()).body;
  EXPECT_TRUE(Has(body, Html(parent_es))) << body.substr(0, 4000);
}

TEST_P(CatalogueInLanguages, SpecialtiesAreBrowsedInThePageLanguageWithCounts) {
  HttpResult all = server_->Get("/conditions/browse");
  ASSERT_EQ(all.status, 200u);
  EXPECT_TRUE(Has(all.body, "<a href=\"/conditions/browse/181\">Rare neurologic disease</a>")) << all.body.substr(0, 3000);
  EXPECT_TRUE(Has(all.body, "conditions and groups</span>"));
  HttpResult spanish = server_->Get("/es/conditions/browse");
  EXPECT_TRUE(Has(spanish.body, "<a href=\"/es/conditions/browse/181\">Enfermedad neurológica rara</a>"));

  // A branch: where it sits, and what lies below, each entry linking to its page.
  HttpResult branch = server_->Get("/fr/conditions/browse/181/36388");
  ASSERT_EQ(branch.status, 200u);
  EXPECT_TRUE(Has(branch.body, "<a href=\"/fr/conditions/browse/181\">Maladie neurologique rare</a>"));
  EXPECT_TRUE(Has(branch.body, "<span aria-current=\"page\">Syndrome neurologique paranéoplasique</span>"));
  EXPECT_TRUE(Has(branch.body, "href=\"/fr/conditions/orpha/1183\">" + Html(NameIn(kOms, "fr")) + "</a>"));

  // The condition's page shows its place, linked to the browse pages.
  const json condition = Get("/api/v1/conditions/" + std::to_string(kOms));
  const std::string page = server_->Get(condition["url"].get<std::string>()).body;
  EXPECT_TRUE(Has(page, "Where Orphanet classifies it"));
  EXPECT_TRUE(Has(page, "<a href=\"/conditions/browse/181/36388\">Paraneoplastic neurologic syndrome</a>"));

  // Addresses that name nothing.
  for (const std::string target : {"/conditions/browse/999999", "/conditions/browse/181/558",
                                   "/conditions/browse/x", "/conditions/browse/181/-1", "/conditions/browse/0"}) {
    EXPECT_EQ(server_->Get(target).status, 404u) << target;
  }
}

}  // namespace
}  // namespace diseasemaps::testing
