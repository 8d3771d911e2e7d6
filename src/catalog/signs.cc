// The kinds of a condition's phenotypes. See signs.h.
#include "catalog/signs.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>

namespace diseasemaps::catalog {

bool NamesATumour(const std::string& text) {
  static constexpr std::array<std::string_view, 16> kTumourWords = {
      "carcinoma", "cancer",   "neoplasm", "neoplasia", "tumor",    "tumour",  "melanoma",     "lymphoma",
      "leukemia",  "leukaemia", "sarcoma", "blastoma",  "teratoma", "adenoma", "glioma",       "mesothelioma"};
  std::string lower(text.size(), ' ');
  std::transform(text.begin(), text.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (lower.find("myeloma") != std::string::npos) return true;
  return std::any_of(kTumourWords.begin(), kTumourWords.end(),
                     [&](std::string_view word) { return lower.find(word) != std::string::npos; });
}

SignKind KindOfSign(const Phenotype& p, const Condition& c, bool translated) {
  if (NamesATumour(p.term) && !NamesATumour(c.name)) return SignKind::kAccompanyingCondition;
  if (translated || !p.lay_label.empty()) return SignKind::kPlain;
  return SignKind::kMedicalTerm;
}

}  // namespace diseasemaps::catalog
