// Reading one of Orphanet's ICD-11 mapping files (ORPHA_ICD11_mapping_<lang>.xml, from its
// nomenclature pack): for each disorder, its name and synonyms in the file's language
// and its ICD-11 codes. Pure: no database, no global state; thread-safe.
//
// The shape: JDBOR > DisorderList > Disorder { OrphaCode, Name lang, SynonymList >
// Synonym lang, ExternalReferenceList > ExternalReference { Source ("ICD-11"),
// Reference (the code), DisorderMappingRelation > Name } }. Texts keep the language
// their `lang` attribute gives ("cz" read as "cs"); references from other sources are
// left out.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "platform/status.h"

namespace diseasemaps::catalog {

struct LanguageText {
  std::string text;
  std::string language;  // "es"
};

struct Icd11Mapping {
  std::string code;      // "8A44.2"
  std::string relation;  // in the file's language: "Exact mapping (the terms and the concepts are equivalent)"
};

struct Icd11MappedDisorder {
  int orphacode = 0;
  LanguageText name;
  std::vector<LanguageText> synonyms;  // in file order, each once
  std::vector<Icd11Mapping> codes;     // in file order, each code once
};

struct OrphanetIcd11File {
  std::string data_version;                   // JDBOR's version
  std::vector<Icd11MappedDisorder> disorders;  // in file order; an ORPHAcode twice is an error
};

// InvalidArgument "line N: what is wrong" for XML that is not well-formed, a file that
// is not JDBOR > DisorderList, a Disorder without a numeric ORPHAcode or listed twice.
Result<OrphanetIcd11File> ParseOrphanetIcd11Mapping(std::string_view bytes);

}  // namespace diseasemaps::catalog
