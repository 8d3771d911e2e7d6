// Reading HPO's layperson-synonyms.tsv (plain-language names for phenotype terms) into
// one label per HPO id. Pure: no database, no global state; thread-safe.
//
// The file: a header row (?term, ?term_label, ?layperson, found by name in any order),
// then one row per synonym: the term's IRI (<http://purl.obolibrary.org/obo/HP_0002648>
// or HP:0002648), its clinical label and one lay synonym, each maybe in quotes and with
// a language tag ("Blackhead"@en). A term has several rows; the label kept is the first
// one, in file order, that says something other than the clinical label (compared by
// slug, so "Slow growing hair" does not replace "Slow-growing hair"); when every row
// repeats the clinical label, that label is kept. Malformed rows are reported by line
// number and left out.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "platform/status.h"

namespace diseasemaps::catalog {

struct HpoLayLabel {
  std::string hpo_id;  // "HP:0002648"
  std::string label;   // "Abnormally shaped skull"
};

struct HpoLayBadLine {
  int line = 0;  // 1-based
  std::string why;
};

struct HpoLayFile {
  std::vector<HpoLayLabel> labels;  // one per HPO id, in order of first appearance
  std::vector<HpoLayBadLine> bad_lines;
};

// InvalidArgument when the header lacks a term or layperson column.
Result<HpoLayFile> ParseHpoLay(std::string_view text);

}  // namespace diseasemaps::catalog
