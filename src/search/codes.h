// Codes people copy from letters and reports, in the spellings they use: "ORPHA:1183",
// "Orphanet_1183", "orpha 1183", "OMIM:154700", "MIM #154700", "MeSH D053578", "Q87.4",
// "E84", "ICD-11 733056203", "GARD:0022702", "UMLS C0024796", "MONDO:0015247".
//
// Both sides meet in one canonical key, "SYSTEM:CODE" (upper case, ICD-10 with its dot,
// GARD without leading zeros, ICD-11 by its foundation id): CanonicalCode() for what the
// catalogue stores, ParseCodeQuery() for what a person typed. Pure and thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace diseasemaps::search {

// The canonical key of a catalogue cross-reference (system as condition_xrefs spells
// it: "OMIM", "ICD-10", "ICD-10-CM", "ICD-11", "MeSH", "UMLS", "GARD", "NORD", "MONDO"),
// or nullopt for systems search does not know.
std::optional<std::string> CanonicalCode(std::string_view system, std::string_view code);
std::string OrphaKey(int orphacode);

// The ICD-10 category of an ICD-10 key ("ICD10:E84.0" -> "ICD10:E84"), or "" when the
// key is not an ICD-10 code below category level.
std::string Icd10Category(std::string_view key);

// What a query means as a code: the keys to look up, the most likely first. Empty when
// the whole query is not a code ("cystic fibrosis", "marfan 2").
std::vector<std::string> ParseCodeQuery(std::string_view query);

// The spelling shown to people for a key: "ORPHA:1183", "ICD-10 Q87.4".
std::string DisplayCode(std::string_view key);

}  // namespace diseasemaps::search
