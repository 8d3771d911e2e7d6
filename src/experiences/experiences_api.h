// The experiences' JSON API: /api/v1/conditions/{orphacode}/experiences, a condition's
// aggregates suppressed as experiences_view.h says, for anyone (no private field is
// read: the kept aggregates only). Errors answer {"error": {"status": N, "message": "…"}}
// like the rest of the API.
#pragma once

#include "experiences/experience_store.h"
#include "experiences/suppression.h"
#include "http/request.h"

namespace diseasemaps::experiences {

// min_people: k, the fewest answers a question needs to be shown (kDefaultMinPeople).
http::Response ExperiencesApi(ExperienceStore& store, int min_people, const http::Request& request);

}  // namespace diseasemaps::experiences
