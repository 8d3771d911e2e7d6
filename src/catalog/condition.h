// The catalogue's model: one condition as Orphanet describes it, with the codes other
// systems use for it. Plain data, no behaviour.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace diseasemaps::catalog {

struct RelatedCondition {
  int orphacode = 0;
  std::string name;
  std::string slug;  // empty when the related entry is not in the catalogue
};

struct Phenotype {
  std::string hpo_id;     // "HP:0000570"
  std::string term;       // the clinical term
  std::string lay_label;  // plain-language label, or empty
  std::string frequency;  // Orphanet's class, "Very frequent (99-80%)"
  bool lay_label_ours = false;  // the label is DiseaseMaps' (plain_sign_labels.h), not HPO's
};

struct Prevalence {
  std::string type;           // "Point prevalence", "Annual incidence" …
  std::string qualification;  // "Class only", "Value and class", "Case" …
  std::string prevalence_class;  // "1-9 / 100 000", "<1 / 1 000 000", "Unknown" …
  std::string mean_value;     // "no data" or a number
  std::string geography;      // "Worldwide", "Europe" …
  std::string source;         // "ORPHANET", "[EXPERT]_19423368[PMID]" …
};

struct Gene {
  std::string symbol;
  std::string name;
  std::string association;
  std::string hgnc;
  std::string omim;
};

struct CrossReference {
  std::string system;    // OMIM, ICD-10, ICD-10-CM, ICD-11, MeSH, UMLS, GARD, NORD, MONDO
  std::string code;
  std::string origin;    // "orphanet" or "mondo"
  std::string relation;  // Orphanet's mapping relation, or exactMatch / hasDbXref
};

struct Condition {
  long long id = 0;
  int orphacode = 0;
  std::string slug;
  std::string name;
  std::string entry_type;
  std::string status;  // "active" or "obsolete"
  std::string definition;
  std::string source;  // "orphanet" or "starter"
  std::string data_version;
  long long updated_at = 0;
  std::optional<int> replaced_by;
  std::optional<RelatedCondition> replacement;
  std::vector<std::string> synonyms;
  std::vector<RelatedCondition> parents;
  std::vector<RelatedCondition> children;
  std::vector<Phenotype> phenotypes;
  std::vector<Prevalence> prevalences;
  std::vector<std::string> onsets;
  std::vector<std::string> inheritance;
  std::vector<Gene> genes;
  std::vector<CrossReference> xrefs;

  bool obsolete() const { return status == "obsolete"; }
};

}  // namespace diseasemaps::catalog
