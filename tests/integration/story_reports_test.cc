// Reporting a story from a condition's experiences page, and the moderators' decisions in
// the one reports queue, through the real binary on SQLite and PostgreSQL: who may report,
// bad input refused with nothing saved, a repeated report adding nothing, the queue shown
// to moderators only, dismissing (the story stays), hiding with a warning (the story
// leaves the page, cached ones too, the charts still count it, the author is told why by
// e-mail and in "My experiences", never who reported), suspending, nobody handling a
// report on their own story, and CSRF.
#include <gtest/gtest.h>

#include <regex>

#include "http/url.h"
#include "test_server.h"

namespace diseasemaps::testing {
namespace {

constexpr int kOrphacode = 900041;
constexpr const char* kCondition = "/conditions/story-syndrome-900041";
constexpr const char* kPassword = "correct horse battery staple";

std::string Backends(const ::testing::TestParamInfo<Backend>& info) { return BackendName(info.param); }
bool Has(const std::string& body, const std::string& text) { return body.find(text) != std::string::npos; }
std::string Enc(const std::string& text) { return http::PercentEncode(text); }

class StoryReportsTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    InsertCondition(database_.db(), kOrphacode, "Story syndrome");
    AddUser(database_, "pat@example.org", "Pat", {"member"}, kPassword);
    AddUser(database_, "rey@example.org", "Rey", {"member"}, kPassword);
    AddUser(database_, "mo@example.org", "Mo Moderator", {"moderator"}, kPassword);
  }

  long long Count(const std::string& query) { return QueryNumber(database_.db(), query); }

  // Shares an experience with a story shown to everyone and consents (a) and (b); returns
  // the experience's id.
  static std::string ShareStory(TestServer& server, const SignedIn& who, const std::string& story) {
    EXPECT_EQ(PostAs(server, who, std::string(kCondition) + "/membership", "action=join&role=affected").status, 303u);
    HttpResult started = PostAs(server, who, std::string(kCondition) + "/experiences/share", "subject=self&label=");
    EXPECT_EQ(started.status, 303u) << started.body;
    std::smatch m;
    const std::string location = started.Header("location");
    EXPECT_TRUE(std::regex_match(location, m, std::regex(R"(/account/experiences/(\d+)/steps/\w+)"))) << location;
    const std::string id = m.size() > 1 ? m[1].str() : "0";
    const std::string base = "/account/experiences/" + id;
    EXPECT_EQ(PostAs(server, who, base + "/steps/story",
                     "story=" + Enc(story) + "&story_visibility=everyone&go=next")
                  .status,
              303u);
    EXPECT_EQ(PostAs(server, who, base + "/review", "consent_charts=1&consent_story=1").status, 303u);
    return id;
  }

  static HttpResult Get(TestServer& server, const SignedIn& who, const std::string& path) {
    return server.Get(path, {{"Cookie", who.cookie}});
  }

  TestDatabase database_{GetParam()};
};

TEST_P(StoryReportsTest, MembersReportAStoryAndAModeratorHidesItWithAWarning) {
  TestServer server(database_);
  ASSERT_TRUE(server.started());
  SignedIn pat = SignIn(server, "pat@example.org", kPassword);
  SignedIn rey = SignIn(server, "rey@example.org", kPassword);
  SignedIn mo = SignIn(server, "mo@example.org", kPassword);
  const std::string id = ShareStory(server, pat, "Our neighbour Dr <i>Smith</i> at 12 Elm Street missed it.");
  const std::string page = std::string(kCondition) + "/experiences";
  const std::string report = page + "/stories/" + id + "/report";

  // Visitors read the story (as text) without a form; a member sees the form.
  HttpResult anonymous = server.Get(page);
  ASSERT_EQ(anonymous.status, 200u);
  EXPECT_TRUE(Has(anonymous.body, "Dr &lt;i&gt;Smith&lt;/i&gt; at 12 Elm Street"));
  EXPECT_FALSE(Has(anonymous.body, report));
  EXPECT_TRUE(Has(Get(server, rey, page).body, "action=\"" + report + "\""));

  // Signing in comes first; bad input changes nothing.
  HttpResult visitor = PostForm(server, report, "", "reason=spam");
  EXPECT_TRUE(visitor.status == 303u || visitor.status == 403u) << visitor.status;
  EXPECT_EQ(PostAs(server, rey, report, "reason=rude").status, 422u);
  HttpResult no_note = PostAs(server, rey, report, "reason=other&note=");
  EXPECT_EQ(no_note.status, 422u);
  EXPECT_TRUE(Has(no_note.body, "Please say what is wrong with this story"));
  EXPECT_EQ(PostAs(server, rey, report, "reason=spam&note=" + Enc(std::string(1001, 'x'))).status, 422u);
  EXPECT_EQ(PostAs(server, rey, page + "/stories/999999/report", "reason=spam").status, 404u);
  EXPECT_EQ(PostAs(server, rey, "/conditions/no-such-thing/experiences/stories/" + id + "/report", "reason=spam").status,
            404u);
  EXPECT_EQ(PostForm(server, report, rey.cookie, "reason=spam").status, 403u);  // no CSRF token
  EXPECT_EQ(Count("SELECT COUNT(*) FROM experience_story_reports"), 0);

  HttpResult reported = PostAs(server, rey, report, "reason=identifying&note=" + Enc("Names a real doctor"));
  ASSERT_EQ(reported.status, 303u) << reported.body;
  EXPECT_EQ(reported.Header("location"), page + "?reported=1#stories-title");
  EXPECT_TRUE(Has(Get(server, rey, page + "?reported=1").body, "moderators will read the story you reported"));
  ASSERT_EQ(PostAs(server, rey, report, "reason=spam").status, 303u);  // one waits already: nothing added
  EXPECT_EQ(Count("SELECT COUNT(*) FROM experience_story_reports"), 1);

  // The queue: moderators only, the story beside reported messages.
  EXPECT_EQ(Get(server, rey, "/admin/reports").status, 403u);
  HttpResult queue = Get(server, mo, "/admin/reports");
  ASSERT_EQ(queue.status, 200u);
  EXPECT_TRUE(Has(queue.body, "Reported stories"));
  EXPECT_TRUE(Has(queue.body, "a story by Pat about Story syndrome"));
  EXPECT_TRUE(Has(queue.body, "could identify someone — Names a real doctor"));

  // Dismissed: the story stays; audited.
  const std::string first = std::to_string(Count("SELECT MIN(id) FROM experience_story_reports"));
  EXPECT_EQ(PostAs(server, mo, "/admin/reports/stories/" + first, "action=banish").status, 400u);
  ASSERT_EQ(PostAs(server, mo, "/admin/reports/stories/" + first, "action=dismiss").status, 303u);
  EXPECT_EQ(PostAs(server, mo, "/admin/reports/stories/" + first, "action=warn").status, 409u);
  EXPECT_EQ(PostAs(server, mo, "/admin/reports/stories/999999", "action=dismiss").status, 404u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'story_report.dismissed'"), 1);
  EXPECT_TRUE(Has(server.Get(page).body, "12 Elm Street"));

  // Reported again and hidden with a warning: it leaves the page (the cached one too) but
  // still counts in the charts; Pat is told why, never by whom.
  const long long counted_before =
      Count("SELECT COUNT(*) FROM experiences WHERE consent_charts = 1 AND submitted_at IS NOT NULL");
  ASSERT_EQ(PostAs(server, rey, report, "reason=identifying").status, 303u);
  const std::string second = std::to_string(Count("SELECT MAX(id) FROM experience_story_reports"));
  EXPECT_EQ(PostAs(server, mo, "/admin/reports/stories/" + second, "action=suspend&note=").status, 422u);
  HttpResult hidden =
      PostAs(server, mo, "/admin/reports/stories/" + second, "action=warn&note=" + Enc("Please leave out addresses"));
  ASSERT_EQ(hidden.status, 303u) << hidden.body;
  EXPECT_FALSE(Has(server.Get(page).body, "12 Elm Street"));
  EXPECT_FALSE(Has(Get(server, rey, page).body, "12 Elm Street"));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM experiences WHERE consent_charts = 1 AND submitted_at IS NOT NULL"),
            counted_before);
  EXPECT_EQ(LatestSubjectTo(database_, "pat@example.org"), "Your story on DiseaseMaps is no longer shown");
  const std::string mail = LatestMailTo(database_, "pat@example.org");
  EXPECT_TRUE(Has(mail, "Please leave out addresses"));
  EXPECT_TRUE(Has(mail, "Story syndrome"));
  EXPECT_FALSE(Has(mail, "Rey"));
  EXPECT_TRUE(Has(Get(server, pat, "/account/experiences").body, "Moderators hid your story"));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'story_report.warned'"), 1);
  // A hidden story cannot be reported again.
  EXPECT_EQ(PostAs(server, rey, report, "reason=spam").status, 404u);
}

TEST_P(StoryReportsTest, SuspendingNeedsAReasonAndNobodyHandlesAReportOnTheirOwnStory) {
  AddUser(database_, "ann@example.org", "Ann Admin", {"admin"}, kPassword);
  TestServer server(database_);
  ASSERT_TRUE(server.started());
  SignedIn pat = SignIn(server, "pat@example.org", kPassword);
  SignedIn rey = SignIn(server, "rey@example.org", kPassword);
  SignedIn mo = SignIn(server, "mo@example.org", kPassword);
  SignedIn ann = SignIn(server, "ann@example.org", kPassword);
  const std::string pats = ShareStory(server, pat, "Buy cheap pills at example.com");
  const std::string mos = ShareStory(server, mo, "A story by the moderator.");
  const std::string page = std::string(kCondition) + "/experiences";
  ASSERT_EQ(PostAs(server, rey, page + "/stories/" + pats + "/report", "reason=spam").status, 303u);
  ASSERT_EQ(PostAs(server, rey, page + "/stories/" + mos + "/report", "reason=unkind").status, 303u);
  const std::string on_pat = std::to_string(Count("SELECT MIN(id) FROM experience_story_reports"));
  const std::string on_mo = std::to_string(Count("SELECT MAX(id) FROM experience_story_reports"));

  EXPECT_EQ(PostAs(server, mo, "/admin/reports/stories/" + on_mo, "action=dismiss").status, 403u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM experience_story_reports WHERE status = 'open'"), 2);
  HttpResult suspended = PostAs(server, mo, "/admin/reports/stories/" + on_pat, "action=suspend&note=" + Enc("Spam"));
  ASSERT_EQ(suspended.status, 303u) << suspended.body;
  EXPECT_EQ(Count("SELECT COUNT(*) FROM users WHERE email_key = 'pat@example.org' AND status = 'suspended'"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM experiences WHERE story_hidden_at IS NOT NULL"), 1);
  EXPECT_FALSE(Has(server.Get(page).body, "cheap pills"));
  // An administrator handles the report on the moderator's story.
  ASSERT_EQ(PostAs(server, ann, "/admin/reports/stories/" + on_mo, "action=dismiss").status, 303u);
  EXPECT_TRUE(Has(server.Get(page).body, "A moderator&#39;s own story.") ||
              Has(server.Get(page).body, "A story by the moderator."));
}

INSTANTIATE_TEST_SUITE_P(Backends, StoryReportsTest, ::testing::Values(Backend::kSqlite, Backend::kPostgresql),
                         Backends);

}  // namespace
}  // namespace diseasemaps::testing
