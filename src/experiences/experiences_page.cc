#include "experiences/experiences_page.h"

#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "catalog/condition_localizer.h"
#include "catalog/localized_names_store.h"
#include "catalog/plain_words.h"
#include "experiences/condition_signs.h"
#include "experiences/experience_charts.h"
#include "experiences/experiences_view.h"
#include "experiences/questionnaire.h"
#include "guard/guard.h"
#include "pages/error_pages.h"
#include "platform/i18n.h"
#include "platform/templates.h"

namespace diseasemaps::experiences {
namespace {

using nlohmann::json;
using i18n::Tr;

constexpr const char* kUnavailable = i18n::N_("The catalogue is unavailable right now. Try again in a moment.");

http::Response NotFound(const http::Request& request) {
  return pages::ErrorPage(&request, 404,
                          Tr("We have no condition at this address, so there are no shared experiences to show. "
                             "Try searching for it by name, by a symptom or by a code such as ORPHA:1183."));
}

// The condition's phenotypes as the condition page names them, with Orphanet's band.
std::map<std::string, SignWords> SignWordsOf(const catalog::Condition& c, const catalog::LocalizedCondition& shown) {
  std::map<std::string, SignWords> out;
  for (const catalog::Phenotype& p : c.phenotypes) {
    SignWords words;
    words.name = SignName(p, shown);
    const catalog::FrequencyClass band = catalog::PlainFrequency(p.frequency);
    if (band.rank <= 5) {
      words.orphanet_band = band.label;
      std::tie(words.band_low, words.band_high) = BandOfRank(band.rank);
    }
    out[p.hpo_id] = std::move(words);
  }
  return out;
}

}  // namespace

http::Response ExperiencesPage(catalog::ConditionStore& conditions, ExperienceStore& store, Database& db,
                               int min_people, const catalog::ConditionPageSettings& settings,
                               const http::Request& request) {
  auto resolved = catalog::ResolveConditionAddress(conditions, request, "/experiences", NotFound);
  if (auto* answer = std::get_if<http::Response>(&resolved)) return std::move(*answer);
  const catalog::Condition& c = std::get<catalog::Condition>(resolved);
  catalog::LocalizedNamesStore names(db);
  auto shown = catalog::Localize(c, names, i18n::CurrentLanguage(), settings.unreviewed_labels);
  auto tally = store.Aggregates(c.orphacode);
  auto stories = store.SharedStories(c.orphacode, kStoriesShown);
  const Questionnaire* questionnaire = FindQuestionnaire(CurrentQuestionnaireVersion());
  if (!shown.ok() || !tally.ok() || !stories.ok() || questionnaire == nullptr) {
    return pages::ErrorPage(&request, 503, Tr(kUnavailable));
  }
  const json suppressed = SuppressedAggregatesJson(*questionnaire, *tally, min_people);
  json page = ChartsView(suppressed, SignWordsOf(c, *shown));
  const std::string& name = shown->name.text;
  page["title"] = Tr("Shared experiences of {name}", {{"name", name}});
  page["name"] = name;
  page["description"] = Tr("What people with {name} in the DiseaseMaps community have shared: first signs, the "
                           "road to a diagnosis, signs, treatments and stories.",
                           {{"name", name}});
  page["styles"] = json::array({"/static/css/experiences.css"});
  page["canonical"] = "/conditions/" + c.slug + "/experiences";
  page["condition_href"] = "/conditions/" + c.slug;
  page["share_href"] = "/conditions/" + c.slug + "/experiences/share";
  page["api_href"] = "/api/v1/conditions/" + std::to_string(c.orphacode) + "/experiences";
  json shown_stories = json::array();
  bool members_only_left_out = false;
  for (const SharedStory& story : *stories) {
    const guard::Visibility visibility =
        story.visibility == "everyone" ? guard::Visibility::kPublic : guard::Visibility::kMembers;
    if (!guard::CanListMember(request.viewer, visibility)) {
      members_only_left_out = true;
      continue;
    }
    shown_stories.push_back({{"id", std::to_string(story.experience_id)},
                             {"text", story.text},
                             {"members_only", visibility == guard::Visibility::kMembers},
                             {"report_href", "/conditions/" + c.slug + "/experiences/stories/" +
                                                 std::to_string(story.experience_id) + "/report"}});
  }
  // Stories are reported by members (story_report_pages.h); the form needs their session.
  page["can_report"] = guard::CanReportStory(request.viewer);
  if (page["can_report"]) page["form_csrf"] = request.csrf_token;
  page["reported"] = request.viewer.signed_in() && request.Query("reported").value_or("") == "1";
  page["stories"] = shown_stories;
  page["has_stories"] = !shown_stories.empty();
  page["members_only_left_out"] = members_only_left_out;
  http::Response response = http::Response::Html(Templates::RenderPage("experiences", page));
  if (request.viewer.signed_in()) response.NoStore();
  return response;
}

}  // namespace diseasemaps::experiences
