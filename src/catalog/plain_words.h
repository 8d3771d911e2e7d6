// Plain words for Orphanet's classes: how rare, when it starts, how it is inherited,
// how often a feature occurs. Each function returns text a worried parent can read, in
// the current language (platform/i18n.h), as whole sentences from the catalogue; an
// unknown class is passed through as Orphanet wrote it, never guessed at.
#pragma once

#include <string>
#include <vector>

#include "catalog/condition.h"

namespace diseasemaps::catalog {

// "1-9 / 100 000" -> "about 1 to 9 in 100,000 people"; "<1 / 1 000 000" -> "fewer than 1
// in 1,000,000 people"; "Unknown" -> "" (nothing to say). Never starts a sentence.
std::string PlainPrevalenceClass(const std::string& prevalence_class);

// One prevalence record as a sentence: "At any one time, about 1 to 9 in 100,000 people in
// Europe live with it." Cases/families records: "12 cases have been reported worldwide."
// Returns "" for records that say nothing (unknown class, no data).
std::string PlainPrevalence(const Prevalence& prevalence);

// The record that says most about how rare it is: among those with one of Orphanet's six
// prevalence classes, a point prevalence before one at birth before any other, worldwide
// before a region. nullptr when none has such a class.
const Prevalence* MostTellingPrevalence(const std::vector<Prevalence>& prevalences);

// How rare, as a short phrase for a list of subtypes: the most telling class ("about 1
// to 9 in 100,000 people"), else the largest case count ("12 people reported"); "" when
// the records say nothing.
std::string PlainRarityPhrase(const std::vector<Prevalence>& prevalences);

// Every age of onset of a condition as one sentence, youngest first: {"Childhood",
// "Infancy"} -> "It usually starts in infancy (the first two years) or in childhood.";
// "All ages" -> "It can start at any age."; "" when Orphanet gives none.
std::string PlainOnsets(const std::vector<std::string>& onsets);

// Orphanet's gene-disorder association in words, as a clause after the gene:
// "Disease-causing germline mutation(s) in" -> "changes in this gene cause it". An
// unknown association: Orphanet's words without a dangling "in"/"of".
std::string PlainGeneRole(const std::string& association);

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

// Orphanet's sources of a fact, each a link or a name, never a bracketed tag:
// "[EXPERT]_19423368[PMID]" -> {"Expert opinion", ""}, {"PMID 19423368",
// "https://pubmed.ncbi.nlm.nih.gov/19423368/"}; "ORPHANET" -> {"Orphanet", ""};
// "EUROCAT … 2010[REG]" -> {"EUROCAT … 2010", ""}.
struct SourceLink {
  std::string label;
  std::string url;
};
std::vector<SourceLink> PlainSources(const std::string& source);

// The page's link for a code in another system, or "" when there is no public page.
std::string XrefUrl(const CrossReference& xref);

}  // namespace diseasemaps::catalog
