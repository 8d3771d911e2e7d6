// A condition's phenotypes named as its page names them: the translation in the page's
// language when there is one, else HPO's lay label, else HPO's clinical term. The
// questionnaire asks about them and the charts count them in the same words.
#pragma once

#include <string>
#include <vector>

#include "catalog/condition.h"
#include "catalog/condition_localizer.h"
#include "experiences/step_form.h"

namespace diseasemaps::experiences {

std::string SignName(const catalog::Phenotype& phenotype, const catalog::LocalizedCondition& shown);

// Every phenotype of the condition, in the catalogue's order.
std::vector<SignChoice> SignChoicesOf(const catalog::Condition& condition, const catalog::LocalizedCondition& shown);

}  // namespace diseasemaps::experiences
