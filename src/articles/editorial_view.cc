#include "articles/editorial_view.h"

#include <algorithm>
#include <cstdio>

#include "articles/answer_rules.h"
#include "articles/answers_view.h"
#include "pages/moment.h"
#include "platform/i18n.h"
#include "platform/markdown.h"
#include "platform/templates.h"
#include "platform/text.h"

namespace diseasemaps::articles {
namespace {

using i18n::Tr;
using nlohmann::json;

// Field ids in the templates, for labels and the error summary's links.
constexpr const char* kFieldIds[][2] = {
    {"question", "answer-question"},   {"slug", "answer-slug"},       {"short_answer", "answer-short"},
    {"body_markdown", "answer-body"}, {"comment", "review-comment"},
};

// A text the templates test with {{#field}}: mustache treats "" as true, so an empty
// text goes as false.
json Maybe(std::string text) { return text.empty() ? json(false) : json(std::move(text)); }

std::string EditorHref(long long answer_id) { return AnswerHref(answer_id); }

std::string DiffHref(const std::string& base, int from, int to) {
  return base + "/diff?from=" + std::to_string(from) + "&to=" + std::to_string(to);
}

std::string ConditionHref(const ConditionRef& c) { return c.slug.empty() ? "" : "/conditions/" + c.slug; }

json ConditionView(const ConditionRef& c) {
  return {{"name", c.name}, {"orphacode", c.orphacode}, {"href", Maybe(ConditionHref(c))}};
}

// The answer on the public page, or "" while nothing of it is public.
std::string PublicHref(const ConditionRef& c, const Answer& a) {
  if (c.slug.empty()) return "";
  return "/conditions/" + c.slug + "#answer-" + a.slug;
}

bool Overdue(const Answer& a, long long now) {
  return a.published_version_id && a.last_reviewed_at && ReviewOverdue(*a.last_reviewed_at, now);
}

json StatusFlags(AnswerStatus s) {
  return {{"status", std::string(StatusName(s))},
          {"status_label", StatusLabel(s)},
          {"is_draft", s == AnswerStatus::kDraft},
          {"is_submitted", s == AnswerStatus::kSubmitted},
          {"is_returned", s == AnswerStatus::kReturned},
          {"is_approved", s == AnswerStatus::kApproved}};
}

json ItemView(const EditorialItem& item, const guard::Viewer& viewer, long long now) {
  const AnswerVersion& v = item.latest;
  json view = StatusFlags(v.status);
  view.update({
      {"href", EditorHref(item.answer.id)},
      {"question", v.content.question},
      {"condition", ConditionView(item.condition)},
      {"version", v.number},
      {"author", v.author_label},
      {"own", viewer.user_id.has_value() && v.author_user_id == viewer.user_id},
      {"updated_time", pages::MomentView(v.updated_at)},
      {"submitted_time", v.submitted_at ? pages::MomentView(*v.submitted_at) : json(nullptr)},
      {"overdue", Overdue(item.answer, now)},
      {"published", item.answer.published_version_id.has_value()},
      {"last_reviewed", Maybe(item.answer.last_reviewed_at ? IsoDate(*item.answer.last_reviewed_at) : "")},
      {"public_href", Maybe(item.answer.published_version_id ? PublicHref(item.condition, item.answer) : "")},
      {"reviewer", Maybe(v.reviewer_name)},
      {"comment", Maybe(v.review_comment)},
  });
  return view;
}

// Translations waiting for review, for the dashboard.
json TranslationList(const std::vector<TranslationItem>& items, const guard::Viewer& viewer) {
  json list = json::array();
  for (const TranslationItem& t : items) {
    const AnswerVersion& v = t.item.latest;
    list.push_back({{"href", TranslationHref(t.translation.answer_id, t.translation.lang)},
                    {"lang", t.translation.lang},
                    {"language", LanguageName(t.translation.lang)},
                    {"question", v.content.question},
                    {"condition", ConditionView(t.item.condition)},
                    {"version", v.number},
                    {"author", v.author_label},
                    {"own", viewer.user_id.has_value() && v.author_user_id == viewer.user_id},
                    {"submitted_time", v.submitted_at ? pages::MomentView(*v.submitted_at) : json(nullptr)}});
  }
  return list;
}

json ItemList(const std::vector<EditorialItem>& items, const guard::Viewer& viewer, long long now) {
  json list = json::array();
  for (const EditorialItem& item : items) list.push_back(ItemView(item, viewer, now));
  return list;
}

// The form's values and errors as the templates read them: `form.question`,
// `question_error`, …, and `error_summary` linking to each field in page order.
void AddForm(json& page, const AnswerForm& form, const FieldErrors& errors) {
  page["form"] = {{"question", form.question},         {"slug", form.slug},
                  {"short_answer", form.short_answer}, {"body_markdown", form.body_markdown},
                  {"comment", form.comment},           {"version_id", form.version_id},
                  {"base", form.base}};
  json summary = json::array();
  for (const auto& [field, id] : kFieldIds) {
    auto found = errors.find(field);
    page[std::string(field) + "_error"] = found == errors.end() ? json(false) : json(found->second);
    if (found != errors.end()) summary.push_back({{"href", std::string("#") + id}, {"message", found->second}});
  }
  page["error_summary"] = summary;
  page["has_errors"] = !summary.empty();
}

// A version rendered as the condition page would show it.
json RenderedView(const AnswerContent& content) {
  json view = {{"question", content.question}, {"short_answer", content.short_answer}};
  auto body = RenderAnswerBody(content.body_markdown);
  if (body.ok()) {
    view["body_html"] = body->html;
    view["has_references"] = !body->references.empty();
    view["references"] = body->references;
    for (json& reference : view["references"]) reference["url"] = Maybe(reference["url"].get<std::string>());
    view["body_error"] = false;
  } else {
    view["body_html"] = "";
    view["has_references"] = false;
    view["references"] = json::array();
    view["body_error"] = body.status().message();
  }
  return view;
}

// "Dr A sent version 2 for review", "Dr A returned version 1 to the editors": one
// sentence per step, so each language can order it.
std::string EventPhrase(const std::string& who, const std::string& action, int number) {
  const std::string n = std::to_string(number);
  if (number <= 0) return Tr("{who}: {action}", {{"who", who}, {"action", action}});
  if (action == "create") return Tr("{who} created version {number}", {{"who", who}, {"number", n}});
  if (action == "edit") return Tr("{who} edited version {number}", {{"who", who}, {"number", n}});
  if (action == "submit") return Tr("{who} sent version {number} for review", {{"who", who}, {"number", n}});
  if (action == "approve") return Tr("{who} approved version {number}", {{"who", who}, {"number", n}});
  if (action == "return") return Tr("{who} returned version {number} to the editors", {{"who", who}, {"number", n}});
  return Tr("{who}: {action}", {{"who", who}, {"action", action}});
}

json VersionChoices(const std::vector<AnswerVersion>& versions, int from, int to) {
  json choices = json::array();
  for (const AnswerVersion& v : versions) {
    choices.push_back({{"number", v.number},
                       {"label", Tr("Version {number} ({status})",
                                    {{"number", std::to_string(v.number)}, {"status", StatusLabel(v.status)}})},
                       {"from_selected", v.number == from},
                       {"to_selected", v.number == to}});
  }
  return choices;
}

// The parts of a workspace about languages: on a translation's workspace, the English
// text beside it and whether the translation follows an older English version; on the
// English workspace, its translations and the languages it could be translated into.
void AddTranslationParts(json& page, const AnswerWorkspace& w, const AnswerVersion& latest) {
  if (w.translation) {
    const TranslationContext& t = *w.translation;
    const AnswerVersion& english = CurrentEnglish(t.english_versions, t.english_published_id);
    int follows = 0;
    for (const AnswerVersion& v : t.english_versions) {
      if (v.id == latest.source_version_id) follows = v.number;
    }
    json english_view = RenderedView(english.content);
    english_view["number"] = english.number;
    english_view["status_label"] = StatusLabel(english.status);
    page["translation"] = {
        {"lang", t.lang},
        {"language", LanguageName(t.lang)},
        {"english_href", AnswerHref(w.answer.id)},
        {"english", english_view},
        {"follows_number", follows},
        {"english_number", english.number},
        {"outdated", TranslationOutdated(latest, t.english_versions, t.english_published_id)},
    };
    page["title"] = Tr("Translation ({language}): {question}",
                       {{"language", LanguageName(t.lang)}, {"question", latest.content.question}});
    // Saving follows the English version shown beside the form.
    page["form"]["source_version_id"] = english.id;
    page["is_translation"] = true;
    page["translations"] = false;
    return;
  }
  page["is_translation"] = false;
  page["translation"] = false;
  json list = json::array();
  std::vector<std::string> taken;
  for (const TranslationSnapshot& t : w.translations) {
    taken.push_back(t.translation.lang);
    json row = StatusFlags(t.latest.status);
    row.update({{"lang", t.translation.lang},
                {"language", LanguageName(t.translation.lang)},
                {"href", TranslationHref(w.answer.id, t.translation.lang)},
                {"number", t.latest.number},
                {"published", t.published.has_value()},
                {"outdated", TranslationOutdated(t.latest, w.versions, w.answer.published_version_id)}});
    list.push_back(std::move(row));
  }
  json choices = json::array();
  for (const i18n::Language& l : i18n::Languages()) {
    if (l.code == i18n::kDefaultLanguage) continue;
    if (std::find(taken.begin(), taken.end(), l.code) != taken.end()) continue;
    choices.push_back({{"code", std::string(l.code)}, {"name", std::string(l.native_name)}});
  }
  page["translations"] = {{"list", list},
                          {"has_list", !list.empty()},
                          {"choices", choices},
                          {"can_add", !choices.empty()},
                          {"new_href", AnswerHref(w.answer.id) + "/translations/new"}};
}

}  // namespace

std::string AnswerHref(long long answer_id) { return "/editorial/answers/" + std::to_string(answer_id); }

std::string TranslationHref(long long answer_id, std::string_view lang) {
  return AnswerHref(answer_id) + "/translations/" + std::string(lang);
}

std::string WorkspaceHref(const AnswerWorkspace& w) {
  return w.translation ? TranslationHref(w.answer.id, w.translation->lang) : AnswerHref(w.answer.id);
}

const AnswerVersion& CurrentEnglish(const std::vector<AnswerVersion>& english_versions,
                                    std::optional<long long> english_published_id) {
  for (const AnswerVersion& v : english_versions) {
    if (english_published_id && v.id == *english_published_id) return v;
  }
  return english_versions.back();
}

bool TranslationOutdated(const AnswerVersion& translated, const std::vector<AnswerVersion>& english_versions,
                         std::optional<long long> english_published_id) {
  if (english_versions.empty()) return false;
  const AnswerVersion& current = CurrentEnglish(english_versions, english_published_id);
  for (const AnswerVersion& v : english_versions) {
    if (v.id == translated.source_version_id) return v.number < current.number;
  }
  return true;  // follows no version we know of: say so rather than stay silent
}

std::string LanguageName(std::string_view code) {
  for (const i18n::Language& l : i18n::Languages()) {
    if (l.code == code) return std::string(l.native_name);
  }
  return std::string(code);
}

json NewTranslationView(const AnswerWorkspace& w, const std::string& csrf, const NewTranslationOptions& options) {
  const AnswerVersion& english = CurrentEnglish(w.versions, w.answer.published_version_id);
  json english_view = RenderedView(english.content);
  english_view["number"] = english.number;
  english_view["status_label"] = StatusLabel(english.status);
  json choices = json::array();
  std::vector<std::string> taken;
  for (const TranslationSnapshot& t : w.translations) taken.push_back(t.translation.lang);
  for (const i18n::Language& l : i18n::Languages()) {
    if (l.code == i18n::kDefaultLanguage) continue;
    if (std::find(taken.begin(), taken.end(), l.code) != taken.end()) continue;
    choices.push_back({{"code", std::string(l.code)},
                       {"name", std::string(l.native_name)},
                       {"selected", l.code == options.form.lang}});
  }
  json page = {
      {"title", Tr("New translation: {question}", {{"question", english.content.question}})},
      {"noindex", true},
      {"csrf", csrf},
      {"condition", ConditionView(w.condition)},
      {"answer_href", AnswerHref(w.answer.id)},
      {"question", english.content.question},
      {"action_href", AnswerHref(w.answer.id) + "/translations/new"},
      {"error", Maybe(options.error)},
      {"with_slug", false},
      {"english", english_view},
      {"choices", choices},
      {"has_choices", !choices.empty()},
      {"language", Maybe(options.form.lang.empty() ? "" : LanguageName(options.form.lang))},
  };
  AddForm(page, options.form, options.errors);
  page["form"]["source_version_id"] = english.id;
  page["form"]["lang"] = options.form.lang;
  page["preview"] = options.preview ? RenderedView(ContentOf(options.form)) : json(false);
  return page;
}

bool MayReview(const guard::Viewer& viewer, const AnswerVersion& version, const std::vector<AnswerEvent>& events) {
  if (!guard::CanReviewVersionBy(viewer, version.author_user_id)) return false;
  for (const AnswerEvent& e : events) {
    if (e.version_id != version.id || (e.action != "create" && e.action != "edit")) continue;
    if (!guard::CanReviewVersionBy(viewer, e.actor_user_id)) return false;
  }
  return true;
}

long long OverdueCandidatesBefore(long long now) { return now - 730LL * 86400; }

void SortReviewQueue(std::vector<EditorialItem>& items, long long now) {
  std::stable_sort(items.begin(), items.end(), [now](const EditorialItem& a, const EditorialItem& b) {
    const bool a_overdue = Overdue(a.answer, now);
    const bool b_overdue = Overdue(b.answer, now);
    if (a_overdue != b_overdue) return a_overdue;
    const long long a_at = a.latest.submitted_at.value_or(a.latest.updated_at);
    const long long b_at = b.latest.submitted_at.value_or(b.latest.updated_at);
    if (a_at != b_at) return a_at < b_at;
    return a.latest.id < b.latest.id;
  });
}

std::string IsoMinute(long long unix_seconds) {
  const long long in_day = ((unix_seconds % 86400) + 86400) % 86400;
  char text[16];
  std::snprintf(text, sizeof text, " %02lld:%02lld UTC", in_day / 3600, (in_day % 3600) / 60);
  return IsoDate(unix_seconds) + text;
}

std::string StatusLabel(AnswerStatus status) {
  switch (status) {
    case AnswerStatus::kDraft: return Tr("Draft");
    case AnswerStatus::kSubmitted: return Tr("Waiting for review");
    case AnswerStatus::kReturned: return Tr("Returned");
    case AnswerStatus::kApproved: return Tr("Approved");
  }
  return Tr("Draft");
}

json DashboardView(const DashboardData& data, const guard::Viewer& viewer, long long now) {
  std::vector<EditorialItem> overdue;
  for (const EditorialItem& item : data.overdue) {
    if (Overdue(item.answer, now) && item.latest.status != AnswerStatus::kSubmitted) overdue.push_back(item);
  }
  const json drafts = ItemList(data.drafts, viewer, now);
  const json waiting = ItemList(data.waiting, viewer, now);
  int waiting_overdue = 0;
  for (const json& item : waiting) waiting_overdue += item["overdue"].get<bool>() ? 1 : 0;
  return {
      {"title", Tr("Editorial")},
      {"noindex", true},
      {"viewer_name", viewer.display_name},
      {"can_write", guard::Can(viewer, guard::Action::kWriteAnswers)},
      {"can_review", guard::Can(viewer, guard::Action::kReviewAnswers)},
      {"drafts", drafts},
      {"has_drafts", !drafts.empty()},
      {"drafts_count", drafts.size()},
      {"waiting", waiting},
      {"has_waiting", !waiting.empty()},
      {"waiting_count", waiting.size()},
      {"waiting_overdue", waiting_overdue},
      {"has_waiting_overdue", waiting_overdue > 0},
      {"overdue", ItemList(overdue, viewer, now)},
      {"has_overdue", !overdue.empty()},
      {"list_limit", kMaxListedAnswers},
      {"lists_full", static_cast<int>(data.drafts.size()) >= kMaxListedAnswers ||
                         static_cast<int>(data.waiting.size()) >= kMaxListedAnswers},
      {"review_valid_months", kReviewValidMonths},
      {"translations_waiting", TranslationList(data.translations_waiting, viewer)},
      {"has_translations_waiting", !data.translations_waiting.empty()},
      {"translations_waiting_count", data.translations_waiting.size()},
  };
}

json NewAnswerView(const ConditionRef& condition, const std::string& csrf, const NewAnswerOptions& options) {
  json page = {
      {"title", Tr("New answer for {name}", {{"name", condition.name}})},
      {"noindex", true},
      {"csrf", csrf},
      {"condition", ConditionView(condition)},
      {"action_href", "/editorial/conditions/" + std::to_string(condition.orphacode) + "/answers/new"},
      {"error", Maybe(options.error)},
      {"with_slug", true},
      {"max_question", kMaxQuestionBytes},
      {"max_slug", kMaxSlugBytes},
      {"max_short", kMaxShortAnswerBytes},
  };
  AddForm(page, options.form, options.errors);
  page["preview"] = options.preview ? RenderedView(ContentOf(options.form)) : json(false);
  page["from_summary"] = options.from_summary;
  page["summary_href"] = "/editorial/conditions/" + std::to_string(condition.orphacode) + "/answers/new?from=summary";
  return page;
}

json WorkspaceView(const AnswerWorkspace& w, const guard::Viewer& viewer, const std::string& csrf, long long now,
                   const WorkspaceOptions& options) {
  const AnswerVersion& latest = w.versions.back();
  const AnswerVersion* published = nullptr;
  for (const AnswerVersion& v : w.versions) {
    if (w.answer.published_version_id == v.id) published = &v;
  }
  const bool can_write = guard::Can(viewer, guard::Action::kWriteAnswers);
  const bool submitted = latest.status == AnswerStatus::kSubmitted;
  const bool starts_new_version = latest.status == AnswerStatus::kApproved || latest.status == AnswerStatus::kReturned;
  const std::string base = WorkspaceHref(w);

  json page = {
      {"title", Tr("Answer: {question}", {{"question", latest.content.question}})},
      {"noindex", true},
      {"csrf", csrf},
      {"answer_id", w.answer.id},
      {"action_href", base},
      {"condition", ConditionView(w.condition)},
      {"question", latest.content.question},
      {"slug", w.answer.slug},
      {"latest", StatusFlags(latest.status)},
      {"latest_number", latest.number},
      {"latest_author", latest.author_label},
      {"next_number", latest.number + 1},
      {"notice", Maybe(options.notice)},
      {"error", Maybe(options.error)},
      {"with_slug", false},
      {"can_write", can_write},
      {"editable", can_write && !submitted},
      {"read_only_waiting", submitted},
      {"starts_new_version", starts_new_version},
      // What the condition's page shows of it, in the page's own words (answers_view.cc):
      // never approved, a version sent for review is there as an editorial draft, and
      // a draft being written or a returned one is not there at all.
      {"shown_as_draft", !published && submitted},
      {"draft_label", Tr(kUnreviewedLabel)},
      {"public_href", Maybe(published || submitted
                                ? (w.translation ? i18n::PrefixPath(w.translation->lang, PublicHref(w.condition, w.answer))
                                                 : PublicHref(w.condition, w.answer))
                                : "")},
  };
  page["latest"]["number"] = latest.number;
  if (published) {
    page["published"] = {{"number", published->number},
                         {"reviewer", published->reviewer_name},
                         {"credentials", Maybe(published->reviewer_credentials)},
                         {"date", published->reviewed_at ? IsoDate(*published->reviewed_at) : ""},
                         {"overdue", Overdue(w.answer, now)},
                         {"is_latest", published == &latest}};
  } else {
    page["published"] = false;
  }

  AddForm(page, options.form ? *options.form : FormFromVersion(latest), options.errors);
  // The version a form was opened on travels with it, so a step refused for it says so.
  if (!options.form) page["form"]["version_id"] = latest.id;
  AddTranslationParts(page, w, latest);
  page["preview"] = options.preview && options.form ? RenderedView(ContentOf(*options.form)) : json(false);
  page["unsaved"] = options.unsaved && options.form && !(can_write && !submitted);

  if (latest.status == AnswerStatus::kReturned) {
    page["returned_review"] = {{"reviewer", latest.reviewer_name},
                               {"date_time", pages::MomentView(latest.reviewed_at.value_or(latest.updated_at))},
                               {"comment", Maybe(latest.review_comment)}};
  } else {
    page["returned_review"] = false;
  }

  if (submitted) {
    const bool allowed = MayReview(viewer, latest, w.events);
    json review = RenderedView(latest.content);
    review.update({
        {"version_id", latest.id},
        {"number", latest.number},
        {"author", latest.author_label},
        {"submitted_time", latest.submitted_at ? pages::MomentView(*latest.submitted_at) : json(nullptr)},
        {"allowed", allowed},
        {"own", !allowed && guard::Can(viewer, guard::Action::kReviewAnswers)},
        {"waiting", !guard::Can(viewer, guard::Action::kReviewAnswers)},
        {"reviewer_name", viewer.display_name},
        {"reviewer_credentials", Maybe(viewer.credentials)},
        {"missing_credentials", TrimWhitespace(viewer.credentials).empty()},
        {"changes_href", Maybe(published && published != &latest
                                   ? DiffHref(base, published->number, latest.number)
                               : latest.number > 1 ? DiffHref(base, latest.number - 1, latest.number)
                                                   : "")},
        {"changes_from", published && published != &latest ? published->number : latest.number - 1},
    });
    page["review"] = std::move(review);
  } else {
    page["review"] = false;
  }

  json versions = json::array();
  for (auto it = w.versions.rbegin(); it != w.versions.rend(); ++it) {
    const AnswerVersion& v = *it;
    json row = StatusFlags(v.status);
    row.update({
        {"number", v.number},
        {"previous_number", v.number - 1},
        {"is_published", published == &v},
        {"is_latest", &v == &latest},
        {"author", v.author_label},
        {"created_time", pages::MomentView(v.created_at)},
        {"updated_time", pages::MomentView(v.updated_at)},
        {"submitted_time", v.submitted_at ? pages::MomentView(*v.submitted_at) : json(nullptr)},
        {"reviewed", v.reviewed_at ? pages::MomentView(*v.reviewed_at) : json(nullptr)},
        {"reviewer", Maybe(v.reviewer_name)},
        {"comment", Maybe(v.review_comment)},
        {"diff_previous_href", Maybe(v.number > 1 ? DiffHref(base, v.number - 1, v.number) : "")},
        {"diff_published_href", Maybe(published && published->number != v.number
                                          ? DiffHref(base, published->number, v.number)
                                          : "")},
    });
    versions.push_back(std::move(row));
  }
  page["versions"] = std::move(versions);
  page["many_versions"] = w.versions.size() > 1;
  const int compare_from = published && published != &latest ? published->number : std::max(1, latest.number - 1);
  page["compare"] = {{"href", base + "/diff"},
                     {"choices", VersionChoices(w.versions, compare_from, latest.number)}};

  std::map<long long, int> number_of;
  for (const AnswerVersion& v : w.versions) number_of[v.id] = v.number;
  json history = json::array();
  for (auto it = w.events.rbegin(); it != w.events.rend(); ++it) {
    const int number = number_of.count(it->version_id) ? number_of[it->version_id] : 0;
    history.push_back({{"when", pages::MomentView(it->created_at)},
                       {"who", it->actor_label},
                       {"what", EventPhrase(it->actor_label, it->action, number)},
                       {"comment", Maybe(it->comment)}});
  }
  page["history"] = std::move(history);
  return page;
}

std::string DoneNotice(std::string_view done) {
  if (done == "created") {
    return Tr("The answer was created as a draft. The condition's page shows it once it is sent for review, "
              "labelled as an editorial draft that is not medically reviewed until a reviewer approves a version.");
  }
  if (done == "created_translation") {
    return Tr("The translation was created as a draft. Send it for review when it is ready: the page in its "
              "language shows it as medically reviewed only once a reviewer approves it.");
  }
  if (done == "saved") return Tr("Draft saved.");
  if (done == "unchanged") return Tr("Nothing had changed, so no new version was made.");
  if (done == "submitted") return Tr("Sent for medical review. Reviewers see it in their queue.");
  if (done == "approved") return Tr("Approved. This version is now the published answer, shown as medically reviewed.");
  if (done == "returned") return Tr("Returned to the editors with your comment.");
  return "";
}

json DiffRowsView(const LineDiff& diff, int context) {
  json rows = json::array();
  if (!diff.changed()) return rows;
  const std::size_t keep = static_cast<std::size_t>(std::max(0, context));
  auto row = [](const DiffLine& line) {
    const int number = line.kind == DiffLine::Kind::kRemoved ? line.old_number : line.new_number;
    return json{{"same", line.kind == DiffLine::Kind::kSame},
                {"removed", line.kind == DiffLine::Kind::kRemoved},
                {"added", line.kind == DiffLine::Kind::kAdded},
                {"skip", false},
                {"text", line.text},
                {"blank", TrimWhitespace(line.text).empty()},
                {"line", number > 0 ? json(std::to_string(number)) : json(false)},
                {"skipped", 0}};
  };
  const std::vector<DiffLine>& lines = diff.lines;
  std::size_t i = 0;
  while (i < lines.size()) {
    if (lines[i].kind != DiffLine::Kind::kSame) {
      rows.push_back(row(lines[i++]));
      continue;
    }
    std::size_t end = i;
    while (end < lines.size() && lines[end].kind == DiffLine::Kind::kSame) ++end;
    const std::size_t head = i == 0 ? 0 : keep;                 // after a change
    const std::size_t tail = end == lines.size() ? 0 : keep;    // before a change
    if (end - i <= head + tail + 1) {
      for (; i < end; ++i) rows.push_back(row(lines[i]));
      continue;
    }
    for (std::size_t k = 0; k < head; ++k) rows.push_back(row(lines[i + k]));
    const std::size_t skipped = end - i - head - tail;
    rows.push_back({{"same", false}, {"removed", false}, {"added", false}, {"skip", true}, {"text", ""},
                    {"blank", false}, {"line", false}, {"skipped", skipped}});
    for (std::size_t k = end - tail; k < end; ++k) rows.push_back(row(lines[k]));
    i = end;
  }
  return rows;
}

json DiffView(const AnswerWorkspace& w, const AnswerVersion& from, const AnswerVersion& to) {
  struct Field {
    const char* id;
    const char* label;
    const std::string& before;
    const std::string& after;
  };
  const Field fields[] = {
      {"question", i18n::N_("Question"), from.content.question, to.content.question},
      {"short", i18n::N_("Short answer"), from.content.short_answer, to.content.short_answer},
      {"body", i18n::N_("Full answer (Markdown)"), from.content.body_markdown, to.content.body_markdown},
  };
  json sections = json::array();
  int removed = 0;
  int added = 0;
  for (const Field& f : fields) {
    const LineDiff diff = DiffLines(f.before, f.after);
    removed += diff.removed;
    added += diff.added;
    sections.push_back({{"id", std::string("diff-") + f.id},
                        {"label", Tr(f.label)},
                        {"changed", diff.changed()},
                        {"removed", diff.removed},
                        {"added", diff.added},
                        {"approximate", diff.approximate},
                        {"rows", DiffRowsView(diff, kDiffContextLines)},
                        {"empty", f.after.empty() && f.before.empty()}});
  }
  const std::string title = Tr("Changes from version {from} to version {to}",
                               {{"from", std::to_string(from.number)}, {"to", std::to_string(to.number)}});
  json page = {
      {"title", Tr("{title}: {question}", {{"title", title}, {"question", to.content.question}})},
      {"heading", title},
      {"noindex", true},
      {"question", w.versions.back().content.question},
      {"answer_href", WorkspaceHref(w)},
      {"condition", ConditionView(w.condition)},
      {"from", StatusFlags(from.status)},
      {"to", StatusFlags(to.status)},
      {"sections", std::move(sections)},
      {"any_change", removed + added > 0},
      {"same_version", from.number == to.number},
      {"summary", i18n::Plural("{count} line removed", "{count} lines removed", removed) + ", " +
                      i18n::Plural("{count} line added", "{count} lines added", added)},
      {"compare", {{"href", WorkspaceHref(w) + "/diff"},
                   {"choices", VersionChoices(w.versions, from.number, to.number)}}},
  };
  page["from"]["number"] = from.number;
  page["to"]["number"] = to.number;
  return page;
}

std::string RenderEditorialPage(std::string_view template_name, nlohmann::json page) {
  page["errors_html"] = Templates::Render("editorial_errors", page);
  if (page.contains("form")) page["fields_html"] = Templates::Render("editorial_fields", page);
  for (const char* key : {"preview", "review", "english"}) {
    if (page.contains(key) && page[key].is_object()) {
      page[key]["rendered_html"] = Templates::Render("editorial_rendered", page[key]);
    }
  }
  if (page.contains("translation") && page["translation"].is_object()) {
    json& english = page["translation"]["english"];
    english["rendered_html"] = Templates::Render("editorial_rendered", english);
  }
  return Templates::RenderPage(template_name, page);
}

}  // namespace diseasemaps::articles
