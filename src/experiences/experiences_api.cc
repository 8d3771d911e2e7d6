#include "experiences/experiences_api.h"

#include <charconv>

#include "experiences/experiences_view.h"
#include "experiences/questionnaire.h"
#include "pages/error_pages.h"
#include "platform/i18n.h"
#include "platform/json_text.h"

namespace diseasemaps::experiences {

http::Response ExperiencesApi(ExperienceStore& store, int min_people, const http::Request& request) {
  const std::string& raw = request.Param("orphacode");
  int code = 0;
  auto [ptr, ec] = std::from_chars(raw.data(), raw.data() + raw.size(), code);
  if (ec != std::errc() || ptr != raw.data() + raw.size() || code < 1) {
    return pages::ErrorPage(&request, 400, i18n::Tr("An ORPHAcode is a positive whole number, such as 1183."));
  }
  auto tally = store.Aggregates(code);
  if (!tally.ok()) {
    if (tally.status().code() == Status::Code::kNotFound) {
      return pages::ErrorPage(&request, 404, i18n::Tr("There is no condition with ORPHAcode {code}.", {{"code", raw}}));
    }
    return pages::ErrorPage(&request, 503, i18n::Tr("The catalogue is unavailable right now. Try again in a moment."));
  }
  const Questionnaire* questionnaire = FindQuestionnaire(CurrentQuestionnaireVersion());
  if (!questionnaire) {
    return pages::ErrorPage(&request, 503, i18n::Tr("The catalogue is unavailable right now. Try again in a moment."));
  }
  nlohmann::json body = SuppressedAggregatesJson(*questionnaire, *tally, min_people);
  body["orphacode"] = code;
  return http::Response::Json(JsonText(body));
}

}  // namespace diseasemaps::experiences
