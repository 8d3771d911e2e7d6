// Typo tolerance: for a word the catalogue does not know, the known words within one or
// two edits (insert, delete, substitute, swap neighbours), best first.
//
// A Vocabulary is built once from the catalogue's words (names and synonyms weigh more
// than definitions) and then only read: thread-safe for concurrent Correct() calls.
// Candidates come from a deletion index (every word with up to two letters removed), so
// a lookup costs a few dozen binary searches, not a scan of the vocabulary.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace diseasemaps::search {

// Damerau-Levenshtein distance (optimal string alignment), stopping early past `limit`
// (returns limit + 1 then).
int EditDistance(std::string_view a, std::string_view b, int limit);

// How many edits a word of this length may carry and still be corrected: none below 4
// letters (abbreviations), one up to 6 letters, two from 7.
int AllowedEdits(std::size_t length);

class Vocabulary {
 public:
  // Adds a word with a weight (how strongly it speaks for itself: a name's word more than
  // a feature's). Call before Finish(). Words under 4 letters or with digits, and words
  // added with offer = false (from long texts such as definitions), are known words but
  // never offered as corrections.
  void Add(const std::string& word, double weight, bool offer = true);
  void Finish();

  bool Knows(std::string_view word) const;
  // The best correction of an unknown word: fewest edits, then highest weight. nullopt
  // when the word is known, too short, or nothing is near enough.
  std::optional<std::string> Correct(std::string_view word) const;
  std::size_t size() const { return words_.size(); }

 private:
  std::vector<std::string> words_;
  std::vector<double> weights_;
  std::vector<bool> offered_;
  std::unordered_map<std::string, std::uint32_t> ids_;
  std::vector<std::pair<std::uint64_t, std::uint32_t>> deletions_;  // sorted by hash
};

}  // namespace diseasemaps::search
