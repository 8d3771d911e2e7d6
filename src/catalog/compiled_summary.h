// The compiled summary: a short paragraph at the top of a condition's page, built by code
// from Orphanet's data for every entry that has no reviewed summary. What kind of entry
// it is, how rare, when it usually starts, whether it is inherited, its most frequent
// signs in lay words and the specialties it belongs to, each in whole sentences in the
// current language (platform/i18n.h).
//
// Guarantees: only what the data says, never a guess; every sentence is complete and
// ends with a full stop; a fact the data lacks is left out, never said as "unknown"
// unless Orphanet says it is unknown. The page labels the paragraph as compiled, not
// written or checked by a doctor.
#pragma once

#include <string>
#include <vector>

#include "catalog/condition.h"

namespace diseasemaps::catalog {

struct SummaryInputs {
  std::string name;                     // the condition's name as the page shows it
  std::vector<std::string> specialties; // Orphanet's specialties it sits in, in the interface language
  std::vector<std::string> sign_labels; // its signs in the interface language, most frequent first
};

// The sentences of the summary, in order; never empty for an entry with a name.
std::vector<std::string> CompiledSummary(const Condition& condition, const SummaryInputs& inputs);

// The signs to name in the summary: those seen always or almost always (or, when none,
// often), in the order given, at most `limit`; tumours that come with it are not signs
// (signs.h). Phenotype indexes into condition.phenotypes.
std::vector<std::size_t> SummarySigns(const Condition& condition, std::size_t limit = 4);

}  // namespace diseasemaps::catalog
