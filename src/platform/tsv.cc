// Tab-separated lines and named columns. See tsv.h.
#include "platform/tsv.h"

#include "platform/text.h"

namespace diseasemaps {

std::vector<TsvLine> TsvLines(std::string_view text) {
  std::vector<TsvLine> lines;
  int number = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++number;
    if (line.ends_with('\r')) line.remove_suffix(1);
    if (TrimWhitespace(line).empty()) continue;
    lines.push_back({number, line, SplitOn(line, "\t")});
  }
  return lines;
}

std::optional<std::size_t> ColumnNamed(const std::vector<std::string_view>& header, std::string_view name) {
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (TrimWhitespace(header[i]) == name) return i;
  }
  return std::nullopt;
}

}  // namespace diseasemaps
