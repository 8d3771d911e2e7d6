// SharePages, "My experiences": the list of the member's experiences with their
// consents, one-click giving and withdrawing, and deletion. Taking back (withdrawing,
// deleting) is never refused to the owner, even when suspended.
#include <nlohmann/json.hpp>

#include "catalog/condition_localizer.h"
#include "catalog/localized_names_store.h"
#include "experiences/questionnaire.h"
#include "experiences/share_pages.h"
#include "experiences/share_pages_internal.h"
#include "guard/guard.h"
#include "http/url.h"
#include "pages/error_pages.h"
#include "pages/moment.h"
#include "platform/i18n.h"
#include "platform/templates.h"
#include "platform/text.h"

namespace diseasemaps::experiences {
namespace {

using nlohmann::json;
using i18n::Tr;
using share_internal::AboutWhom;
using share_internal::kNoSuchExperience;
using share_internal::kUnavailable;


std::string ConsentWords(ConsentKind kind) {
  switch (kind) {
    case ConsentKind::kCharts: return Tr("Counted in this condition's public charts");
    case ConsentKind::kStory: return Tr("My story shown as I chose");
    case ConsentKind::kResearch: return Tr("Offered, de-identified, to approved research");
  }
  return "";
}

// The page for a store's refusal while taking an experience back: an experience that is
// not (or no longer) the viewer's is "no such experience"; anything else is the database.
http::Response TakingBackFailed(const http::Request& request, const Status& status) {
  return status.code() == Status::Code::kNotFound ? pages::ErrorPage(&request, 404, Tr(kNoSuchExperience))
                                                  : pages::ErrorPage(&request, 503, Tr(kUnavailable));
}

// The experience the request names, if it is the viewer's: for taking back, which only
// asks that the viewer owns it (the store answers NotFound otherwise).
std::variant<Experience, http::Response> OwnForTakingBack(ExperienceStore& store, const http::Request& request) {
  if (!request.viewer.signed_in()) return http::Response::Redirect("/login?next=%2Faccount%2Fexperiences", 303);
  const auto id = ParsePositiveInteger(request.Param("id"));
  if (!id) return pages::ErrorPage(&request, 404, Tr(kNoSuchExperience));
  auto found = store.Find(*request.viewer.user_id, *id);
  if (!found.ok()) return TakingBackFailed(request, found.status());
  if (!guard::CanTakeBackExperience(request.viewer, found->user_id)) {
    return pages::ErrorPage(&request, 404, Tr(kNoSuchExperience));
  }
  return std::move(*found);
}

// Back to "My experiences", at the experience, saying what was done.
http::Response Done(long long id, const std::string& done) {
  return http::Response::Redirect("/account/experiences?done=" + done + "#experience-" + std::to_string(id), 303);
}

}  // namespace

http::Response SharePages::Mine(const http::Request& request) {
  if (!request.viewer.signed_in()) return http::Response::Redirect("/login?next=%2Faccount%2Fexperiences", 303);
  auto mine = store_.Mine(*request.viewer.user_id);
  if (!mine.ok()) return pages::ErrorPage(&request, 503, Tr(kUnavailable));
  catalog::LocalizedNamesStore names(db_);
  json experiences = json::array();
  for (const Experience& e : *mine) {
    auto condition = conditions_.FindByOrphacode(e.orphacode);
    if (!condition.ok()) return pages::ErrorPage(&request, 503, Tr(kUnavailable));
    auto shown = catalog::Localize(*condition, names, i18n::CurrentLanguage(), settings_.unreviewed_labels);
    if (!shown.ok()) return pages::ErrorPage(&request, 503, Tr(kUnavailable));
    const Questionnaire* questionnaire = FindQuestionnaire(e.questionnaire_version);
    const std::string href = "/account/experiences/" + std::to_string(e.id);
    int saved_steps = 0;
    std::string next_step;
    if (questionnaire != nullptr) {
      for (const Step& step : questionnaire->steps) {
        if (e.answers.contains(step.id)) ++saved_steps;
        else if (next_step.empty()) next_step = step.id;
      }
    }
    json consents = json::array();
    for (ConsentKind kind : kAllConsents) {
      consents.push_back({{"kind", std::string(ConsentKindName(kind))},
                          {"words", ConsentWords(kind)},
                          {"given", e.consents.Get(kind)}});
    }
    json item = {{"id", e.id},
                 {"name", shown->name.text},
                 {"condition_href", "/conditions/" + condition->slug},
                 {"experiences_href", "/conditions/" + condition->slug + "/experiences"},
                 {"about", AboutWhom(e)},
                 {"submitted", e.submitted_at.has_value()},
                 {"draft", !e.submitted_at.has_value()},
                 {"saved_steps", saved_steps},
                 {"step_count", questionnaire ? questionnaire->steps.size() : 0},
                 {"editable", questionnaire != nullptr},
                 {"continue_href", href + (next_step.empty() ? "/review" : "/steps/" + next_step)},
                 {"review_href", href + "/review"},
                 {"consents_action", href + "/consents"},
                 {"withdraw_action", href + "/withdraw"},
                 {"delete_href", href + "/delete"},
                 {"consents", consents},
                 {"any_consent", e.consents.charts || e.consents.story || e.consents.research}};
    if (e.submitted_at) item["shared_time"] = pages::DayView(*e.submitted_at);
    if (e.story_hidden_at) {
      item["story_hidden_time"] = pages::DayView(*e.story_hidden_at);
      item["story_hidden_note"] = TextOrNull(e.story_hidden_note);
    }
    experiences.push_back(std::move(item));
  }
  const std::string done = request.Query("done").value_or("");
  json page = {{"title", Tr("My experiences")},
               {"noindex", true},
               {"experiences", experiences},
               {"has_experiences", !experiences.empty()},
               {"form_csrf", request.csrf_token},
               {"styles", json::array({"/static/css/experiences.css"})}};
  if (done == "saved") page["notice"] = Tr("Your answers were saved. Come back to them whenever you like.");
  if (done == "shared") page["notice"] = Tr("Thank you. Your experience is shared as you chose.");
  if (done == "consent") page["notice"] = Tr("Your choice was recorded, and applies now.");
  if (done == "withdrawn") page["notice"] = Tr("Every consent of that experience is withdrawn. It counts nowhere now.");
  if (done == "deleted") page["notice"] = Tr("The experience is deleted, with its answers and consent records.");
  return http::Response::Html(Templates::RenderPage("my_experiences", page)).NoStore();
}

http::Response SharePages::SetConsent(const http::Request& request) {
  auto own = OwnForTakingBack(store_, request);
  if (auto* answer = std::get_if<http::Response>(&own)) return std::move(*answer);
  const Experience& e = std::get<Experience>(own);
  const auto kind = ParseConsentKind(request.FormField("kind"));
  const std::string given = request.FormField("given");
  if (!kind || (given != "1" && given != "0")) {
    return pages::ErrorPage(&request, 400, Tr("Choose a consent to give or to withdraw."));
  }
  // Giving needs an active account; withdrawing never does.
  if (given == "1" && !guard::Can(request.viewer, guard::Action::kShareExperiences)) {
    return pages::ErrorPage(&request, 403, Tr("This account is suspended, so it cannot give consents."));
  }
  Status s = store_.SetConsent(*request.viewer.user_id, e.id, *kind, given == "1");
  if (s.code() == Status::Code::kFailedPrecondition) {
    return pages::ErrorPage(&request, 409,
                            Tr("Consents are given on the review step, when you share the experience. Finish it first."));
  }
  if (!s.ok()) return TakingBackFailed(request, s);
  return Done(e.id, "consent");
}

http::Response SharePages::Withdraw(const http::Request& request) {
  auto own = OwnForTakingBack(store_, request);
  if (auto* answer = std::get_if<http::Response>(&own)) return std::move(*answer);
  const Experience& e = std::get<Experience>(own);
  Status s = store_.Withdraw(*request.viewer.user_id, e.id);
  if (!s.ok()) return TakingBackFailed(request, s);
  return Done(e.id, "withdrawn");
}

http::Response SharePages::DeleteForm(const http::Request& request) {
  auto own = OwnForTakingBack(store_, request);
  if (auto* answer = std::get_if<http::Response>(&own)) return std::move(*answer);
  const Experience& e = std::get<Experience>(own);
  auto condition = conditions_.FindByOrphacode(e.orphacode);
  if (!condition.ok()) return pages::ErrorPage(&request, 503, Tr(kUnavailable));
  catalog::LocalizedNamesStore names(db_);
  auto shown = catalog::Localize(*condition, names, i18n::CurrentLanguage(), settings_.unreviewed_labels);
  if (!shown.ok()) return pages::ErrorPage(&request, 503, Tr(kUnavailable));
  json page = {{"title", Tr("Delete this experience?")},
               {"noindex", true},
               {"name", shown->name.text},
               {"about", AboutWhom(e)},
               {"action", "/account/experiences/" + std::to_string(e.id) + "/delete"},
               {"form_csrf", request.csrf_token}};
  return http::Response::Html(Templates::RenderPage("experience_delete", page)).NoStore();
}

http::Response SharePages::Delete(const http::Request& request) {
  auto own = OwnForTakingBack(store_, request);
  if (auto* answer = std::get_if<http::Response>(&own)) return std::move(*answer);
  const Experience& e = std::get<Experience>(own);
  Status s = store_.Delete(*request.viewer.user_id, e.id);
  if (!s.ok()) return TakingBackFailed(request, s);
  return http::Response::Redirect("/account/experiences?done=deleted", 303);
}

}  // namespace diseasemaps::experiences
