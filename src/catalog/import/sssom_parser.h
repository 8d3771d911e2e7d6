// Reading one SSSOM mapping file (MONDO's *.sssom.tsv) into plain data. Pure: no
// database, no global state; thread-safe.
//
// The format: lines starting with '#' hold YAML metadata (of which this reads the
// curie_map, which expands prefixes into IRIs, and mapping_set_version); the first
// other line is a tab-separated header naming the columns (subject_id, predicate_id,
// object_id …, in any order); every further line is one mapping. A line with too few
// columns or an empty id is reported by line number and left out; the rest is read.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "platform/status.h"

namespace diseasemaps::catalog {

struct SssomMapping {
  std::string subject_id;    // "MONDO:0015247"
  std::string predicate_id;  // "skos:exactMatch", "oboInOwl:hasDbXref"
  std::string object_id;     // "Orphanet:1183", "mesh:D053578"
};

struct SssomBadLine {
  int line = 0;  // 1-based, counting every line of the file
  std::string why;
};

struct SssomFile {
  std::map<std::string, std::string> curie_map;  // "icd11.foundation" -> "http://id.who.int/icd/entity/"
  std::string mapping_set_version;               // "" when the metadata has none
  std::vector<SssomMapping> mappings;
  std::vector<SssomBadLine> bad_lines;
};

// Parses a whole file. InvalidArgument when there is no header line or it lacks one of
// subject_id, predicate_id, object_id (the message names what is missing).
Result<SssomFile> ParseSssom(std::string_view text);

// The part of a CURIE before the first ':' ("mesh" for "mesh:D053578"; "" if none),
// and the part after it ("D053578"; the whole text if there is no ':').
std::string CuriePrefix(std::string_view curie);
std::string CurieLocal(std::string_view curie);

// The IRI of a CURIE by the file's curie_map; the CURIE unchanged when its prefix is
// not in the map.
std::string ExpandCurie(const SssomFile& file, std::string_view curie);

}  // namespace diseasemaps::catalog
