// layperson-synonyms.tsv -> one plain-language label per HPO id. See hpo_lay_parser.h.
#include "catalog/import/hpo_lay_parser.h"

#include <unordered_map>

#include "catalog/import/slug.h"
#include "platform/text.h"
#include "platform/tsv.h"

namespace diseasemaps::catalog {
namespace {

// "\"Blackhead\"@en" -> "Blackhead"; unquoted text is returned trimmed.
std::string Literal(std::string_view field) {
  field = TrimWhitespace(field);
  if (!field.empty() && field.front() == '"') {
    const std::size_t close = field.rfind('"');
    if (close > 0) field = field.substr(1, close - 1);
  }
  std::string text;
  for (std::size_t i = 0; i < field.size(); ++i) {
    if (field[i] == '\\' && i + 1 < field.size()) ++i;  // \" and \\ as written by SPARQL
    text.push_back(field[i]);
  }
  return std::string(TrimWhitespace(text));
}

// "<http://purl.obolibrary.org/obo/HP_0002648>" or "HP:0002648" -> "HP:0002648";
// "" when the field names no HPO term.
std::string HpoId(std::string_view field) {
  field = TrimWhitespace(field);
  if (field.size() > 2 && field.front() == '<' && field.back() == '>') field = field.substr(1, field.size() - 2);
  const std::size_t slash = field.rfind('/');
  if (slash != std::string_view::npos) field = field.substr(slash + 1);
  if (field.size() < 4 || (field.substr(0, 3) != "HP_" && field.substr(0, 3) != "HP:")) return "";
  for (char c : field.substr(3)) {
    if (c < '0' || c > '9') return "";
  }
  return "HP:" + std::string(field.substr(3));
}

std::size_t ColumnOf(const std::vector<std::string_view>& header, std::string_view name) {
  for (std::size_t i = 0; i < header.size(); ++i) {
    std::string_view cell = TrimWhitespace(header[i]);
    if (!cell.empty() && cell.front() == '?') cell.remove_prefix(1);
    if (cell == name) return i;
  }
  return header.size();
}

}  // namespace

Result<HpoLayFile> ParseHpoLay(std::string_view text) {
  HpoLayFile file;
  std::size_t term_col = 0, label_col = 0, lay_col = 0;
  bool have_header = false;
  struct Pick {
    std::size_t index;  // into file.labels
    bool plain;         // says something other than the clinical label
  };
  std::unordered_map<std::string, Pick> picked;
  for (const TsvLine& tsv : TsvLines(text)) {
    const std::string_view line = TrimWhitespace(tsv.text);
    const int number = tsv.number;
    if (line.front() == '#') continue;
    const std::vector<std::string_view> fields = SplitOn(line, "\t");
    if (!have_header) {
      term_col = ColumnOf(fields, "term");
      label_col = ColumnOf(fields, "term_label");
      lay_col = ColumnOf(fields, "layperson");
      if (term_col == fields.size() || lay_col == fields.size()) {
        return Status::InvalidArgument("line " + std::to_string(number) +
                                       ": the header has no ?term or ?layperson column");
      }
      have_header = true;
      continue;
    }
    if (fields.size() <= std::max(term_col, lay_col)) {
      file.bad_lines.push_back({number, "too few columns"});
      continue;
    }
    const std::string hpo_id = HpoId(fields[term_col]);
    const std::string label = Literal(fields[lay_col]);
    if (hpo_id.empty()) {
      file.bad_lines.push_back({number, "no HPO term id in '" + std::string(fields[term_col]) + "'"});
      continue;
    }
    if (label.empty()) {
      file.bad_lines.push_back({number, "empty layperson label"});
      continue;
    }
    const std::string clinical = label_col < fields.size() ? Literal(fields[label_col]) : "";
    const bool plain = Slugify(label) != Slugify(clinical);
    auto it = picked.find(hpo_id);
    if (it == picked.end()) {
      picked.emplace(hpo_id, Pick{file.labels.size(), plain});
      file.labels.push_back({hpo_id, label});
    } else if (plain && !it->second.plain) {
      file.labels[it->second.index].label = label;
      it->second.plain = true;
    }
  }
  if (!have_header) return Status::InvalidArgument("no header line (?term, ?term_label, ?layperson)");
  return file;
}

}  // namespace diseasemaps::catalog
