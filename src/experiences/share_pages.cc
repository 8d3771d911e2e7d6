#include "experiences/share_pages.h"
#include "experiences/share_pages_internal.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "catalog/condition_localizer.h"
#include "catalog/localized_names_store.h"
#include "experiences/condition_signs.h"
#include "experiences/questionnaire.h"
#include "experiences/questionnaire_words.h"
#include "experiences/step_form.h"
#include "guard/guard.h"
#include "http/url.h"
#include "pages/error_pages.h"
#include "pages/moment.h"
#include "platform/i18n.h"
#include "platform/json_text.h"
#include "platform/templates.h"
#include "platform/text.h"
#include "profiles/profile_store.h"

namespace diseasemaps::experiences {

using nlohmann::json;
using i18n::Tr;
using share_internal::AboutWhom;
using share_internal::kNoSuchExperience;
using share_internal::kUnavailable;

namespace {

constexpr int kSignSuggestions = 10;
constexpr int kTreatmentSuggestions = 200;
constexpr std::size_t kMaxSignQuery = 100;

http::Response Unavailable(const http::Request& request) { return pages::ErrorPage(&request, 503, Tr(kUnavailable)); }

http::Response SignInFirst(const std::string& back) {
  return http::Response::Redirect("/login?next=" + http::PercentEncode(back), 303);
}

std::string Value(const http::QueryParams& form, std::string_view name) {
  return http::QueryValue(form, name).value_or("");
}

std::string ExperienceHref(long long id) { return "/account/experiences/" + std::to_string(id); }

// The steps of the questionnaire as a progress list: done, current, and the review.
json ProgressView(const Questionnaire& questionnaire, const Experience& e, const std::string& current) {
  json steps = json::array();
  int number = 0;
  for (const Step& step : questionnaire.steps) {
    ++number;
    steps.push_back({{"number", number},
                     {"title", StepTitle(step.id)},
                     {"href", ExperienceHref(e.id) + "/steps/" + step.id},
                     {"saved", e.answers.contains(step.id)},
                     {"current", step.id == current}});
  }
  steps.push_back({{"number", number + 1},
                   {"title", Tr("Review and share")},
                   {"href", ExperienceHref(e.id) + "/review"},
                   {"saved", e.submitted_at.has_value()},
                   {"current", current == "review"}});
  return steps;
}

}  // namespace

struct SharePages::Loaded {
  Experience experience;
  catalog::Condition condition;
  catalog::LocalizedCondition shown;
  const Questionnaire* questionnaire = nullptr;
};

SharePages::SharePages(Database& db, catalog::ConditionStore& conditions, ExperienceStore& store, int min_people,
                       catalog::ConditionPageSettings settings)
    : db_(db), conditions_(conditions), store_(store), min_people_(min_people), settings_(settings) {}

std::variant<SharePages::Loaded, http::Response> SharePages::LoadOwn(const http::Request& request, bool for_change) {
  if (!request.viewer.signed_in()) return SignInFirst(request.method == http::beast_http::verb::get ? request.target : "/account/experiences");
  if (for_change && !guard::Can(request.viewer, guard::Action::kShareExperiences)) {
    return pages::ErrorPage(&request, 403,
                            Tr("This account is suspended, so it cannot change shared experiences. You can still "
                               "withdraw your consents or delete them from My experiences."));
  }
  const auto id = ParsePositiveInteger(request.Param("id"));
  if (!id) return pages::ErrorPage(&request, 404, Tr(kNoSuchExperience));
  auto found = store_.Find(*request.viewer.user_id, *id);
  if (!found.ok()) {
    return found.status().code() == Status::Code::kNotFound ? pages::ErrorPage(&request, 404, Tr(kNoSuchExperience))
                                                            : Unavailable(request);
  }
  auto condition = conditions_.FindByOrphacode(found->orphacode);
  if (!condition.ok()) return Unavailable(request);
  catalog::LocalizedNamesStore names(db_);
  auto shown = catalog::Localize(*condition, names, i18n::CurrentLanguage(), settings_.unreviewed_labels);
  if (!shown.ok()) return Unavailable(request);
  Loaded loaded{std::move(*found), std::move(*condition), std::move(*shown),
                FindQuestionnaire(found->questionnaire_version)};
  if (loaded.questionnaire == nullptr && for_change) {
    return pages::ErrorPage(&request, 409,
                            Tr("This experience was written with a questionnaire that has since been replaced, so "
                               "it can no longer be changed. You can still withdraw your consents or delete it."));
  }
  return loaded;
}

// ---- Starting ------------------------------------------------------------------

http::Response SharePages::StartPage(const http::Request& request, const catalog::Condition& condition,
                                     const std::map<std::string, std::string>& errors, const std::string& subject,
                                     const std::string& label, unsigned status) {
  catalog::LocalizedNamesStore names(db_);
  auto shown = catalog::Localize(condition, names, i18n::CurrentLanguage(), settings_.unreviewed_labels);
  if (!shown.ok()) return Unavailable(request);
  json page = {{"title", Tr("Share your experience of {name}", {{"name", shown->name.text}})},
               {"name", shown->name.text},
               {"noindex", true},
               {"condition_href", "/conditions/" + condition.slug},
               {"action", "/conditions/" + condition.slug + "/experiences/share"},
               {"form_csrf", request.csrf_token},
               {"self", subject != "cared_for"},
               {"cared_for", subject == "cared_for"},
               {"label", label},
               {"label_limit", kMaxLabelChars}};
  json summary = json::array();
  for (const auto& [field, message] : errors) {
    page[field + "_error"] = message;
    summary.push_back({{"message", message}, {"href", "#share-" + field}});
  }
  page["error_summary"] = summary;
  page["has_errors"] = !summary.empty();
  return http::Response::Html(Templates::RenderPage("experience_start", page), status).NoStore();
}

std::variant<catalog::Condition, http::Response> SharePages::ConditionToShare(const http::Request& request) {
  auto resolved = catalog::ResolveConditionAddress(conditions_, request, "/experiences/share", [](const auto& r) {
    return pages::ErrorPage(&r, 404, Tr("We have no condition at this address."));
  });
  if (std::holds_alternative<http::Response>(resolved)) return resolved;
  const catalog::Condition& condition = std::get<catalog::Condition>(resolved);
  if (!request.viewer.signed_in()) return SignInFirst("/conditions/" + condition.slug + "/experiences/share");
  profiles::ProfileStore profiles(db_);
  auto role = profiles.RoleIn(*request.viewer.user_id, condition.orphacode);
  if (!role.ok()) return Unavailable(request);
  guard::CommunityStanding standing = guard::CommunityStanding::kOutside;
  if (*role) {
    standing = (**role == profiles::MemberRole::kAffected || **role == profiles::MemberRole::kFamily)
                   ? guard::CommunityStanding::kAffectedOrFamily
                   : guard::CommunityStanding::kOtherRole;
  }
  if (guard::CanStartExperience(request.viewer, standing)) return resolved;
  if (!guard::Can(request.viewer, guard::Action::kShareExperiences)) {
    return pages::ErrorPage(&request, 403, Tr("This account is suspended, so it cannot share experiences."));
  }
  return pages::ErrorPage(
      &request, 403,
      Tr("Experiences are shared by people affected and their family & friends. Join this condition's community "
         "in one of those roles on its page first; then come back here."));
}

http::Response SharePages::StartForm(const http::Request& request) {
  auto resolved = ConditionToShare(request);
  if (auto* answer = std::get_if<http::Response>(&resolved)) return std::move(*answer);
  return StartPage(request, std::get<catalog::Condition>(resolved), {}, "self", "", 200);
}

http::Response SharePages::Start(const http::Request& request) {
  auto resolved = ConditionToShare(request);
  if (auto* answer = std::get_if<http::Response>(&resolved)) return std::move(*answer);
  const catalog::Condition& condition = std::get<catalog::Condition>(resolved);
  const http::QueryParams form = request.FormFields();
  const std::string subject_name = Value(form, "subject");
  const std::string label = Value(form, "label");
  const auto subject = ParseSubject(subject_name);
  std::map<std::string, std::string> errors;
  if (!subject) errors["subject"] = Tr("Please say whom this experience is about.");
  else if (auto problem = CheckLabel(*subject, label)) errors["label"] = *problem;
  if (!errors.empty()) {
    return StartPage(request, condition, errors, subject_name, FirstCharacters(label, kMaxLabelChars * 4), 422);
  }
  const int version = CurrentQuestionnaireVersion();
  auto id = store_.Create(*request.viewer.user_id, condition.orphacode, *subject,
                          std::string(TrimWhitespace(label)), version);
  if (!id.ok()) return Unavailable(request);
  return http::Response::Redirect(ExperienceHref(*id) + "/steps/" + FindQuestionnaire(version)->steps.front().id, 303);
}

// ---- The steps ------------------------------------------------------------------

http::Response SharePages::StepPage(const http::Request& request, const Loaded& loaded, const std::string& step_id,
                                    const json& answers, const FieldErrors& errors, unsigned status) {
  const Questionnaire& questionnaire = *loaded.questionnaire;
  const Step* step = questionnaire.Find(step_id);
  const Experience& e = loaded.experience;
  StepFormInput input;
  input.step = step;
  input.answers = answers;
  input.errors = errors;
  input.condition_signs = SignChoicesOf(loaded.condition, loaded.shown);
  for (const Question& q : step->questions) {
    if (q.kind == QuestionKind::kHpoTerms && answers.contains(q.id) && answers[q.id].is_array()) {
      std::vector<std::string> ids;
      for (const json& item : answers[q.id]) {
        if (item.is_string() && IsHpoId(item.get<std::string>())) ids.push_back(item.get<std::string>());
      }
      auto names = store_.SignNames(ids);
      if (!names.ok()) return Unavailable(request);
      input.sign_names.insert(names->begin(), names->end());
    }
    if (q.kind == QuestionKind::kTreatments) {
      auto suggestions = store_.TreatmentSuggestions(e.orphacode, min_people_, kTreatmentSuggestions);
      if (!suggestions.ok()) return Unavailable(request);
      input.treatment_suggestions = std::move(*suggestions);
    }
  }
  const auto position = std::find_if(questionnaire.steps.begin(), questionnaire.steps.end(),
                                     [&](const Step& s) { return s.id == step_id; }) -
                        questionnaire.steps.begin();
  json page = {{"title", StepTitle(step_id) + " · " + loaded.shown.name.text},
               {"noindex", true},
               {"step_title", StepTitle(step_id)},
               {"step_number", position + 1},
               {"step_count", questionnaire.steps.size() + 1},
               {"name", loaded.shown.name.text},
               {"about", AboutWhom(e)},
               {"progress", ProgressView(questionnaire, e, step_id)},
               {"action", ExperienceHref(e.id) + "/steps/" + step_id},
               {"form_csrf", request.csrf_token},
               {"questions", StepFormView(input)},
               {"first", position == 0},
               {"submitted", e.submitted_at.has_value()},
               {"error_summary", ErrorSummary(*step, errors)},
               {"has_errors", !errors.empty()},
               {"styles", json::array({"/static/css/experiences.css"})},
               {"scripts", json::array({"/static/js/signs-typeahead.js"})}};
  return http::Response::Html(Templates::RenderPage("experience_step", page), status).NoStore();
}

http::Response SharePages::StepForm(const http::Request& request) {
  auto loaded = LoadOwn(request, true);
  if (auto* answer = std::get_if<http::Response>(&loaded)) return std::move(*answer);
  const Loaded& l = std::get<Loaded>(loaded);
  const std::string step_id = request.Param("step");
  if (l.questionnaire->Find(step_id) == nullptr) {
    return pages::ErrorPage(&request, 404, Tr("There is no such step in this questionnaire."));
  }
  return StepPage(request, l, step_id, l.experience.answers.value(step_id, json::object()), {}, 200);
}

http::Response SharePages::SaveStep(const http::Request& request) {
  auto loaded = LoadOwn(request, true);
  if (auto* answer = std::get_if<http::Response>(&loaded)) return std::move(*answer);
  const Loaded& l = std::get<Loaded>(loaded);
  const std::string step_id = request.Param("step");
  const Step* step = l.questionnaire->Find(step_id);
  if (step == nullptr) return pages::ErrorPage(&request, 404, Tr("There is no such step in this questionnaire."));
  const http::QueryParams form = request.FormFields();
  json input = StepInputFromForm(*step, form);
  // Other signs arrive as names typed (or picked from the suggestions): each must be a
  // sign the catalogue knows, by its name or its HPO id.
  FieldErrors errors;
  json resolved = input;
  for (const Question& q : step->questions) {
    if (q.kind != QuestionKind::kHpoTerms || !input.contains(q.id)) continue;
    json ids = json::array();
    for (std::size_t i = 0; i < input[q.id].size(); ++i) {
      const std::string typed = input[q.id][i].get<std::string>();
      auto sign = store_.ResolveSign(FirstCharacters(typed, kMaxSignQuery));
      if (!sign.ok()) return Unavailable(request);
      if (*sign) {
        ids.push_back((*sign)->hpo_id);
        input[q.id][i] = (*sign)->hpo_id;
      } else {
        errors[q.id + "[" + std::to_string(i) + "]"] =
            Tr("We do not know the sign \"{name}\". Choose one of the suggestions, or leave it out.",
               {{"name", FirstCharacters(typed, kMaxSignQuery)}});
      }
    }
    resolved[q.id] = std::move(ids);
  }
  auto phenotypes = store_.PhenotypesOf(l.experience.orphacode);
  if (!phenotypes.ok()) return Unavailable(request);
  StepCheck check = CheckStep(l.experience.questionnaire_version, step_id, resolved, *phenotypes);
  errors.insert(check.errors.begin(), check.errors.end());
  if (!errors.empty()) return StepPage(request, l, step_id, input, errors, 422);
  Status saved = store_.SaveStep(*request.viewer.user_id, l.experience.id, *check.step);
  if (saved.code() == Status::Code::kNotFound) return pages::ErrorPage(&request, 404, Tr(kNoSuchExperience));
  if (!saved.ok()) return Unavailable(request);
  const std::string go = Value(form, "go");
  const auto& steps = l.questionnaire->steps;
  const auto here = std::find_if(steps.begin(), steps.end(), [&](const Step& s) { return s.id == step_id; });
  if (go == "later") return http::Response::Redirect("/account/experiences?done=saved", 303);
  if (go == "back" && here != steps.begin()) {
    return http::Response::Redirect(ExperienceHref(l.experience.id) + "/steps/" + std::prev(here)->id, 303);
  }
  if (std::next(here) == steps.end()) return http::Response::Redirect(ExperienceHref(l.experience.id) + "/review", 303);
  return http::Response::Redirect(ExperienceHref(l.experience.id) + "/steps/" + std::next(here)->id, 303);
}

// ---- Review and consents ----------------------------------------------------------

http::Response SharePages::ReviewPage(const http::Request& request, const Loaded& l, const std::string& error,
                                      unsigned status) {
  const Experience& e = l.experience;
  std::map<std::string, std::string> sign_names;
  for (const SignChoice& sign : SignChoicesOf(l.condition, l.shown)) sign_names[sign.hpo_id] = sign.name;
  std::vector<std::string> other_ids;
  for (const auto& [step_id, step_answers] : e.answers.items()) {
    if (!step_answers.is_object()) continue;
    for (const auto& [question, value] : step_answers.items()) {
      if (!value.is_array()) continue;
      for (const json& item : value) {
        if (item.is_string() && IsHpoId(item.get<std::string>()) && !sign_names.count(item.get<std::string>())) {
          other_ids.push_back(item.get<std::string>());
        }
      }
    }
  }
  auto others = store_.SignNames(other_ids);
  if (!others.ok()) return Unavailable(request);
  sign_names.insert(others->begin(), others->end());
  json steps = json::array();
  for (const Step& step : l.questionnaire->steps) {
    json answers = StepAnswersView(step, e.answers.value(step.id, json::object()), sign_names);
    steps.push_back({{"title", StepTitle(step.id)},
                     {"href", ExperienceHref(e.id) + "/steps/" + step.id},
                     {"answers", answers},
                     {"unanswered", answers.empty()}});
  }
  const bool has_story = e.answers.contains("story") && e.answers["story"].contains("story");
  json page = {{"title", Tr("Review and share") + " · " + l.shown.name.text},
               {"noindex", true},
               {"name", l.shown.name.text},
               {"about", AboutWhom(e)},
               {"progress", ProgressView(*l.questionnaire, e, "review")},
               {"step_number", l.questionnaire->steps.size() + 1},
               {"step_count", l.questionnaire->steps.size() + 1},
               {"steps", steps},
               {"action", ExperienceHref(e.id) + "/review"},
               {"form_csrf", request.csrf_token},
               {"submitted", e.submitted_at.has_value()},
               {"has_story", has_story},
               {"min_people", min_people_},
               {"error", TextOrNull(error)},
               {"mine_href", "/account/experiences#experience-" + std::to_string(e.id)},
               {"styles", json::array({"/static/css/experiences.css"})}};
  return http::Response::Html(Templates::RenderPage("experience_review", page), status).NoStore();
}

http::Response SharePages::Review(const http::Request& request) {
  auto loaded = LoadOwn(request, true);
  if (auto* answer = std::get_if<http::Response>(&loaded)) return std::move(*answer);
  return ReviewPage(request, std::get<Loaded>(loaded), "", 200);
}

http::Response SharePages::Submit(const http::Request& request) {
  auto loaded = LoadOwn(request, true);
  if (auto* answer = std::get_if<http::Response>(&loaded)) return std::move(*answer);
  const Loaded& l = std::get<Loaded>(loaded);
  if (l.experience.submitted_at) {
    return ReviewPage(request, l, Tr("This experience is already shared. Change your consents from My experiences."),
                      409);
  }
  const http::QueryParams form = request.FormFields();
  Consents consents;
  for (ConsentKind kind : kAllConsents) consents.Set(kind, Value(form, "consent_" + std::string(ConsentKindName(kind))) == "1");
  Status s = store_.Submit(*request.viewer.user_id, l.experience.id, consents);
  if (s.code() == Status::Code::kNotFound) return pages::ErrorPage(&request, 404, Tr(kNoSuchExperience));
  if (!s.ok()) return Unavailable(request);
  return http::Response::Redirect("/account/experiences?done=shared#experience-" + std::to_string(l.experience.id),
                                  303);
}

// ---- The type-ahead ----------------------------------------------------------------

http::Response SharePages::SignSuggestions(const http::Request& request) {
  const std::string typed(TrimWhitespace(request.Query("q").value_or("")));
  const auto count = CountCharacters(typed);
  if (typed.empty() || !count || *count > kMaxSignQuery) {
    return http::Response::Json(JsonText(json{{"error", Tr("Type a few letters of a sign's name in q.")}}), 400);
  }
  auto found = store_.SuggestSigns(typed, kSignSuggestions);
  if (!found.ok()) return http::Response::Json(JsonText(json{{"error", Tr(kUnavailable)}}), 503);
  json signs = json::array();
  for (const NamedSign& sign : *found) signs.push_back({{"hpo_id", sign.hpo_id}, {"name", sign.name}});
  return http::Response::Json(JsonText(json{{"query", typed}, {"count", signs.size()}, {"signs", signs}}));
}

}  // namespace diseasemaps::experiences
