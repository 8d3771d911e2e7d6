// What one counted experience adds to its condition's aggregates, pure: the cells
// (question, bucket) it counts in. The store adds and subtracts these in the same
// transaction as every change, and a full recount sums them over every counted
// experience; both use this one definition, so they cannot drift apart.
//
// Cells, each counted once per experience:
//   ("*", "*")                every counted experience (the condition page's line)
//   (question, "*")           experiences that answered the question (the k rule)
//   (choice, option)          e.g. ("doctors_seen", "4_7")
//   (number, "N")             e.g. ("years_to_diagnosis", "3"), ("daily_life_effect", "7")
//   (signs or hpo_terms, HP)  e.g. ("first_signs", "HP:0000317")
//   (phenotypes, "HP|answer") e.g. ("phenotypes", "HP:0000317|has"), and "HP|*" per sign
//   (treatments, "name|*"), (treatments, "name|effect"): the name folded to lower case
// Free text (the specialty, the story) counts only in (question, "*").
#pragma once

#include <compare>
#include <map>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

namespace diseasemaps::experiences {

struct Cell {
  std::string question;
  std::string bucket;
  auto operator<=>(const Cell&) const = default;
};

// Counts per cell; a cell with no one in it is absent.
using Tally = std::map<Cell, long long>;

inline const Cell kEveryoneCell{"*", "*"};

// The cells that the answers of questionnaire `version` count in. Answers to questions
// the questionnaire does not have (or an unknown version) add nothing but the
// ("*", "*") cell.
std::set<Cell> CellsOf(int version, const nlohmann::json& answers);

// The difference a change makes: +1 for each cell only in `after`, -1 for each only in
// `before`.
std::map<Cell, int> Difference(const std::set<Cell>& before, const std::set<Cell>& after);

// Lower case for ASCII letters, other bytes kept: how treatment names are merged
// ("IVIG" and "ivig" are one), leaving editors to merge synonyms.
std::string FoldName(const std::string& name);

}  // namespace diseasemaps::experiences
