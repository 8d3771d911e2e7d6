// A condition page's first screen (catalog/condition_first_screen.h) end to end, on
// both databases, with real ORPHApackets: the reviewed summary replaces the compiled
// one only once a reviewer approved it; a group lists its subtypes first, each with its
// own rarity; "What you can do next" asks only what the facts support.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "articles/answer_store.h"
#include "test_server.h"

namespace diseasemaps::testing {
namespace {

namespace fs = std::filesystem;
using articles::Actor;
using articles::AnswerContent;
using articles::AnswerStore;
using articles::NewAnswer;
using articles::Reviewer;

fs::path PacketDirectory() {
  const char* shared = std::getenv("DISEASEMAPS_SHARED_DATA");
  return fs::path(shared != nullptr ? shared : DISEASEMAPS_SHARED_DATA) / "orphanet" / "orphapackets";
}

bool Has(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

class FirstScreenTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    ASSERT_TRUE(fs::exists(PacketDirectory())) << PacketDirectory() << " is missing";
    const fs::path folder = database_.directory() / "packets";
    fs::create_directories(folder);
    // OMS; Marfan syndrome (inherited, FBN1); the Ehlers-Danlos group and three types.
    for (int code : {1183, 558, 98249, 287, 285, 286}) {
      const std::string file = "ORPHApacket_" + std::to_string(code) + ".json";
      fs::copy_file(PacketDirectory() / file, folder / file);
    }
    auto [code, output] = RunBinary({"--database", database_.url(), "import", "orphanet", folder.string()});
    ASSERT_EQ(code, 0) << output;
  }

  long long ConditionId(int orphacode) {
    return QueryNumber(database_.db(), "SELECT id FROM conditions WHERE orphacode = " + std::to_string(orphacode));
  }

  TestDatabase database_{GetParam()};
};

std::string Backends(const ::testing::TestParamInfo<Backend>& info) { return BackendName(info.param); }

TEST_P(FirstScreenTest, TheReviewedSummaryReplacesTheCompiledOneOnlyOnceApproved) {
  AnswerStore store(database_.db(), [] { return 1775520000LL; });
  auto answer = store.Create(NewAnswer{ConditionId(1183), "summary", 0,
                                       AnswerContent{"What is opsoclonus-myoclonus syndrome?",
                                                     "A rare illness in which the immune system attacks the brain.",
                                                     "## More\n\nIt affects balance and eye movements.\n"},
                                       Actor{std::nullopt, "Alex Editor"}, /*submit=*/true});
  ASSERT_TRUE(answer.ok()) << answer.status().message();
  {
    TestServer server(database_);
    const std::string page = server.Get("/conditions/opsoclonus-myoclonus-syndrome").body;
    EXPECT_TRUE(Has(page, "Compiled by DiseaseMaps from Orphanet data")) << "a draft is not a reviewed summary";
    EXPECT_TRUE(Has(page, "Editorial draft — not yet medically reviewed"));
  }
  auto versions = store.Versions(answer->id);
  ASSERT_TRUE(versions.ok());
  ASSERT_TRUE(store.Approve(versions->front().id, Reviewer{std::nullopt, "Dr Jane Doe", "MD"}).ok());
  TestServer server(database_);
  const std::string page = server.Get("/conditions/opsoclonus-myoclonus-syndrome").body;
  const std::size_t summary = page.find("<p class=\"summary-text\">A rare illness in which the immune system");
  ASSERT_NE(summary, std::string::npos) << page;
  EXPECT_LT(summary, page.find("Also known as:"));
  EXPECT_TRUE(Has(page, "Medically reviewed by Dr Jane Doe"));
  EXPECT_FALSE(Has(page, "Compiled by DiseaseMaps from Orphanet data"));
  const std::size_t again = page.find("A rare illness in which", summary + 40);
  EXPECT_EQ(again, std::string::npos) << "shown once, not again below: " << page.substr(again == std::string::npos ? 0 : again - 300, 400);
}

TEST_P(FirstScreenTest, AGroupListsItsSubtypesFirstEachWithItsOwnRarity) {
  TestServer server(database_);
  const HttpResult page = server.Get("/conditions/ehlers-danlos-syndrome");
  ASSERT_EQ(page.status, 200u);
  const std::string& html = page.body;
  const std::size_t types = html.find("<h2 id=\"subtypes-title\">Types of Ehlers-Danlos syndrome</h2>");
  ASSERT_NE(types, std::string::npos) << html;
  EXPECT_LT(types, html.find("id=\"answers-title\""));
  const std::size_t hypermobile = html.find(">Hypermobile Ehlers-Danlos syndrome</a>", types);
  ASSERT_NE(hypermobile, std::string::npos);
  EXPECT_TRUE(Has(html.substr(hypermobile, 120), "— about 1 to 5 in 10,000 people")) << html.substr(hypermobile, 120);
  const std::size_t vascular = html.find(">Vascular Ehlers-Danlos syndrome</a>", types);
  ASSERT_NE(vascular, std::string::npos);
  EXPECT_TRUE(Has(html.substr(vascular, 120), "— about 1 to 9 in 100,000 people")) << html.substr(vascular, 120);
  EXPECT_FALSE(Has(html, "<h3>Types and subtypes</h3>")) << "listed once";
  // A page that is not a group keeps its subtypes under related conditions, with rarity.
  const std::string marfan = server.Get("/conditions/marfan-syndrome").body;
  EXPECT_FALSE(Has(marfan, "subtypes-title"));
}

TEST_P(FirstScreenTest, NextStepsAskOnlyWhatTheFactsSupport) {
  TestServer server(database_);
  const std::string oms = server.Get("/conditions/opsoclonus-myoclonus-syndrome").body;
  const std::size_t box = oms.find("<h2 id=\"next-title\">What you can do next</h2>");
  ASSERT_NE(box, std::string::npos);
  EXPECT_LT(box, oms.find("id=\"answers-title\"")) << "near the top";
  EXPECT_TRUE(Has(oms, "href=\"https://www.orpha.net/en/disease/detail/1183\">Expert centres and patient organisations"));
  EXPECT_TRUE(Has(oms, "href=\"/conditions/opsoclonus-myoclonus-syndrome/map\">Find others on the community map"));
  EXPECT_TRUE(Has(oms, "Which tests confirm Opsoclonus-myoclonus syndrome, and where are they done?"));
  EXPECT_TRUE(Has(oms, "Which check-ups for the tumours that can come with it are advised"));  // neuroblastoma
  EXPECT_FALSE(Has(oms, "genetic counselling")) << "OMS is not inherited";
  const std::string marfan = server.Get("/conditions/marfan-syndrome").body;
  EXPECT_TRUE(Has(marfan, "Would genetic counselling help our family"));
  EXPECT_FALSE(Has(marfan, "check-ups for the tumours"));
  const std::string group = server.Get("/conditions/ehlers-danlos-syndrome").body;
  EXPECT_TRUE(Has(group, "Which type of Ehlers-Danlos syndrome is it, and how can we find out?"));
}

INSTANTIATE_TEST_SUITE_P(Backends, FirstScreenTest, ::testing::ValuesIn(AllBackends()), Backends);

}  // namespace
}  // namespace diseasemaps::testing
