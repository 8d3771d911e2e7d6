// Search in nine languages end to end, on the catalogue languages_fixture.h imports.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>

#include <nlohmann/json.hpp>

#include "http/url.h"
#include "search/normalize.h"
#include "languages_fixture.h"
#include "test_server.h"

namespace diseasemaps::testing {
namespace {

using nlohmann::json;

std::vector<int> Codes(const json& results) {
  std::vector<int> out;
  for (const json& r : results) out.push_back(r["orphacode"].get<int>());
  return out;
}

// What a person types: the name without accents, in lower case, with one letter of its
// longest word doubled.
std::string Sloppy(const std::string& name) {
  std::vector<std::string> words = search::Words(name);
  std::size_t longest = 0;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (words[i].size() > words[longest].size()) longest = i;
  }
  words[longest].insert(3, 1, words[longest][3]);
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

TEST_P(CatalogueInLanguages, ANameWithATypoAndNoAccentsFindsTheConditionFirstNamedInThatLanguage) {
  for (const std::string lang : {"es", "fr", "de", "it", "pt"}) {
    SCOPED_TRACE(lang);
    const std::string name = NameIn(kOms, lang);
    ASSERT_FALSE(name.empty());
    const std::string query = Sloppy(name);
    const json body = Get("/api/v1/search?q=" + http::PercentEncode(query) + "&lang=" + lang);
    ASSERT_FALSE(body["results"].empty()) << query;
    EXPECT_EQ(body["results"][0]["orphacode"], kOms) << query << ": " << body.dump().substr(0, 600);
    EXPECT_EQ(body["results"][0]["name"], name);
    EXPECT_EQ(body["results"][0]["name_lang"], lang);
    EXPECT_EQ(body["lang"], lang);
  }
  // "síndrome de opsoclono-mioclono", typed by someone in a hurry.
  const json es = Get("/api/v1/search?q=" + http::PercentEncode("sindrome opsoclono mioclonno") + "&lang=es");
  ASSERT_FALSE(es["results"].empty());
  EXPECT_EQ(es["results"][0]["orphacode"], kOms);
  EXPECT_EQ(es["did_you_mean"], "sindrome opsoclono mioclono");
}

TEST_P(CatalogueInLanguages, AQueryInOneLanguageIsFoundWhateverTheRequestedOne) {
  // A Spanish query on an English page: found, named in English.
  const std::string spanish = NameIn(586, "es");
  const json body = Get("/api/v1/search?q=" + http::PercentEncode(search::Normalize(spanish)));
  ASSERT_FALSE(body["results"].empty());
  EXPECT_EQ(body["results"][0]["orphacode"], 586);
  EXPECT_EQ(body["results"][0]["name_lang"], "en");
  // English as it was, without lang.
  const json english = Get("/api/v1/search?q=opsoclonus+myoclonus");
  ASSERT_FALSE(english["results"].empty());
  EXPECT_EQ(english["results"][0]["orphacode"], kOms);
  EXPECT_EQ(english["results"][0]["name"], "Opsoclonus-myoclonus syndrome");
}

TEST_P(CatalogueInLanguages, SuggestOffersEveryLanguageAndNamesInTheRequestedOne) {
  for (const std::string lang : {"es", "fr", "de", "it", "pt"}) {
    SCOPED_TRACE(lang);
    const std::string name = NameIn(kOms, lang);
    const std::string prefix = search::Normalize(name).substr(0, 12);
    const json body = Get("/api/v1/suggest?q=" + http::PercentEncode(prefix) + "&lang=" + lang);
    ASSERT_FALSE(body["suggestions"].empty()) << prefix;
    bool found = false;
    for (const json& s : body["suggestions"]) {
      if (s["orphacode"] == kOms) {
        found = true;
        EXPECT_EQ(s["name"], name);
        EXPECT_EQ(s["name_lang"], lang);
      }
    }
    EXPECT_TRUE(found) << prefix << ": " << body.dump();
  }
}

TEST_P(CatalogueInLanguages, SymptomsInSpanishOrFrenchFindOpsoclonusMyoclonus) {
  for (const auto& [lang, query] : std::vector<std::pair<std::string, std::string>>{
           {"es", "movimientos oculares sacádicos y mioclono"},
           {"fr", "mouvements oculaires saccadés et secousses involontaires"}}) {
    SCOPED_TRACE(query);
    const json body = Get("/api/v1/search?q=" + http::PercentEncode(query) + "&lang=" + lang);
    EXPECT_EQ(body["kind"], "features") << body.dump().substr(0, 600);
    const std::vector<int> codes = Codes(body["results"]);
    EXPECT_NE(std::find(codes.begin(), codes.end(), kOms), codes.end()) << body.dump().substr(0, 600);
  }
}

// The language is checked before anything is searched: no catalogue needed.
class SearchLanguageParameter : public ::testing::TestWithParam<Backend> {};

TEST_P(SearchLanguageParameter, AnUnknownLanguageIsRefusedWithAMessage) {
  TestDatabase database(GetParam());
  TestServer server(database);
  ASSERT_TRUE(server.started()) << server.Log();
  for (const std::string target : {"/api/v1/search?q=marfan&lang=xx", "/api/v1/suggest?q=marf&lang=EN",
                                   "/api/v1/search?q=marfan&lang=spanish"}) {
    SCOPED_TRACE(target);
    const HttpResult r = server.Get(target);
    EXPECT_EQ(r.status, 400u) << r.body;
    const json body = json::parse(r.body, nullptr, false);
    ASSERT_TRUE(body.is_object()) << r.body;
    EXPECT_NE(body["error"]["message"].get<std::string>().find("lang must be one of cs, de, en, es, fr, it, nl, pl, pt"),
              std::string::npos);
  }
  EXPECT_EQ(server.Get("/search?q=marfan&lang=xx").status, 400u);
  EXPECT_EQ(server.Get("/api/v1/suggest?q=marf&lang=es").status, 200u);
}

std::string Backends(const ::testing::TestParamInfo<Backend>& info) { return BackendName(info.param); }
INSTANTIATE_TEST_SUITE_P(Backends, CatalogueInLanguages, ::testing::ValuesIn(AllBackends()), Backends);
INSTANTIATE_TEST_SUITE_P(Backends, SearchLanguageParameter, ::testing::ValuesIn(AllBackends()), Backends);

}  // namespace
}  // namespace diseasemaps::testing
