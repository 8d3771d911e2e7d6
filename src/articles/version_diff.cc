#include "articles/version_diff.h"

#include <algorithm>
#include <cstdint>
#include <unordered_map>
#include <utility>

namespace diseasemaps::articles {
namespace {

using Pairs = std::vector<std::pair<std::size_t, std::size_t>>;

// Appends to `matches` the index pairs (into the full texts) of a longest common
// subsequence of the lines a_at and b_at point to. REQUIRES:
// (a_at.size() + 1) * (b_at.size() + 1) <= kMaxDiffCells, so the LCS fits 16 bits.
void LongestCommon(const std::vector<int>& a_ids, const std::vector<std::size_t>& a_at,
                   const std::vector<int>& b_ids, const std::vector<std::size_t>& b_at, Pairs& matches) {
  const std::size_t p = a_at.size();
  const std::size_t q = b_at.size();
  const std::size_t width = q + 1;
  // rest[i * width + j]: the length of an LCS of a_at[i..] and b_at[j..].
  std::vector<std::uint16_t> rest((p + 1) * width, 0);
  auto same = [&](std::size_t i, std::size_t j) { return a_ids[a_at[i]] == b_ids[b_at[j]]; };
  for (std::size_t i = p; i-- > 0;) {
    for (std::size_t j = q; j-- > 0;) {
      rest[i * width + j] = same(i, j) ? static_cast<std::uint16_t>(rest[(i + 1) * width + j + 1] + 1)
                                       : std::max(rest[(i + 1) * width + j], rest[i * width + j + 1]);
    }
  }
  std::size_t i = 0;
  std::size_t j = 0;
  while (i < p && j < q) {
    if (same(i, j)) {
      matches.emplace_back(a_at[i++], b_at[j++]);
    } else if (rest[(i + 1) * width + j] >= rest[i * width + j + 1]) {
      ++i;  // drop a line of `before` first: removals read before additions
    } else {
      ++j;
    }
  }
}

}  // namespace

std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find('\n', start);
    std::string_view line = text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return lines;
}

LineDiff DiffLines(std::string_view before, std::string_view after) {
  const std::vector<std::string_view> a = SplitLines(before);
  const std::vector<std::string_view> b = SplitLines(after);
  const std::size_t n = a.size();
  const std::size_t m = b.size();

  // Lines as small integers, so that comparing two lines is one instruction.
  std::unordered_map<std::string_view, int> ids;
  auto id_of = [&ids](std::string_view line) {
    return ids.try_emplace(line, static_cast<int>(ids.size())).first->second;
  };
  std::vector<int> a_ids(n);
  std::vector<int> b_ids(m);
  for (std::size_t i = 0; i < n; ++i) a_ids[i] = id_of(a[i]);
  for (std::size_t j = 0; j < m; ++j) b_ids[j] = id_of(b[j]);

  std::size_t prefix = 0;
  while (prefix < n && prefix < m && a_ids[prefix] == b_ids[prefix]) ++prefix;
  std::size_t suffix = 0;
  while (suffix < n - prefix && suffix < m - prefix && a_ids[n - 1 - suffix] == b_ids[m - 1 - suffix]) ++suffix;

  // In the middle, a line found on one side only is certainly removed (or added): only
  // the others need lining up.
  std::vector<char> in_a(ids.size(), 0);
  std::vector<char> in_b(ids.size(), 0);
  for (std::size_t i = prefix; i < n - suffix; ++i) in_a[a_ids[i]] = 1;
  for (std::size_t j = prefix; j < m - suffix; ++j) in_b[b_ids[j]] = 1;
  std::vector<std::size_t> a_at;
  std::vector<std::size_t> b_at;
  for (std::size_t i = prefix; i < n - suffix; ++i) {
    if (in_b[a_ids[i]]) a_at.push_back(i);
  }
  for (std::size_t j = prefix; j < m - suffix; ++j) {
    if (in_a[b_ids[j]]) b_at.push_back(j);
  }

  LineDiff diff;
  Pairs matches;
  for (std::size_t k = 0; k < prefix; ++k) matches.emplace_back(k, k);
  if ((a_at.size() + 1) * (b_at.size() + 1) <= kMaxDiffCells) {
    LongestCommon(a_ids, a_at, b_ids, b_at, matches);
  } else {
    diff.approximate = !a_at.empty() && !b_at.empty();
  }
  for (std::size_t k = 0; k < suffix; ++k) matches.emplace_back(n - suffix + k, m - suffix + k);

  diff.lines.reserve(n + m - matches.size());
  std::size_t i = 0;
  std::size_t j = 0;
  auto remove_to = [&](std::size_t end) {
    for (; i < end; ++i, ++diff.removed) {
      diff.lines.push_back({DiffLine::Kind::kRemoved, std::string(a[i]), static_cast<int>(i + 1), 0});
    }
  };
  auto add_to = [&](std::size_t end) {
    for (; j < end; ++j, ++diff.added) {
      diff.lines.push_back({DiffLine::Kind::kAdded, std::string(b[j]), 0, static_cast<int>(j + 1)});
    }
  };
  for (const auto& [mi, mj] : matches) {
    remove_to(mi);
    add_to(mj);
    diff.lines.push_back({DiffLine::Kind::kSame, std::string(a[i]), static_cast<int>(i + 1), static_cast<int>(j + 1)});
    ++i;
    ++j;
  }
  remove_to(n);
  add_to(m);
  return diff;
}

}  // namespace diseasemaps::articles
