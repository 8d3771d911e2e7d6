// Highlighted snippets: a short passage of a text around the words a query matched,
// HTML-escaped, with those words in <mark>. The only HTML search builds itself; every
// byte of the text is escaped, so the result is safe to place in a page as it is.
#pragma once

#include <set>
#include <string>
#include <string_view>

#include "search/languages.h"

namespace diseasemaps::search {

// Up to `max_words` words of `text` starting a little before the first word whose stem
// (in `lang`, the text's language) is in `stems` (from the start when none is). Adds
// "…" where the passage was cut.
std::string Highlight(std::string_view text, const std::set<std::string>& stems, std::size_t max_words,
                      Lang lang = kEnglish);

// How many of `stems` the words of `text` (in `lang`) contain.
std::size_t CountStems(std::string_view text, const std::set<std::string>& stems, Lang lang = kEnglish);

}  // namespace diseasemaps::search
