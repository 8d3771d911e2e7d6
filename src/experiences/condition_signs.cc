#include "experiences/condition_signs.h"

namespace diseasemaps::experiences {

std::string SignName(const catalog::Phenotype& phenotype, const catalog::LocalizedCondition& shown) {
  auto it = shown.symptoms.find(phenotype.hpo_id);
  if (it != shown.symptoms.end() && !it->second.text.empty()) return it->second.text;
  return phenotype.lay_label.empty() ? phenotype.term : phenotype.lay_label;
}

std::vector<SignChoice> SignChoicesOf(const catalog::Condition& condition, const catalog::LocalizedCondition& shown) {
  std::vector<SignChoice> choices;
  for (const catalog::Phenotype& p : condition.phenotypes) choices.push_back({p.hpo_id, SignName(p, shown)});
  return choices;
}

}  // namespace diseasemaps::experiences
