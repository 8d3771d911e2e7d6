#include "search/stemming.h"

#include <algorithm>
#include <array>
#include <optional>

#include <xapian.h>

namespace diseasemaps::search {
namespace {

constexpr int kMaxRounds = 4;

// REQUIRES: lang < kLanguageCount and StemmerName(lang) is not empty.
Xapian::Stem& StemmerFor(Lang lang) {
  thread_local std::array<std::optional<Xapian::Stem>, kLanguageCount> stemmers;
  if (!stemmers[lang]) stemmers[lang].emplace(std::string(StemmerName(lang)));
  return *stemmers[lang];
}

bool Stemmable(const std::string& word, Lang lang) {
  return !word.empty() && !(word[0] >= '0' && word[0] <= '9') && lang < kLanguageCount && !StemmerName(lang).empty();
}

void AddOnce(std::vector<std::string>& out, std::string term) {
  if (!term.empty() && std::find(out.begin(), out.end(), term) == out.end()) out.push_back(std::move(term));
}

}  // namespace

std::string Stem(const std::string& word) { return StemIn(word, kEnglish); }

std::string StemIn(const std::string& word, Lang lang) {
  if (!Stemmable(word, lang)) return word;
  Xapian::Stem& stemmer = StemmerFor(lang);
  std::string stem = stemmer(word);
  if (lang == kEnglish) return stem;
  for (int round = 0; round < kMaxRounds; ++round) {  // until the stem stays as it is
    std::string again = stemmer(stem);
    if (again == stem) break;
    stem = std::move(again);
  }
  return stem;
}

void AddIndexStems(const WordForm& word, Lang lang, std::vector<std::string>& out) {
  AddOnce(out, StemIn(word.folded, lang));
  if (word.lower != word.folded && Stemmable(word.folded, lang)) AddOnce(out, Normalize(StemIn(word.lower, lang)));
}

std::vector<std::string> QueryStems(const WordForm& word) {
  std::vector<std::string> out;
  AddIndexStems(word, kEnglish, out);
  for (Lang lang = 0; lang < kLanguageCount; ++lang) {
    if (lang != kEnglish) AddIndexStems(word, lang, out);
  }
  return out;
}

}  // namespace diseasemaps::search
