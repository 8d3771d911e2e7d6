// The member side of shared experiences: starting one for a condition, the
// questionnaire one step at a time (each step saved as a draft), the review step with
// its three consents, and "My experiences", where each experience is edited, its
// consents given or withdrawn in one click, or deleted.
//
// Every page works without JavaScript and by keyboard; the other-signs boxes gain
// suggestions as one types when script runs (/api/v1/signs, signs-typeahead.js).
// Handlers ask the guard (may start: joined the community as affected or family &
// friends; may edit: Can(kShareExperiences); may take back: the owner, even suspended)
// and leave every rule to experience_rules.h and every write to ExperienceStore, which
// answers NotFound for an experience that is not the viewer's, exactly as for a
// missing one. A mistake shows the form again with every value as sent, a message in
// each question's fieldset and a summary that links to them, with status 422 and
// nothing saved.
#pragma once

#include <optional>
#include <string>
#include <variant>

#include "catalog/condition_page.h"
#include "catalog/condition_store.h"
#include "experiences/experience_store.h"
#include "http/request.h"
#include "platform/db/database.h"

namespace diseasemaps::experiences {

class SharePages {
 public:
  SharePages(Database& db, catalog::ConditionStore& conditions, ExperienceStore& store, int min_people,
             catalog::ConditionPageSettings settings);

  // GET and POST /conditions/{slug}/experiences/share: whom it is about, then the draft.
  http::Response StartForm(const http::Request& request);
  http::Response Start(const http::Request& request);
  // GET and POST /account/experiences/{id}/steps/{step}
  http::Response StepForm(const http::Request& request);
  http::Response SaveStep(const http::Request& request);
  // GET and POST /account/experiences/{id}/review: the answers in words, the consents.
  http::Response Review(const http::Request& request);
  http::Response Submit(const http::Request& request);

  // GET /account/experiences
  http::Response Mine(const http::Request& request);
  // POST /account/experiences/{id}/consents (kind, given=1|0) and …/withdraw (all).
  http::Response SetConsent(const http::Request& request);
  http::Response Withdraw(const http::Request& request);
  // GET and POST /account/experiences/{id}/delete
  http::Response DeleteForm(const http::Request& request);
  http::Response Delete(const http::Request& request);

  // GET /api/v1/signs?q=: up to 10 signs whose name contains q, for the type-ahead.
  http::Response SignSuggestions(const http::Request& request);

 private:
  struct Loaded;  // the viewer's experience of the request, with its condition
  // The condition of /conditions/{slug}/experiences/share when the viewer may start an
  // experience of it; else the answer (sign in, 403 with what to do, 404).
  std::variant<catalog::Condition, http::Response> ConditionToShare(const http::Request& request);
  std::variant<Loaded, http::Response> LoadOwn(const http::Request& request, bool for_change);
  http::Response StepPage(const http::Request& request, const Loaded& loaded, const std::string& step_id,
                          const nlohmann::json& answers, const FieldErrors& errors, unsigned status);
  http::Response ReviewPage(const http::Request& request, const Loaded& loaded, const std::string& error,
                            unsigned status);
  http::Response StartPage(const http::Request& request, const catalog::Condition& condition,
                           const std::map<std::string, std::string>& errors, const std::string& subject,
                           const std::string& label, unsigned status);

  Database& db_;
  catalog::ConditionStore& conditions_;
  ExperienceStore& store_;
  int min_people_;
  catalog::ConditionPageSettings settings_;
};

}  // namespace diseasemaps::experiences
