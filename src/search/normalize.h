// Text normalisation for search: one function that turns what a person typed, or what a
// catalogue field says, into the words the index and the suggestions compare.
//
// Guarantees: pure, thread-safe, never throws; any byte string is accepted (invalid
// UTF-8 and control characters become separators); the result is lower-case ASCII for
// Latin scripts (accents folded: "Sjögren" -> "sjogren", "β" -> "beta"), apostrophes
// join ("Marfan's" -> "marfans"), every other punctuation mark separates, and words are
// separated by exactly one space with none at the ends.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace diseasemaps::search {

std::string Normalize(std::string_view text);

// The words of Normalize(text), in order.
std::vector<std::string> Words(std::string_view text);

// True for the small English words that carry no meaning in a query ("and", "the", "of").
bool IsStopword(std::string_view word);

// The English stem of a normalised word ("movements" -> "movement", "marfans" -> "marfan").
// Thread-safe (one stemmer per thread).
std::string Stem(const std::string& word);

// text as valid UTF-8 for showing back to a person: invalid bytes become U+FFFD, control
// characters spaces.
std::string DisplayText(std::string_view text);

// True when text is valid UTF-8 without control characters other than tab and newline.
bool IsCleanText(std::string_view text);

}  // namespace diseasemaps::search
