// SearchRecord: everything search knows about one condition, read from the database
// (search_store.h) and turned into an index document (search_index.h) and into the
// in-memory structures (snapshot.h). A plain value.
#pragma once

#include <string>
#include <vector>

namespace diseasemaps::search {

struct SearchFeature {
  std::string hpo_id;     // "HP:0001251"
  std::string term;       // "Ataxia"
  std::string lay_label;  // "Unsteady walk", or ""
  std::string frequency;  // Orphanet's class, "Very frequent (99-80%)"
};

struct SearchRecord {
  long long id = 0;  // conditions.id, also the index's document id
  int orphacode = 0;
  std::string slug;
  std::string name;
  std::string entry_type;
  std::string definition;
  std::vector<std::string> synonyms;
  std::vector<std::string> codes;  // canonical keys (codes.h), ORPHA first
  std::vector<SearchFeature> features;
  std::vector<std::string> answers;  // published answers: question, short answer, body
};

}  // namespace diseasemaps::search
