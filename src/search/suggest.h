// Type-ahead suggestions: prefix matching on names and synonyms in nine languages and
// on codes, top 8, in memory. Built once from the catalogue and then only read, so concurrent Suggest()
// calls are safe. A lookup is three binary searches and a bounded scan of the matching
// range that touches only the entries, well under a millisecond on the full catalogue.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "search/search_record.h"

namespace diseasemaps::search {

struct Suggestion {
  long long condition_id = 0;
  std::string label;    // what matched: the name, a synonym or a code
  std::string name;     // the condition's name
  std::string slug;
  int orphacode = 0;
  bool is_name = false;  // the label is the condition's name (in its language)
  Lang label_lang = kEnglish;
  Lang name_lang = kEnglish;  // the requested language, or English when it has no name there
};

class SuggestIndex {
 public:
  static constexpr int kLimit = 8;

  void Add(const SearchRecord& record);
  void Finish();  // sorts; call once after the last Add()

  // Up to `limit` conditions, one suggestion each, from names and synonyms in every
  // language: whole-label prefix matches before matches at a later word, names before
  // synonyms before codes, labels in `lang` first, then shorter labels. `name` is the
  // condition's name in `lang`, or English when Orphanet has none there. Empty for a
  // query with no letters or digits.
  std::vector<Suggestion> Suggest(std::string_view query, int limit = kLimit, Lang lang = kEnglish) const;

 private:
  struct Entry {
    std::string key;        // normalised text starting at a word of the label
    std::uint32_t label;    // index into labels_
    std::uint8_t rank;      // lower is better
    Lang lang;              // the label's, copied here so that ranking reads only entries
    std::uint16_t length;   // the label's length in bytes (at most 65535), likewise
  };
  struct Label {
    long long condition_id;
    std::string text;
    std::uint32_t record;  // index into records_
    bool is_name;
    Lang lang;
  };
  struct Brief {
    std::string name, slug;
    int orphacode;
    std::vector<std::pair<Lang, std::string>> names;  // in the other languages
  };
  void AddEntry(std::string key, std::uint32_t label, std::uint8_t rank);

  std::vector<Entry> entries_;
  std::vector<Label> labels_;
  std::vector<Brief> records_;
};

}  // namespace diseasemaps::search
