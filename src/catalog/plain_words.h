// Plain words for Orphanet's classes: how rare, when it starts, how it is inherited,
// how often a feature occurs. Each function returns text a worried parent can read, in
// the current language (platform/i18n.h), as whole sentences from the catalogue; an
// unknown class is passed through as Orphanet wrote it, never guessed at.
#pragma once

#include <string>

#include "catalog/condition.h"

namespace diseasemaps::catalog {

// "1-9 / 100 000" -> "1 to 9 in 100,000 people"; "Unknown" -> "" (nothing to say).
std::string PlainPrevalenceClass(const std::string& prevalence_class);

// One prevalence record as a sentence: "About 1 to 9 in 100,000 people in Europe have it
// at any one time." Cases/families records: "12 cases have been reported worldwide."
// Returns "" for records that say nothing (unknown class, no data).
std::string PlainPrevalence(const Prevalence& prevalence);

// "Infancy" -> "It usually starts in infancy (the first two years)." …
std::string PlainOnset(const std::string& onset);

// "Autosomal recessive" -> a sentence explaining what that means for a family;
// "Not applicable" -> "It is not inherited."
std::string PlainInheritance(const std::string& inheritance);

// Orphanet's entry type in words: "Malformation syndrome"; an unknown one unchanged.
std::string EntryTypeWords(const std::string& entry_type);

// Phenotype frequency classes, most frequent first.
struct FrequencyClass {
  int rank;            // 0 = always … 5 = excluded; 6 = unknown class
  std::string label;   // "Almost always (80 to 99 in 100 people)"
};
FrequencyClass PlainFrequency(const std::string& orphanet_frequency);

// "[EXPERT]_19423368[PMID]" -> {"PMID 19423368", "https://pubmed.ncbi.nlm.nih.gov/19423368/"};
// "ORPHANET" -> {"Orphanet", ""}. Several sources separated by "_" are joined with ", ".
struct SourceLink {
  std::string label;
  std::string url;
};
std::vector<SourceLink> PlainSources(const std::string& source);

// The page's link for a code in another system, or "" when there is no public page.
std::string XrefUrl(const CrossReference& xref);

}  // namespace diseasemaps::catalog
