// The first screen of a condition's page: what a parent reads before scrolling.
//
//   - The summary: the reviewed one when an editor has published an answer with the
//     slug "summary" and a medical reviewer approved it (with "Medically reviewed by …
//     · Last updated …"); otherwise the paragraph compiled from Orphanet's data
//     (compiled_summary.h), labelled as not written or checked by a doctor.
//   - A group's subtypes, each with its own rarity, so that the group's number is never
//     read as a subtype's.
//   - "What you can do next": questions to take to a doctor, drawn only from the facts
//     the entry has (genetic counselling only where Orphanet gives an inheritance,
//     tumour check-ups only where it lists tumours), and where to find expert centres
//     and patient organisations (Orphanet's page for the ORPHAcode).
//
// Pure functions on the page's data, in the current language (platform/i18n.h).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "catalog/condition.h"
#include "catalog/condition_localizer.h"
#include "catalog/localized_names_store.h"

namespace diseasemaps::catalog {

// The answer that, once medically reviewed, is the page's summary.
inline constexpr std::string_view kSummaryAnswerSlug = "summary";

// Takes the reviewed summary out of `answers` (the list of articles::AnswersView):
// the item whose slug is kSummaryAnswerSlug, when it is reviewed, leaves the list (so it
// is not shown twice) and is returned as it was; null when there is none. A summary
// still waiting for review stays in the list, marked as a draft, and the compiled
// summary stays at the top.
nlohmann::json TakeReviewedSummary(nlohmann::json& answers);

// The compiled summary's paragraph: the condition and its most frequent signs named as
// the page names them, its specialties from `specialties` (read in the interface
// language). Where the interface is English around names in another language, the
// paragraph is English throughout.
std::string CompiledSummaryParagraph(const Condition& c, const LocalizedCondition& shown,
                                     const std::vector<SpecialtyPaths>& specialties);

// Adds "rarity" to each item of `children` (RelatedView items with "orphacode"): the
// child's own rarity phrase (plain_words.h PlainRarityPhrase), or a line saying it is
// not known. `prevalences` is ConditionStore::ChildPrevalences.
void AddRarity(nlohmann::json& children, const std::map<int, std::vector<Prevalence>>& prevalences);

// True for entries that are groups of other entries (Orphanet's "Category" and
// "Clinical group"): their page lists the subtypes first.
bool IsGroup(const Condition& c);

// Questions to take to a doctor about `name`, from the entry's facts; never empty.
std::vector<std::string> QuestionsForADoctor(const Condition& c, const std::string& name);

// Orphanet's page for the entry, which links its expert centres and patient
// organisations.
std::string OrphanetUrl(int orphacode);

}  // namespace diseasemaps::catalog
