// The MONDO cross-reference import and the HPO plain-language label import. See
// importer.h for what they guarantee.
#include "catalog/import/importer.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

#include "catalog/import/catalogue_writer.h"
#include "catalog/import/import_support.h"
#include "catalog/import/hpo_lay_parser.h"
#include "catalog/import/orphapacket_parser.h"
#include "catalog/import/sssom_parser.h"

namespace diseasemaps::catalog {
namespace {

using Clock = ImportClock;

constexpr std::string_view kIcd11EntityBase = "http://id.who.int/icd/entity/";

// "http://purl.obolibrary.org/obo/mondo/releases/2026-08-04/mappings/x.tsv" -> "2026-08-04".
std::string ReleaseOf(const std::string& mapping_set_version) {
  const std::size_t at = mapping_set_version.find("/releases/");
  if (at == std::string::npos) return mapping_set_version;
  const std::size_t from = at + 10;
  return mapping_set_version.substr(from, mapping_set_version.find('/', from) - from);
}

// The catalogue's system and code for a mapping's object: "mesh:D053578" -> MeSH D053578,
// "ICD10WHO:B68" -> ICD-10 B68, "icd11.foundation:733056203" -> ICD-11 and its URI.
std::pair<std::string, std::string> SystemAndCode(const SssomFile& file, const std::string& object) {
  const std::string prefix = CuriePrefix(object);
  if (prefix.rfind("icd11", 0) == 0) {
    std::string uri = ExpandCurie(file, object);
    if (uri == object) uri = std::string(kIcd11EntityBase) + CurieLocal(object);
    return {"ICD-11", uri};
  }
  if (prefix == "MONDO") return {"MONDO", object};
  return {NormaliseXrefSystem(prefix), CurieLocal(object)};
}

struct NamedSssom {
  std::string name;
  SssomFile file;
};

}  // namespace

// Fast enough (under a second) to need no progress display: `output` is unused.
Result<ImportSummary> ImportMondo(Database& db, const std::filesystem::path& directory,
                                  ImportOutput& /*output*/) {
  const auto start = Clock::now();
  const long long started_at = UnixNow();
  ImportSummary summary;
  summary.kind = "mondo";
  std::error_code ec;
  if (!std::filesystem::is_directory(directory, ec)) {
    return Status::InvalidArgument(directory.string() + " is not a directory");
  }
  std::vector<std::filesystem::path> paths;
  for (const auto& entry : std::filesystem::directory_iterator(directory, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.ends_with(".sssom.tsv")) paths.push_back(entry.path());
  }
  std::sort(paths.begin(), paths.end());
  if (paths.empty()) {
    return Status::InvalidArgument("no MONDO mapping files (*.sssom.tsv) in " + directory.string());
  }

  std::vector<NamedSssom> files;
  for (const auto& path : paths) {
    const std::string name = path.filename().string();
    auto text = ReadWholeFile(path);
    auto parsed = text.ok() ? ParseSssom(*text) : Result<SssomFile>(text.status());
    if (!parsed.ok()) {
      summary.skipped_inputs.push_back({name, parsed.status().message()});
      continue;
    }
    for (const SssomBadLine& bad : parsed->bad_lines) {
      summary.skipped_inputs.push_back({name + " line " + std::to_string(bad.line), bad.why});
    }
    files.push_back({name, std::move(*parsed)});
  }
  const double parse_seconds = SecondsSince(start);

  // MONDO id -> ORPHAcodes, from the exact matches to Orphanet.
  std::unordered_map<std::string, std::vector<int>> orphacodes_of;
  for (NamedSssom& named : files) {
    for (const SssomMapping& m : named.file.mappings) {
      if (CuriePrefix(m.object_id) != "Orphanet") continue;
      const std::string local = CurieLocal(m.object_id);
      if (local.empty() || local.size() > 9 || !std::all_of(local.begin(), local.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        summary.skipped_inputs.push_back({named.name, "not an ORPHAcode: " + m.object_id});
        continue;
      }
      orphacodes_of[m.subject_id].push_back(std::stoi(local));
      if (summary.data_version.empty()) summary.data_version = ReleaseOf(named.file.mapping_set_version);
    }
  }
  if (orphacodes_of.empty()) {
    return Status::InvalidArgument(directory.string() +
                                   " has no MONDO-to-Orphanet mappings (mondo_exactmatch_orphanet.sssom.tsv)");
  }

  const auto write_start = Clock::now();
  CatalogueWriter writer(db);
  auto conditions = writer.LoadConditions();
  if (!conditions.ok()) return conditions.status();
  std::unordered_map<int, long long> id_of;
  for (const ExistingCondition& c : *conditions) id_of[c.orphacode] = c.id;

  std::vector<XrefRow> rows;
  std::set<std::tuple<long long, std::string, std::string>> seen;
  std::set<int> not_in_catalogue;
  for (const NamedSssom& named : files) {
    for (const SssomMapping& m : named.file.mappings) {
      const auto codes = orphacodes_of.find(m.subject_id);
      if (codes == orphacodes_of.end()) continue;  // a MONDO id with no Orphanet entry
      const bool to_orphanet = CuriePrefix(m.object_id) == "Orphanet";
      auto [system, code] = to_orphanet ? std::make_pair(std::string("MONDO"), m.subject_id)
                                        : SystemAndCode(named.file, m.object_id);
      const std::string relation = CurieLocal(m.predicate_id);  // exactMatch, hasDbXref
      for (int orphacode : codes->second) {
        const auto id = id_of.find(orphacode);
        if (id == id_of.end()) {
          not_in_catalogue.insert(orphacode);
          continue;
        }
        if (seen.emplace(id->second, system, code).second) rows.push_back({id->second, system, code, relation});
      }
    }
  }
  auto counts = writer.ReplaceMondoXrefs(rows);
  if (!counts.ok()) return counts.status();
  const double write_seconds = SecondsSince(write_start);

  summary.added = counts->added;
  summary.updated = counts->updated;
  summary.obsolete = counts->removed;
  summary.skipped = static_cast<int>(summary.skipped_inputs.size() + not_in_catalogue.size());
  summary.notes.push_back(std::to_string(rows.size()) + " cross-references from " +
                          std::to_string(files.size()) + " files; " +
                          std::to_string(not_in_catalogue.size()) +
                          " mapped conditions are not in the catalogue (skipped)");
  if (summary.obsolete > 0) {
    summary.notes.push_back(std::to_string(summary.obsolete) +
                            " conditions lost their MONDO cross-references (counted as obsolete)");
  }
  summary.timings = {{"read+parse", parse_seconds}, {"write", write_seconds}};
  summary.total_seconds = SecondsSince(start);
  return Recorded(db, std::move(summary), started_at);
}

Result<ImportSummary> ImportHpoLay(Database& db, const std::filesystem::path& file,
                                   ImportOutput& /*output*/) {
  const auto start = Clock::now();
  const long long started_at = UnixNow();
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec)) {
    return Status::InvalidArgument(file.string() + " is not a readable file");
  }
  auto text = ReadWholeFile(file);
  if (!text.ok()) return text.status();
  auto parsed = ParseHpoLay(*text);
  if (!parsed.ok()) return Status::InvalidArgument(file.string() + ": " + parsed.status().message());
  ImportSummary summary;
  summary.kind = "hpo-lay";
  const std::string name = file.filename().string();
  for (const HpoLayBadLine& bad : parsed->bad_lines) {
    summary.skipped_inputs.push_back({name + " line " + std::to_string(bad.line), bad.why});
  }
  const double parse_seconds = SecondsSince(start);
  const auto write_start = Clock::now();
  CatalogueWriter writer(db);
  auto counts = writer.ReplaceHpoLayLabels(parsed->labels);
  if (!counts.ok()) return counts.status();
  summary.added = counts->added;
  summary.updated = counts->updated;
  summary.obsolete = counts->removed;
  summary.skipped = static_cast<int>(summary.skipped_inputs.size());
  summary.notes.push_back(std::to_string(parsed->labels.size()) + " plain-language labels");
  summary.timings = {{"read+parse", parse_seconds}, {"write", SecondsSince(write_start)}};
  summary.total_seconds = SecondsSince(start);
  return Recorded(db, std::move(summary), started_at);
}

}  // namespace diseasemaps::catalog
