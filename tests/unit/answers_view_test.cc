#include "articles/answers_view.h"

#include "articles/answer_content.h"
#include "platform/i18n.h"
#include "platform/templates.h"

#include <gtest/gtest.h>

namespace diseasemaps::articles {
namespace {

using nlohmann::json;

constexpr long long kReviewedAt = 1775520000;  // 2026-04-07T00:00:00Z
constexpr long long kNow = kReviewedAt + 86400 * 30;

bool Has(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

AnswerVersion Version(long long id, int number, AnswerStatus status, const std::string& text) {
  AnswerVersion v;
  v.id = id;
  v.answer_id = 1;
  v.number = number;
  v.status = status;
  v.content = {"Question " + text + "?", "Short " + text + ".",
               "## " + text + "\n\nSee [Orphanet](https://www.orpha.net/x) and [causes](#causes).\n\n"
               "## References\n\n"
               "1. Orphanet. Opsoclonus-myoclonus syndrome (ORPHA:1183). https://www.orpha.net/en/disease/detail/1183\n"
               "2. Rossor T et al. Diagnosis and management. Neurol Neuroimmunol Neuroinflamm 2022. PMID: 35260471\n"
               "3. A book without a link\n"};
  v.author_label = "DiseaseMaps editorial team";
  if (status == AnswerStatus::kApproved || status == AnswerStatus::kReturned) {
    v.submitted_at = kReviewedAt - 100;
    v.reviewed_at = kReviewedAt;
    v.reviewer_name = "Dr Jane Doe";
    v.reviewer_credentials = "MD, neurologist";
  }
  return v;
}

AnswerSnapshot Snapshot(const std::string& slug, std::optional<AnswerVersion> published, AnswerVersion latest) {
  AnswerSnapshot s;
  s.answer.id = latest.answer_id;
  s.answer.slug = slug;
  s.answer.question = latest.content.question;
  if (published) {
    s.answer.published_version_id = published->id;
    s.answer.last_reviewed_at = published->reviewed_at;
  }
  s.published = std::move(published);
  s.latest = std::move(latest);
  return s;
}

TEST(AnswersView, PublishedAnswerShowsItsApprovedVersionEvenWithANewerDraft) {
  const AnswerVersion approved = Version(1, 1, AnswerStatus::kApproved, "approved");
  const json view = AnswersView({Snapshot("causes", approved, Version(2, 2, AnswerStatus::kDraft, "draft"))}, kNow);
  ASSERT_EQ(view["answers"].size(), 1u);
  const json& a = view["answers"][0];
  EXPECT_EQ(a["question"], "Question approved?");
  EXPECT_EQ(a["short_answer"], "Short approved.");
  EXPECT_TRUE(Has(a["body_html"], "<h4>approved</h4>"));
  EXPECT_EQ(a["reviewed"], true);
  EXPECT_EQ(a["draft"], false);
  EXPECT_EQ(a["overdue"], false);
  EXPECT_EQ(a["status"], "published");
  EXPECT_EQ(a["version"], 1);
  EXPECT_EQ(a["anchor"], "answer-causes");
  EXPECT_EQ(a["header"],
            "Short answer · Medically reviewed by Dr Jane Doe, MD, neurologist · Last updated 7 April 2026");
  EXPECT_EQ(a["last_updated"], "2026-04-07");
  // The References section becomes a list, out of the body.
  EXPECT_FALSE(Has(a["body_html"], "References"));
  EXPECT_FALSE(Has(a["body_html"], "Rossor"));
  EXPECT_TRUE(Has(a["body_html"], "href=\"https://www.orpha.net/x\""));
  ASSERT_EQ(a["references"].size(), 3u);
  EXPECT_EQ(a["references"][0]["label"], "Orphanet. Opsoclonus-myoclonus syndrome (ORPHA:1183).");
  EXPECT_EQ(a["references"][0]["url"], "https://www.orpha.net/en/disease/detail/1183");
  EXPECT_EQ(a["references"][1]["label"],
            "Rossor T et al. Diagnosis and management. Neurol Neuroimmunol Neuroinflamm 2022. PMID: 35260471");
  EXPECT_EQ(a["references"][1]["url"], "https://pubmed.ncbi.nlm.nih.gov/35260471/");
  EXPECT_EQ(a["references"][2]["label"], "A book without a link");
  EXPECT_EQ(a["references"][2]["url"], "");
  EXPECT_EQ(a["has_references"], true);
  EXPECT_EQ(view["reviewed_count"], 1);
  EXPECT_EQ(view["draft_count"], 0);
}

TEST(AnswersView, NeverApprovedAnswersAreEditorialDrafts) {
  const json view = AnswersView({Snapshot("a", std::nullopt, Version(1, 1, AnswerStatus::kSubmitted, "submitted")),
                                 Snapshot("b", std::nullopt, Version(2, 1, AnswerStatus::kDraft, "draft")),
                                 Snapshot("c", std::nullopt, Version(3, 1, AnswerStatus::kReturned, "returned"))},
                                kNow);
  // Only what was sent for review shows: a draft being written and a returned version
  // stay in the editorial screens.
  ASSERT_EQ(view["answers"].size(), 1u);
  for (const json& a : view["answers"]) {
    EXPECT_EQ(a["reviewed"], false);
    EXPECT_EQ(a["draft"], true);
    EXPECT_EQ(a["header"], "Editorial draft — not yet medically reviewed");
    EXPECT_FALSE(a.contains("reviewer_name"));
    EXPECT_FALSE(a.contains("last_updated"));
    EXPECT_FALSE(Has(a.dump(), "Medically reviewed by"));
  }
  EXPECT_EQ(view["answers"][0]["status"], "submitted");
  EXPECT_EQ(view["has_reviewed"], false);
  EXPECT_EQ(view["has_drafts"], true);
  EXPECT_EQ(FaqPageJsonLd({Snapshot("a", std::nullopt, Version(1, 1, AnswerStatus::kSubmitted, "s"))}, "/x"), "");
}

// A snapshot that claims a published version which is not approved (a bug elsewhere,
// or a hand-edited row) is still not shown as reviewed.
TEST(AnswersView, AnUnapprovedPublishedVersionIsNotCalledReviewed) {
  AnswerVersion odd = Version(1, 1, AnswerStatus::kSubmitted, "odd");
  const json view = AnswersView({Snapshot("a", odd, odd)}, kNow);
  ASSERT_EQ(view["answers"].size(), 1u);
  EXPECT_EQ(view["answers"][0]["reviewed"], false);
  EXPECT_EQ(view["answers"][0]["header"], "Editorial draft — not yet medically reviewed");
  EXPECT_EQ(FaqPageJsonLd({Snapshot("a", odd, odd)}, "/x"), "");
}

TEST(AnswersView, OverdueAfterTwentyFourMonths) {
  const AnswerVersion approved = Version(1, 1, AnswerStatus::kApproved, "old");
  const long long later = kReviewedAt + 86400LL * 732;  // 2028-04-08: 24 months and a day
  const json view = AnswersView({Snapshot("a", approved, approved)}, later);
  EXPECT_EQ(view["answers"][0]["overdue"], true);
  EXPECT_EQ(view["answers"][0]["overdue_label"], "Review overdue");
  EXPECT_EQ(view["answers"][0]["reviewed"], true);  // still the reviewed text, flagged
}

TEST(AnswersView, FaqPageHoldsPublishedAnswersOnly) {
  AnswerVersion approved = Version(1, 1, AnswerStatus::kApproved, "published");
  approved.content.short_answer = "Tumours </script><script>alert(1)</script> & infections.";
  const std::string ld = FaqPageJsonLd({Snapshot("a", approved, Version(2, 2, AnswerStatus::kDraft, "newer")),
                                        Snapshot("b", std::nullopt, Version(3, 1, AnswerStatus::kSubmitted, "pending"))},
                                       "https://maps.example/conditions/oms");
  ASSERT_FALSE(ld.empty());
  EXPECT_FALSE(Has(ld, "<"));  // nothing that could end the <script> block
  const json parsed = json::parse(ld);
  EXPECT_EQ(parsed["@type"], "FAQPage");
  EXPECT_EQ(parsed["url"], "https://maps.example/conditions/oms");
  ASSERT_EQ(parsed["mainEntity"].size(), 1u);
  EXPECT_EQ(parsed["mainEntity"][0]["@type"], "Question");
  EXPECT_EQ(parsed["mainEntity"][0]["name"], "Question published?");
  const std::string text = parsed["mainEntity"][0]["acceptedAnswer"]["text"];
  EXPECT_TRUE(Has(text, "<p>Tumours &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; infections.</p>"));
  EXPECT_TRUE(Has(text, "<h4>published</h4>"));
  EXPECT_FALSE(Has(ld, "newer"));
  EXPECT_FALSE(Has(ld, "pending"));
}

TEST(AnswersView, HostileMarkdownIsRenderedSafely) {
  AnswerVersion v = Version(1, 1, AnswerStatus::kSubmitted, "x");
  v.content.body_markdown = "<script>alert(1)</script>\n\n[click](javascript:alert(1)) <img src=x onerror=alert(1)>";
  const json view = AnswersView({Snapshot("a", std::nullopt, v)}, kNow);
  const std::string html = view["answers"][0]["body_html"];
  EXPECT_FALSE(Has(html, "<script"));
  EXPECT_FALSE(Has(html, "javascript:"));
  EXPECT_FALSE(Has(html, "<img"));
  EXPECT_TRUE(Has(html, "click"));
}

// The answers shipped in content/answers render with their headings under the page's
// own, their references split off, and as drafts until a reviewer approves them.
TEST(AnswersView, ShippedAnswersRender) {
  auto shipped = EmbeddedAnswers();
  ASSERT_TRUE(shipped.ok()) << shipped.status().message();
  std::vector<AnswerSnapshot> snapshots;
  long long id = 1;
  for (const ContentAnswer& a : *shipped) {
    AnswerVersion v;
    v.id = id;
    v.answer_id = id++;
    v.number = 1;
    v.status = AnswerStatus::kSubmitted;
    v.content = a.content;
    snapshots.push_back(Snapshot(a.slug, std::nullopt, v));
  }
  const json view = AnswersView(snapshots, kNow);
  ASSERT_EQ(view["answers"].size(), shipped->size());
  for (const json& a : view["answers"]) {
    const std::string html = a["body_html"];
    EXPECT_FALSE(html.empty()) << a["slug"];
    EXPECT_FALSE(Has(html, "<h1") || Has(html, "<h2")) << a["slug"];
    EXPECT_FALSE(Has(html, ">References<")) << a["slug"];
    EXPECT_EQ(a["reviewed"], false);
    for (const json& r : a["references"]) {
      EXPECT_FALSE(std::string(r["label"]).empty()) << a["slug"];
      EXPECT_FALSE(Has(r["label"], "https://")) << r["label"];
    }
  }
  EXPECT_EQ(FaqPageJsonLd(snapshots, "/x"), "");
}

TEST(AnswersView, NoAnswers) {
  const json view = AnswersView({}, kNow);
  EXPECT_EQ(view["answers"].size(), 0u);
  EXPECT_EQ(view["has_answers"], false);
  EXPECT_EQ(FaqPageJsonLd({}, "/x"), "");
}

// ---- Answers in a language other than English ---------------------------------------

// `s` with a translation whose published and latest versions are given.
AnswerSnapshot Translated(AnswerSnapshot s, std::optional<AnswerVersion> published, AnswerVersion latest) {
  TranslationSnapshot t;
  t.translation.id = 9;
  t.translation.answer_id = s.answer.id;
  t.translation.lang = "es";
  if (published) {
    t.translation.published_version_id = published->id;
    t.translation.last_reviewed_at = published->reviewed_at;
  }
  t.published = std::move(published);
  t.latest = std::move(latest);
  s.translation = std::move(t);
  return s;
}

TEST(AnswersViewInLanguages, ADraftOrReturnedTranslationLeavesTheEnglishAnswerWithANote) {
  const AnswerVersion english = Version(1, 1, AnswerStatus::kApproved, "english");
  for (AnswerStatus status : {AnswerStatus::kDraft, AnswerStatus::kReturned}) {
    const auto s = Translated(Snapshot("a", english, english), std::nullopt, Version(20, 1, status, "spanish"));
    const json view = AnswersView({s}, kNow, "es");
    ASSERT_EQ(view["answers"].size(), 1u);
    EXPECT_EQ(view["answers"][0]["question"], "Question english?");
    EXPECT_EQ(view["answers"][0]["in_english"], true);
    EXPECT_EQ(view["answers"][0]["text_lang"], "en");
    EXPECT_EQ(view["answers"][0]["reviewed"], true);  // the English text is reviewed
    EXPECT_EQ(view["in_english_count"], 1);
    // In English the same snapshot carries no note.
    EXPECT_EQ(AnswersView({s}, kNow, "en")["answers"][0]["in_english"], false);
  }
}

TEST(AnswersViewInLanguages, ASubmittedTranslationIsADraftAndAnApprovedOneIsReviewed) {
  const AnswerVersion english = Version(1, 1, AnswerStatus::kApproved, "english");
  const auto waiting = Translated(Snapshot("a", english, english), std::nullopt,
                                  Version(20, 1, AnswerStatus::kSubmitted, "spanish"));
  json view = AnswersView({waiting}, kNow, "es");
  EXPECT_EQ(view["answers"][0]["question"], "Question spanish?");
  EXPECT_EQ(view["answers"][0]["reviewed"], false);
  EXPECT_EQ(view["answers"][0]["in_english"], false);
  EXPECT_EQ(FaqPageJsonLd({waiting}, "/x", "es"), "");  // a draft is shown, so no FAQ entry

  AnswerVersion approved = Version(20, 1, AnswerStatus::kApproved, "spanish");
  approved.reviewer_name = "Dra. Rosa Revisora";
  const auto reviewed = Translated(Snapshot("a", english, english), approved, approved);
  view = AnswersView({reviewed}, kNow, "es");
  EXPECT_EQ(view["answers"][0]["reviewed"], true);
  EXPECT_EQ(view["answers"][0]["reviewer_name"], "Dra. Rosa Revisora");
  const std::string ld = FaqPageJsonLd({reviewed}, "/x", "es");
  EXPECT_TRUE(Has(ld, "Question spanish?"));
  EXPECT_TRUE(Has(ld, "\"inLanguage\":\"es\""));

  // An approved-looking translation version that is not the published one is a draft.
  const auto odd = Translated(Snapshot("a", english, english), std::nullopt, approved);
  EXPECT_EQ(AnswersView({odd}, kNow, "es")["answers"].size(), 1u);
  EXPECT_EQ(AnswersView({odd}, kNow, "es")["answers"][0]["in_english"], true);
}

TEST(AnswersViewInLanguages, TheConditionTemplateMarksEnglishTextAndSaysSo) {
  const AnswerVersion english = Version(1, 1, AnswerStatus::kApproved, "english");
  i18n::ScopedLanguage spanish("es");
  const json view = AnswersView({Snapshot("a", english, english)}, kNow, "es");
  const std::string html = Templates::Render("condition", {{"answers", view["answers"]}, {"has_answers", true}});
  EXPECT_TRUE(Has(html, "<h3 id=\"answer-a-question\" lang=\"en\">Question english?</h3>")) << html;
  EXPECT_TRUE(Has(html, "Esta respuesta aún no está traducida; se muestra en inglés.")) << html;
  EXPECT_TRUE(Has(html, "<span lang=\"en\">Short english.</span>")) << html;
  EXPECT_TRUE(Has(html, "<div class=\"answer-text\" lang=\"en\">")) << html;
}

}  // namespace
}  // namespace diseasemaps::articles
