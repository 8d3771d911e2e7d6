// Starting an answer on the editorial screen, on both databases, through the real
// binary: the condition is found by its name or another of its names (what the
// type-ahead sends, and what a person types without script), never only by ORPHAcode;
// an answer can start from the compiled summary, as a draft; and the workspace says
// what the condition's page really shows of an answer, in the page's own words.
#include <gtest/gtest.h>

#include <regex>

#include "http/url.h"
#include "test_server.h"

namespace diseasemaps::testing {
namespace {

constexpr const char* kPassword = "correct horse battery staple";
constexpr const char* kNewOms = "/editorial/conditions/1183/answers/new";

std::string Backends(const ::testing::TestParamInfo<Backend>& info) { return BackendName(info.param); }

bool Has(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// The value of a hidden field made of hex digits ("version", "base"), or "".
std::string Hidden(const std::string& html, const std::string& name) {
  const std::regex field("name=\"" + name + "\" value=\"([0-9a-f]+)\"");
  std::smatch match;
  return std::regex_search(html, match, field) ? std::string(match[1]) : std::string();
}

class EditorialPickerTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    AddUser(database_, "edith@example.org", "Edith Editor", {"editor"}, kPassword);
    server_ = std::make_unique<TestServer>(database_);  // loads the starter catalogue (OMS is 1183)
    edith_ = SignIn(*server_, "edith@example.org", kPassword);
    answers_at_start_ = Answers();  // the answers shipped in content/answers, loaded at start
  }

  HttpResult Find(const std::string& query) {
    return server_->Get("/editorial/conditions?" + query, {{"Cookie", edith_.cookie}});
  }
  HttpResult Get(const std::string& path) { return server_->Get(path, {{"Cookie", edith_.cookie}}); }
  HttpResult Post(const std::string& path, const std::vector<std::pair<std::string, std::string>>& fields) {
    std::string body = "csrf=" + edith_.csrf;
    for (const auto& [name, value] : fields) body += "&" + name + "=" + http::PercentEncode(value);
    return server_->Request("POST", path,
                            {{"Cookie", edith_.cookie}, {"Content-Type", "application/x-www-form-urlencoded"}}, body);
  }
  long long Answers() { return QueryNumber(database_.db(), "SELECT COUNT(*) FROM answers"); }
  long long NewAnswers() { return Answers() - answers_at_start_; }

  TestDatabase database_{GetParam()};
  std::unique_ptr<TestServer> server_;
  SignedIn edith_;
  long long answers_at_start_ = 0;
};

TEST_P(EditorialPickerTest, TheDashboardOffersATypeAheadByName) {
  HttpResult dashboard = Get("/editorial");
  ASSERT_EQ(dashboard.status, 200u);
  EXPECT_TRUE(Has(dashboard.body, "name=\"condition\""));
  EXPECT_TRUE(Has(dashboard.body, "data-suggest=\"pick\" data-suggest-target=\"find-orphacode\""));
  EXPECT_TRUE(Has(dashboard.body, "<input type=\"hidden\" id=\"find-orphacode\" name=\"orphacode\" value=\"\">"));
  EXPECT_TRUE(Has(dashboard.body, "Type part of the condition's name")) << dashboard.body;
}

TEST_P(EditorialPickerTest, AConditionIsFoundByItsNameAnotherNameOrItsCode) {
  for (const std::string query : {"condition=Opsoclonus-myoclonus+syndrome", "condition=opsoclonus-MYOCLONUS+syndrome",
                                  "condition=Dancing+eye+syndrome", "condition=%20OMS%20", "condition=1183",
                                  "condition=ORPHA%3A1183",
                                  // the type-ahead's choice wins over the words shown in the box
                                  "condition=Opsoclonus&orphacode=1183", "orphacode=ORPHA%3A1183"}) {
    HttpResult found = Find(query);
    EXPECT_EQ(found.status, 303u) << query << "\n" << found.body.substr(0, 2000);
    EXPECT_EQ(found.Header("location"), kNewOms) << query;
  }
  EXPECT_EQ(NewAnswers(), 0);
}

TEST_P(EditorialPickerTest, ANameNoConditionHasOrSeveralHaveIsExplainedAndChangesNothing) {
  HttpResult unknown = Find("condition=Dancing+feet");
  EXPECT_EQ(unknown.status, 404u);
  EXPECT_TRUE(Has(unknown.body, "No condition in the catalogue is called &quot;Dancing feet&quot;"));
  EXPECT_TRUE(Has(unknown.body, "value=\"Dancing feet\""));  // what was typed, kept
  EXPECT_TRUE(Has(unknown.body, "aria-invalid=\"true\""));

  HttpResult empty = Find("condition=++");
  EXPECT_EQ(empty.status, 422u);
  EXPECT_TRUE(Has(empty.body, "name and choose it from the list, or enter its ORPHAcode.")) << empty.body;
  EXPECT_EQ(Find("orphacode=nope").status, 422u);
  EXPECT_EQ(Find("condition=" + std::string(5000, 'x')).status, 404u);  // cut when echoed, never a 500

  // Two conditions answer to "Kinsbourne syndrome" (a synonym of OMS and this one's name).
  InsertCondition(database_.db(), 999999, "Kinsbourne syndrome");
  HttpResult several = Find("condition=kinsbourne+syndrome");
  EXPECT_EQ(several.status, 422u);
  EXPECT_TRUE(Has(several.body, "Several conditions are called"));
  EXPECT_TRUE(Has(several.body, "<a href=\"/editorial/conditions/1183/answers/new\">Opsoclonus-myoclonus syndrome</a>"));
  EXPECT_TRUE(Has(several.body, "<a href=\"/editorial/conditions/999999/answers/new\">Kinsbourne syndrome</a>"));
  EXPECT_EQ(NewAnswers(), 0);
}

TEST_P(EditorialPickerTest, AnAnswerStartsFromTheCompiledSummaryAsADraft) {
  HttpResult form = Get(kNewOms);
  ASSERT_EQ(form.status, 200u);
  EXPECT_TRUE(Has(form.body, "href=\"/editorial/conditions/1183/answers/new?from=summary\""));

  HttpResult started = Get(std::string(kNewOms) + "?from=summary");
  ASSERT_EQ(started.status, 200u);
  EXPECT_TRUE(Has(started.body, "Started from the compiled summary:"));
  EXPECT_TRUE(Has(started.body, "not written or checked by a doctor"));
  EXPECT_TRUE(Has(started.body, "value=\"What is Opsoclonus-myoclonus syndrome?\""));
  // Its slug makes it the page's summary once approved.
  EXPECT_TRUE(Has(started.body, "name=\"slug\" value=\"summary\"")) << started.body.substr(0, 4000);
  EXPECT_TRUE(Has(started.body, "Check every sentence against the sources"));
  EXPECT_EQ(NewAnswers(), 0);  // only a form: nothing is saved until the editor saves it
  EXPECT_EQ(Get(std::string(kNewOms) + "?from=elsewhere").status, 400u);

  // Saved as it came, it is an ordinary draft, which the public page does not show.
  const std::regex short_answer("<textarea[^>]*name=\"short_answer\"[^>]*>([^<]*)</textarea>");
  std::smatch match;
  ASSERT_TRUE(std::regex_search(started.body, match, short_answer)) << started.body;
  const std::string paragraph = match[1];
  EXPECT_TRUE(Has(paragraph, "Opsoclonus-myoclonus syndrome")) << paragraph;
  HttpResult saved = Post(kNewOms, {{"question", "What is Opsoclonus-myoclonus syndrome?"},
                                    {"slug", "summary"},
                                    {"short_answer", "Draft from the summary."},
                                    {"body_markdown", "Draft body."},
                                    {"action", "save"}});
  ASSERT_EQ(saved.status, 303u) << saved.body.substr(0, 2000);
  EXPECT_EQ(NewAnswers(), 1);
  EXPECT_EQ(QueryNumber(database_.db(), "SELECT COUNT(*) FROM answer_versions WHERE status = 'draft'"), 1);
  EXPECT_EQ(QueryNumber(database_.db(), "SELECT COUNT(*) FROM answers WHERE slug = 'summary'"), 1);

  // Once the condition has a summary answer, a second start leaves the slug to the question.
  HttpResult again = Get(std::string(kNewOms) + "?from=summary");
  ASSERT_EQ(again.status, 200u);
  EXPECT_TRUE(Has(again.body, "Started from the compiled summary:"));
  EXPECT_FALSE(Has(again.body, "name=\"slug\" value=\"summary\""));
}

TEST_P(EditorialPickerTest, TheWorkspaceSaysWhatTheConditionsPageShows) {
  HttpResult saved = Post(kNewOms, {{"question", "How is OMS found?"}, {"short_answer", "By an examination."},
                                    {"body_markdown", "More."}, {"action", "save"}});
  ASSERT_EQ(saved.status, 303u);
  const std::string location = saved.Header("location");
  const std::string path = location.substr(0, location.find('?'));
  HttpResult draft = Get(path);
  EXPECT_TRUE(Has(draft.body, "Not on the condition's page: a version is shown there once it is sent for review, "
                              "labelled “Editorial draft — not yet medically reviewed”."))
      << draft.body;
  EXPECT_FALSE(Has(draft.body, "Not published"));
  HttpResult page = server_->Get("/conditions/opsoclonus-myoclonus-syndrome");
  EXPECT_FALSE(Has(page.body, "How is OMS found?"));

  HttpResult submitted = Post(path, {{"version", Hidden(draft.body, "version")}, {"base", Hidden(draft.body, "base")},
                                     {"question", "How is OMS found?"}, {"short_answer", "By an examination."},
                                     {"body_markdown", "More."}, {"action", "submit"}});
  ASSERT_EQ(submitted.status, 303u) << submitted.body.substr(0, 2000);
  HttpResult waiting = Get(path);
  EXPECT_TRUE(Has(waiting.body, "On the condition's page, labelled “Editorial draft — not yet medically reviewed”."));
  EXPECT_TRUE(Has(waiting.body, "See it on the condition's page"));
  page = server_->Get("/conditions/opsoclonus-myoclonus-syndrome");
  EXPECT_TRUE(Has(page.body, "How is OMS found?"));
  EXPECT_TRUE(Has(page.body, "Editorial draft — not yet medically reviewed"));

  // Its history and versions give each moment as a <time> in UTC, for the script to localise.
  const std::regex moment("<time datetime=\"20[0-9]{2}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z\" "
                          "data-local=\"minute\">20[0-9]{2}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2} UTC</time>");
  EXPECT_GE(std::distance(std::sregex_iterator(waiting.body.begin(), waiting.body.end(), moment), std::sregex_iterator()), 4)
      << waiting.body;
  EXPECT_TRUE(Has(waiting.body, "<script type=\"module\" src=\"/static/js/local-time.js\"></script>"));
}

INSTANTIATE_TEST_SUITE_P(Backends, EditorialPickerTest, ::testing::ValuesIn(AllBackends()), Backends);

}  // namespace
}  // namespace diseasemaps::testing
