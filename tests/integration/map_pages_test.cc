// The community map's pages through the real binary, on SQLite and PostgreSQL: /map and
// /conditions/{slug}/map answer in the site layout with their heading, the role filters
// (each role's words, colour and shape) and the map's script and styles; a synonym's slug
// or another case redirects like the condition page does; an unknown condition is the
// site's 404 page; and the vendored map files are served from the static tree.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "test_server.h"

namespace diseasemaps::testing {
namespace {

bool Has(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// The starter catalogue, loaded by `serve` into an empty database, holds the condition
// and the synonym these tests use.
class MapPagesTest : public ::testing::TestWithParam<Backend> {
 protected:
  TestDatabase database_{GetParam()};
};

std::string Backends(const ::testing::TestParamInfo<Backend>& info) { return BackendName(info.param); }

void ExpectFiltersAndScripts(const std::string& html) {
  EXPECT_TRUE(Has(html, "<legend>Show members who are</legend>"));
  for (const char* role : {"affected", "family", "adviser", "researcher", "professional", "organisation"}) {
    EXPECT_TRUE(Has(html, std::string("name=\"roles\" value=\"") + role + "\" checked")) << role;
  }
  for (const char* words : {">Affected<", ">Family &amp; friends<", ">Adviser<", ">Researcher<",
                            ">Healthcare professional<", ">Organisation<"}) {
    EXPECT_TRUE(Has(html, words)) << words;
  }
  for (const char* shape : {"circle", "square", "triangle", "diamond", "star", "hexagon"}) {
    EXPECT_TRUE(Has(html, std::string("(shown as a ") + shape + ")")) << shape;
  }
  EXPECT_TRUE(Has(html, "<script type=\"module\" src=\"/static/js/map.js\"></script>"));
  EXPECT_TRUE(Has(html, "<link rel=\"stylesheet\" href=\"/static/vendor/leaflet/leaflet.css\">"));
  EXPECT_TRUE(Has(html, "<noscript>"));
  EXPECT_TRUE(Has(html, "<caption>Members you can see, by country and role."));
}

TEST_P(MapPagesTest, AllConditionsMapShowsItsHeadingAndFilters) {
  TestServer server(database_);
  HttpResult page = server.Get("/map");
  ASSERT_EQ(page.status, 200u) << page.body;
  EXPECT_TRUE(Has(page.body, "<h1 id=\"map-title\">Community map</h1>"));
  EXPECT_TRUE(Has(page.body, "<title>Community map · DiseaseMaps</title>"));
  EXPECT_TRUE(Has(page.body, "data-condition=\"\""));
  EXPECT_TRUE(Has(page.body, "<a href=\"/map\" aria-current=\"page\">Community map</a>"));  // header
  ExpectFiltersAndScripts(page.body);
}

TEST_P(MapPagesTest, ConditionMapShowsTheConditionAndFilters) {
  TestServer server(database_);
  HttpResult page = server.Get("/conditions/opsoclonus-myoclonus-syndrome/map");
  ASSERT_EQ(page.status, 200u) << page.body;
  EXPECT_TRUE(Has(page.body, "<h1 id=\"map-title\">Community map: Opsoclonus-myoclonus syndrome</h1>"));
  EXPECT_TRUE(Has(page.body, "data-condition=\"1183\""));
  EXPECT_TRUE(Has(page.body, "role=\"status\">No members yet</p>"));  // the totals, before any script
  EXPECT_TRUE(Has(page.body, "<a href=\"/map\">Community map</a>"));  // header, not this page
  EXPECT_TRUE(Has(page.body, "<a href=\"/conditions/opsoclonus-myoclonus-syndrome\">Opsoclonus-myoclonus syndrome</a>"));
  EXPECT_TRUE(Has(page.body, "<link rel=\"canonical\" href=\"/conditions/opsoclonus-myoclonus-syndrome/map\">"));
  ExpectFiltersAndScripts(page.body);
}

// Issue 16: /map has a condition chooser: a labelled search box whose suggestions (the
// suggest API's) open the chosen condition's map; without script it searches.
TEST_P(MapPagesTest, TheMapHasAConditionChooserThatOpensAConditionsMap) {
  TestServer server(database_);
  HttpResult all = server.Get("/map");
  ASSERT_EQ(all.status, 200u);
  EXPECT_TRUE(Has(all.body, "<label id=\"map-chooser-label\" for=\"map-condition\">Show the map of one condition</label>"));
  EXPECT_TRUE(Has(all.body, "data-suggest data-suggest-then=\"/map\""));
  EXPECT_TRUE(Has(all.body, "action=\"/search\""));
  EXPECT_FALSE(Has(all.body, "Show every condition"));
  // What the chooser offers: the suggest API's conditions, whose address + "/map" is the map.
  HttpResult suggest = server.Get("/api/v1/suggest?q=opsoclonus");
  ASSERT_EQ(suggest.status, 200u);
  const auto body = nlohmann::json::parse(suggest.body);
  ASSERT_FALSE(body["suggestions"].empty()) << suggest.body;
  const std::string url = body["suggestions"][0]["url"];
  EXPECT_EQ(url, "/conditions/opsoclonus-myoclonus-syndrome");
  EXPECT_EQ(server.Get(url + "/map").status, 200u);
  // On a condition's map the chooser is there too, with a way back to every condition.
  HttpResult one = server.Get("/conditions/opsoclonus-myoclonus-syndrome/map");
  EXPECT_TRUE(Has(one.body, "placeholder=\"Opsoclonus-myoclonus syndrome\""));
  EXPECT_TRUE(Has(one.body, "<a href=\"/map\">Show every condition"));
}

TEST_P(MapPagesTest, OtherAddressesOfAConditionRedirectToItsMap) {
  TestServer server(database_);
  HttpResult by_synonym = server.Get("/conditions/kinsbourne-syndrome/map");
  EXPECT_EQ(by_synonym.status, 301u);
  EXPECT_EQ(by_synonym.Header("location"), "/conditions/opsoclonus-myoclonus-syndrome/map");
  HttpResult by_case = server.Get("/conditions/Opsoclonus-Myoclonus-Syndrome/map");
  EXPECT_EQ(by_case.status, 301u);
  EXPECT_EQ(by_case.Header("location"), "/conditions/opsoclonus-myoclonus-syndrome/map");
}

TEST_P(MapPagesTest, UnknownConditionIsTheSitesNotFoundPage) {
  TestServer server(database_);
  for (const char* path : {"/conditions/no-such-condition/map", "/conditions/bad%20slug!/map"}) {
    HttpResult page = server.Get(path);
    EXPECT_EQ(page.status, 404u) << path;
    EXPECT_TRUE(Has(page.body, "there is no map of its community")) << path;
    EXPECT_TRUE(Has(page.body, "id=\"error-title\"")) << path;
  }
}

TEST_P(MapPagesTest, TheMapsLibrariesAreServedFromTheStaticTree) {
  TestServer server(database_);
  HttpResult leaflet = server.Get("/static/vendor/leaflet/leaflet-src.esm.js");
  ASSERT_EQ(leaflet.status, 200u);
  EXPECT_TRUE(Has(leaflet.Header("content-type"), "text/javascript"));
  EXPECT_TRUE(Has(leaflet.body, "export {"));
  HttpResult css = server.Get("/static/vendor/leaflet/leaflet.css");
  ASSERT_EQ(css.status, 200u);
  EXPECT_TRUE(Has(css.Header("content-type"), "text/css"));
  HttpResult countries = server.Get("/static/vendor/world-atlas/countries-110m.json");
  ASSERT_EQ(countries.status, 200u);
  EXPECT_TRUE(Has(countries.body, "\"type\":\"Topology\""));
  EXPECT_EQ(server.Get("/static/vendor/topojson-client/index.js").status, 200u);
  EXPECT_EQ(server.Get("/static/vendor/topojson-client/feature.js").status, 200u);
  EXPECT_EQ(server.Get("/static/vendor/leaflet/LICENSE.txt").status, 200u);
  EXPECT_EQ(server.Get("/static/js/map.js").status, 200u);
  EXPECT_EQ(server.Get("/static/css/map.css").status, 200u);
}

INSTANTIATE_TEST_SUITE_P(Backends, MapPagesTest, ::testing::ValuesIn(AllBackends()), Backends);

}  // namespace
}  // namespace diseasemaps::testing
