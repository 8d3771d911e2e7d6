// A condition's shared experiences as everyone may see them, pure: the kept aggregates
// (experience_aggregates.h) of each question of the questionnaire, suppressed
// (suppression.h) before anything leaves this module, as JSON for the API (the charts
// pages will read the same).
//
// Guarantees: no count from 1 to 4 appears as a number; a question that fewer than k
// people answered shows nothing but that it is not shown; free-text buckets (other signs,
// treatment names) that fewer than 5 people share are left out altogether, since their
// very name could point at someone; medians and quartiles only on at least
// max(k, 5) answers.
#pragma once

#include <nlohmann/json.hpp>

#include "experiences/experience_aggregates.h"
#include "experiences/questionnaire.h"
#include "experiences/suppression.h"

namespace diseasemaps::experiences {

// {"count": N} | {"fewer_than": 5} | {"hidden": true}, and "percent" when known.
nlohmann::json CountJson(const ShownCount& count);

// {"people": …, "min_people": k, "questions": {id: {"kind", "shown", "answered",
// "cells" | "signs" | "treatments", …}}} for the questionnaire's questions.
nlohmann::json SuppressedAggregatesJson(const Questionnaire& questionnaire, const Tally& tally, int min_people);

}  // namespace diseasemaps::experiences
