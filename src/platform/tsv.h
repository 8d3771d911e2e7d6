// Tab-separated text: its lines with their numbers, and columns found by name in a
// header row. Fields are split on tabs only, never unquoted: TSV files such as HPO's
// keep quotes as text. Pure; thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace diseasemaps {

struct TsvLine {
  int number = 0;                        // 1-based line number in the text
  std::string_view text;                 // the whole line, without its line break
  std::vector<std::string_view> fields;  // views into the text
};

// The non-blank lines of text split on tabs, a trailing "\r" removed from each.
std::vector<TsvLine> TsvLines(std::string_view text);

// The position of the header field equal to `name` (surrounding spaces ignored), or
// nullopt when there is none.
std::optional<std::size_t> ColumnNamed(const std::vector<std::string_view>& header, std::string_view name);

}  // namespace diseasemaps
