#include "articles/editorial_pages.h"

#include <algorithm>
#include <charconv>
#include <optional>

#include <boost/beast/core/string.hpp>
#include <spdlog/spdlog.h>

#include "articles/summary_draft.h"
#include "guard/guard.h"
#include "http/url.h"
#include "pages/access.h"
#include "pages/error_pages.h"
#include "platform/i18n.h"
#include "platform/templates.h"
#include "platform/text.h"

namespace diseasemaps::articles {
namespace {

using http::Request;
using http::Response;
using i18n::Tr;
using nlohmann::json;

constexpr const char* kNoQueues = i18n::N_(
    "The editorial screens are for editors and medical reviewers. If you should have access, ask an "
    "administrator to give your account the editor or reviewer role.");
constexpr const char* kNoWriting = i18n::N_(
    "Only editors and medical reviewers can write answers. If you should be able to, ask an administrator "
    "to give your account the editor role.");
constexpr const char* kNoReviewing = i18n::N_(
    "Only medical reviewers can approve or return an answer; editors cannot approve. A reviewer will see "
    "this version in the \"Waiting for review\" list.");
constexpr const char* kOwnVersion = i18n::N_(
    "You wrote or edited this version, so you cannot review it: another medical reviewer must approve or "
    "return it.");
constexpr const char* kReload = i18n::N_("Reload the answer's page to see its current state, then try again.");
constexpr const char* kNotAForm = i18n::N_("This form must be sent as application/x-www-form-urlencoded.");
// The condition finder: the longest name echoed back, and how many namesakes are offered.
constexpr std::size_t kMaxConditionQuery = 200;
constexpr int kMaxConditionChoices = 20;

std::string NewAnswerHref(int orphacode) { return "/editorial/conditions/" + std::to_string(orphacode) + "/answers/new"; }

// "xx" is not a language answers can be translated into, and which ones are.
std::string UnknownLanguage(std::string_view lang) {
  std::string names;
  for (const i18n::Language& l : i18n::Languages()) {
    if (l.code == i18n::kDefaultLanguage) continue;
    if (!names.empty()) names += ", ";
    names += std::string(l.native_name) + " (" + std::string(l.code) + ")";
  }
  return Tr("\"{lang}\" is not a language answers can be translated into. Choose one of: {languages}.",
            {{"lang", std::string(lang.substr(0, 20))}, {"languages", names}});
}

// The page, never kept by any cache: it shows unpublished text to one person.
Response Page(std::string_view template_name, json page, unsigned status = 200) {
  Response response = Response::Html(RenderEditorialPage(template_name, std::move(page)), status);
  response.With("Cache-Control", "private, no-store");
  return response;
}

Response SeeOther(const std::string& location) { return Response::Redirect(location, 303); }

// "1183", "ORPHA:1183", "orpha 1183" -> 1183.
std::optional<int> ParseOrphacode(std::string_view text) {
  text = TrimWhitespace(text);
  if (text.size() >= 5 && boost::beast::iequals(text.substr(0, 5), "orpha")) {
    text.remove_prefix(5);
    while (!text.empty() && (text.front() == ':' || text.front() == ' ')) text.remove_prefix(1);
  }
  if (text.size() > 9) return std::nullopt;
  auto number = ParsePositiveInteger(text);
  if (!number) return std::nullopt;
  return static_cast<int>(*number);
}

bool IsForm(const Request& request) {
  const std::string_view type = request.Header(http::beast_http::field::content_type);
  return boost::beast::iequals(type.substr(0, 33), "application/x-www-form-urlencoded");
}

std::string_view Body(const Request& request) {
  return request.raw == nullptr ? std::string_view() : std::string_view(request.raw->body());
}

// A failed read or step that is not the person's to fix by changing the form.
Response StoreFailure(const Request& request, const Status& status) {
  switch (status.code()) {
    case Status::Code::kNotFound:
      return pages::ErrorPage(&request, 404, Tr("There is no such answer or version. It may have been removed."));
    case Status::Code::kConflict:
      return pages::ErrorPage(&request, 409, status.message() + ". " + Tr(kReload));
    case Status::Code::kInvalidArgument:
    case Status::Code::kTooLarge:
      return pages::ErrorPage(&request, 422, status.message() + ".");
    case Status::Code::kUnavailable:
      return pages::ErrorPage(&request, 503, Tr("The database is busy or unavailable right now. Please try again in a moment."));
    default:
      spdlog::error("editorial: {}", status.message());
      return pages::ErrorPage(&request, 500, Tr("Something went wrong on our side. Please try again in a moment."));
  }
}

// The store's message as a sentence: "version 2 is … review" -> "Version 2 is … review."
std::string Sentence(std::string message) {
  if (!message.empty() && message.front() >= 'a' && message.front() <= 'z') {
    message.front() = static_cast<char>(message.front() - 'a' + 'A');
  }
  if (!message.empty() && message.back() != '.') message.push_back('.');
  return message;
}

bool SameContent(const AnswerContent& a, const AnswerContent& b) {
  return a.question == b.question && a.short_answer == b.short_answer && a.body_markdown == b.body_markdown;
}

const AnswerVersion* FindVersion(const AnswerWorkspace& w, long long version_id) {
  for (const AnswerVersion& v : w.versions) {
    if (v.id == version_id) return &v;
  }
  return nullptr;
}

const AnswerVersion* FindNumber(const AnswerWorkspace& w, long long number) {
  for (const AnswerVersion& v : w.versions) {
    if (v.number == number) return &v;
  }
  return nullptr;
}

// Only the errors that stop a preview (a body that cannot be rendered).
FieldErrors PreviewErrors(const FieldErrors& all) {
  FieldErrors errors;
  if (auto found = all.find("body_markdown"); found != all.end()) errors.insert(*found);
  return errors;
}

}  // namespace

EditorialPages::EditorialPages(Database& db, PageCache* page_cache, AnswerStore::Clock clock)
    : db_(db), page_cache_(page_cache), clock_(clock), store_(db, clock) {}

void EditorialPages::Changed() {
  if (page_cache_ != nullptr) page_cache_->Invalidate();
}

// ---- Dashboard ---------------------------------------------------------------------

Response EditorialPages::Dashboard(const Request& request) {
  if (auto refused = pages::RequireAllowed(request, guard::Action::kSeeEditorialQueues, Tr(kNoQueues))) return *refused;
  return DashboardPage(request, "", "", 200);
}

Response EditorialPages::DashboardPage(const Request& request, const std::string& find_value,
                                       const std::string& find_error, unsigned status,
                                       const std::vector<ConditionRef>& choices) {
  const long long now = clock_();
  DashboardData data;
  if (request.viewer.user_id) {
    auto drafts = store_.DraftsBy(*request.viewer.user_id, kMaxListedAnswers);
    if (!drafts.ok()) return StoreFailure(request, drafts.status());
    data.drafts = std::move(*drafts);
  }
  auto waiting = store_.WaitingForReview(OverdueCandidatesBefore(now), kMaxListedAnswers);
  if (!waiting.ok()) return StoreFailure(request, waiting.status());
  data.waiting = std::move(*waiting);
  SortReviewQueue(data.waiting, now);
  auto overdue = store_.ReviewedBefore(OverdueCandidatesBefore(now), kMaxListedAnswers);
  if (!overdue.ok()) return StoreFailure(request, overdue.status());
  data.overdue = std::move(*overdue);
  auto translations = store_.TranslationsWaitingForReview(kMaxListedAnswers);
  if (!translations.ok()) return StoreFailure(request, translations.status());
  data.translations_waiting = std::move(*translations);
  json page = DashboardView(data, request.viewer, now);
  page["find_value"] = find_value;
  page["find_error"] = find_error.empty() ? json(false) : json(find_error);
  json choice_list = json::array();
  for (const ConditionRef& c : choices) {
    choice_list.push_back({{"name", c.name}, {"orphacode", c.orphacode}, {"href", NewAnswerHref(c.orphacode)}});
  }
  page["has_find_choices"] = !choice_list.empty();
  page["find_choices"] = choice_list;
  return Page("editorial_dashboard", page, status);
}

Response EditorialPages::GoToCondition(const Request& request) {
  if (auto refused = pages::RequireAllowed(request, guard::Action::kWriteAnswers, Tr(kNoWriting))) return *refused;
  // The type-ahead sets `orphacode` when a suggestion is chosen; without script (or
  // typed and not chosen) `condition` holds a name, a synonym or an ORPHAcode.
  const std::string chosen = request.Query("orphacode").value_or("");
  const std::string raw(TrimWhitespace(request.Query("condition").value_or(chosen)));
  const std::optional<int> code = ParseOrphacode(chosen.empty() ? raw : chosen);
  const std::string shown = FirstCharacters(raw, kMaxConditionQuery);
  if ((raw.empty() && !code) || (!chosen.empty() && !code)) {
    return DashboardPage(request, shown, Tr("Type the condition's name and choose it from the list, or enter its ORPHAcode."), 422);
  }
  if (!code) {
    auto named = store_.FindConditionsNamed(shown, kMaxConditionChoices);
    if (!named.ok()) return StoreFailure(request, named.status());
    if (named->size() == 1) return SeeOther(NewAnswerHref(named->front().orphacode));
    if (named->empty()) {
      return DashboardPage(request, shown,
                           Tr("No condition in the catalogue is called \"{name}\". Type part of its name and choose it "
                              "from the list, or enter its ORPHAcode (such as 1183).",
                              {{"name", shown}}),
                           404);
    }
    return DashboardPage(request, shown, Tr("Several conditions are called \"{name}\": choose one below.", {{"name", shown}}),
                         422, *named);
  }
  auto condition = store_.FindCondition(*code);
  if (!condition.ok()) {
    if (condition.status().code() != Status::Code::kNotFound) return StoreFailure(request, condition.status());
    return DashboardPage(request, shown,
                         Tr("There is no condition ORPHA:{code} in the catalogue. Check the number on the "
                            "condition's page.",
                            {{"code", std::to_string(*code)}}),
                         404);
  }
  return SeeOther(NewAnswerHref(*code));
}

// ---- New answer --------------------------------------------------------------------

Response EditorialPages::NewAnswerForm(const Request& request) {
  if (auto refused = pages::RequireAllowed(request, guard::Action::kWriteAnswers, Tr(kNoWriting))) return *refused;
  const std::optional<int> code = ParseOrphacode(request.Param("orphacode"));
  if (!code) return pages::ErrorPage(&request, 404, Tr("There is no condition at this address."));
  auto condition = store_.FindCondition(*code);
  if (!condition.ok()) {
    if (condition.status().code() != Status::Code::kNotFound) return StoreFailure(request, condition.status());
    return pages::ErrorPage(&request, 404, Tr("There is no condition ORPHA:{code} in the catalogue.", {{"code", std::to_string(*code)}}));
  }
  NewAnswerOptions options;
  const std::string from = request.Query("from").value_or("");
  if (from == "summary") {
    auto draft = SummaryDraft(db_, *code);
    if (!draft.ok()) return StoreFailure(request, draft.status());
    options.form = std::move(*draft);
    options.from_summary = true;
  } else if (!from.empty()) {
    return pages::ErrorPage(&request, 400, Tr("An answer can start empty or from the compiled summary (from=summary)."));
  }
  return Page("editorial_new", NewAnswerView(*condition, request.csrf_token, options));
}

Response EditorialPages::CreateAnswer(const Request& request) {
  if (auto refused = pages::RequireAllowed(request, guard::Action::kWriteAnswers, Tr(kNoWriting))) return *refused;
  const std::optional<int> code = ParseOrphacode(request.Param("orphacode"));
  if (!code) return pages::ErrorPage(&request, 404, Tr("There is no condition at this address."));
  if (!IsForm(request)) {
    return pages::ErrorPage(&request, 400, Tr(kNotAForm));
  }
  auto condition = store_.FindCondition(*code);
  if (!condition.ok()) {
    if (condition.status().code() != Status::Code::kNotFound) return StoreFailure(request, condition.status());
    return pages::ErrorPage(&request, 404, Tr("There is no condition ORPHA:{code} in the catalogue.", {{"code", std::to_string(*code)}}));
  }
  NewAnswerOptions options;
  options.form = ParseAnswerForm(Body(request));
  const FieldErrors errors = ValidateAnswerForm(options.form, true);
  if (options.form.action == "preview") {
    options.preview = true;
    options.errors = PreviewErrors(errors);
    return Page("editorial_new", NewAnswerView(*condition, request.csrf_token, options),
                options.errors.empty() ? 200 : 422);
  }
  if (!errors.empty()) {
    options.errors = errors;
    return Page("editorial_new", NewAnswerView(*condition, request.csrf_token, options), 422);
  }
  if (options.form.slug.empty()) options.form.slug = SuggestSlug(options.form.question);

  int position = 1;
  if (auto existing = store_.ForCondition(condition->id); existing.ok()) {
    for (const AnswerSnapshot& s : *existing) position = std::max(position, s.answer.position + 1);
  }
  NewAnswer answer{condition->id, options.form.slug, position, ContentOf(options.form),
                   Actor{request.viewer.user_id, request.viewer.display_name}, false};
  auto created = store_.Create(answer);
  if (!created.ok()) {
    const Status& status = created.status();
    if (status.code() == Status::Code::kConflict) {
      options.errors["slug"] = Tr("This condition already has an answer at the address \"{slug}\". Choose another "
                                  "address, or open that answer from the condition's page.",
                                  {{"slug", options.form.slug}});
      return Page("editorial_new", NewAnswerView(*condition, request.csrf_token, options), 409);
    }
    if (status.code() == Status::Code::kInvalidArgument || status.code() == Status::Code::kTooLarge) {
      options.error = Sentence(status.message());
      return Page("editorial_new", NewAnswerView(*condition, request.csrf_token, options), 422);
    }
    return StoreFailure(request, status);
  }
  Changed();
  return SeeOther("/editorial/answers/" + std::to_string(created->id) + "?done=created");
}

// ---- Workspace ---------------------------------------------------------------------

namespace {

// The English answer's workspace: the answer, its versions, events and translations.
Result<AnswerWorkspace> LoadAnswerWorkspace(AnswerStore& store, long long id) {
  AnswerWorkspace w;
  auto answer = store.Find(id);
  if (!answer.ok()) return answer.status();
  w.answer = std::move(*answer);
  auto condition = store.ConditionOf(id);
  if (!condition.ok()) return condition.status();
  w.condition = std::move(*condition);
  auto versions = store.Versions(id);
  if (!versions.ok()) return versions.status();
  if (versions->empty()) return Status::NotFound("the answer has no versions");
  w.versions = std::move(*versions);
  auto events = store.Events(id);
  if (!events.ok()) return events.status();
  w.events = std::move(*events);
  auto translations = store.Translations(id);
  if (!translations.ok()) return translations.status();
  w.translations = std::move(*translations);
  return w;
}

// True for a language an answer may be translated into.
bool TranslatableLanguage(std::string_view lang) {
  return lang != i18n::kDefaultLanguage && i18n::IsSupported(lang);
}

// The workspace at the request's address: /editorial/answers/{id}, or a translation's,
// /editorial/answers/{id}/translations/{lang}, which reads like the English one with the
// translation's versions, events and published version, and the English text beside.
Result<AnswerWorkspace> LoadWorkspace(AnswerStore& store, const Request& request) {
  const std::optional<long long> id = ParsePositiveInteger(request.Param("id"));
  if (!id) return Status::NotFound("no such answer");
  auto english = LoadAnswerWorkspace(store, *id);
  if (!english.ok() || request.path_params.count("lang") == 0) return english;
  const std::string& lang = request.Param("lang");
  if (!TranslatableLanguage(lang)) return Status::NotFound("no such language");
  auto translation = store.FindTranslation(*id, lang);
  if (!translation.ok()) return translation.status();
  AnswerWorkspace w;
  w.answer = english->answer;
  w.answer.published_version_id = translation->published_version_id;
  w.answer.last_reviewed_at = translation->last_reviewed_at;
  w.condition = english->condition;
  auto versions = store.TranslationVersions(translation->id);
  if (!versions.ok()) return versions.status();
  if (versions->empty()) return Status::NotFound("the translation has no versions");
  w.versions = std::move(*versions);
  auto events = store.TranslationEvents(translation->id);
  if (!events.ok()) return events.status();
  w.events = std::move(*events);
  w.translation = TranslationContext{lang, std::move(english->versions), english->answer.published_version_id};
  return w;
}

Response WorkspacePage(const Request& request, const AnswerWorkspace& w, long long now,
                       const WorkspaceOptions& options, unsigned status) {
  return Page("editorial_answer", WorkspaceView(w, request.viewer, request.csrf_token, now, options), status);
}

// A workflow step the store refused: the workspace again with the reason, 409 when the
// answer moved on meanwhile (then `after_conflict` says what became of the form), 422
// for text the store refuses; anything else is a store failure.
Response StepRefused(const Request& request, const AnswerWorkspace& w, long long now,
                     WorkspaceOptions options, const Status& status, const std::string& after_conflict) {
  if (status.code() == Status::Code::kConflict) {
    options.error = Sentence(status.message()) + " " + after_conflict;
    return WorkspacePage(request, w, now, options, 409);
  }
  if (status.code() == Status::Code::kInvalidArgument || status.code() == Status::Code::kTooLarge) {
    options.error = Sentence(status.message());
    return WorkspacePage(request, w, now, options, 422);
  }
  return StoreFailure(request, status);
}

}  // namespace

Response EditorialPages::Workspace(const Request& request) {
  if (auto refused = pages::RequireAllowed(request, guard::Action::kSeeEditorialQueues, Tr(kNoQueues))) return *refused;
  auto w = LoadWorkspace(store_, request);
  if (!w.ok()) return StoreFailure(request, w.status());
  WorkspaceOptions options;
  options.notice = DoneNotice(request.Query("done").value_or(""));
  return WorkspacePage(request, *w, clock_(), options, 200);
}

Response EditorialPages::WorkspaceStep(const Request& request) {
  if (auto refused = pages::RequireAllowed(request, guard::Action::kSeeEditorialQueues, Tr(kNoQueues))) return *refused;
  if (!IsForm(request)) {
    return pages::ErrorPage(&request, 400, Tr(kNotAForm));
  }
  auto w = LoadWorkspace(store_, request);
  if (!w.ok()) return StoreFailure(request, w.status());
  const AnswerForm form = ParseAnswerForm(Body(request));
  if (form.action == "approve" || form.action == "return") return Review(request, *w, form);
  if (form.action == "preview" || form.action == "save" || form.action == "submit") return Write(request, *w, form);
  return pages::ErrorPage(&request, 400,
                          Tr("The form did not say what to do. Use one of its buttons: Preview, Save draft, "
                             "Submit for review, Approve or Return to editor."));
}

Response EditorialPages::Write(const Request& request, const AnswerWorkspace& w, const AnswerForm& form) {
  if (auto refused = pages::RequireAllowed(request, guard::Action::kWriteAnswers, Tr(kNoWriting))) return *refused;
  const long long now = clock_();
  WorkspaceOptions options;
  options.form = form;
  options.unsaved = form.action != "preview";
  const FieldErrors errors = ValidateAnswerForm(form, false);
  if (form.action == "preview") {
    options.preview = true;
    options.errors = PreviewErrors(errors);
    return WorkspacePage(request, w, now, options, options.errors.empty() ? 200 : 422);
  }
  if (!errors.empty()) {
    options.errors = errors;
    return WorkspacePage(request, w, now, options, 422);
  }

  // The version the form was opened on must still be the latest, with the text it had:
  // otherwise saving would overwrite someone's newer text. The store checks "latest"
  // again inside its transaction; a draft changed in place is caught here by its text's
  // digest (a change landing between this check and the write is not: see the report).
  const AnswerVersion& latest = w.versions.back();
  const AnswerVersion* opened = FindVersion(w, form.version_id);
  if (opened == nullptr) {
    options.error = Tr("The form did not say which version it edits. Your text is below: copy it, reload the "
                       "page, and apply it again.");
    return WorkspacePage(request, w, now, options, 409);
  }
  if (opened->id != latest.id) {
    options.error = Tr("Version {latest} (by {author}) was saved after you opened version {opened}, so yours was "
                       "not saved. Your text is below: compare it with the newest version, then apply your "
                       "changes to it.",
                       {{"latest", std::to_string(latest.number)},
                        {"author", latest.author_label},
                        {"opened", std::to_string(opened->number)}});
    return WorkspacePage(request, w, now, options, 409);
  }
  if (latest.status == AnswerStatus::kSubmitted) {
    options.error = Tr("Version {number} is waiting for a medical review, so it cannot change now. Your text is "
                       "below; you can edit again once a reviewer approves or returns it.",
                       {{"number", std::to_string(latest.number)}});
    return WorkspacePage(request, w, now, options, 409);
  }
  if (latest.status == AnswerStatus::kDraft && form.base != ContentDigest(latest.content)) {
    options.error = Tr("{author}'s draft was changed at {time}, after you opened it, so your text was not saved. "
                       "It is below: copy what you need, reload the page and apply it to the newer draft.",
                       {{"author", latest.author_label}, {"time", IsoMinute(latest.updated_at)}});
    return WorkspacePage(request, w, now, options, 409);
  }

  const Actor editor{request.viewer.user_id, request.viewer.display_name};
  const bool translation = w.translation.has_value();
  // A translation also follows an English version: saving it against a newer English
  // text is a change even when the words stay.
  const bool unchanged = SameContent(ContentOf(form), latest.content) &&
                         (!translation || form.source_version_id == latest.source_version_id);
  Result<AnswerVersion> step = Status::Internal("no step");
  std::string done;
  if (form.action == "save") {
    if (unchanged) return SeeOther(WorkspaceHref(w) + "?done=unchanged");
    step = translation ? store_.EditTranslation(latest.id, ContentOf(form), form.source_version_id, editor)
                       : store_.Edit(latest.id, ContentOf(form), editor);
    done = "saved";
  } else if (unchanged && latest.status != AnswerStatus::kApproved) {
    step = translation ? store_.SubmitTranslation(latest.id, editor) : store_.Submit(latest.id, editor);
    done = "submitted";
  } else {
    // Also an approved text sent unchanged for a fresh review: a new version holds it.
    step = translation
               ? store_.EditAndSubmitTranslation(latest.id, ContentOf(form), form.source_version_id, editor)
               : store_.EditAndSubmit(latest.id, ContentOf(form), editor);
    done = "submitted";
  }
  if (!step.ok()) return StepRefused(request, w, now, options, step.status(), Tr("Your text is below."));
  Changed();
  return SeeOther(WorkspaceHref(w) + "?done=" + done);
}

Response EditorialPages::Review(const Request& request, const AnswerWorkspace& w, const AnswerForm& form) {
  if (!guard::Can(request.viewer, guard::Action::kReviewAnswers)) {
    return pages::ErrorPage(&request, 403, Tr(kNoReviewing));
  }
  const long long now = clock_();
  const AnswerVersion& latest = w.versions.back();
  WorkspaceOptions options;
  options.form = FormFromVersion(latest);
  options.form->comment = form.comment;

  const AnswerVersion* version = FindVersion(w, form.version_id);
  if (version == nullptr) {
    options.error = Tr("The form did not say which version it reviews.") + " " + Tr(kReload);
    return WorkspacePage(request, w, now, options, 409);
  }
  if (!MayReview(request.viewer, *version, w.events)) return pages::ErrorPage(&request, 403, Tr(kOwnVersion));
  if (version->id != latest.id || version->status != AnswerStatus::kSubmitted) {
    const std::string number = std::to_string(version->number);
    const std::string status = StatusLabel(version->status);
    options.error =
        version->id != latest.id
            ? Tr("Version {number} is no longer waiting for review (its status is now \"{status}\", and it is not "
                 "the latest), so nothing was changed. The page below shows where the answer stands now.",
                 {{"number", number}, {"status", status}})
            : Tr("Version {number} is no longer waiting for review (its status is now \"{status}\"), so nothing "
                 "was changed. The page below shows where the answer stands now.",
                 {{"number", number}, {"status", status}});
    return WorkspacePage(request, w, now, options, 409);
  }

  FieldErrors errors = ValidateAnswerForm(options.form.value(), false);
  FieldErrors comment_errors;
  if (auto found = errors.find("comment"); found != errors.end()) comment_errors.insert(*found);
  if (form.action == "return" && form.comment.empty()) {
    comment_errors["comment"] = Tr("Say what the editor should change: returning an answer needs a comment.");
  }
  if (!comment_errors.empty()) {
    options.errors = comment_errors;
    return WorkspacePage(request, w, now, options, 422);
  }
  const Reviewer reviewer{request.viewer.user_id, request.viewer.display_name, request.viewer.credentials};
  if (form.action == "approve" && TrimWhitespace(reviewer.credentials).empty()) {
    options.error = Tr("Your account has no credentials recorded, and an approved answer names its reviewer's "
                       "(\"Medically reviewed by NAME, CREDENTIALS\"). Ask an administrator to add them to your "
                       "account, then approve.");
    return WorkspacePage(request, w, now, options, 422);
  }

  Result<AnswerVersion> step = Status::Internal("no step");
  if (w.translation) {
    step = form.action == "approve" ? store_.ApproveTranslation(version->id, reviewer, form.comment)
                                    : store_.ReturnTranslation(version->id, reviewer, form.comment);
  } else {
    step = form.action == "approve" ? store_.Approve(version->id, reviewer, form.comment)
                                    : store_.Return(version->id, reviewer, form.comment);
  }
  if (!step.ok()) return StepRefused(request, w, now, options, step.status(), Tr("Nothing was changed."));
  Changed();
  return SeeOther(WorkspaceHref(w) + (form.action == "approve" ? "?done=approved" : "?done=returned"));
}

// ---- New translation -------------------------------------------------------------

Response EditorialPages::NewTranslationForm(const Request& request) {
  if (auto refused = pages::RequireAllowed(request, guard::Action::kWriteAnswers, Tr(kNoWriting))) return *refused;
  const std::optional<long long> id = ParsePositiveInteger(request.Param("id"));
  if (!id) return StoreFailure(request, Status::NotFound("no such answer"));
  auto w = LoadAnswerWorkspace(store_, *id);
  if (!w.ok()) return StoreFailure(request, w.status());
  NewTranslationOptions options;
  options.form.lang = request.Query("lang").value_or("");
  if (!options.form.lang.empty() && !TranslatableLanguage(options.form.lang)) {
    options.error = UnknownLanguage(options.form.lang);
    options.form.lang.clear();
    return Page("editorial_translation_new", NewTranslationView(*w, request.csrf_token, options), 404);
  }
  // A language that already has a translation: its workspace.
  for (const TranslationSnapshot& t : w->translations) {
    if (t.translation.lang == options.form.lang) return SeeOther(TranslationHref(*id, options.form.lang));
  }
  return Page("editorial_translation_new", NewTranslationView(*w, request.csrf_token, options));
}

Response EditorialPages::CreateTranslation(const Request& request) {
  if (auto refused = pages::RequireAllowed(request, guard::Action::kWriteAnswers, Tr(kNoWriting))) return *refused;
  const std::optional<long long> id = ParsePositiveInteger(request.Param("id"));
  if (!id) return StoreFailure(request, Status::NotFound("no such answer"));
  if (!IsForm(request)) return pages::ErrorPage(&request, 400, Tr(kNotAForm));
  auto w = LoadAnswerWorkspace(store_, *id);
  if (!w.ok()) return StoreFailure(request, w.status());
  NewTranslationOptions options;
  options.form = ParseAnswerForm(Body(request));
  FieldErrors errors = ValidateAnswerForm(options.form, false);
  const bool language_ok = TranslatableLanguage(options.form.lang);
  if (options.form.action == "preview") {
    options.preview = true;
    options.errors = PreviewErrors(errors);
    return Page("editorial_translation_new", NewTranslationView(*w, request.csrf_token, options),
                options.errors.empty() ? 200 : 422);
  }
  if (!language_ok || !errors.empty()) {
    options.errors = errors;
    if (!language_ok) {
      options.error = options.form.lang.empty() ? Tr("Choose the language of the translation.")
                                                : UnknownLanguage(options.form.lang);
      options.form.lang.clear();
    }
    return Page("editorial_translation_new", NewTranslationView(*w, request.csrf_token, options), 422);
  }
  auto created = store_.CreateTranslation(*id, options.form.lang, ContentOf(options.form),
                                          options.form.source_version_id,
                                          Actor{request.viewer.user_id, request.viewer.display_name});
  if (!created.ok()) {
    const Status& status = created.status();
    if (status.code() == Status::Code::kConflict || status.code() == Status::Code::kInvalidArgument ||
        status.code() == Status::Code::kTooLarge) {
      options.error = Sentence(status.message());
      return Page("editorial_translation_new", NewTranslationView(*w, request.csrf_token, options),
                  status.code() == Status::Code::kConflict ? 409 : 422);
    }
    return StoreFailure(request, status);
  }
  Changed();
  return SeeOther(TranslationHref(*id, created->lang) + "?done=created_translation");
}

// ---- Diff --------------------------------------------------------------------------

Response EditorialPages::Diff(const Request& request) {
  if (auto refused = pages::RequireAllowed(request, guard::Action::kSeeEditorialQueues, Tr(kNoQueues))) return *refused;
  auto w = LoadWorkspace(store_, request);
  if (!w.ok()) return StoreFailure(request, w.status());
  const AnswerVersion& latest = w->versions.back();
  const AnswerVersion* published = nullptr;
  if (w->answer.published_version_id) published = FindVersion(*w, *w->answer.published_version_id);

  auto number = [&request](const char* name, long long fallback) -> std::optional<long long> {
    const std::optional<std::string> raw = request.Query(name);
    if (!raw || raw->empty()) return fallback;
    return ParsePositiveInteger(*raw);
  };
  const long long default_from =
      published && published != &latest ? published->number : std::max(1, latest.number - 1);
  const std::optional<long long> from_number = number("from", default_from);
  const std::optional<long long> to_number = number("to", latest.number);
  if (!from_number || !to_number) {
    return pages::ErrorPage(&request, 400,
                            Tr("\"from\" and \"to\" are version numbers, as in ?from=1&to=2. This answer has "
                               "versions 1 to {latest}.",
                               {{"latest", std::to_string(latest.number)}}));
  }
  const AnswerVersion* from = FindNumber(*w, *from_number);
  const AnswerVersion* to = FindNumber(*w, *to_number);
  if (from == nullptr || to == nullptr) {
    return pages::ErrorPage(&request, 404,
                            Tr("This answer has versions 1 to {latest}; there is no version {number}.",
                               {{"latest", std::to_string(latest.number)},
                                {"number", std::to_string(from == nullptr ? *from_number : *to_number)}}));
  }
  return Page("editorial_diff", DiffView(*w, *from, *to));
}

}  // namespace diseasemaps::articles
