// GET /conditions/{slug}/experiences: what the condition's community has shared, as
// charts (server-rendered SVG, no script) and the same numbers as tables, and the stories
// members chose to show.
//
// Guarantees: every number comes from the suppressed aggregates the API serves
// (experiences_view.h) with the same k (--experiences-min-cell), so the page shows
// nothing the API would not; a story is shown only to whom its author chose (the guard's
// CanListMember: everyone, or signed-in active members) and always as text. Anonymous
// views are cached (routes.cc) and the store moves the content generation on every
// change, which empties the cache.
#pragma once

#include "catalog/condition_page.h"
#include "catalog/condition_store.h"
#include "experiences/experience_store.h"
#include "http/request.h"
#include "platform/db/database.h"

namespace diseasemaps::experiences {

inline constexpr int kStoriesShown = 20;

http::Response ExperiencesPage(catalog::ConditionStore& conditions, ExperienceStore& store, Database& db,
                               int min_people, const catalog::ConditionPageSettings& settings,
                               const http::Request& request);

}  // namespace diseasemaps::experiences
