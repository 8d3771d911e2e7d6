// The condition page (/conditions/{slug}), its redirects, and its JSON for the API.
//
// The page shows what the catalogue holds, in plain words first and Orphanet's terms
// second, each fact with its source; an obsolete entry says so and points to its
// replacement. Pages are cached for anonymous visitors (routes.cc).
#pragma once

#include <functional>
#include <string>
#include <variant>

#include <nlohmann/json.hpp>

#include "catalog/condition.h"
#include "catalog/condition_localizer.h"
#include "catalog/condition_store.h"
#include "http/request.h"

namespace diseasemaps::catalog {

// The community box of a condition's page (profiles/), as the template's `community`.
using CommunityBoxFn = std::function<Result<nlohmann::json>(const Condition&)>;

// How condition pages are shown, from the serve command's settings.
struct ConditionPageSettings {
  UnreviewedLabels unreviewed_labels = UnreviewedLabels::kShowWithNote;
};

// GET /conditions/{slug}: the page, a 301 to the canonical slug (for a synonym's slug or
// a different case), or a 404 that offers search. Answers come from `db` (articles/),
// the community box from `community` (left out when empty). `status` is 200 except
// when a refused form on the page is shown again.
//
// In another language (request.language) the page shows Orphanet's name in it first and
// the English name beneath, synonyms and symptom labels in it where they exist, and marks
// each English text left (lang="en"), saying so where a reader would otherwise not know.
http::Response ConditionPage(ConditionStore& store, Database& db, const http::Request& request,
                             const CommunityBoxFn& community = {}, unsigned status = 200,
                             const ConditionPageSettings& settings = {});

// ConditionPage with everything but the request, the community box and the status
// bound: how features that show a condition's page again (profiles/) call it.
using ConditionPageFn =
    std::function<http::Response(const http::Request&, const CommunityBoxFn&, unsigned status)>;

// The condition that /conditions/{slug}`suffix` names (request.Param("slug")), or the
// answer to give instead: a 301 to /conditions/{canonical}`suffix` for a synonym's slug
// or a different case, `not_found` when nothing has that slug, 503 when the catalogue
// cannot be read. Every page under a condition's address resolves it here.
std::variant<Condition, http::Response> ResolveConditionAddress(
    ConditionStore& store, const http::Request& request, const std::string& suffix,
    const std::function<http::Response(const http::Request&)>& not_found);

// GET /conditions/orpha/{code}: 301 to the canonical page, or 404.
http::Response ConditionByOrphacode(ConditionStore& store, const http::Request& request);

// The API's representation of a condition: every field the page shows.
nlohmann::json ConditionJson(const Condition& condition);

// schema.org MedicalCondition for the page, as JSON text safe inside a <script> block.
// `names` (when given) names it in the page's language, the English name kept among
// the alternate names.
std::string ConditionJsonLd(const Condition& condition, const std::string& canonical_url,
                            const LocalizedCondition* names = nullptr);

// Lowers and validates a slug from a URL: [a-z0-9-], 1 to 200 characters. Empty when the
// slug can never exist.
std::string NormaliseSlug(const std::string& slug);

}  // namespace diseasemaps::catalog
