// A line diff between two texts: what a reviewer reads to see what changed between two
// versions of an answer.
//
// DiffLines() returns a shortest edit script: the lines kept are a longest common
// subsequence of the two texts' lines (found by dynamic programming after the common
// prefix and suffix, and the lines found on one side only, are set aside). When the
// part left to compare is too large (more than kMaxDiffCells pairs of lines), it gives
// up lining that part up: every line of it is shown removed, then added, and the
// result says `approximate`. Pure functions, thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace diseasemaps::articles {

// The most pairs of lines DiffLines compares exactly (a 2,000 × 2,000-line change).
inline constexpr std::size_t kMaxDiffCells = 4'000'000;

struct DiffLine {
  enum class Kind { kSame, kRemoved, kAdded };
  Kind kind = Kind::kSame;
  std::string text;     // the line without its line break
  int old_number = 0;   // 1-based line in `before`; 0 for an added line
  int new_number = 0;   // 1-based line in `after`; 0 for a removed line
};

struct LineDiff {
  std::vector<DiffLine> lines;  // in reading order; removals before additions at a change
  int removed = 0;
  int added = 0;
  bool approximate = false;     // a part too large to line up is shown removed, then added
  bool changed() const { return removed > 0 || added > 0; }
};

// Splits text into lines on "\n" (a "\r" before it is dropped); a final line break
// does not start another line, and "" has no lines.
std::vector<std::string_view> SplitLines(std::string_view text);

// The diff from `before` to `after`, line by line.
LineDiff DiffLines(std::string_view before, std::string_view after);

}  // namespace diseasemaps::articles
