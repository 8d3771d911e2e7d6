#include "search/spelling.h"

#include <algorithm>
#include <functional>

namespace diseasemaps::search {
namespace {

constexpr int kMaxEdits = 2;

std::uint64_t Hash(std::string_view s) {
  std::uint64_t h = 1469598103934665603ull;  // FNV-1a
  for (char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  return h;
}

// Calls emit with s and every string made by removing up to `depth` characters (some
// more than once).
void Deletions(const std::string& s, int depth, const std::function<void(const std::string&)>& emit) {
  std::vector<std::string> level = {s};
  emit(s);
  for (int d = 0; d < depth; ++d) {
    std::vector<std::string> next;
    for (const std::string& w : level) {
      if (w.size() <= 1) continue;
      for (std::size_t i = 0; i < w.size(); ++i) {
        if (i > 0 && w[i] == w[i - 1]) continue;  // same string as removing w[i - 1]
        std::string shorter = w.substr(0, i) + w.substr(i + 1);
        emit(shorter);
        next.push_back(std::move(shorter));
      }
    }
    level = std::move(next);
  }
}

bool Correctable(std::string_view word) {
  if (word.size() < 4) return false;
  return std::none_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

int AllowedEdits(std::size_t length) {
  if (length < 4) return 0;
  return length <= 6 ? 1 : 2;
}

int EditDistance(std::string_view a, std::string_view b, int limit) {
  const std::size_t n = a.size(), m = b.size();
  if ((n > m ? n - m : m - n) > static_cast<std::size_t>(limit)) return limit + 1;
  std::vector<int> prev2(m + 1), prev(m + 1), cur(m + 1);
  for (std::size_t j = 0; j <= m; ++j) prev[j] = static_cast<int>(j);
  for (std::size_t i = 1; i <= n; ++i) {
    cur[0] = static_cast<int>(i);
    int row_min = cur[0];
    for (std::size_t j = 1; j <= m; ++j) {
      const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        cur[j] = std::min(cur[j], prev2[j - 2] + 1);
      }
      row_min = std::min(row_min, cur[j]);
    }
    if (row_min > limit) return limit + 1;
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  return std::min(prev[m], limit + 1);
}

void Vocabulary::Add(const std::string& word, double weight, bool offer) {
  if (word.empty()) return;
  auto [it, added] = ids_.try_emplace(word, static_cast<std::uint32_t>(words_.size()));
  if (added) {
    words_.push_back(word);
    weights_.push_back(weight);
    offered_.push_back(offer);
  } else {
    weights_[it->second] += weight;
    if (offer) offered_[it->second] = true;
  }
}

void Vocabulary::Finish() {
  deletions_.clear();
  for (std::uint32_t id = 0; id < words_.size(); ++id) {
    if (!offered_[id] || !Correctable(words_[id])) continue;
    // A word is only ever offered within its own AllowedEdits(), so deleting more of
    // its letters would index candidates Correct() refuses anyway.
    const int depth = std::min(kMaxEdits, AllowedEdits(words_[id].size()));
    Deletions(words_[id], depth, [&](const std::string& d) { deletions_.emplace_back(Hash(d), id); });
  }
  std::sort(deletions_.begin(), deletions_.end());
  deletions_.erase(std::unique(deletions_.begin(), deletions_.end()), deletions_.end());
}

bool Vocabulary::Knows(std::string_view word) const { return ids_.count(std::string(word)) > 0; }

std::optional<std::string> Vocabulary::Correct(std::string_view word) const {
  const int allowed = AllowedEdits(word.size());
  if (allowed == 0 || !Correctable(word) || Knows(word)) return std::nullopt;
  std::vector<std::uint32_t> candidates;
  Deletions(std::string(word), allowed, [&](const std::string& d) {
    const std::uint64_t h = Hash(d);
    auto it = std::lower_bound(deletions_.begin(), deletions_.end(), std::make_pair(h, std::uint32_t{0}));
    for (; it != deletions_.end() && it->first == h; ++it) candidates.push_back(it->second);
  });
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  std::optional<std::uint32_t> best;
  int best_distance = allowed + 1;
  for (std::uint32_t id : candidates) {
    const std::string& candidate = words_[id];
    const int d = EditDistance(word, candidate, std::min(allowed, AllowedEdits(candidate.size())));
    if (d > allowed || d > AllowedEdits(candidate.size())) continue;
    // A shared first letter is how people misspell: prefer it at equal distance.
    const bool same_start = candidate[0] == word[0];
    const bool best_same_start = best && words_[*best][0] == word[0];
    if (!best || d < best_distance ||
        (d == best_distance && (same_start > best_same_start ||
                                (same_start == best_same_start && weights_[id] > weights_[*best])))) {
      best = id;
      best_distance = d;
    }
  }
  if (!best) return std::nullopt;
  return words_[*best];
}

}  // namespace diseasemaps::search
