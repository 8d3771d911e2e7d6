// search_queries: writes the per-language relevance set for bench/search.sh, made from
// the imported names, deterministically from a seed (same database and seed, same file).
//
//   search_queries --database DB [--seed 20261204] [--per-language 50] > queries.tsv
//
// For each of the nine languages, conditions with a name there that no other condition
// shares are shuffled (splitmix64 from the seed) and the first N become queries, in
// turn: the name with one typo in its longest word (and without accents, lower case),
// without accents, and in lower case with its accents. Output: query <TAB> expected
// ORPHAcode <TAB> kind <TAB> language, one per line.
#include <algorithm>
#include <cstdint>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "search/normalize.h"
#include "search/search_store.h"

using namespace diseasemaps;

namespace {

struct Rng {
  std::uint64_t state;
  std::uint64_t Next() {  // splitmix64
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  std::size_t Below(std::size_t n) { return static_cast<std::size_t>(Next() % n); }
};

// One edit (drop, double, swap with the next, or replace a letter) inside the longest
// word of a normalised name, never its first letter; "" when no word has 5 letters.
std::string WithTypo(const std::string& normalized, Rng& rng) {
  std::vector<std::string> words = search::Words(normalized);
  auto longest = std::max_element(words.begin(), words.end(),
                                  [](const std::string& a, const std::string& b) { return a.size() < b.size(); });
  if (longest == words.end() || longest->size() < 5) return "";
  std::string& w = *longest;
  const std::size_t at = 1 + rng.Below(w.size() - 2);
  switch (rng.Below(4)) {
    case 0: w.erase(at, 1); break;
    case 1: w.insert(at, 1, w[at]); break;
    case 2: std::swap(w[at], w[at + 1]); break;
    default: w[at] = static_cast<char>('a' + (w[at] - 'a' + 1 + rng.Below(25)) % 26); break;
  }
  std::string out;
  for (const std::string& word : words) out += (out.empty() ? "" : " ") + word;
  return out;
}

std::string LowerWithAccents(const std::string& name) {
  std::string out;
  for (const search::WordForm& w : search::WordForms(name)) out += (out.empty() ? "" : " ") + w.lower;
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  std::string database;
  std::uint64_t seed = 20261204;
  std::size_t per_language = 50;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--database") database = argv[i + 1];
    else if (flag == "--seed") seed = std::stoull(argv[i + 1]);
    else if (flag == "--per-language") per_language = std::stoul(argv[i + 1]);
  }
  if (database.empty()) {
    std::cerr << "usage: search_queries --database DB [--seed N] [--per-language N]\n";
    return 2;
  }
  DatabaseOptions options;
  options.url = database;
  auto db = Database::Open(options);
  if (!db.ok()) {
    std::cerr << db.status().message() << "\n";
    return 1;
  }
  auto records = search::SearchStore(**db).LoadAll();
  if (!records.ok()) {
    std::cerr << records.status().message() << "\n";
    return 1;
  }
  for (search::Lang lang = 0; lang < search::kLanguageCount; ++lang) {
    std::vector<std::pair<int, std::string>> names;  // (orphacode, name), by orphacode
    std::map<std::string, int> uses;                 // normalised name -> conditions
    for (const search::SearchRecord& r : *records) {
      const std::string& name = r.NameIn(lang);
      if (lang != search::kEnglish && &name == &r.name) continue;  // no name in this language
      names.emplace_back(r.orphacode, name);
      ++uses[search::Normalize(name)];
    }
    std::erase_if(names, [&](const auto& n) { return uses[search::Normalize(n.second)] > 1; });
    Rng rng{seed ^ (0x1000193ull * (lang + 1))};
    for (std::size_t i = names.size(); i > 1; --i) std::swap(names[i - 1], names[rng.Below(i)]);
    std::size_t made = 0;
    for (const auto& [orphacode, name] : names) {
      if (made == per_language) break;
      std::string query, kind;
      switch (made % 3) {
        case 0: query = WithTypo(search::Normalize(name), rng); kind = "typo"; break;
        case 1: query = search::Normalize(name); kind = "no-accents"; break;
        default: query = LowerWithAccents(name); kind = "lower-case"; break;
      }
      if (query.empty()) continue;
      std::cout << query << '\t' << orphacode << '\t' << kind << '\t' << search::LanguageCode(lang) << '\n';
      ++made;
    }
  }
  return 0;
}
