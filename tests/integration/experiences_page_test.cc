// /conditions/{slug}/experiences through the real binary, on SQLite and PostgreSQL: the
// charts and their tables above and below k, small numbers never shown, stories shown to
// whom their authors chose and always as text, the cache dropped on a change, and
// --experiences-min-cell for the page and the API alike.
#include <gtest/gtest.h>

#include <chrono>
#include <regex>
#include <thread>

#include <nlohmann/json.hpp>

#include "experiences/experience_store.h"
#include "test_server.h"

namespace diseasemaps::testing {
namespace {

using experiences::Consents;
using experiences::ExperienceStore;
using nlohmann::json;

constexpr int kOrphacode = 900016;
constexpr const char* kPage = "/conditions/pictured-syndrome-900016/experiences";
constexpr const char* kPassword = "correct horse battery staple";

std::string Backends(const ::testing::TestParamInfo<Backend>& info) { return BackendName(info.param); }

bool Has(const std::string& body, const std::string& text) { return body.find(text) != std::string::npos; }

// The <section> of one chart.
std::string Section(const std::string& body, const std::string& id) {
  const auto start = body.find("<section class=\"experience-chart\" id=\"chart-" + id + "\"");
  if (start == std::string::npos) return "";
  return body.substr(start, body.find("</section>", start) - start);
}

class ExperiencesPageTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    InsertCondition(database_.db(), kOrphacode, "Pictured syndrome");
    AddUser(database_, "carer@example.org", "Carer", {"member"}, kPassword);
    carer_ = UserIdOf(database_, "carer@example.org");
  }

  // Shares one experience with these steps' answers ({step: answers}) and consents.
  void Share(const json& steps, Consents consents = Consents{true, false, false}) {
    auto id = store_.Create(carer_, kOrphacode, experiences::Subject::kCaredFor, "child", 1);
    ASSERT_TRUE(id.ok()) << id.status().message();
    for (const auto& [step, answers] : steps.items()) {
      auto check = experiences::CheckStep(1, step, answers, {});
      ASSERT_TRUE(check.ok()) << step;
      ASSERT_TRUE(store_.SaveStep(carer_, *id, *check.step).ok());
    }
    ASSERT_TRUE(store_.Submit(carer_, *id, consents).ok());
  }

  TestDatabase database_{GetParam()};
  ExperienceStore store_{database_.db()};
  long long carer_ = 0;
};

TEST_P(ExperiencesPageTest, ChartsAndTablesShowOnlyWhatSuppressionAllows) {
  // Twelve: doctors seen 2_3 (5), 4_7 (6), 8_plus (1); onset given by three only (under k).
  for (int i = 0; i < 12; ++i) {
    json steps = {{"diagnosis", {{"doctors_seen", i < 5 ? "2_3" : i < 11 ? "4_7" : "8_plus"}}}};
    if (i < 3) steps["first_signs"] = {{"onset_age", "1_5"}};
    Share(steps);
    if (HasFatalFailure()) return;
  }
  TestServer server(database_);
  ASSERT_TRUE(server.started());
  HttpResult page = server.Get(kPage);
  ASSERT_EQ(page.status, 200u) << page.body;
  EXPECT_TRUE(Has(page.body, "People who shared: 12"));

  const std::string doctors = Section(page.body, "doctors_seen");
  ASSERT_FALSE(doctors.empty());
  EXPECT_TRUE(Has(doctors, "role=\"img\""));
  EXPECT_TRUE(Has(doctors, "aria-labelledby=\"chart-doctors_seen-svg-title chart-doctors_seen-svg-desc\""));
  EXPECT_TRUE(Has(doctors, "<title id=\"chart-doctors_seen-svg-title\">Doctors seen before the diagnosis</title>"));
  EXPECT_TRUE(Has(doctors, "<desc id="));
  EXPECT_TRUE(Has(doctors, "<caption>Doctors seen before the diagnosis</caption>"));
  EXPECT_TRUE(Has(doctors, "<th scope=\"col\">"));
  EXPECT_TRUE(Has(doctors, "<tr><th scope=\"row\">8 doctors or more</th><td class=\"number\">fewer than 5</td></tr>"));
  EXPECT_TRUE(Has(doctors, "<tr><th scope=\"row\">2 or 3 doctors</th><td class=\"number\">not shown</td></tr>"));
  // No bar for a suppressed count, and no count from 1 to 4 as a number.
  EXPECT_FALSE(Has(doctors, "class=\"chart-bar\"")) << doctors;
  EXPECT_FALSE(std::regex_search(doctors, std::regex(R"(>[1-4](\s\(\d+%\))?<)"))) << doctors;

  const std::string onset = Section(page.body, "onset_age");
  ASSERT_FALSE(onset.empty());
  EXPECT_FALSE(Has(onset, "<svg"));
  EXPECT_FALSE(Has(onset, "<table"));
  EXPECT_TRUE(Has(onset, "Fewer than 5 people have shared this part yet, so it is not shown."));
  EXPECT_FALSE(Has(page.body, "<script>"));

  // With k = 13 nothing is shown, on the page and in the API alike.
  server.Stop();
  TestServer strict(database_, {"--experiences-min-cell", "13"});
  ASSERT_TRUE(strict.started());
  const std::string strict_doctors = Section(strict.Get(kPage).body, "doctors_seen");
  EXPECT_FALSE(Has(strict_doctors, "<svg")) << strict_doctors;
  EXPECT_TRUE(Has(strict_doctors, "Fewer than 13 people"));
  const json api = json::parse(strict.Get("/api/v1/conditions/900016/experiences").body, nullptr, false);
  EXPECT_EQ(api["min_people"], 13);
  EXPECT_EQ(api["questions"]["doctors_seen"]["shown"], false);
}

TEST_P(ExperiencesPageTest, TheMinCellSettingIsRefusedBelowThree) {
  auto [code, output] = RunBinary({"--database", database_.url(), "serve", "--port", "0", "--experiences-min-cell", "2"});
  EXPECT_NE(code, 0);
  EXPECT_TRUE(Has(output, "--experiences-min-cell must be 3 or more")) << output;
}

TEST_P(ExperiencesPageTest, StoriesAreShownAsTheirAuthorsChoseAndAsText) {
  Share({{"story", {{"story", "<script>alert(1)</script> We waited <b>years</b>."}, {"story_visibility", "everyone"}}}},
        Consents{true, true, false});
  if (HasFatalFailure()) return;
  Share({{"story", {{"story", "Only for members to read."}, {"story_visibility", "members"}}}},
        Consents{true, true, false});
  if (HasFatalFailure()) return;
  Share({{"story", {{"story", "Kept to myself."}, {"story_visibility", "nobody"}}}}, Consents{true, true, false});
  if (HasFatalFailure()) return;
  Share({{"story", {{"story", "No consent to show it."}, {"story_visibility", "everyone"}}}},
        Consents{true, false, false});
  if (HasFatalFailure()) return;

  TestServer server(database_);
  ASSERT_TRUE(server.started());
  const std::string anonymous = server.Get(kPage).body;
  EXPECT_TRUE(Has(anonymous, "&lt;script&gt;alert(1)&lt;/script&gt; We waited &lt;b&gt;years&lt;/b&gt;."));
  EXPECT_FALSE(Has(anonymous, "<script>alert(1)"));
  EXPECT_FALSE(Has(anonymous, "<b>years</b>"));
  EXPECT_FALSE(Has(anonymous, "Only for members to read."));
  EXPECT_TRUE(Has(anonymous, "Some stories are shown to signed-in members only."));
  EXPECT_FALSE(Has(anonymous, "Kept to myself."));
  EXPECT_FALSE(Has(anonymous, "No consent to show it."));

  SignedIn member = SignIn(server, "carer@example.org", kPassword);
  HttpResult signed_in = server.Get(kPage, {{"Cookie", member.cookie}});
  ASSERT_EQ(signed_in.status, 200u);
  EXPECT_TRUE(Has(signed_in.body, "Only for members to read."));
  EXPECT_TRUE(Has(signed_in.body, "Shown to signed-in members only."));
  EXPECT_FALSE(Has(signed_in.body, "Kept to myself."));
  EXPECT_FALSE(Has(signed_in.body, "No consent to show it."));

  // A suspended author's stories are no longer shown (their answers still count).
  ASSERT_TRUE(database_.db().Run([&](soci::session& sql) {
    sql << "UPDATE users SET status = 'suspended' WHERE id = :id", soci::use(carer_);
    return Status::Ok();
  }).ok());
  TestServer after(database_);
  ASSERT_TRUE(after.started());
  const std::string suspended = after.Get(kPage).body;
  EXPECT_FALSE(Has(suspended, "We waited &lt;b&gt;years&lt;/b&gt;."));
  EXPECT_TRUE(Has(suspended, "People who shared: fewer than 5"));
}

TEST_P(ExperiencesPageTest, AChangeReachesTheCachedPage) {
  for (int i = 0; i < 5; ++i) {
    Share({{"diagnosis", {{"wrong_diagnoses", "yes"}}}});
    if (HasFatalFailure()) return;
  }
  TestServer server(database_, {"--cache-check-interval", "0.05"});
  ASSERT_TRUE(server.started());
  EXPECT_TRUE(Has(server.Get(kPage).body, "People who shared: 5"));
  EXPECT_TRUE(Has(server.Get(kPage).body, "People who shared: 5"));  // now from the cache
  Share({{"diagnosis", {{"wrong_diagnoses", "no"}}}});
  bool seen = false;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (!seen && std::chrono::steady_clock::now() < deadline) {
    seen = Has(server.Get(kPage).body, "People who shared: 6");
    if (!seen) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  EXPECT_TRUE(seen) << "the cached page was not dropped";
}

TEST_P(ExperiencesPageTest, AnUnknownConditionIsNotFound) {
  TestServer server(database_);
  ASSERT_TRUE(server.started());
  EXPECT_EQ(server.Get("/conditions/no-such-condition-1/experiences").status, 404u);
}

INSTANTIATE_TEST_SUITE_P(Backends, ExperiencesPageTest, ::testing::Values(Backend::kSqlite, Backend::kPostgresql),
                         Backends);

}  // namespace
}  // namespace diseasemaps::testing
