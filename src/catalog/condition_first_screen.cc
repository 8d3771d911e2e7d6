#include "catalog/condition_first_screen.h"

#include <algorithm>
#include <set>

#include "catalog/compiled_summary.h"
#include "catalog/plain_words.h"
#include "catalog/signs.h"
#include "platform/i18n.h"
#include "platform/text.h"

namespace diseasemaps::catalog {

using nlohmann::json;
using i18n::Tr;

json TakeReviewedSummary(json& answers) {
  if (!answers.is_array()) return nullptr;
  for (auto it = answers.begin(); it != answers.end(); ++it) {
    if (!it->is_object() || it->value("slug", "") != kSummaryAnswerSlug) continue;
    if (!it->value("reviewed", false)) return nullptr;
    json summary = std::move(*it);
    answers.erase(it);
    return summary;
  }
  return nullptr;
}

std::string CompiledSummaryParagraph(const Condition& c, const LocalizedCondition& shown,
                                     const std::vector<SpecialtyPaths>& specialties) {
  const bool in_page_language = i18n::InterfaceLanguage(shown.language) == shown.language;
  SummaryInputs inputs;
  inputs.name = in_page_language ? shown.name.text : c.name;
  for (std::size_t i : SummarySigns(c)) {
    const Phenotype& p = c.phenotypes[i];
    auto translated = in_page_language ? shown.symptoms.find(p.hpo_id) : shown.symptoms.end();
    inputs.sign_labels.push_back(translated != shown.symptoms.end() ? translated->second.text
                                 : p.lay_label.empty()              ? p.term
                                                                    : p.lay_label);
  }
  for (const auto& specialty : specialties) {
    if (specialty.paths.empty() || specialty.paths.front().empty()) continue;
    const std::string& root = specialty.paths.front().front().name;
    // A group at the top of its own tree is its specialty: nothing to add.
    if (specialty.paths.front().size() == 1) continue;
    if (std::find(inputs.specialties.begin(), inputs.specialties.end(), root) == inputs.specialties.end()) {
      inputs.specialties.push_back(root);
    }
  }
  std::string paragraph;
  for (const auto& sentence : CompiledSummary(c, inputs)) paragraph += (paragraph.empty() ? "" : " ") + sentence;
  return paragraph;
}

void AddRarity(json& children, const std::map<int, std::vector<Prevalence>>& prevalences) {
  for (json& child : children) {
    auto it = prevalences.find(child.value("orphacode", 0));
    const std::string phrase = it == prevalences.end() ? "" : PlainRarityPhrase(it->second);
    child["rarity"] = phrase.empty() ? Tr("how many people have it is not known") : phrase;
  }
}

bool IsGroup(const Condition& c) { return c.entry_type == "Category" || c.entry_type == "Clinical group"; }

std::vector<std::string> QuestionsForADoctor(const Condition& c, const std::string& raw_name) {
  const std::string name = CollapseWhitespace(raw_name);
  static const std::set<std::string> kNotInherited = {"Not applicable", "Unknown", "Not yet documented", ""};
  std::vector<std::string> questions;
  if (IsGroup(c) && !c.children.empty()) {
    questions.push_back(Tr("Which type of {name} is it, and how can we find out?", {{"name", name}}));
  }
  questions.push_back(Tr("Which tests confirm {name}, and where are they done?", {{"name", name}}));
  const bool inherited = std::any_of(c.inheritance.begin(), c.inheritance.end(),
                                     [](const std::string& i) { return !kNotInherited.count(i); });
  if (inherited) {
    questions.push_back(Tr("Would genetic counselling help our family, and should relatives be tested?"));
  }
  if (!c.genes.empty()) {
    questions.push_back(i18n::Plural("Would a genetic test of the {genes} gene help?",
                                     "Would a genetic test of the genes involved ({genes}) help?",
                                     static_cast<long long>(c.genes.size()), {{"genes", [&] {
                                       std::string genes;
                                       for (std::size_t i = 0; i < c.genes.size() && i < 3; ++i) {
                                         genes += (i == 0 ? "" : ", ") + c.genes[i].symbol;
                                       }
                                       if (c.genes.size() > 3) genes += ", …";
                                       return genes;
                                     }()}}));
  }
  const bool tumours = std::any_of(c.phenotypes.begin(), c.phenotypes.end(), [&](const Phenotype& p) {
    return KindOfSign(p, c, false) == SignKind::kAccompanyingCondition && PlainFrequency(p.frequency).rank != 5;
  });
  if (tumours) {
    questions.push_back(Tr("Which check-ups for the tumours that can come with it are advised, and how often?"));
  }
  questions.push_back(Tr("Is there a specialist centre or doctor who knows {name} well?", {{"name", name}}));
  return questions;
}

std::string OrphanetUrl(int orphacode) {
  return "https://www.orpha.net/en/disease/detail/" + std::to_string(orphacode);
}

}  // namespace diseasemaps::catalog
