// What a condition's page shows of its answers: a JSON view model for the template and
// schema.org FAQPage JSON-LD, built so that the page can never present unreviewed text
// as medically reviewed.
//
//   - An answer with a published version shows that version (an approved one), with
//     the reviewer's name, credentials and date, even while a newer draft waits.
//   - An answer never approved shows its latest version only when it was submitted
//     for review, marked `reviewed: false` and labelled "Editorial draft — not yet
//     medically reviewed". A draft still being written, or a version a reviewer
//     returned, is not shown at all.
//   - The FAQPage JSON-LD holds published answers only; drafts never reach it.
//
// In a language other than English, each answer shows its translation into that
// language by the same rules (a translation is "reviewed" only when a reviewer approved
// that translated version; one waiting for review shows as a draft); an answer with no
// translation to show shows its English text as above, marked `in_english` (the page
// puts lang="en" on it and says it is not translated yet).
//
// An answer's references are the items of a "## References" (or "Sources") section at
// the end of its Markdown: that section is taken out of body_html and given as a list,
// each item with its first web link, or a PubMed link made from a "PMID: n" in it.
//
// Pure functions (plus one convenience loader); thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "articles/answer.h"
#include "platform/db/database.h"
#include "platform/status.h"

namespace diseasemaps::articles {

// The view model, for `now` (Unix seconds, for "Review overdue"):
// {
//   "answers": [{
//     "slug": "what-causes-it", "anchor": "answer-what-causes-it",
//     "question": "…", "short_answer": "…",
//     "body_html": "<p>…</p>",   // safe HTML from Markdown: insert unescaped ({{{body_html}}})
//     "reviewed": true, "draft": false, "overdue": false,
//     "status": "published" | "submitted" | "draft",
//     "header": "Short answer · Medically reviewed by Dr A, MD · Last updated 2026-04-07"
//               or "Editorial draft — not yet medically reviewed",
//     "overdue_label": "Review overdue" (only when overdue),
//     "reviewer_name": "…", "reviewer_credentials": "…", "last_updated": "2026-04-07"
//                                                     (only when reviewed),
//     "version": 3,
//     "references": [{"label": "Orphanet. Opsoclonus-myoclonus syndrome (ORPHA:1183).",
//                     "url": "https://www.orpha.net/…"}],   // url "" when the item has none
//     "has_references": true,
//     "in_english": false, "text_lang": "en" | false,
//     "in_english_note": "This answer has not been translated yet; …" | false
//   }, …],
//   "has_answers": true, "reviewed_count": 2, "draft_count": 1, "has_reviewed": true,
//   "has_drafts": true, "in_english_count": 0
// }
// `lang`: the page's language (AnswerSnapshot::translation must be in it).
nlohmann::json AnswersView(const std::vector<AnswerSnapshot>& answers, long long now, std::string_view lang = "en");

// schema.org FAQPage JSON-LD of the reviewed answers the page shows in `lang`, ready to
// sit inside <script type="application/ld+json"> (every '<' is written \u003c). Empty
// when none is: a page of drafts has no FAQPage. In another language than English each
// question says its `inLanguage` ("en" for an answer shown in English).
std::string FaqPageJsonLd(const std::vector<AnswerSnapshot>& answers, const std::string& page_url,
                          std::string_view lang = "en");

// An answer's Markdown body as the condition page shows it: safe HTML (headings from
// <h4>) without its references section, and that section's items as
// [{"label": "…", "url": "…"}] (url "" when an item has none). The editor's preview
// uses it, so a preview looks like the page. Fails with TooLarge past
// kMaxMarkdownBytes.
struct AnswerBodyHtml {
  std::string html;
  nlohmann::json references = nlohmann::json::array();
};
Result<AnswerBodyHtml> RenderAnswerBody(std::string_view markdown);

struct ConditionAnswers {
  nlohmann::json view;     // AnswersView(…)
  std::string faq_jsonld;  // FaqPageJsonLd(…), maybe empty
};

// Reads the condition's answers (AnswerStore::ForCondition) in `lang` (a code of
// i18n::Languages(); anything else reads as "en") and builds both. Fails only when the
// database does (Unavailable/Internal); a condition without answers gives an empty
// list.
Result<ConditionAnswers> LoadConditionAnswers(Database& db, long long condition_id,
                                              const std::string& page_url, long long now,
                                              std::string_view lang = "en");

}  // namespace diseasemaps::articles
