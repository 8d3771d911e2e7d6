// Reading one ORPHApacket (Orphanet's JSON description of one catalogue entry) into
// plain data. Pure: no database, no global state; thread-safe.
//
// Orphanet writes the same list in several shapes, sometimes differently from one
// packet to the next (Parents[].Parent is a list or an object, TypeOfInheritances is a
// list of wrappers or one wrapper around a list, TextSection is an object or a list);
// every shape is accepted everywhere. What is refused: text that is not JSON, a packet
// without ORPHAcode or Label, and a field of the wrong type (a number where a list of
// parents belongs). The failure names the JSON path where the packet broke, such as
// "$.Orphapacket.Parents[2].Parent[0].ORPHAcode: missing".
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "platform/status.h"

namespace diseasemaps::catalog {

struct OrphaLink {   // a parent, by ORPHAcode, with Orphanet's label for it
  int orphacode = 0;
  std::string label;
};

struct OrphaGene {
  std::string symbol;       // "FBN1"
  std::string name;         // "fibrillin 1"
  std::string association;  // "Disease-causing germline mutation(s) in"
  std::string hgnc;         // "3603", or ""
  std::string omim;         // "134797"; several are comma-separated; "" when none
};

struct OrphaChild {
  int orphacode = 0;
  std::string label;
  std::vector<OrphaGene> genes;  // as the parent's packet lists them
};

struct OrphaPhenotype {
  std::string hpo_id;     // "HP:0001251"
  std::string term;       // "Ataxia"
  std::string frequency;  // "Very frequent (99-80%)"
};

struct OrphaPrevalence {
  std::string type;              // "Point prevalence"
  std::string qualification;     // "Value and class"; "" when absent
  std::string prevalence_class;  // "<1 / 1 000 000"
  std::string mean_value;        // ValMoy as written: "0.1", "no data"
  std::string geography;         // "Europe"
  std::string source;            // "ORPHANET", "19423368[PMID]"; "" when absent
};

struct OrphaXref {
  std::string system;    // normalised: OMIM, ICD-10, ICD-11, MeSH, UMLS, GARD, MedDRA …
  std::string code;      // "154700"
  std::string relation;  // Orphanet's mapping relation code: E, NTBT, BTNT, ND …
};

struct OrphaPacket {
  int orphacode = 0;
  std::string label;
  std::string entry_type;    // DisorderType: Disease, Category, Clinical subtype …
  std::string definition;    // "" when the packet has none
  std::string data_version;  // "1.3.42 / 4.1.8 [2025-03-03]"
  std::vector<std::string> synonyms;
  std::vector<OrphaLink> parents;
  std::vector<OrphaChild> children;
  std::vector<OrphaPhenotype> phenotypes;  // one per HPO id (the first wins)
  std::vector<OrphaPrevalence> prevalences;
  std::vector<std::string> onsets;         // "Childhood", "Infancy" …
  std::vector<std::string> inheritance;    // "Autosomal dominant" …
  std::vector<OrphaGene> genes;
  std::vector<OrphaXref> xrefs;            // one per (system, code) (the first wins)
};

// Parses the text of one packet. On failure: InvalidArgument with the message
// "<JSON path>: <what is wrong>", e.g. "$.Orphapacket.Label: missing".
Result<OrphaPacket> ParseOrphaPacket(std::string_view json_text);

// Reads and parses one file. On failure the message starts with the file's name:
// "ORPHApacket_1183.json: $.Orphapacket.Label: missing".
Result<OrphaPacket> ReadOrphaPacket(const std::filesystem::path& file);

// Orphanet's name for a coding system in the name this catalogue uses for it
// ("ICD-10" stays, "MeSH" stays, "ICD10" -> "ICD-10", "MEDDRA" -> "MedDRA"); unknown
// names are returned unchanged.
std::string NormaliseXrefSystem(std::string_view source);

}  // namespace diseasemaps::catalog
