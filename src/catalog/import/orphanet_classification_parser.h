// Reading one of Orphanet's classification files (ORPHAclassification_<id>_<name>_<lang>.xml,
// from its nomenclature pack) into the tree it describes and the names it gives. Pure:
// no database, no global state; thread-safe.
//
// Two shapes exist. Current files: JDBOR > ClassificationList > Classification (id,
// Name = the classification's title) > ClassificationNodeRootList > ClassificationNode,
// each node a Disorder (OrphaCode, Name, DisorderType) and a ClassificationNodeChildList
// of nodes, recursively. Older files (classification 147): JDBOR > DisorderList >
// Disorder (the root, OrphaNumber and Name) > ClassificationNodeList > nodes. A node
// without a Disorder stands for its parent (or for no parent at the top), so its
// children hang from that. An entry may appear under several parents; each ORPHAcode
// and each edge is listed once.
//
// Names keep the language their `lang` attribute gives ("cz" read as "cs"): files in
// other languages name untranslated entries in English (lang="en"), and the caller
// decides what to do with those.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "platform/status.h"

namespace diseasemaps::catalog {

struct ClassifiedDisorder {
  int orphacode = 0;
  std::string name;
  std::string name_language;  // "es"; "en" for an untranslated name in another file
  std::string disorder_type;  // "Enfermedad"; "" in the older files
};

struct ClassificationEdge {
  int parent_orphacode = 0;
  int child_orphacode = 0;
  bool operator<(const ClassificationEdge& o) const {
    return parent_orphacode != o.parent_orphacode ? parent_orphacode < o.parent_orphacode
                                                  : child_orphacode < o.child_orphacode;
  }
  bool operator==(const ClassificationEdge&) const = default;
};

struct OrphanetClassification {
  int id = 0;                   // Orphanet's classification id: 181
  std::string title;            // "Orphanet classification of rare neurological diseases"; "" when absent
  std::string title_language;   // the title's lang attribute
  std::string extraction_date;  // "2025-06-24 07:39:30": JDBOR's ExtractionDate (or date)
  std::string data_version;     // "1.3.42 / 4.1.8 [2025-03-03]": JDBOR's version
  std::vector<ClassifiedDisorder> disorders;  // each ORPHAcode once, in document order
  std::vector<ClassificationEdge> edges;      // each once, in document order
  std::vector<int> roots;                     // entries with no parent here
};

// The classification id in a file name: "ORPHAclassification_181_rare_…_es.xml" -> 181;
// 0 when the name has none.
int ClassificationIdFromFileName(std::string_view file_name);

// Parses a whole file. `file_name` supplies the id when the file does not (older files).
// InvalidArgument "line N: what is wrong" for XML that is not well-formed, a Disorder
// without a numeric ORPHAcode, a file of neither shape or with no id.
Result<OrphanetClassification> ParseOrphanetClassification(std::string_view bytes,
                                                           std::string_view file_name);

}  // namespace diseasemaps::catalog
