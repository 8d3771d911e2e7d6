// The editorial screens end to end through the real binary, on both databases: who may
// see and do what, an answer from a new draft to a published, medically reviewed one,
// the 409 and 422 answers to steps and forms that cannot go through, and the diff page.
#include <gtest/gtest.h>

#include <regex>

#include "articles/answer_store.h"
#include "http/url.h"
#include "test_server.h"

namespace diseasemaps::testing {
namespace {

constexpr const char* kPassword = "correct horse battery staple";

std::string Backends(const ::testing::TestParamInfo<Backend>& info) { return BackendName(info.param); }

bool Has(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

using Fields = std::vector<std::pair<std::string, std::string>>;

// The first value of a hidden field in a page ("version", "base"), or "".
std::string Hidden(const std::string& html, const std::string& name) {
  const std::regex field("name=\"" + name + "\" value=\"([0-9a-f]+)\"");
  std::smatch match;
  return std::regex_search(html, match, field) ? std::string(match[1]) : std::string();
}

// Every POST form in a page carries the viewer's CSRF token.
void ExpectEveryPostFormHasToken(const std::string& html, const std::string& csrf) {
  for (std::size_t at = html.find("method=\"post\""); at != std::string::npos;
       at = html.find("method=\"post\"", at + 1)) {
    const std::string form = html.substr(at, html.find("</form>", at) - at);
    EXPECT_TRUE(Has(form, "<input type=\"hidden\" name=\"csrf\" value=\"" + csrf + "\">")) << form;
  }
}

class EditorialTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    InsertCondition(database_.db(), 558, "Marfan syndrome");
    AddUser(database_, "edith@example.org", "Edith Editor", {"editor"}, kPassword);
    AddUser(database_, "rita@example.org", "Dr Rita Reviewer", {"reviewer"}, kPassword, "MD, neurologist");
    AddUser(database_, "sam@example.org", "Dr Sam Second", {"reviewer"}, kPassword, "MD, paediatrician");
    AddUser(database_, "max@example.org", "Max Member", {"member"}, kPassword);
  }

  void SignInEveryone() {
    edith_ = SignIn(server(), "edith@example.org", kPassword);
    rita_ = SignIn(server(), "rita@example.org", kPassword);
    sam_ = SignIn(server(), "sam@example.org", kPassword);
  }

  TestServer& server() {
    if (!server_) server_ = std::make_unique<TestServer>(database_);
    return *server_;
  }

  HttpResult Get(const std::string& target, const SignedIn& who) {
    return server().Get(target, {{"Cookie", who.cookie}});
  }

  HttpResult Post(const std::string& path, const SignedIn& who, const Fields& fields) {
    std::string body = "csrf=" + who.csrf;
    for (const auto& [name, value] : fields) body += "&" + name + "=" + http::PercentEncode(value);
    return server().Request("POST", path,
                            {{"Cookie", who.cookie}, {"Content-Type", "application/x-www-form-urlencoded"}}, body);
  }

  // Creates an answer for ORPHA:558 as `who`; returns its workspace path.
  std::string CreateAnswer(const SignedIn& who, const std::string& question, const std::string& short_answer,
                           const std::string& body = "## Why\n\nBecause.\n") {
    HttpResult created = Post("/editorial/conditions/558/answers/new", who,
                              {{"question", question}, {"slug", ""}, {"short_answer", short_answer},
                               {"body_markdown", body}, {"action", "save"}});
    EXPECT_EQ(created.status, 303u) << created.body.substr(0, 3000);
    const std::string location = created.Header("location");
    EXPECT_EQ(location.rfind("/editorial/answers/", 0), 0u) << location;
    return location.substr(0, location.find('?'));
  }

  // Saves (or submits) new text over the workspace's latest version, as `who`.
  HttpResult Write(const std::string& path, const SignedIn& who, const std::string& action,
                   const std::string& question, const std::string& short_answer, const std::string& body) {
    const std::string page = Get(path, who).body;
    return Post(path, who,
                {{"version", Hidden(page, "version")}, {"base", Hidden(page, "base")}, {"question", question},
                 {"short_answer", short_answer}, {"body_markdown", body}, {"action", action}});
  }

  // The id of the answer's latest version (what a review form names), read from the
  // database, so a test can post a decision even where the page offers no form.
  std::string LatestVersionId(const std::string& path) {
    articles::AnswerStore store(database_.db());
    auto versions = store.Versions(std::stoll(path.substr(path.rfind('/') + 1)));
    EXPECT_TRUE(versions.ok() && !versions->empty());
    return versions.ok() && !versions->empty() ? std::to_string(versions->back().id) : "";
  }

  // Approves or returns the answer's latest version, as `who`.
  HttpResult Review(const std::string& path, const SignedIn& who, const std::string& action,
                    const std::string& comment = "") {
    return Post(path, who, {{"version", LatestVersionId(path)}, {"comment", comment}, {"action", action}});
  }

  TestDatabase database_{GetParam()};
  std::unique_ptr<TestServer> server_;
  SignedIn edith_;
  SignedIn rita_;
  SignedIn sam_;
};

TEST_P(EditorialTest, VisitorsAreSentToSignInAndOthersWithoutARoleAreRefused) {
  HttpResult anonymous = server().Get("/editorial");
  EXPECT_EQ(anonymous.status, 303u);
  EXPECT_EQ(anonymous.Header("location"), "/login?next=%2Feditorial");
  HttpResult deep = server().Get("/editorial/answers/1/diff?from=1&to=2");
  EXPECT_EQ(deep.status, 303u);
  EXPECT_EQ(deep.Header("location"), "/login?next=%2Feditorial%2Fanswers%2F1%2Fdiff%3Ffrom%3D1%26to%3D2");

  const SignedIn max = SignIn(server(), "max@example.org", kPassword);
  HttpResult member = Get("/editorial", max);
  EXPECT_EQ(member.status, 403u);
  EXPECT_TRUE(Has(member.body, "for editors and medical reviewers"));
  EXPECT_EQ(Post("/editorial/conditions/558/answers/new", max,
                 {{"question", "Q?"}, {"short_answer", "S."}, {"action", "save"}})
                .status,
            403u);

  SignInEveryone();
  HttpResult editor = Get("/editorial", edith_);
  EXPECT_EQ(editor.status, 200u);
  EXPECT_EQ(editor.Header("cache-control"), "private, no-store");
  EXPECT_TRUE(Has(editor.body, "My drafts"));
  EXPECT_TRUE(Has(editor.body, "Waiting for review"));
}

TEST_P(EditorialTest, FromADraftToAMedicallyReviewedAnswer) {
  SignInEveryone();
  HttpResult go = Get("/editorial/conditions?orphacode=ORPHA%3A558", edith_);
  EXPECT_EQ(go.status, 303u);
  EXPECT_EQ(go.Header("location"), "/editorial/conditions/558/answers/new");
  HttpResult form = Get("/editorial/conditions/558/answers/new", edith_);
  ASSERT_EQ(form.status, 200u);
  EXPECT_TRUE(Has(form.body, "New answer for Marfan syndrome"));
  ExpectEveryPostFormHasToken(form.body, edith_.csrf);

  // The preview is rendered by the server, with raw HTML and script links neutralised.
  HttpResult preview = Post("/editorial/conditions/558/answers/new", edith_,
                            {{"question", "What causes Marfan syndrome?"},
                             {"short_answer", "A change in the FBN1 gene."},
                             {"body_markdown", "## Why\n\n<script>alert(1)</script>\n\nSee [this](javascript:alert(2)) "
                                               "and [Orphanet](https://www.orpha.net/).\n"},
                             {"action", "preview"}});
  ASSERT_EQ(preview.status, 200u);
  EXPECT_TRUE(Has(preview.body, "<h4>Why</h4>"));
  EXPECT_TRUE(Has(preview.body, "<a href=\"https://www.orpha.net/\">Orphanet</a>"));
  EXPECT_FALSE(Has(preview.body, "<script>alert"));
  EXPECT_FALSE(Has(preview.body, "href=\"javascript"));
  EXPECT_TRUE(Has(preview.body, "&lt;script&gt;alert(1)&lt;/script&gt;"));  // the typed text, escaped, kept
  EXPECT_TRUE(Has(preview.body, "value=\"What causes Marfan syndrome?\""));

  const std::string path = CreateAnswer(edith_, "What causes Marfan syndrome?", "A change in the FBN1 gene.");
  HttpResult workspace = Get(path + "?done=created", edith_);
  ASSERT_EQ(workspace.status, 200u);
  EXPECT_TRUE(Has(workspace.body, "created as a draft"));
  ExpectEveryPostFormHasToken(workspace.body, edith_.csrf);
  HttpResult page = server().Get("/conditions/marfan-syndrome-558");
  EXPECT_FALSE(Has(page.body, "What causes Marfan syndrome?"));  // a draft stays private

  HttpResult submitted = Write(path, edith_, "submit", "What causes Marfan syndrome?",
                               "A change in the FBN1 gene, usually inherited.", "## Why\n\nBecause.\n");
  ASSERT_EQ(submitted.status, 303u) << submitted.body.substr(0, 3000);
  EXPECT_EQ(submitted.Header("location"), path + "?done=submitted");
  page = server().Get("/conditions/marfan-syndrome-558");
  EXPECT_TRUE(Has(page.body, "What causes Marfan syndrome?"));
  EXPECT_TRUE(Has(page.body, "Editorial draft — not yet medically reviewed"));

  // An editor cannot approve; a reviewer sees the version waiting.
  EXPECT_EQ(Review(path, edith_, "approve").status, 403u);
  HttpResult queue = Get("/editorial", rita_);
  EXPECT_TRUE(Has(queue.body, "What causes Marfan syndrome?"));
  HttpResult to_review = Get(path, rita_);
  EXPECT_TRUE(Has(to_review.body, "Approve and publish"));
  ExpectEveryPostFormHasToken(to_review.body, rita_.csrf);

  // Returning needs a comment; the comment reaches the editor's drafts.
  HttpResult no_comment = Review(path, rita_, "return", "  ");
  EXPECT_EQ(no_comment.status, 422u);
  EXPECT_TRUE(Has(no_comment.body, "returning an answer needs a comment"));
  ASSERT_EQ(Review(path, rita_, "return", "Say how often it is inherited.").status, 303u);
  HttpResult drafts = Get("/editorial", edith_);
  EXPECT_TRUE(Has(drafts.body, "Say how often it is inherited."));
  EXPECT_FALSE(Has(server().Get("/conditions/marfan-syndrome-558").body, "What causes Marfan syndrome?"));

  ASSERT_EQ(Write(path, edith_, "submit", "What causes Marfan syndrome?",
                  "A change in the FBN1 gene; about 3 in 4 people inherit it.", "## Why\n\nBecause.\n")
                .status,
            303u);
  HttpResult approved = Review(path, rita_, "approve", "Accurate.");
  ASSERT_EQ(approved.status, 303u) << approved.body.substr(0, 3000);
  EXPECT_EQ(approved.Header("location"), path + "?done=approved");
  page = server().Get("/conditions/marfan-syndrome-558");
  EXPECT_TRUE(Has(page.body, "Medically reviewed by Dr Rita Reviewer, MD, neurologist"));
  EXPECT_TRUE(Has(page.body, "about 3 in 4 people inherit it"));

  // Editing the published answer starts a draft; the approved version stays public.
  ASSERT_EQ(Write(path, edith_, "save", "What causes Marfan syndrome?", "A newer short answer.",
                  "## Why\n\nBecause, and more.\n")
                .status,
            303u);
  page = server().Get("/conditions/marfan-syndrome-558");
  EXPECT_TRUE(Has(page.body, "about 3 in 4 people inherit it"));
  EXPECT_FALSE(Has(page.body, "A newer short answer."));

  HttpResult diff = Get(path + "/diff?from=2&to=3", edith_);
  ASSERT_EQ(diff.status, 200u) << diff.body.substr(0, 2000);
  EXPECT_TRUE(Has(diff.body, "Changes from version 2 to version 3"));
  EXPECT_TRUE(Has(diff.body, "<span class=\"visually-hidden\">Removed: </span><span class=\"diff-text\">A change in the "
                             "FBN1 gene; about 3 in 4 people inherit it.</span></del>"));
  EXPECT_TRUE(Has(diff.body, "<span class=\"visually-hidden\">Added: </span><span class=\"diff-text\">A newer short "
                             "answer.</span></ins>"));
  HttpResult versions = Get(path, edith_);
  EXPECT_TRUE(Has(versions.body, "(published)"));
  EXPECT_TRUE(Has(versions.body, "Dr Rita Reviewer returned version 1 to the editors: <q>Say how often it is inherited.</q>"));
}

TEST_P(EditorialTest, AReviewerNeverApprovesTextTheyWroteOrEdited) {
  SignInEveryone();
  const std::string own = CreateAnswer(rita_, "Is Marfan syndrome inherited?", "Usually.");
  HttpResult own_submit = Write(own, rita_, "submit", "Is Marfan syndrome inherited?", "Usually, yes.", "");
  ASSERT_EQ(own_submit.status, 303u) << own_submit.body.substr(own_submit.body.find("<main"), 3000);
  HttpResult refused = Review(own, rita_, "approve");
  EXPECT_EQ(refused.status, 403u);
  EXPECT_TRUE(Has(refused.body, "another medical reviewer must approve or return it"));
  EXPECT_TRUE(Has(Get(own, rita_).body, "You wrote or edited this version"));
  EXPECT_EQ(Review(own, sam_, "approve").status, 303u);

  const std::string edited = CreateAnswer(edith_, "How is Marfan syndrome treated?", "With care.");
  ASSERT_EQ(Write(edited, rita_, "submit", "How is Marfan syndrome treated?", "With regular checks.", "").status,
            303u);
  EXPECT_EQ(Review(edited, rita_, "approve").status, 403u);
  EXPECT_EQ(Review(edited, sam_, "return", "Name the medicines.").status, 303u);
}

TEST_P(EditorialTest, AnApprovalNamesItsReviewersCredentialsOrDoesNotHappen) {
  AddUser(database_, "nora@example.org", "Dr Nora NoCredentials", {"reviewer"}, kPassword);
  SignInEveryone();
  const SignedIn nora = SignIn(server(), "nora@example.org", kPassword);
  const std::string path = CreateAnswer(edith_, "How common is Marfan syndrome?", "About 1 in 5,000.");
  ASSERT_EQ(Write(path, edith_, "submit", "How common is Marfan syndrome?", "About 1 in 5,000 people.", "").status,
            303u);
  EXPECT_TRUE(Has(Get(path, nora).body, "Your account has no credentials recorded"));
  HttpResult refused = Review(path, nora, "approve");
  EXPECT_EQ(refused.status, 422u);
  EXPECT_TRUE(Has(refused.body, "Ask an administrator to add them"));
  EXPECT_FALSE(Has(server().Get("/conditions/marfan-syndrome-558").body, "Medically reviewed by"));
  EXPECT_EQ(Review(path, nora, "return", "Give the source of the figure.").status, 303u);  // returning needs none
}

TEST_P(EditorialTest, StepsThatCannotGoThroughAnswer409WithTheTypedTextKept) {
  SignInEveryone();
  const std::string path = CreateAnswer(edith_, "What is Marfan syndrome?", "A connective tissue condition.");
  const std::string opened = Get(path, edith_).body;
  ASSERT_EQ(Write(path, edith_, "save", "What is Marfan syndrome?", "Someone else's change.", "").status, 303u);
  HttpResult stale = Post(path, edith_,
                          {{"version", Hidden(opened, "version")}, {"base", Hidden(opened, "base")},
                           {"question", "What is Marfan syndrome?"}, {"short_answer", "My own words."},
                           {"body_markdown", ""}, {"action", "save"}});
  EXPECT_EQ(stale.status, 409u);
  EXPECT_TRUE(Has(stale.body, "after you opened it, so your text was not saved"));
  EXPECT_TRUE(Has(stale.body, "My own words."));

  ASSERT_EQ(Write(path, edith_, "submit", "What is Marfan syndrome?", "Submitted words.", "").status, 303u);
  HttpResult under_review = Write(path, edith_, "save", "What is Marfan syndrome?", "Too late.", "");
  EXPECT_EQ(under_review.status, 409u);
  EXPECT_TRUE(Has(under_review.body, "waiting for a medical review"));
  EXPECT_TRUE(Has(under_review.body, "Too late."));

  // A decision on a version that was decided meanwhile changes nothing.
  const std::string review_page = Get(path, rita_).body;
  const std::string version = Hidden(review_page.substr(review_page.find("review-form")), "version");
  EXPECT_EQ(version, LatestVersionId(path));  // the review form names the version it shows
  ASSERT_EQ(Post(path, sam_, {{"version", version}, {"comment", "Fine."}, {"action", "approve"}}).status, 303u);
  HttpResult late = Post(path, rita_, {{"version", version}, {"comment", "Fix it."}, {"action", "return"}});
  EXPECT_EQ(late.status, 409u);
  EXPECT_TRUE(Has(late.body, "no longer waiting for review"));
  EXPECT_TRUE(Has(server().Get("/conditions/marfan-syndrome-558").body, "Medically reviewed by Dr Sam Second"));
}

TEST_P(EditorialTest, MistakesComeBackBesideTheirFieldsAndNothingIsA500) {
  SignInEveryone();
  HttpResult bad = Post("/editorial/conditions/558/answers/new", edith_,
                        {{"question", "What causes it?"}, {"slug", "Not A Slug"}, {"short_answer", ""},
                         {"body_markdown", std::string(64 * 1024 + 1, 'x')}, {"action", "save"}});
  EXPECT_EQ(bad.status, 422u);
  EXPECT_TRUE(Has(bad.body, "value=\"Not A Slug\""));
  EXPECT_TRUE(Has(bad.body, "id=\"answer-slug-error\""));
  EXPECT_TRUE(Has(bad.body, "id=\"answer-short-error\""));
  EXPECT_TRUE(Has(bad.body, "the limit is 65536"));
  HttpResult not_text = server().Request(
      "POST", "/editorial/conditions/558/answers/new",
      {{"Cookie", edith_.cookie}, {"Content-Type", "application/x-www-form-urlencoded"}},
      "csrf=" + edith_.csrf + "&question=Bad%FF%00&short_answer=S.&action=save");
  EXPECT_EQ(not_text.status, 422u);
  EXPECT_TRUE(Has(not_text.body, "not valid text"));

  const std::string path = CreateAnswer(edith_, "What causes it?", "Something.");
  HttpResult duplicate = Post("/editorial/conditions/558/answers/new", edith_,
                              {{"question", "What causes it?"}, {"short_answer", "Again."}, {"action", "save"}});
  EXPECT_EQ(duplicate.status, 409u);
  EXPECT_TRUE(Has(duplicate.body, "already has an answer at the address"));
  HttpResult empty_question = Write(path, edith_, "save", "", "Something.", "");
  EXPECT_EQ(empty_question.status, 422u);
  EXPECT_TRUE(Has(empty_question.body, "Write the question"));

  EXPECT_EQ(Get("/editorial/answers/987654", edith_).status, 404u);
  EXPECT_EQ(Get("/editorial/answers/abc", edith_).status, 404u);
  EXPECT_EQ(Get(path + "/diff?from=x&to=1", edith_).status, 400u);
  EXPECT_EQ(Get(path + "/diff?from=1&to=9", edith_).status, 404u);
  EXPECT_EQ(Get(path + "/diff", edith_).status, 200u);
  EXPECT_EQ(Get("/editorial/conditions/424242/answers/new", edith_).status, 404u);
  EXPECT_EQ(Get("/editorial/conditions?orphacode=nope", edith_).status, 422u);
  EXPECT_EQ(Post(path, edith_, {{"action", "dance"}}).status, 400u);
  EXPECT_EQ(Post(path, edith_, {{"action", "save"}}).status, 422u);
  HttpResult json_body = server().Request(
      "POST", path, {{"Cookie", edith_.cookie}, {"X-CSRF-Token", edith_.csrf}, {"Content-Type", "application/json"}},
      "{}");
  EXPECT_EQ(json_body.status, 400u);
}

TEST_P(EditorialTest, OverdueAnswersComeFirstInTheReviewQueue) {
  // Written before the server starts, with the store's clock moved back.
  long long now = articles::AnswerStore::SystemNow();
  articles::AnswerStore store(database_.db(), [&now] { return now; });
  auto condition = store.FindCondition(558);
  ASSERT_TRUE(condition.ok());
  const articles::Actor team{std::nullopt, "DiseaseMaps editorial team"};
  const articles::Reviewer reviewer{std::nullopt, "Dr Old Reviewer", "MD"};
  const long long today = now;
  now = today - 3 * 365 * 86400LL;
  auto old = store.Create({condition->id, "old-answer", 1, {"An old answer?", "Old.", ""}, team, true});
  ASSERT_TRUE(old.ok());
  ASSERT_TRUE(store.Approve(store.Versions(old->id)->back().id, reviewer).ok());
  now = today - 10 * 86400LL;
  ASSERT_TRUE(store.Create({condition->id, "new-answer", 2, {"A new answer?", "New.", ""}, team, true}).ok());
  now = today - 86400LL;
  ASSERT_TRUE(store.EditAndSubmit(store.Versions(old->id)->back().id, {"An old answer?", "Old, renewed.", ""}, team)
                  .ok());

  SignInEveryone();
  const std::string queue = Get("/editorial", rita_).body;
  const std::size_t old_at = queue.find("An old answer?");
  const std::size_t new_at = queue.find("A new answer?");
  ASSERT_NE(old_at, std::string::npos);
  ASSERT_NE(new_at, std::string::npos);
  EXPECT_LT(old_at, new_at);
  EXPECT_TRUE(Has(queue, "Review overdue"));
  EXPECT_TRUE(Has(queue, "come first"));
}

INSTANTIATE_TEST_SUITE_P(Backends, EditorialTest, ::testing::ValuesIn(AllBackends()), Backends);

}  // namespace
}  // namespace diseasemaps::testing
