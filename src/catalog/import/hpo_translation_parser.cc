// HPO translation TSVs -> labels and synonyms per language. See hpo_translation_parser.h.
#include "catalog/import/hpo_translation_parser.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "platform/text.h"
#include "platform/tsv.h"

namespace diseasemaps::catalog {
namespace {

constexpr std::string_view kNotTranslated = "NOT_TRANSLATED";

Status LineError(int line, const std::string& what) {
  return Status::InvalidArgument("line " + std::to_string(line) + ": " + what);
}

bool IsHpoId(std::string_view id) {
  if (id.size() != 10 || !id.starts_with("HP:")) return false;
  for (char c : id.substr(3)) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// Columns found by name in a header line.
class Columns {
 public:
  explicit Columns(const TsvLine& header) : header_(header) {}

  // The position of a column the file must have; records an error when missing.
  std::size_t Required(std::string_view name) {
    const auto at = ColumnNamed(header_.fields, name);
    if (!at && error_.ok()) error_ = LineError(header_.number, "the header has no '" + std::string(name) + "' column");
    return at.value_or(0);
  }
  std::optional<std::size_t> Optional(std::string_view name) const { return ColumnNamed(header_.fields, name); }
  const Status& error() const { return error_; }
  std::size_t count() const { return header_.fields.size(); }

 private:
  const TsvLine& header_;
  Status error_;
};

Status CheckRow(const TsvLine& line, std::size_t columns) {
  if (line.fields.size() >= columns) return Status::Ok();
  return LineError(line.number, std::to_string(line.fields.size()) + " fields where the header has " +
                                    std::to_string(columns));
}

// OFFICIAL, CANDIDATE or NOT_TRANSLATED; "" means unknown. Anything else is an error.
Result<std::string> StatusOf(const TsvLine& line, std::string_view field) {
  const std::string_view status = TrimWhitespace(field);
  if (status.empty() || status == kOfficial || status == kCandidate || status == kNotTranslated) {
    return std::string(status);
  }
  return LineError(line.number, "unknown translation status '" + std::string(status) + "'");
}

Result<std::string> HpoIdOf(const TsvLine& line, std::string_view field) {
  const std::string_view id = TrimWhitespace(field);
  if (!IsHpoId(id)) return LineError(line.number, "not an HPO id: '" + std::string(id) + "'");
  return std::string(id);
}

}  // namespace

Result<HpoBabelonFile> ParseHpoBabelon(std::string_view text) {
  const std::vector<TsvLine> lines = TsvLines(text);
  if (lines.empty()) return LineError(1, "an empty file (no header)");
  Columns columns(lines.front());
  for (std::string_view name : {"source_language", "source_value"}) columns.Required(name);
  const std::size_t language = columns.Required("translation_language");
  const std::size_t subject = columns.Required("subject_id");
  const std::size_t predicate = columns.Required("predicate_id");
  const std::size_t value = columns.Required("translation_value");
  const std::size_t status_column = columns.Required("translation_status");
  if (!columns.error().ok()) return columns.error();

  HpoBabelonFile out;
  std::map<std::pair<std::string, std::string>, std::size_t> kept;  // (id, language) -> index
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const TsvLine& line = lines[i];
    if (Status s = CheckRow(line, columns.count()); !s.ok()) return s;
    auto id = HpoIdOf(line, line.fields[subject]);
    if (!id.ok()) return id.status();
    auto status = StatusOf(line, line.fields[status_column]);
    if (!status.ok()) return status.status();
    if (status->empty()) return LineError(line.number, "no translation status");
    const std::string label(TrimWhitespace(line.fields[value]));
    const std::string lang(TrimWhitespace(line.fields[language]));
    if (lang.empty()) return LineError(line.number, "no translation language");
    if (TrimWhitespace(line.fields[predicate]) != "rdfs:label" || *status == kNotTranslated || label.empty()) {
      ++out.left_out;
      continue;
    }
    const auto [at, fresh] = kept.emplace(std::make_pair(*id, lang), out.labels.size());
    if (fresh) {
      out.labels.push_back({*id, lang, label, *status});
      continue;
    }
    ++out.left_out;
    HpoTranslatedLabel& first = out.labels[at->second];
    if (first.status != kOfficial && *status == kOfficial) first = {*id, lang, label, *status};
  }
  return out;
}

Result<HpoSynonymFile> ParseHpoSynonyms(std::string_view text, std::string_view language) {
  const std::vector<TsvLine> lines = TsvLines(text);
  if (lines.empty()) return LineError(1, "an empty file (no header)");
  Columns columns(lines.front());
  const std::size_t subject = columns.Required("subject_id");
  const std::size_t value = columns.Required("translation_value");
  if (!columns.error().ok()) return columns.error();
  std::optional<std::size_t> status_column = columns.Optional("Status");
  if (!status_column) status_column = columns.Optional("translation_status");
  const std::optional<std::size_t> type_column = columns.Optional("synonym_type");

  HpoSynonymFile out;
  std::set<std::pair<std::string, std::string>> seen;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const TsvLine& line = lines[i];
    if (i == 1 && TrimWhitespace(line.fields[0]) == "ID") continue;  // ROBOT's template row
    // Trailing empty optional columns may be cut short; the required ones may not.
    if (Status s = CheckRow(line, std::max(subject, value) + 1); !s.ok()) return s;
    auto id = HpoIdOf(line, line.fields[subject]);
    if (!id.ok()) return id.status();
    std::string status(kCandidate);
    if (status_column && *status_column < line.fields.size()) {
      auto given = StatusOf(line, line.fields[*status_column]);
      if (!given.ok()) return given.status();
      if (*given == kNotTranslated) {
        ++out.left_out;
        continue;
      }
      if (!given->empty()) status = *given;
    }
    const bool layperson = type_column && *type_column < line.fields.size() &&
                           TrimWhitespace(line.fields[*type_column]).ends_with("layperson");
    for (std::string_view piece : SplitOn(line.fields[value], "|")) {
      const std::string synonym(TrimWhitespace(piece));
      if (synonym.empty()) continue;
      if (!seen.emplace(*id, synonym).second) {
        ++out.left_out;
        continue;
      }
      out.synonyms.push_back({*id, std::string(language), synonym, status, layperson});
    }
  }
  return out;
}

}  // namespace diseasemaps::catalog
