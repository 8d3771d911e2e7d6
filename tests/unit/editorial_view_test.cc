// The editorial screens without HTTP: form parsing and checks, who may review, the
// review queue's order, and the pages' view models rendered through their templates.
#include "articles/editorial_view.h"

#include <gtest/gtest.h>

#include "articles/answer_rules.h"
#include "platform/markdown.h"

namespace diseasemaps::articles {
namespace {

using guard::Role;
using guard::Viewer;
using nlohmann::json;

constexpr long long kDay = 86400;
constexpr long long kNow = 1775520000;  // 2026-04-07T00:00:00Z

bool Has(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

Viewer User(long long id, std::set<Role> roles, std::string name = "", std::string credentials = "") {
  Viewer v;
  v.user_id = id;
  v.display_name = name.empty() ? "user " + std::to_string(id) : name;
  v.credentials = std::move(credentials);
  v.roles = std::move(roles);
  return v;
}

const Viewer kEditor = User(1, {Role::kEditor}, "Edith Editor");
const Viewer kReviewer = User(2, {Role::kReviewer}, "Dr Rita Reviewer", "MD, neurologist");
const Viewer kOtherReviewer = User(3, {Role::kReviewer}, "Dr Sam Second", "MD");

AnswerVersion Version(long long id, int number, AnswerStatus status, std::optional<long long> author = 1) {
  AnswerVersion v;
  v.id = id;
  v.answer_id = 7;
  v.number = number;
  v.status = status;
  v.content = {"What causes it?", "An immune reaction.", "## Why\n\nBecause.\n"};
  v.author_label = author ? "user " + std::to_string(*author) : "DiseaseMaps editorial team";
  v.author_user_id = author;
  v.created_at = kNow - 10 * kDay;
  v.updated_at = kNow - 9 * kDay;
  if (status != AnswerStatus::kDraft) v.submitted_at = kNow - 8 * kDay;
  if (status == AnswerStatus::kApproved || status == AnswerStatus::kReturned) {
    v.reviewed_at = kNow - 7 * kDay;
    v.reviewer_name = "Dr Rita Reviewer";
    v.reviewer_credentials = "MD, neurologist";
    v.review_comment = status == AnswerStatus::kReturned ? "Cite the 2022 consensus." : "";
  }
  return v;
}

AnswerEvent Event(long long version_id, const std::string& action, std::optional<long long> actor) {
  AnswerEvent e;
  e.answer_id = 7;
  e.version_id = version_id;
  e.action = action;
  e.actor_user_id = actor;
  e.actor_label = actor ? "user " + std::to_string(*actor) : "team";
  e.created_at = kNow - kDay;
  return e;
}

AnswerWorkspace Workspace(std::vector<AnswerVersion> versions, std::optional<long long> published = std::nullopt) {
  AnswerWorkspace w;
  w.answer.id = 7;
  w.answer.slug = "causes";
  w.answer.condition_id = 3;
  if (published) {
    w.answer.published_version_id = published;
    for (const AnswerVersion& v : versions) {
      if (v.id == *published) w.answer.last_reviewed_at = v.reviewed_at;
    }
  }
  w.condition = {3, 1183, "Opsoclonus-myoclonus syndrome", "opsoclonus-myoclonus-syndrome"};
  w.versions = std::move(versions);
  for (const AnswerVersion& v : w.versions) w.events.push_back(Event(v.id, "create", v.author_user_id));
  return w;
}

EditorialItem Item(long long answer_id, long long submitted_at, std::optional<long long> last_reviewed_at) {
  EditorialItem item;
  item.answer.id = answer_id;
  item.answer.slug = "a" + std::to_string(answer_id);
  if (last_reviewed_at) {
    item.answer.published_version_id = answer_id * 10;
    item.answer.last_reviewed_at = last_reviewed_at;
  }
  item.condition = {3, 1183, "OMS", "oms"};
  item.latest = Version(answer_id * 10 + 1, 2, AnswerStatus::kSubmitted);
  item.latest.answer_id = answer_id;
  item.latest.submitted_at = submitted_at;
  return item;
}

// ---- Who may review ----------------------------------------------------------------

TEST(MayReviewTest, ReviewersNeverSignOffTextTheyWrote) {
  const AnswerVersion by_editor = Version(10, 1, AnswerStatus::kSubmitted, kEditor.user_id);
  const AnswerVersion by_reviewer = Version(11, 1, AnswerStatus::kSubmitted, kReviewer.user_id);
  const AnswerVersion shipped = Version(12, 1, AnswerStatus::kSubmitted, std::nullopt);
  struct Row {
    const char* who;
    Viewer viewer;
    const AnswerVersion& version;
    std::vector<AnswerEvent> events;
    bool allowed;
  };
  const std::vector<Row> table = {
      {"anonymous", Viewer{}, by_editor, {}, false},
      {"editor", kEditor, by_editor, {}, false},
      {"editor on another's text", kEditor, by_reviewer, {}, false},
      {"reviewer, another's text", kReviewer, by_editor, {Event(10, "create", 1)}, true},
      {"reviewer, own text", kReviewer, by_reviewer, {}, false},
      {"other reviewer", kOtherReviewer, by_reviewer, {Event(11, "create", 2)}, true},
      {"reviewer who edited it", kReviewer, by_editor, {Event(10, "create", 1), Event(10, "edit", 2)}, false},
      {"reviewer who edited another version", kReviewer, by_editor, {Event(9, "edit", 2)}, true},
      {"reviewer who only submitted it", kReviewer, by_editor, {Event(10, "submit", 2)}, true},
      {"reviewer, shipped content", kReviewer, shipped, {Event(12, "create", std::nullopt)}, true},
  };
  for (const Row& row : table) {
    EXPECT_EQ(MayReview(row.viewer, row.version, row.events), row.allowed) << row.who;
  }
  Viewer suspended = kOtherReviewer;
  suspended.suspended = true;
  EXPECT_FALSE(MayReview(suspended, by_editor, {}));
}

// ---- The review queue --------------------------------------------------------------

TEST(ReviewQueueTest, OverdueAnswersComeFirstThenOldestSubmission) {
  const long long two_years_ago = kNow - 800 * kDay;
  std::vector<EditorialItem> items = {
      Item(1, kNow - 5 * kDay, std::nullopt),          // new answer, sent 5 days ago
      Item(2, kNow - 1 * kDay, two_years_ago),         // overdue, sent yesterday
      Item(3, kNow - 9 * kDay, kNow - 100 * kDay),     // reviewed recently, sent 9 days ago
      Item(4, kNow - 2 * kDay, two_years_ago - kDay),  // overdue, sent 2 days ago
  };
  SortReviewQueue(items, kNow);
  std::vector<long long> order;
  for (const EditorialItem& item : items) order.push_back(item.answer.id);
  EXPECT_EQ(order, (std::vector<long long>{4, 2, 3, 1}));
}

TEST(ReviewQueueTest, TheDatabaseBoundKeepsEveryOverdueReview) {
  // Every review overdue at `now` was made before OverdueCandidatesBefore(now), whatever
  // the calendar (29 February, months of 28 to 31 days).
  for (long long now = kNow; now < kNow + 4 * 365 * kDay; now += 7 * kDay + 3600) {
    const long long bound = OverdueCandidatesBefore(now);
    for (long long back = 700 * kDay; back < 760 * kDay; back += kDay / 2) {
      const long long reviewed_at = now - back;
      if (ReviewOverdue(reviewed_at, now)) {
        ASSERT_LT(reviewed_at, bound) << now << " " << reviewed_at;
      }
    }
  }
}

// ---- Dashboard ---------------------------------------------------------------------

TEST(DashboardViewTest, ListsDraftsWithCommentsTheQueueAndOverdueAnswers) {
  DashboardData data;
  EditorialItem returned = Item(5, kNow - kDay, std::nullopt);
  returned.latest = Version(51, 1, AnswerStatus::kReturned, kEditor.user_id);
  data.drafts.push_back(returned);
  data.waiting = {Item(2, kNow - kDay, kNow - 800 * kDay), Item(3, kNow - 2 * kDay, std::nullopt)};
  EditorialItem stale = Item(8, kNow, kNow - 900 * kDay);
  stale.latest.status = AnswerStatus::kApproved;
  EditorialItem fresh = Item(9, kNow, kNow - 300 * kDay);  // not overdue: filtered out
  fresh.latest.status = AnswerStatus::kApproved;
  data.overdue = {stale, fresh};

  const json view = DashboardView(data, kReviewer, kNow);
  ASSERT_EQ(view["drafts"].size(), 1u);
  EXPECT_EQ(view["drafts"][0]["is_returned"], true);
  EXPECT_EQ(view["drafts"][0]["comment"], "Cite the 2022 consensus.");
  EXPECT_EQ(view["drafts"][0]["href"], "/editorial/answers/5");
  ASSERT_EQ(view["waiting"].size(), 2u);
  EXPECT_EQ(view["waiting"][0]["overdue"], true);
  EXPECT_EQ(view["waiting"][1]["overdue"], false);
  EXPECT_EQ(view["has_waiting_overdue"], true);
  ASSERT_EQ(view["overdue"].size(), 1u);
  EXPECT_EQ(view["overdue"][0]["href"], "/editorial/answers/8");
  EXPECT_EQ(view["can_review"], true);

  const std::string html = RenderEditorialPage("editorial_dashboard", view);
  EXPECT_TRUE(Has(html, "My drafts"));
  EXPECT_TRUE(Has(html, "Cite the 2022 consensus."));
  EXPECT_TRUE(Has(html, "Waiting for review <span class=\"count\">(2)</span>"));
  EXPECT_LT(html.find("/editorial/answers/2"), html.find("/editorial/answers/3"));
  EXPECT_TRUE(Has(html, "Review overdue"));
  EXPECT_TRUE(Has(html, "<meta name=\"robots\" content=\"noindex\">"));
}

// ---- Workspace ---------------------------------------------------------------------

TEST(WorkspaceViewTest, AReviewerWhoMayReviewGetsTheFormWithACsrfToken) {
  const AnswerWorkspace w = Workspace({Version(10, 1, AnswerStatus::kSubmitted, kEditor.user_id)});
  const json view = WorkspaceView(w, kReviewer, "tok3n", kNow, {});
  EXPECT_EQ(view["review"]["allowed"], true);
  EXPECT_EQ(view["editable"], false);  // under review: nobody edits it
  const std::string html = RenderEditorialPage("editorial_answer", view);
  EXPECT_TRUE(Has(html, "value=\"approve\">Approve and publish</button>"));
  EXPECT_TRUE(Has(html, "value=\"return\" class=\"secondary\">Return to editor</button>"));
  EXPECT_TRUE(Has(html, "Medically reviewed by Dr Rita Reviewer, MD, neurologist"));
  EXPECT_TRUE(Has(html, "<label for=\"review-comment\">"));
  // Every form that changes something carries the token.
  std::size_t forms = 0;
  for (std::size_t at = html.find("method=\"post\""); at != std::string::npos; at = html.find("method=\"post\"", at + 1)) {
    ++forms;
    const std::size_t end = html.find("</form>", at);
    EXPECT_TRUE(Has(html.substr(at, end - at), "<input type=\"hidden\" name=\"csrf\" value=\"tok3n\">"));
  }
  EXPECT_EQ(forms, 1u);
}

TEST(WorkspaceViewTest, EditorsAndAuthorsSeeTheVersionWaitWithoutReviewButtons) {
  const AnswerWorkspace w = Workspace({Version(10, 1, AnswerStatus::kSubmitted, kReviewer.user_id)});
  const std::string as_editor = RenderEditorialPage("editorial_answer", WorkspaceView(w, kEditor, "t", kNow, {}));
  EXPECT_FALSE(Has(as_editor, "value=\"approve\""));
  EXPECT_TRUE(Has(as_editor, "waiting for a medical reviewer"));
  const std::string as_author = RenderEditorialPage("editorial_answer", WorkspaceView(w, kReviewer, "t", kNow, {}));
  EXPECT_FALSE(Has(as_author, "value=\"approve\""));
  EXPECT_TRUE(Has(as_author, "another medical reviewer must approve or return it"));
}

TEST(WorkspaceViewTest, EditingAPublishedAnswerSaysANewVersionStartsAndTheOldStaysPublic) {
  const AnswerWorkspace w = Workspace({Version(10, 1, AnswerStatus::kApproved)}, 10);
  const json view = WorkspaceView(w, kEditor, "t", kNow, {});
  EXPECT_EQ(view["editable"], true);
  EXPECT_EQ(view["starts_new_version"], true);
  EXPECT_EQ(view["published"]["number"], 1);
  EXPECT_EQ(view["public_href"], "/conditions/opsoclonus-myoclonus-syndrome#answer-causes");
  const std::string html = RenderEditorialPage("editorial_answer", view);
  EXPECT_TRUE(Has(html, "Edit: saving starts version 2"));
  EXPECT_TRUE(Has(html, "stays public until a reviewer approves the new version"));
  EXPECT_TRUE(Has(html, "name=\"version\" value=\"10\""));
  EXPECT_TRUE(Has(html, "value=\"preview\""));
  EXPECT_TRUE(Has(html, "value=\"save\">Save draft</button>"));
  EXPECT_TRUE(Has(html, "value=\"submit\">Submit for review</button>"));
  EXPECT_TRUE(Has(html, "<label for=\"answer-body\">Full answer, in Markdown</label>"));
  EXPECT_TRUE(Has(html, "aria-describedby=\"answer-body-hint\""));
}

TEST(WorkspaceViewTest, AReturnedVersionShowsTheReviewersComment) {
  const AnswerWorkspace w = Workspace({Version(10, 1, AnswerStatus::kReturned)});
  const std::string html = RenderEditorialPage("editorial_answer", WorkspaceView(w, kEditor, "t", kNow, {}));
  EXPECT_TRUE(Has(html, "Returned by Dr Rita Reviewer"));
  EXPECT_TRUE(Has(html, "<blockquote>Cite the 2022 consensus.</blockquote>"));
  EXPECT_TRUE(Has(html, "Saving starts version 2"));
}

TEST(WorkspaceViewTest, MistakesComeBackBesideTheirFieldsWithWhatWasTyped) {
  const AnswerWorkspace w = Workspace({Version(10, 1, AnswerStatus::kDraft)});
  WorkspaceOptions options;
  options.form = AnswerForm{"", "", "<b>\"typed\"</b>", "body", "", "save", 10, "b4se"};
  options.errors = ValidateAnswerForm(*options.form, false);
  const std::string html = RenderEditorialPage("editorial_answer", WorkspaceView(w, kEditor, "t", kNow, options));
  EXPECT_TRUE(Has(html, "There is a problem"));
  EXPECT_TRUE(Has(html, "<a href=\"#answer-question\">Write the question"));
  EXPECT_TRUE(Has(html, "id=\"answer-question-error\""));
  EXPECT_TRUE(Has(html, "aria-describedby=\"answer-question-hint answer-question-error\" aria-invalid=\"true\""));
  EXPECT_TRUE(Has(html, "&lt;b&gt;&quot;typed&quot;&lt;/b&gt;</textarea>"));
  EXPECT_FALSE(Has(html, "<b>\"typed\"</b>"));
  EXPECT_TRUE(Has(html, "name=\"base\" value=\"b4se\""));
}

TEST(WorkspaceViewTest, PreviewIsRenderedByTheServerWithRawHtmlAndScriptLinksNeutralised) {
  const AnswerWorkspace w = Workspace({Version(10, 1, AnswerStatus::kDraft)});
  WorkspaceOptions options;
  options.preview = true;
  options.form = AnswerForm{"What causes it?", "", "In short.",
                            "## Why\n\n<script>alert(1)</script>\n\nText <img src=x onerror=alert(2)> "
                            "[click](javascript:alert(3)) [ok](https://www.orpha.net/)\n\n"
                            "## References\n\n1. Rossor T et al. PMID: 35260471\n",
                            "", "preview", 10, ""};
  const std::string html = RenderEditorialPage("editorial_answer", WorkspaceView(w, kEditor, "t", kNow, options));
  const std::size_t start = html.find("<section class=\"preview\"");
  ASSERT_NE(start, std::string::npos);
  const std::string preview = html.substr(start, html.find("</section>\n</div>", start) - start);
  EXPECT_TRUE(Has(preview, "<h4>Why</h4>"));
  EXPECT_FALSE(Has(preview, "<script"));
  EXPECT_FALSE(Has(preview, "<img"));
  EXPECT_FALSE(Has(preview, "javascript:"));
  EXPECT_TRUE(Has(preview, "<a href=\"https://www.orpha.net/\">ok</a>")) << preview;
  EXPECT_TRUE(Has(preview, "https://pubmed.ncbi.nlm.nih.gov/35260471/"));
  EXPECT_TRUE(Has(preview, "Editorial draft — not yet medically reviewed"));
  EXPECT_FALSE(Has(html, "<script>"));  // nowhere on the page, the form's copy is escaped
}

TEST(WorkspaceViewTest, VersionsLinkToTheirDiffs) {
  const AnswerWorkspace w = Workspace(
      {Version(10, 1, AnswerStatus::kApproved), Version(11, 2, AnswerStatus::kReturned),
       Version(12, 3, AnswerStatus::kDraft)},
      10);
  const json view = WorkspaceView(w, kEditor, "t", kNow, {});
  ASSERT_EQ(view["versions"].size(), 3u);
  EXPECT_EQ(view["versions"][0]["number"], 3);  // newest first
  EXPECT_EQ(view["versions"][0]["diff_previous_href"], "/editorial/answers/7/diff?from=2&to=3");
  EXPECT_EQ(view["versions"][0]["diff_published_href"], "/editorial/answers/7/diff?from=1&to=3");
  EXPECT_EQ(view["versions"][2]["is_published"], true);
  EXPECT_EQ(view["versions"][2]["diff_previous_href"], false);
  const std::string html = RenderEditorialPage("editorial_answer", view);
  EXPECT_TRUE(Has(html, "<option value=\"1\" selected>Version 1 (Approved)</option>"));
  EXPECT_TRUE(Has(html, "Compare two versions"));
}

// ---- Diff --------------------------------------------------------------------------

TEST(DiffRowsViewTest, LongUnchangedRunsAreCutToTheirContext) {
  std::string before;
  std::string after;
  for (int i = 1; i <= 20; ++i) {
    before += "line " + std::to_string(i) + "\n";
    after += (i == 10 ? std::string("line ten") : "line " + std::to_string(i)) + "\n";
  }
  const json rows = DiffRowsView(DiffLines(before, after), 3);
  ASSERT_EQ(rows.size(), 10u);
  EXPECT_EQ(rows[0]["skip"], true);
  EXPECT_EQ(rows[0]["skipped"], 6);
  EXPECT_EQ(rows[1]["text"], "line 7");
  EXPECT_EQ(rows[4]["removed"], true);
  EXPECT_EQ(rows[4]["text"], "line 10");
  EXPECT_EQ(rows[5]["added"], true);
  EXPECT_EQ(rows[5]["text"], "line ten");
  EXPECT_EQ(rows[8]["text"], "line 13");
  EXPECT_EQ(rows[9]["skipped"], 7);
  EXPECT_TRUE(DiffRowsView(DiffLines("same\n", "same\n"), 3).empty());
  // A gap of one line is shown rather than replaced by a marker.
  EXPECT_EQ(DiffRowsView(DiffLines("a\nb\nc\nd\ne\nf\ng\nh\ni\n", "A\nb\nc\nd\ne\nf\ng\nh\nI\n"), 3).size(), 11u);
}

TEST(DiffViewTest, ChangesAreMarkedWithDelAndInsVisibleSignsAndWords) {
  AnswerVersion v1 = Version(10, 1, AnswerStatus::kApproved);
  AnswerVersion v2 = Version(11, 2, AnswerStatus::kDraft);
  v2.content.short_answer = "An immune reaction, often after a virus.";
  v2.content.body_markdown = "## Why\n\nBecause.\n\nAnd <more>.\n";
  const AnswerWorkspace w = Workspace({v1, v2}, 10);
  const json view = DiffView(w, v1, v2);
  EXPECT_EQ(view["summary"], "1 line removed, 3 lines added");
  EXPECT_EQ(view["sections"][0]["changed"], false);
  const std::string html = RenderEditorialPage("editorial_diff", view);
  EXPECT_TRUE(Has(html, "Changes from version 1 to version 2"));
  EXPECT_TRUE(Has(html, "<del><span class=\"diff-marker\" aria-hidden=\"true\">−</span><span class=\"visually-hidden\">Removed: </span><span class=\"diff-text\">An immune reaction.</span></del>"));
  EXPECT_TRUE(Has(html, "<ins><span class=\"diff-marker\" aria-hidden=\"true\">+</span><span class=\"visually-hidden\">Added: </span><span class=\"diff-text\">An immune reaction, often after a virus.</span></ins>"));
  EXPECT_TRUE(Has(html, "And &lt;more&gt;."));
  EXPECT_TRUE(Has(html, "(blank line)"));
  EXPECT_TRUE(Has(html, "No change."));
}

TEST(DoneNoticeTest, KnownStepsOnly) {
  EXPECT_EQ(DoneNotice("saved"), "Draft saved.");
  EXPECT_TRUE(Has(DoneNotice("approved"), "published answer"));
  EXPECT_EQ(DoneNotice("<script>"), "");
  EXPECT_EQ(IsoMinute(kNow + 14 * 3600 + 3 * 60 + 59), "2026-04-07 14:03 UTC");
}

}  // namespace
}  // namespace diseasemaps::articles
