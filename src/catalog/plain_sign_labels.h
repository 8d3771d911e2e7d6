// Our own plain-language names for clinical signs that the Human Phenotype Ontology
// gives no lay label for ("Ataxia" → "Poor balance and coordination"), and the other
// ways people describe them ("unsteady walking"), from content/catalog/plain-signs.tsv,
// compiled into the binary.
//
// HPO's own lay label always wins: these fill gaps only. Condition pages show the label
// beside the medical term; search matches the label and the phrases, so a parent's
// words ("jerky movements and unsteady walking") reach conditions whose signs Orphanet
// names only clinically.
//
// The table is parsed once, on first use, then only read: thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "platform/status.h"

namespace diseasemaps::catalog {

struct PlainSignLabel {
  std::string label;                 // "Poor balance and coordination"
  std::vector<std::string> phrases;  // "unsteady walking", "clumsy movements", …
};

using PlainSignLabels = std::unordered_map<std::string, PlainSignLabel>;  // by HPO id

// Parses the file's text: '#' lines are comments; a header row "hpo_id label also";
// then one sign a line, three tab-separated columns (the third may be empty, phrases
// separated by ';'). InvalidArgument naming the line for a malformed id, an empty
// label, a wrong number of columns or an id given twice.
Result<PlainSignLabels> ParsePlainSignLabels(std::string_view tsv);

// The compiled-in table (empty if it failed to parse: a unit test guards the file).
const PlainSignLabels& EmbeddedPlainSignLabels();

// The label for `hpo_id` when `hpo_lay_label` (HPO's own) is empty and we have one;
// else `hpo_lay_label`.
const std::string& LayLabelOrOurs(const std::string& hpo_id, const std::string& hpo_lay_label);

}  // namespace diseasemaps::catalog
