// Which of a condition's phenotypes (Orphanet's HPO annotations) a page lists as signs
// in plain words, which as medical terms with no lay label, and which apart, as other
// conditions that can come with it.
//
// The rule for the last, from the data: HPO names every tumour with one of a few words
// (carcinoma, cancer, neoplasm, tumour, melanoma, lymphoma, leukaemia, sarcoma, -blastoma,
// teratoma, adenoma, glioma, myeloma, mesothelioma), and Orphanet annotates a condition
// with a tumour when the tumour comes with it (paraneoplastic syndromes list their
// tumours: opsoclonus-myoclonus lists neuroblastoma, breast carcinoma, melanoma). Such
// a phenotype is a condition of its own, not a sign, unless the entry is itself a
// tumour (its name has one of those words), where the tumour is the condition.
#pragma once

#include "catalog/condition.h"

namespace diseasemaps::catalog {

enum class SignKind {
  kPlain,                  // has a lay label, or a translation in the page's language
  kMedicalTerm,            // only HPO's clinical term ("Epilepsia partialis continua")
  kAccompanyingCondition,  // a tumour that can come with the condition
};

// `translated`: the page shows HPO's label in its own language for it.
SignKind KindOfSign(const Phenotype& phenotype, const Condition& condition, bool translated);

// True when the text names a tumour by HPO's words (case-insensitive, English).
bool NamesATumour(const std::string& text);

}  // namespace diseasemaps::catalog
