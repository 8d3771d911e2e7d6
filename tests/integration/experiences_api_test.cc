// /api/v1/conditions/{orphacode}/experiences through the real binary, on SQLite and
// PostgreSQL: the kept aggregates with small numbers suppressed, the k rule, bad codes,
// and a change shown at once (the cached answer is dropped).
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include <nlohmann/json.hpp>

#include "experiences/experience_store.h"
#include "test_server.h"

namespace diseasemaps::testing {
namespace {

using experiences::Consents;
using experiences::ExperienceStore;
using nlohmann::json;

constexpr int kOrphacode = 900015;
constexpr const char* kPath = "/api/v1/conditions/900015/experiences";

std::string Backends(const ::testing::TestParamInfo<Backend>& info) { return BackendName(info.param); }

class ExperiencesApiTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    InsertCondition(database_.db(), kOrphacode, "Charted syndrome");
    AddUser(database_, "carer@example.org", "Carer", {"member"}, "correct horse battery staple");
    carer_ = UserIdOf(database_, "carer@example.org");
  }

  // Shares an experience about someone the member cares for, with these "diagnosis"
  // answers, counted in the charts (a).
  void Share(const json& diagnosis) {
    auto id = store_.Create(carer_, kOrphacode, experiences::Subject::kCaredFor, "child", 1);
    ASSERT_TRUE(id.ok()) << id.status().message();
    auto check = experiences::CheckStep(1, "diagnosis", diagnosis, {});
    ASSERT_TRUE(check.ok());
    ASSERT_TRUE(store_.SaveStep(carer_, *id, *check.step).ok());
    ASSERT_TRUE(store_.Submit(carer_, *id, Consents{true, false, false}).ok());
  }

  json Fetch(TestServer& server) {
    HttpResult got = server.Get(kPath);
    EXPECT_EQ(got.status, 200u) << got.body;
    return json::parse(got.body, nullptr, false);
  }

  TestDatabase database_{GetParam()};
  ExperienceStore store_{database_.db()};
  long long carer_ = 0;
};

TEST_P(ExperiencesApiTest, SmallNumbersAreSuppressedAndTheKRuleHolds) {
  // Twelve experiences: doctors seen 2_3 (5), 4_7 (6), 8_plus (1); two answered about
  // wrong diagnoses.
  for (int i = 0; i < 12; ++i) {
    json diagnosis = {{"doctors_seen", i < 5 ? "2_3" : i < 11 ? "4_7" : "8_plus"}};
    if (i < 2) diagnosis["wrong_diagnoses"] = "yes";
    Share(diagnosis);
    if (HasFatalFailure()) return;
  }
  TestServer server(database_, {"--cache-check-interval", "0.05"});
  ASSERT_TRUE(server.started());
  const json body = Fetch(server);
  ASSERT_TRUE(body.is_object());
  EXPECT_EQ(body["orphacode"], kOrphacode);
  EXPECT_EQ(body["people"], json({{"count", 12}}));
  EXPECT_EQ(body["min_people"], 5);
  const json& doctors = body["questions"]["doctors_seen"];
  ASSERT_EQ(doctors["shown"], true) << doctors.dump();
  EXPECT_EQ(doctors["answered"], json({{"count", 12}}));
  // 8_plus is 1: "fewer than 5"; 12 - 5 - 6 would give it away, so 2_3 and 4_7 are
  // hidden too.
  const json expected = json::array({
      {{"answer", "1"}, {"people", {{"count", 0}}}, {"percent", 0}},
      {{"answer", "2_3"}, {"people", {{"hidden", true}}}},
      {{"answer", "4_7"}, {"people", {{"hidden", true}}}},
      {{"answer", "8_plus"}, {"people", {{"fewer_than", 5}}}},
  });
  EXPECT_EQ(doctors["cells"], expected) << doctors.dump();
  EXPECT_EQ(body["questions"]["wrong_diagnoses"], json({{"shown", false}, {"step", "diagnosis"}, {"kind", "choice"}}))
      << "two answers: fewer than k";
  EXPECT_EQ(body["questions"]["onset_age"]["shown"], false);
  EXPECT_EQ(body.dump().find("{\"count\":1}"), std::string::npos) << "no count of 1 anywhere";

  // One more is shared: the answer changes at once.
  Share({{"doctors_seen", "8_plus"}});
  bool seen = false;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (!seen && std::chrono::steady_clock::now() < deadline) {
    seen = Fetch(server)["people"] == json({{"count", 13}});
    if (!seen) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  EXPECT_TRUE(seen) << "the cached answer was not dropped";
}

TEST_P(ExperiencesApiTest, BadAndUnknownCodesAreRefused) {
  TestServer server(database_);
  ASSERT_TRUE(server.started());
  HttpResult bad = server.Get("/api/v1/conditions/abc/experiences");
  EXPECT_EQ(bad.status, 400u);
  EXPECT_NE(bad.body.find("\"error\""), std::string::npos) << bad.body;
  EXPECT_EQ(server.Get("/api/v1/conditions/999999/experiences").status, 404u);
  const json empty = Fetch(server);
  EXPECT_EQ(empty["people"], json({{"count", 0}}));
}

INSTANTIATE_TEST_SUITE_P(Backends, ExperiencesApiTest, ::testing::ValuesIn(AllBackends()), Backends);

}  // namespace
}  // namespace diseasemaps::testing
