// SSSOM TSV -> SssomFile: YAML metadata (curie_map, version), header by column name,
// mappings, and the lines that could not be read. See sssom_parser.h.
#include "catalog/import/sssom_parser.h"
#include "platform/text.h"
#include "platform/tsv.h"

#include <array>

namespace diseasemaps::catalog {
namespace {

std::string_view Unquoted(std::string_view s) {
  s = TrimWhitespace(s);
  if (s.size() >= 2 && (s.front() == '"' || s.front() == '\'') && s.back() == s.front()) {
    s = s.substr(1, s.size() - 2);
  }
  return s;
}

// Reads one '#' metadata line: top-level `key: value`, or an indented `key: value`
// inside the block opened by the last top-level key without a value.
void ReadMetadata(std::string_view line, std::string& block, SssomFile& file) {
  line.remove_prefix(1);  // '#'
  if (!line.empty() && line.front() == ' ') line.remove_prefix(1);
  const bool indented = !line.empty() && (line.front() == ' ' || line.front() == '\t');
  const std::size_t colon = line.find(':');
  if (colon == std::string_view::npos) return;
  const std::string key(TrimWhitespace(line.substr(0, colon)));
  const std::string_view value = Unquoted(line.substr(colon + 1));
  if (!indented) {
    block = value.empty() ? key : "";
    if (key == "mapping_set_version") file.mapping_set_version = std::string(value);
  } else if (block == "curie_map" && !key.empty() && !value.empty()) {
    file.curie_map[key] = std::string(value);
  }
}

}  // namespace

std::string CuriePrefix(std::string_view curie) {
  const std::size_t colon = curie.find(':');
  return colon == std::string_view::npos ? std::string() : std::string(curie.substr(0, colon));
}

std::string CurieLocal(std::string_view curie) {
  const std::size_t colon = curie.find(':');
  return std::string(colon == std::string_view::npos ? curie : curie.substr(colon + 1));
}

std::string ExpandCurie(const SssomFile& file, std::string_view curie) {
  const auto base = file.curie_map.find(CuriePrefix(curie));
  if (base == file.curie_map.end()) return std::string(curie);
  return base->second + CurieLocal(curie);
}

Result<SssomFile> ParseSssom(std::string_view text) {
  SssomFile file;
  std::string block;
  constexpr std::array<std::string_view, 3> kColumns = {"subject_id", "predicate_id", "object_id"};
  std::array<std::size_t, 3> column = {0, 0, 0};
  bool have_header = false;
  for (const TsvLine& tsv : TsvLines(text)) {
    const std::string_view line = tsv.text;
    const int number = tsv.number;
    if (line.front() == '#') {
      if (!have_header) ReadMetadata(line, block, file);
      continue;
    }
    const std::vector<std::string_view>& fields = tsv.fields;
    if (!have_header) {
      std::string missing;
      for (std::size_t c = 0; c < kColumns.size(); ++c) {
        std::size_t at = 0;
        while (at < fields.size() && TrimWhitespace(fields[at]) != kColumns[c]) ++at;
        if (at == fields.size()) missing += (missing.empty() ? "" : ", ") + std::string(kColumns[c]);
        column[c] = at;
      }
      if (!missing.empty()) {
        return Status::InvalidArgument("line " + std::to_string(number) +
                                       ": the header has no column " + missing);
      }
      have_header = true;
      continue;
    }
    SssomMapping mapping;
    std::string* targets[3] = {&mapping.subject_id, &mapping.predicate_id, &mapping.object_id};
    std::string why;
    for (std::size_t c = 0; c < kColumns.size() && why.empty(); ++c) {
      if (column[c] >= fields.size()) {
        why = "has " + std::to_string(fields.size()) + " columns, too few for " + std::string(kColumns[c]);
      } else if (TrimWhitespace(fields[column[c]]).empty()) {
        why = "empty " + std::string(kColumns[c]);
      } else {
        *targets[c] = std::string(TrimWhitespace(fields[column[c]]));
      }
    }
    if (why.empty()) {
      file.mappings.push_back(std::move(mapping));
    } else {
      file.bad_lines.push_back({number, why});
    }
  }
  if (!have_header) return Status::InvalidArgument("no header line (subject_id, predicate_id, object_id …)");
  return file;
}

}  // namespace diseasemaps::catalog
