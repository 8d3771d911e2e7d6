#include "catalog/plain_sign_labels.h"

#include "platform/embedded_files.h"
#include "platform/text.h"

namespace diseasemaps::catalog {
namespace {

constexpr std::string_view kEmbeddedPath = "content/catalog/plain-signs.tsv";

bool IsHpoId(std::string_view id) {
  if (id.size() != 10 || !id.starts_with("HP:")) return false;
  return id.substr(3).find_first_not_of("0123456789") == std::string_view::npos;
}

Status LineError(std::size_t number, const std::string& what) {
  return Status::InvalidArgument("plain-signs.tsv line " + std::to_string(number) + ": " + what);
}

}  // namespace

Result<PlainSignLabels> ParsePlainSignLabels(std::string_view tsv) {
  PlainSignLabels labels;
  bool header_seen = false;
  std::size_t number = 0;
  for (std::string_view raw : SplitOn(tsv, "\n")) {
    ++number;
    std::string_view line = raw;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (TrimWhitespace(line).empty() || line.front() == '#') continue;
    const std::vector<std::string_view> fields = SplitOn(line, "\t");
    if (fields.size() != 3) return LineError(number, "expected 3 tab-separated columns");
    if (!header_seen) {
      if (fields[0] != "hpo_id" || fields[1] != "label" || fields[2] != "also") {
        return LineError(number, "the header must be: hpo_id, label, also");
      }
      header_seen = true;
      continue;
    }
    const std::string id(TrimWhitespace(fields[0]));
    if (!IsHpoId(id)) return LineError(number, "not an HPO id: " + id);
    PlainSignLabel entry{std::string(TrimWhitespace(fields[1])), {}};
    if (entry.label.empty()) return LineError(number, "empty label for " + id);
    for (std::string_view phrase : SplitOn(fields[2], ";")) {
      const std::string_view trimmed = TrimWhitespace(phrase);
      if (!trimmed.empty()) entry.phrases.emplace_back(trimmed);
    }
    if (!labels.emplace(id, std::move(entry)).second) return LineError(number, id + " is listed twice");
  }
  if (!header_seen) return Status::InvalidArgument("plain-signs.tsv has no header row");
  return labels;
}

const PlainSignLabels& EmbeddedPlainSignLabels() {
  static const PlainSignLabels table = [] {
    for (const auto& file : embedded::Files()) {
      if (file.name != kEmbeddedPath) continue;
      auto parsed = ParsePlainSignLabels(file.content);
      return parsed.ok() ? std::move(*parsed) : PlainSignLabels{};
    }
    return PlainSignLabels{};
  }();
  return table;
}

const std::string& LayLabelOrOurs(const std::string& hpo_id, const std::string& hpo_lay_label) {
  if (!hpo_lay_label.empty()) return hpo_lay_label;
  const PlainSignLabels& ours = EmbeddedPlainSignLabels();
  auto it = ours.find(hpo_id);
  return it == ours.end() ? hpo_lay_label : it->second.label;
}

}  // namespace diseasemaps::catalog
