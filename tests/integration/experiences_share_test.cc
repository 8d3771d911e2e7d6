// Sharing an experience through the real binary's forms, on SQLite and PostgreSQL: who
// may start one, every step saved as a draft, other signs resolved by name, the review
// and its consents never assumed, the charts counting it only with consent (a),
// withdrawing and deleting in one click, bad answers refused beside their field with
// nothing saved, another member's experience answered as missing, and CSRF.
#include <gtest/gtest.h>

#include <regex>

#include <nlohmann/json.hpp>

#include "experiences/experience_store.h"
#include "http/url.h"
#include "test_server.h"

namespace diseasemaps::testing {
namespace {

using experiences::Cell;
using experiences::ExperienceStore;
using nlohmann::json;

constexpr int kOrphacode = 900031;
constexpr int kOtherCondition = 900032;
constexpr const char* kCondition = "/conditions/sharing-syndrome-900031";
constexpr const char* kPassword = "correct horse battery staple";

std::string Backends(const ::testing::TestParamInfo<Backend>& info) { return BackendName(info.param); }

bool Has(const std::string& body, const std::string& text) { return body.find(text) != std::string::npos; }

class ExperiencesShareTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    InsertCondition(database_.db(), kOrphacode, "Sharing syndrome");
    InsertCondition(database_.db(), kOtherCondition, "Other syndrome");
    // The condition's own signs, and a sign only another condition has (an "other sign").
    auto added = database_.db().InTransaction([](soci::session& sql) {
      sql << "INSERT INTO condition_phenotypes (condition_id, hpo_id, hpo_term, frequency)"
             " SELECT id, 'HP:0001250', 'Seizure', 'Very frequent (99-80%)' FROM conditions WHERE orphacode = 900031";
      sql << "INSERT INTO condition_phenotypes (condition_id, hpo_id, hpo_term, frequency)"
             " SELECT id, 'HP:0001251', 'Ataxia', 'Frequent (79-30%)' FROM conditions WHERE orphacode = 900031";
      sql << "INSERT INTO condition_phenotypes (condition_id, hpo_id, hpo_term, frequency)"
             " SELECT id, 'HP:0011304', 'Broad thumb', 'Occasional (29-5%)' FROM conditions WHERE orphacode = 900032";
      sql << "INSERT INTO hpo_lay_labels (hpo_id, label) VALUES ('HP:0001251', 'Unsteady walking')";
      sql << "INSERT INTO hpo_lay_labels (hpo_id, label) VALUES ('HP:0011304', 'Wide thumb')";
      return Status::Ok();
    });
    ASSERT_TRUE(added.ok()) << added.message();
    AddUser(database_, "parent@example.org", "Parent", {"member"}, kPassword);
    AddUser(database_, "other@example.org", "Other", {"member"}, kPassword);
    parent_id_ = UserIdOf(database_, "parent@example.org");
  }

  // Joins the condition's community in that role.
  static void Join(TestServer& server, const SignedIn& who, const std::string& role) {
    ASSERT_EQ(PostAs(server, who, std::string(kCondition) + "/membership", "action=join&role=" + role).status, 303u);
  }

  // Starts an experience about a cared-for person; returns its address.
  static std::string Start(TestServer& server, const SignedIn& who) {
    HttpResult started = PostAs(server, who, std::string(kCondition) + "/experiences/share",
                                "subject=cared_for&label=" + http::PercentEncode("my son"));
    EXPECT_EQ(started.status, 303u) << started.body;
    const std::string location = started.Header("location");
    std::smatch m;
    EXPECT_TRUE(std::regex_match(location, m, std::regex(R"((/account/experiences/\d+)/steps/first_signs)")))
        << location;
    return m.size() > 1 ? m[1].str() : "";
  }

  long long Counted() {
    auto tally = store_.Aggregates(kOrphacode);
    EXPECT_TRUE(tally.ok());
    auto it = tally->find(experiences::kEveryoneCell);
    return it == tally->end() ? 0 : it->second;
  }

  TestDatabase database_{GetParam()};
  ExperienceStore store_{database_.db()};
  long long parent_id_ = 0;
};

TEST_P(ExperiencesShareTest, AMemberSharesStepByStepAndTheChartsCountItOnlyWithConsent) {
  TestServer server(database_);
  ASSERT_TRUE(server.started());
  SignedIn parent = SignIn(server, "parent@example.org", kPassword);
  Join(server, parent, "family");
  ASSERT_EQ(server.Get(std::string(kCondition) + "/experiences/share", {{"Cookie", parent.cookie}}).status, 200u);
  const std::string base = Start(server, parent);
  ASSERT_FALSE(base.empty());

  HttpResult first = server.Get(base + "/steps/first_signs", {{"Cookie", parent.cookie}});
  ASSERT_EQ(first.status, 200u);
  EXPECT_TRUE(Has(first.body, "Unsteady walking"));  // the condition's signs in plain words
  EXPECT_TRUE(Has(first.body, "Step 1 of 7"));
  HttpResult saved = PostAs(server, parent, base + "/steps/first_signs",
                            "onset_age=1_5&first_signs=HP%3A0001251&go=next");
  ASSERT_EQ(saved.status, 303u) << saved.body;
  EXPECT_EQ(saved.Header("location"), base + "/steps/diagnosis");
  ASSERT_EQ(PostAs(server, parent, base + "/steps/diagnosis",
                   "years_to_diagnosis=3&doctors_seen=4_7&wrong_diagnoses=yes&go=next")
                .status,
            303u);
  // An other sign by its lay label, typed in another case; the condition's own by row.
  ASSERT_EQ(PostAs(server, parent, base + "/steps/signs",
                   "phenotypes.HP%3A0001250=has&phenotypes.HP%3A0001251=not_sure&other_signs=wide+THUMB&"
                   "other_signs=&go=next")
                .status,
            303u);
  ASSERT_EQ(PostAs(server, parent, base + "/steps/treatments",
                   "treatments.0.name=IVIG&treatments.0.use=still_using&treatments.0.effect=a_lot&"
                   "treatments.1.name=&go=later")
                .status,
            303u);
  ASSERT_EQ(PostAs(server, parent, base + "/steps/story",
                   "story=" + http::PercentEncode("<b>Two years</b> of waiting.") + "&story_visibility=everyone&go=next")
                .status,
            303u);

  auto draft = store_.Mine(parent_id_);
  ASSERT_TRUE(draft.ok());
  ASSERT_EQ(draft->size(), 1u);
  const experiences::Experience& e = draft->front();
  EXPECT_FALSE(e.submitted_at.has_value());
  EXPECT_EQ(e.label, "my son");
  EXPECT_EQ(e.answers["signs"]["other_signs"], json::array({"HP:0011304"}));
  EXPECT_EQ(e.answers["signs"]["phenotypes"]["HP:0001250"], "has");
  EXPECT_EQ(e.answers["diagnosis"]["years_to_diagnosis"], 3);
  EXPECT_EQ(e.answers["treatments"]["treatments"].size(), 1u);
  EXPECT_EQ(Counted(), 0);  // a draft counts nowhere

  HttpResult review = server.Get(base + "/review", {{"Cookie", parent.cookie}});
  ASSERT_EQ(review.status, 200u);
  EXPECT_TRUE(Has(review.body, "Wide thumb"));
  EXPECT_TRUE(Has(review.body, "IVIG (Still using it; Helped a lot)"));
  EXPECT_TRUE(Has(review.body, "&lt;b&gt;Two years&lt;/b&gt; of waiting."));
  EXPECT_FALSE(Has(review.body, "<b>Two years</b>"));
  EXPECT_FALSE(Has(review.body, "checked"));  // no consent is ever pre-ticked

  // Shared with consent (b) and (c) only: it still counts in no chart.
  ASSERT_EQ(PostAs(server, parent, base + "/review", "consent_story=1&consent_research=1").status, 303u);
  EXPECT_EQ(Counted(), 0);
  const std::string id = base.substr(base.rfind('/') + 1);
  ASSERT_EQ(PostAs(server, parent, base + "/consents", "kind=charts&given=1").status, 303u);
  EXPECT_EQ(Counted(), 1);
  auto tally = store_.Aggregates(kOrphacode);
  EXPECT_EQ((*tally)[(Cell{"doctors_seen", "4_7"})], 1);
  EXPECT_EQ((*tally)[(Cell{"other_signs", "HP:0011304"})], 1);

  HttpResult mine = server.Get("/account/experiences", {{"Cookie", parent.cookie}});
  ASSERT_EQ(mine.status, 200u);
  EXPECT_TRUE(Has(mine.body, "About my son"));
  EXPECT_TRUE(Has(mine.body, "id=\"experience-" + id + "\""));
  HttpResult page = server.Get(std::string(kCondition) + "/experiences");
  EXPECT_TRUE(Has(page.body, "People who shared: fewer than 5")) << page.body.substr(0, 3000);

  // Withdrawing is one click and applies at once; so is deleting.
  ASSERT_EQ(PostAs(server, parent, base + "/withdraw", "").status, 303u);
  EXPECT_EQ(Counted(), 0);
  auto history = store_.ConsentHistory(parent_id_, std::stoll(id));
  ASSERT_TRUE(history.ok());
  // The review records all three as chosen, then charts given, then all three withdrawn.
  EXPECT_EQ(history->size(), 7u);
  ASSERT_EQ(PostAs(server, parent, base + "/consents", "kind=charts&given=1").status, 303u);
  EXPECT_EQ(Counted(), 1);
  EXPECT_EQ(server.Get(base + "/delete", {{"Cookie", parent.cookie}}).status, 200u);
  ASSERT_EQ(PostAs(server, parent, base + "/delete", "").status, 303u);
  EXPECT_EQ(Counted(), 0);
  EXPECT_EQ(store_.Mine(parent_id_)->size(), 0u);
}

TEST_P(ExperiencesShareTest, BadAnswersAreRefusedBesideTheirFieldAndNothingIsSaved) {
  TestServer server(database_);
  ASSERT_TRUE(server.started());
  SignedIn parent = SignIn(server, "parent@example.org", kPassword);
  Join(server, parent, "affected");
  const std::string base = Start(server, parent);
  ASSERT_FALSE(base.empty());

  HttpResult out_of_range = PostAs(server, parent, base + "/steps/diagnosis",
                                   "years_to_diagnosis=500&doctors_seen=4_7&go=next");
  EXPECT_EQ(out_of_range.status, 422u);
  EXPECT_TRUE(Has(out_of_range.body, "value=\"500\""));  // what was typed is kept
  EXPECT_TRUE(Has(out_of_range.body, "href=\"#q-years_to_diagnosis\""));
  HttpResult unknown_option = PostAs(server, parent, base + "/steps/diagnosis", "doctors_seen=99&go=next");
  EXPECT_EQ(unknown_option.status, 422u);
  HttpResult unknown_sign =
      PostAs(server, parent, base + "/steps/signs", "other_signs=" + http::PercentEncode("<i>Made-up sign</i>"));
  EXPECT_EQ(unknown_sign.status, 422u);
  EXPECT_TRUE(Has(unknown_sign.body, "We do not know the sign"));
  EXPECT_TRUE(Has(unknown_sign.body, "&lt;i&gt;Made-up sign&lt;/i&gt;"));
  EXPECT_FALSE(Has(unknown_sign.body, "<i>Made-up sign</i>"));
  HttpResult not_its_sign = PostAs(server, parent, base + "/steps/signs", "phenotypes.HP%3A0011304=has");
  EXPECT_EQ(not_its_sign.status, 422u);
  HttpResult too_long = PostAs(server, parent, base + "/steps/story", "story=" + std::string(5001, 'a'));
  EXPECT_EQ(too_long.status, 422u);
  EXPECT_EQ(PostAs(server, parent, base + "/steps/no-such-step", "").status, 404u);
  // Without the form's CSRF token nothing is saved either.
  EXPECT_EQ(PostForm(server, base + "/steps/diagnosis", parent.cookie, "doctors_seen=4_7").status, 403u);

  auto mine = store_.Mine(parent_id_);
  ASSERT_TRUE(mine.ok());
  ASSERT_EQ(mine->size(), 1u);
  EXPECT_EQ(mine->front().answers, json::object());

  // The start form: whom it is about, and a label for someone cared for.
  HttpResult no_label =
      PostAs(server, parent, std::string(kCondition) + "/experiences/share", "subject=cared_for&label=");
  EXPECT_EQ(no_label.status, 422u);
  EXPECT_TRUE(Has(no_label.body, "a label only you will see"));
  EXPECT_EQ(PostAs(server, parent, std::string(kCondition) + "/experiences/share", "subject=someone").status, 422u);
  EXPECT_EQ(store_.Mine(parent_id_)->size(), 1u);
}

TEST_P(ExperiencesShareTest, OnlyAffectedOrFamilyStartAndNobodyTouchesAnothersExperience) {
  TestServer server(database_);
  ASSERT_TRUE(server.started());
  const std::string share = std::string(kCondition) + "/experiences/share";
  HttpResult anonymous = server.Get(share);
  EXPECT_EQ(anonymous.status, 303u);
  EXPECT_EQ(anonymous.Header("location").rfind("/login?next=", 0), 0u);

  SignedIn other = SignIn(server, "other@example.org", kPassword);
  EXPECT_EQ(server.Get(share, {{"Cookie", other.cookie}}).status, 403u);  // not in the community
  Join(server, other, "researcher");
  EXPECT_EQ(server.Get(share, {{"Cookie", other.cookie}}).status, 403u);  // not affected or family
  EXPECT_EQ(PostAs(server, other, share, "subject=self").status, 403u);

  SignedIn parent = SignIn(server, "parent@example.org", kPassword);
  Join(server, parent, "affected");
  const std::string base = Start(server, parent);
  ASSERT_FALSE(base.empty());
  ASSERT_EQ(PostAs(server, parent, base + "/steps/now", "compared_with_worst=better").status, 303u);
  EXPECT_EQ(server.Get(base + "/steps/now", {{"Cookie", other.cookie}}).status, 404u);
  EXPECT_EQ(PostAs(server, other, base + "/steps/now", "compared_with_worst=worse").status, 404u);
  EXPECT_EQ(PostAs(server, other, base + "/delete", "").status, 404u);
  EXPECT_EQ(PostAs(server, other, base + "/withdraw", "").status, 404u);
  auto mine = store_.Mine(parent_id_);
  ASSERT_EQ(mine->size(), 1u);
  EXPECT_EQ(mine->front().answers["now"]["compared_with_worst"], "better");
  // Consents are asked on the review step, not before.
  EXPECT_EQ(PostAs(server, parent, base + "/consents", "kind=charts&given=1").status, 409u);
}

TEST_P(ExperiencesShareTest, SignSuggestionsFindSignsByLayLabelOrTerm) {
  TestServer server(database_);
  ASSERT_TRUE(server.started());
  json found = json::parse(server.Get("/api/v1/signs?q=thum").body);
  ASSERT_EQ(found["count"], 1);
  EXPECT_EQ(found["signs"][0]["hpo_id"], "HP:0011304");
  EXPECT_EQ(found["signs"][0]["name"], "Wide thumb");
  EXPECT_EQ(json::parse(server.Get("/api/v1/signs?q=ataxia").body)["signs"][0]["name"], "Unsteady walking");
  EXPECT_EQ(json::parse(server.Get("/api/v1/signs?q=%25").body)["count"], 0);  // no wildcard
  EXPECT_EQ(server.Get("/api/v1/signs?q=").status, 400u);
}

TEST_P(ExperiencesShareTest, DemoExperiencesShowChartsKeepTheAggregatesTrueAndGoAwayWholly) {
  // A real member's experience, which must survive the demo data's removal.
  {
    TestServer server(database_);
    ASSERT_TRUE(server.started());
    SignedIn parent = SignIn(server, "parent@example.org", kPassword);
    Join(server, parent, "affected");
    const std::string base = Start(server, parent);
    ASSERT_EQ(PostAs(server, parent, base + "/steps/now", "compared_with_worst=better").status, 303u);
    ASSERT_EQ(PostAs(server, parent, base + "/review", "consent_charts=1").status, 303u);
  }
  auto [code, output] = RunBinary({"--database", database_.url(), "demo-data", "--members", "200", "--experiences",
                                   "600", "--experiences-condition", std::to_string(kOrphacode), "--seed", "3"});
  ASSERT_EQ(code, 0) << output;
  EXPECT_TRUE(Has(output, "created 200 synthetic members and 600 synthetic experiences (seed 3)")) << output;
  EXPECT_EQ(QueryNumber(database_.db(), "SELECT COUNT(*) FROM experiences"), 601);
  auto kept = store_.Aggregates(kOrphacode);
  auto recounted = store_.Recount(kOrphacode);
  ASSERT_TRUE(kept.ok() && recounted.ok());
  EXPECT_EQ(*kept, *recounted);
  EXPECT_GT(Counted(), 400);  // most consent to the charts
  EXPECT_GT((*kept)[(Cell{"phenotypes", "HP:0001250|has"})], (*kept)[(Cell{"phenotypes", "HP:0011304|has"})]);
  {
    TestServer server(database_);
    HttpResult page = server.Get(std::string(kCondition) + "/experiences");
    EXPECT_TRUE(Has(page.body, "<svg class=\"chart-svg\"")) << page.body.substr(0, 2000);
  }
  auto [removed_code, removed] = RunBinary({"--database", database_.url(), "demo-data", "--remove"});
  ASSERT_EQ(removed_code, 0) << removed;
  EXPECT_TRUE(Has(removed, "removed 200 synthetic members and 600 synthetic experiences")) << removed;
  EXPECT_EQ(QueryNumber(database_.db(), "SELECT COUNT(*) FROM experiences"), 1);
  EXPECT_EQ(*store_.Aggregates(kOrphacode), *store_.Recount(kOrphacode));
  EXPECT_EQ(Counted(), 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, ExperiencesShareTest, ::testing::Values(Backend::kSqlite, Backend::kPostgresql),
                         Backends);

}  // namespace
}  // namespace diseasemaps::testing
