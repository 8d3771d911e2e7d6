// Search end to end: the real binary, on SQLite and PostgreSQL.
//
// SearchCatalogue imports the full catalogue from ../shared/data once per backend (a
// fixture shared by the suite's tests, kept for the process) and asks the server the
// kinds of questions people ask. CTest runs that suite as one entry
// (integration.SearchCatalogue, tests/CMakeLists.txt) so the import happens twice per
// run, not once per test. SearchUpdates works on a handful of conditions and shows that
// changes reach search without a reindex, in every server on the database.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <thread>

#include <nlohmann/json.hpp>

#include "articles/answer_store.h"
#include "test_server.h"

namespace diseasemaps::testing {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

fs::path SharedData() {
  const char* shared = std::getenv("DISEASEMAPS_SHARED_DATA");
  return shared != nullptr ? fs::path(shared) : fs::path(DISEASEMAPS_SHARED_DATA);
}
fs::path AllPackets() { return SharedData() / "orphanet" / "orphapackets"; }

bool Has(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

std::string Encode(const std::string& s) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c)) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

json SearchJson(TestServer& server, const std::string& query, int page = 1) {
  HttpResult r = server.Get("/api/v1/search?q=" + Encode(query) + (page > 1 ? "&page=" + std::to_string(page) : ""));
  EXPECT_EQ(r.status, 200u) << query << ": " << r.body;
  return json::parse(r.body, nullptr, false);
}

std::vector<int> Codes(const json& body) {
  std::vector<int> out;
  if (body.is_object() && body.contains("results")) {
    for (const json& hit : body["results"]) out.push_back(hit["orphacode"].get<int>());
  }
  return out;
}

int RankOf(const std::vector<int>& codes, int orphacode) {
  for (std::size_t i = 0; i < codes.size(); ++i) {
    if (codes[i] == orphacode) return static_cast<int>(i) + 1;
  }
  return 0;
}

std::string Backends(const ::testing::TestParamInfo<Backend>& info) { return BackendName(info.param); }

// ----------------------------------------------------------------------------------
// The full catalogue, imported once per backend.

struct Catalogue {
  std::unique_ptr<TestDatabase> database;
  std::unique_ptr<TestServer> server;
};

class SearchCatalogue : public ::testing::TestWithParam<Backend> {
 protected:
  static std::map<Backend, Catalogue>& Shared() {
    static std::map<Backend, Catalogue> shared;
    return shared;
  }
  static void TearDownTestSuite() { Shared().clear(); }

  void SetUp() override {
    ASSERT_TRUE(fs::is_directory(AllPackets())) << AllPackets() << " is missing";
    Catalogue& c = Shared()[GetParam()];
    if (!c.database) {
      c.database = std::make_unique<TestDatabase>(GetParam());
      auto [code, output] = RunBinary({"--database", c.database->url(), "import", "orphanet", AllPackets().string(),
                                       "--mondo", (SharedData() / "mondo").string(), "--hpo-lay",
                                       (SharedData() / "hpo" / "layperson-synonyms.tsv").string()});
      ASSERT_EQ(code, 0) << output;
      c.server = std::make_unique<TestServer>(*c.database);
    }
    ASSERT_TRUE(c.server && c.server->started()) << (c.server ? c.server->Log() : "no server");
    server_ = c.server.get();
  }

  TestServer* server_ = nullptr;
};

struct Expectation {
  const char* query;
  int orphacode;
  const char* kind;  // the JSON "kind": code, text or features
};

// Representative queries of every kind, each with the condition a person means.
const Expectation kQueries[] = {
    {"opsoclonus myoclonus", 1183, "text"},     {"OPSOCLONUS-MYOCLONUS SYNDROME", 1183, "text"},
    {"Kinsbourne syndrome", 1183, "text"},      {"dancing eye syndrome", 1183, "text"},
    {"dancing eyes", 1183, "text"},             {"OMS", 1183, "text"},
    {"CF", 586, "text"},                        {"MFS", 558, "text"},
    {"opsoclonus myoclonis", 1183, "text"},     {"kinsborne", 1183, "text"},
    {"marfans", 558, "text"},                   {"cistic fibrosis", 586, "text"},
    {"Guillain-Barré syndrome", 2103, "text"},  {"guillain barre", 2103, "text"},
    {"Möbius syndrome", 570, "text"},           {"Huntington's disease", 399, "text"},
    {"ORPHA:1183", 1183, "code"},               {"Orphanet_1183", 1183, "code"},
    {"orpha 1183", 1183, "code"},               {"OMIM:154700", 558, "code"},
    {"MeSH D053578", 1183, "code"},             {"Q87.4", 558, "code"},
    {"E84", 586, "code"},                       {"MONDO:0007739", 399, "code"},
    {"spider fingers thin build pigeon chest stretch marks", 558, "features"},
    {"kinked hair seizures low muscle tone", 565, "features"},
};

TEST_P(SearchCatalogue, RepresentativeQueriesFindTheConditionInTheFirstThree) {
  for (const Expectation& e : kQueries) {
    SCOPED_TRACE(e.query);
    const json body = SearchJson(*server_, e.query);
    ASSERT_TRUE(body.is_object());
    EXPECT_EQ(body["kind"], e.kind);
    const int rank = RankOf(Codes(body), e.orphacode);
    EXPECT_GE(rank, 1) << body.dump().substr(0, 600);
    EXPECT_LE(rank, 3) << body.dump().substr(0, 600);
  }
}

TEST_P(SearchCatalogue, TyposAreCorrectedAndSaidSo) {
  const json body = SearchJson(*server_, "opsoclonus myoclonis");
  EXPECT_EQ(body["did_you_mean"], "opsoclonus myoclonus");
  EXPECT_EQ(SearchJson(*server_, "opsoclonus myoclonus")["did_you_mean"], "");
  const HttpResult page = server_->Get("/search?q=kinsborne");
  EXPECT_EQ(page.status, 200u);
  EXPECT_TRUE(Has(page.body, "Did you mean <a href=\"/search?q=kinsbourne\">kinsbourne</a>?")) << page.body;
  EXPECT_TRUE(Has(page.body, "Also called: <mark>Kinsbourne</mark> syndrome")) << page.body;
}

TEST_P(SearchCatalogue, PlainLanguageFeaturesComeWithANotDiagnosisLine) {
  const json body = SearchJson(*server_, "jerky movements and unsteady walking");
  EXPECT_EQ(body["kind"], "features");
  EXPECT_GT(body["total"].get<int>(), 0);
  EXPECT_TRUE(Has(body["notice"].get<std::string>(), "not a diagnosis"));
  // The README's example: Orphanet names OMS's signs only clinically (ataxia,
  // myoclonus); our plain sign labels (catalog/plain_sign_labels.h) reach them.
  const int oms = RankOf(Codes(body), 1183);
  EXPECT_GE(oms, 1);
  EXPECT_LE(oms, 10) << body.dump();
  const HttpResult page = server_->Get("/search?q=jerky+movements+and+unsteady+walking");
  EXPECT_TRUE(Has(page.body, "Conditions that include these features")) << page.body;
  EXPECT_TRUE(Has(page.body, "This is not a diagnosis")) << page.body;
  EXPECT_TRUE(Has(page.body, "Unsteady walk")) << page.body;
}

TEST_P(SearchCatalogue, ResultsPageHighlightsAndPages) {
  const HttpResult page = server_->Get("/search?q=opsoclonus");
  EXPECT_EQ(page.status, 200u);
  EXPECT_TRUE(Has(page.body, "<a href=\"/conditions/opsoclonus-myoclonus-syndrome\">Opsoclonus-myoclonus syndrome</a>"))
      << page.body;
  EXPECT_TRUE(Has(page.body, "<mark>Opsoclonus</mark>")) << page.body;
  const json first = SearchJson(*server_, "syndrome"), second = SearchJson(*server_, "syndrome", 2);
  EXPECT_EQ(Codes(first).size(), 10u);
  EXPECT_EQ(Codes(second).size(), 10u);
  EXPECT_NE(Codes(first), Codes(second));
  EXPECT_TRUE(Has(server_->Get("/search?q=syndrome").body, "rel=\"next\" href=\"/search?q=syndrome&amp;page=2\""));
}

TEST_P(SearchCatalogue, APagePastTheEndIsEmptyWithAWayBack) {
  const HttpResult page = server_->Get("/search?q=ORPHA%3A1183&page=7");
  EXPECT_EQ(page.status, 200u);
  EXPECT_TRUE(Has(page.body, "There are no more results")) << page.body;
  EXPECT_TRUE(Has(page.body, "href=\"/search?q=ORPHA%3A1183\"")) << page.body;
  const json body = SearchJson(*server_, "ORPHA:1183", 7);
  EXPECT_TRUE(body["results"].empty());
  EXPECT_EQ(body["total"], 1);
}

TEST_P(SearchCatalogue, AnEmptyQueryExplainsHowToSearch) {
  for (const char* target : {"/search", "/search?q=", "/search?q=+++", "/search?q=%22%22"}) {
    SCOPED_TRACE(target);
    const HttpResult page = server_->Get(target);
    EXPECT_EQ(page.status, 200u);
    EXPECT_TRUE(Has(page.body, "How to search")) << page.body;
  }
}

TEST_P(SearchCatalogue, BadInputIsPlainTextNeverAServerError) {
  const std::vector<std::string> targets = {
      "/search?q=" + std::string(1500, 'a'),
      "/search?q=" + Encode(std::string(300, 'x') + " cystic fibrosis"),
      "/search?q=cystic%01%02%7Ffibrosis",
      "/search?q=%FF%FEcystic%C3",
      "/search?q=%22unbalanced+quotes",
      "/search?q=title%3Afoo+AND+%28bar+OR+NOT+baz*%29+NEAR%2F3+%2Bx+-y",
      "/search?q=%00",
      "/api/v1/search?q=" + std::string(1500, 'b'),
      "/api/v1/search?q=%FF%FE",
      "/api/v1/search?q=a%22b%5C%27",
      "/api/v1/suggest?q=%FF%FE%01",
      "/api/v1/suggest?q=" + std::string(2000, 'k'),
      "/api/v1/suggest?q=%22OR%22",
  };
  for (const std::string& target : targets) {
    SCOPED_TRACE(target.substr(0, 80));
    const HttpResult r = server_->Get(target);
    EXPECT_LT(r.status, 500u) << r.body;
    EXPECT_NE(r.status, 0u);
  }
  const HttpResult cut = server_->Get("/api/v1/search?q=" + std::string(1500, 'a'));
  ASSERT_EQ(cut.status, 200u);
  EXPECT_EQ(json::parse(cut.body)["cut"], true);
  EXPECT_TRUE(Has(server_->Get("/search?q=" + std::string(1500, 'a')).body, "only its first 200 characters"));
  // A bad page number is refused, with a message a person can act on.
  EXPECT_EQ(server_->Get("/search?q=cf&page=abc").status, 400u);
  EXPECT_EQ(server_->Get("/api/v1/search?q=cf&page=0").status, 400u);
  EXPECT_EQ(server_->Get("/api/v1/search?q=cf&page=1001").status, 400u);
  const std::string log = server_->Log();
  EXPECT_FALSE(Has(log, "exception")) << log.substr(log.size() > 3000 ? log.size() - 3000 : 0);
  EXPECT_FALSE(Has(log, " error ")) << log.substr(log.size() > 3000 ? log.size() - 3000 : 0);
}

TEST_P(SearchCatalogue, SuggestOffersNamesSynonymsAndCodesByPrefix) {
  auto suggest = [&](const std::string& q) {
    const HttpResult r = server_->Get("/api/v1/suggest?q=" + Encode(q));
    EXPECT_EQ(r.status, 200u);
    return json::parse(r.body, nullptr, false)["suggestions"];
  };
  const json marfan = suggest("marf");
  ASSERT_FALSE(marfan.empty());
  EXPECT_LE(marfan.size(), 8u);
  EXPECT_EQ(marfan[0]["orphacode"], 558);
  const json kinsbourne = suggest("Kinsb");
  ASSERT_FALSE(kinsbourne.empty());
  EXPECT_EQ(kinsbourne[0]["orphacode"], 1183);
  EXPECT_EQ(kinsbourne[0]["label"], "Kinsbourne syndrome");
  const json code = suggest("ORPHA:118");
  ASSERT_FALSE(code.empty());
  EXPECT_EQ(code[0]["label"], "ORPHA:118");
  EXPECT_EQ(suggest("").size(), 0u);
  EXPECT_EQ(suggest("qqqqzzzz").size(), 0u);
  // An abbreviation typed whole comes before a name it merely starts.
  const json oms = suggest("OMS");
  ASSERT_GE(oms.size(), 2u);
  EXPECT_EQ(oms[0]["orphacode"], 1183) << oms.dump();
  // Words no name starts with: a plural and a typo are forgiven.
  const json dancing = suggest("dancing eyes");
  ASSERT_FALSE(dancing.empty());
  EXPECT_EQ(dancing[0]["orphacode"], 1183) << dancing.dump();
  const json typo = suggest("marfn syndrom");
  ASSERT_FALSE(typo.empty());
  EXPECT_EQ(typo[0]["orphacode"], 558) << typo.dump();
}

TEST_P(SearchCatalogue, AGroupComesBeforeItsSubtypes) {
  for (const auto& [query, group] : std::vector<std::pair<std::string, int>>{
           {"ehlers danlos", 98249}, {"tay sachs", 845}, {"osteogenesis imperfecta", 666}}) {
    const json body = SearchJson(*server_, query);
    ASSERT_FALSE(body["results"].empty()) << query;
    EXPECT_EQ(body["results"][0]["orphacode"], group) << query << ": " << body.dump().substr(0, 600);
  }
}

TEST_P(SearchCatalogue, TheNotFoundPageOffersTheSameSearchBox) {
  const HttpResult page = server_->Get("/no/such/page");
  EXPECT_EQ(page.status, 404u);
  EXPECT_TRUE(Has(page.body, "action=\"/search\"")) << page.body;
  EXPECT_TRUE(Has(page.body, "id=\"notfound-q\" name=\"q\" type=\"search\"")) << page.body;
  EXPECT_TRUE(Has(page.body, "data-suggest")) << page.body;
  EXPECT_TRUE(Has(page.body, "/static/js/search-box.js")) << page.body;
}

INSTANTIATE_TEST_SUITE_P(Backends, SearchCatalogue, ::testing::ValuesIn(AllBackends()), Backends);

// ----------------------------------------------------------------------------------
// Changes reach every server's index without a reindex.

const std::vector<int> kHandful = {1183, 558, 586};

class SearchUpdates : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    ASSERT_TRUE(fs::is_directory(AllPackets())) << AllPackets() << " is missing";
    packets_ = database_.directory() / "packets";
    fs::create_directories(packets_);
    for (int code : kHandful) {
      const std::string file = "ORPHApacket_" + std::to_string(code) + ".json";
      fs::copy_file(AllPackets() / file, packets_ / file);
    }
    Import();
  }

  void Import() {
    auto [code, output] = RunBinary({"--database", database_.url(), "import", "orphanet", packets_.string()});
    ASSERT_EQ(code, 0) << output;
  }

  // Polls until `query` finds `orphacode` (or not), for up to 20 s.
  bool EventuallyFinds(TestServer& server, const std::string& query, int orphacode, bool wanted = true) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (std::chrono::steady_clock::now() < deadline) {
      const HttpResult r = server.Get("/api/v1/search?q=" + Encode(query));
      if (r.status == 200 && (RankOf(Codes(json::parse(r.body, nullptr, false)), orphacode) > 0) == wanted) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
  }

  long long ConditionId(int orphacode) {
    auto id = database_.db().Run([&](soci::session& sql) {
      long long value = 0;
      sql << "SELECT id FROM conditions WHERE orphacode = :code", soci::use(orphacode), soci::into(value);
      return value;
    });
    return id.ok() ? *id : 0;
  }

  TestDatabase database_{GetParam()};
  fs::path packets_;
};

TEST_P(SearchUpdates, APublishedAnswerReachesEveryServerWithoutAReindex) {
  TestServer one(database_, {"--cache-check-interval", "0.1"});
  TestServer two(database_, {"--cache-check-interval", "0.1", "--search-index",
                             (database_.directory() / "second-index").string()});
  ASSERT_TRUE(one.started()) << one.Log();
  ASSERT_TRUE(two.started()) << two.Log();
  EXPECT_TRUE(SearchJson(one, "quokkaphobia")["results"].empty());

  articles::AnswerStore store(database_.db());
  auto answer = store.Create({ConditionId(1183), "quokka", 9,
                              {"Is quokkaphobia part of it?", "No.", "Quokkaphobia is not a feature."},
                              {std::nullopt, "Alex Editor"}, true});
  ASSERT_TRUE(answer.ok()) << answer.status().message();
  EXPECT_TRUE(SearchJson(one, "quokkaphobia")["results"].empty()) << "submitted is not published";
  auto versions = store.Versions(answer->id);
  ASSERT_TRUE(versions.ok());
  auto approved = store.Approve(versions->front().id, {std::nullopt, "Dr Jane Doe", "MD"});
  ASSERT_TRUE(approved.ok()) << approved.status().message();

  EXPECT_TRUE(EventuallyFinds(one, "quokkaphobia", 1183)) << one.Log();
  EXPECT_TRUE(EventuallyFinds(two, "quokkaphobia", 1183)) << two.Log();
}

TEST_P(SearchUpdates, ARenamedConditionIsFoundByItsNewNameWithoutAReindex) {
  TestServer server(database_, {"--cache-check-interval", "0.1"});
  ASSERT_TRUE(server.started()) << server.Log();
  EXPECT_TRUE(SearchJson(server, "zebrafinch")["results"].empty());
  // A newer Orphanet release renames cystic fibrosis.
  const fs::path file = packets_ / "ORPHApacket_586.json";
  std::ifstream in(file);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  in.close();
  const std::string from = "\"Label\": \"Cystic fibrosis\"";
  ASSERT_NE(text.find(from), std::string::npos);
  text.replace(text.find(from), from.size(), "\"Label\": \"Cystic fibrosis zebrafinch variant\"");
  std::ofstream(file) << text;
  Import();
  EXPECT_TRUE(EventuallyFinds(server, "zebrafinch", 586)) << server.Log();
  EXPECT_TRUE(Has(server.Log(), "search: updated")) << server.Log();
}

TEST_P(SearchUpdates, ReindexRebuildsAndAStaleOrCorruptIndexIsRebuiltAtStart) {
  const fs::path index = database_.directory() / "own-index";
  auto [code, output] = RunBinary({"--database", database_.url(), "reindex", "--search-index", index.string()});
  ASSERT_EQ(code, 0) << output;
  EXPECT_TRUE(Has(output, "reindexed 3 conditions")) << output;
  // Corrupt every file of the index: the server says so, rebuilds, and serves.
  for (const auto& entry : fs::directory_iterator(index)) {
    if (entry.is_regular_file()) std::ofstream(entry.path(), std::ios::trunc) << "not a xapian table";
  }
  TestServer server(database_, {"--search-index", index.string()});
  ASSERT_TRUE(server.started()) << server.Log();
  EXPECT_TRUE(Has(server.Log(), "will be rebuilt")) << server.Log();
  EXPECT_TRUE(EventuallyFinds(server, "kinsbourne", 1183)) << server.Log();
  // While a server holds the index, reindex asks every server to rebuild instead.
  auto [busy_code, busy] = RunBinary({"--database", database_.url(), "reindex", "--search-index", index.string()});
  EXPECT_EQ(busy_code, 0) << busy;
  EXPECT_TRUE(Has(busy, "asked every server")) << busy;
}

TEST_P(SearchUpdates, AMissingIndexIsBuiltAtStart) {
  const fs::path index = database_.directory() / "new-index";
  ASSERT_FALSE(fs::exists(index));
  TestServer server(database_, {"--search-index", index.string()});
  ASSERT_TRUE(server.started()) << server.Log();
  EXPECT_TRUE(Has(server.Log(), "search: built the index")) << server.Log();
  EXPECT_TRUE(EventuallyFinds(server, "MFS", 558));
}

INSTANTIATE_TEST_SUITE_P(Backends, SearchUpdates, ::testing::ValuesIn(AllBackends()), Backends);

}  // namespace
}  // namespace diseasemaps::testing
