// The editorial screens' view models: what the dashboard, the answer's workspace, the
// new-answer form and the diff page show, built as JSON for web/templates/editorial_*;
// and the order of the review queue. The forms' parsing and checks are in
// editorial_forms.h.
//
// Pure functions of their arguments (the clock is a `now` argument); thread-safe. They
// ask the guard (guard/guard.h) what a viewer may do and never decide it themselves.
// Every text goes to the templates as plain text (escaped there), except the rendered
// Markdown in `*_html` fields, which is safe HTML from platform/markdown.h.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "articles/answer.h"
#include "articles/answer_store.h"
#include "articles/editorial_forms.h"
#include "articles/version_diff.h"
#include "guard/guard.h"

namespace diseasemaps::articles {

// The most answers each dashboard list shows.
inline constexpr int kMaxListedAnswers = 200;
// Unchanged lines shown around each change on the diff page.
inline constexpr int kDiffContextLines = 3;

// True when `viewer` may approve or return `version`: the guard's CanReviewVersionBy
// holds for its author and for everyone who edited it (from `events`), so a reviewer
// who wrote any of a version's text cannot sign it off.
bool MayReview(const guard::Viewer& viewer, const AnswerVersion& version, const std::vector<AnswerEvent>& events);

// The bound for AnswerStore::WaitingForReview's and ReviewedBefore's `overdue_before`:
// every review overdue at `now` (ReviewOverdue) was made before it (24 calendar months
// are never shorter than 730 days), so callers filter the rest precisely.
long long OverdueCandidatesBefore(long long now);

// The review queue's order: answers whose published review is overdue at `now` first,
// then by submission, oldest first.
void SortReviewQueue(std::vector<EditorialItem>& items, long long now);

// "2026-04-07 14:03 UTC".
std::string IsoMinute(long long unix_seconds);

// A status as editors read it: "Draft", "Waiting for review", "Returned", "Approved".
std::string StatusLabel(AnswerStatus status);

// The dashboard (/editorial). `waiting` in queue order; `overdue` are published answers
// whose review has run out and that nobody has sent for review yet (filtered here with
// ReviewOverdue).
struct DashboardData {
  std::vector<EditorialItem> drafts;
  std::vector<EditorialItem> waiting;
  std::vector<EditorialItem> overdue;
  std::vector<TranslationItem> translations_waiting;  // translations waiting for review
};
nlohmann::json DashboardView(const DashboardData& data, const guard::Viewer& viewer, long long now);

// The new-answer page for a condition.
struct NewAnswerOptions {
  AnswerForm form;
  FieldErrors errors;
  std::string error;     // a message for the whole form
  bool preview = false;  // show the form's text rendered as the page will show it
  bool from_summary = false;  // the form holds the compiled summary (summary_draft.h)
};
nlohmann::json NewAnswerView(const ConditionRef& condition, const std::string& csrf, const NewAnswerOptions& options);

// What a translation's workspace knows of the English answer beside it.
struct TranslationContext {
  std::string lang;                             // "es"
  std::vector<AnswerVersion> english_versions;  // oldest first; REQUIRES: not empty
  std::optional<long long> english_published_id;
};

// Everything the workspace of one answer (or of one of its translations) shows, read
// from the store.
struct AnswerWorkspace {
  Answer answer;  // for a translation: published_version_id and last_reviewed_at are the translation's
  ConditionRef condition;
  std::vector<AnswerVersion> versions;  // oldest first; REQUIRES: not empty
  std::vector<AnswerEvent> events;      // oldest first
  // Set for a translation's workspace (TranslationHref); the English answer's otherwise.
  std::optional<TranslationContext> translation;
  // The English workspace lists the answer's translations.
  std::vector<TranslationSnapshot> translations;
};

// "/editorial/answers/7" and "/editorial/answers/7/translations/es".
std::string AnswerHref(long long answer_id);
std::string TranslationHref(long long answer_id, std::string_view lang);
// The workspace's own address: one of the two above.
std::string WorkspaceHref(const AnswerWorkspace& workspace);

// The English version a translation is made from now: the published one, else the
// latest. REQUIRES: `english_versions` not empty.
const AnswerVersion& CurrentEnglish(const std::vector<AnswerVersion>& english_versions,
                                    std::optional<long long> english_published_id);

// True when a translated version follows an English version older than the current
// one (CurrentEnglish): the English text changed since, so the translation may be out
// of date.
bool TranslationOutdated(const AnswerVersion& translated, const std::vector<AnswerVersion>& english_versions,
                         std::optional<long long> english_published_id);

// The name of a language for a menu ("Español"), or the code when unknown.
std::string LanguageName(std::string_view code);

// The new-translation page: the English answer beside an empty form, and a choice of
// language when none is chosen yet (`form.lang` empty) or the chosen one is refused.
struct NewTranslationOptions {
  AnswerForm form;
  FieldErrors errors;
  std::string error;
  bool preview = false;
};
nlohmann::json NewTranslationView(const AnswerWorkspace& english, const std::string& csrf,
                                  const NewTranslationOptions& options);

struct WorkspaceOptions {
  std::optional<AnswerForm> form;  // entered text to show instead of the latest version's
  FieldErrors errors;
  std::string error;               // a refused step, for the whole page
  std::string notice;              // what the last step did ("Draft saved.")
  bool preview = false;
  // The form holds text a refused step did not save: when the page has no edit form
  // (the answer is under review), it shows that text read-only, to copy.
  bool unsaved = false;
};
nlohmann::json WorkspaceView(const AnswerWorkspace& workspace, const guard::Viewer& viewer, const std::string& csrf,
                             long long now, const WorkspaceOptions& options);

// The notice for ?done=… after a step ("saved" -> "Draft saved."); "" when unknown.
std::string DoneNotice(std::string_view done);

// A diff's lines for the page: [{"same"|"removed"|"added"|"skip": true, "text", "old",
// "new", "blank", "skipped"}], with runs of unchanged lines cut to `context` lines
// around each change (a "skip" row says how many were left out). No change at all
// gives no rows.
nlohmann::json DiffRowsView(const LineDiff& diff, int context);

// The diff page between two versions of an answer.
nlohmann::json DiffView(const AnswerWorkspace& workspace, const AnswerVersion& from, const AnswerVersion& to);

// Renders an editorial page (editorial_dashboard, editorial_new, editorial_answer,
// editorial_diff) from its view model, with the pieces the pages share (the error
// summary, the answer's fields, an answer rendered as the page shows it) in
// `errors_html`, `fields_html` and `preview.rendered_html` / `review.rendered_html`,
// inside the site's layout.
std::string RenderEditorialPage(std::string_view template_name, nlohmann::json page);

}  // namespace diseasemaps::articles
