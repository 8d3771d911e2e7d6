// Text normalisation for search: one function that turns what a person typed, or what a
// catalogue field says, into the words the index and the suggestions compare.
//
// Guarantees: pure, thread-safe, never throws; any byte string is accepted (invalid
// UTF-8 and control characters become separators); the result is lower-case ASCII for
// Latin scripts (accents folded: "Sjögren" -> "sjogren", "β" -> "beta"), apostrophes
// join ("Marfan's" -> "marfans"), every other punctuation mark separates, and words are
// separated by exactly one space with none at the ends. An apostrophe after an elided
// article or preposition separates instead ("maladie d'Alzheimer" -> "maladie d alzheimer").
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace diseasemaps::search {

std::string Normalize(std::string_view text);

// The words of Normalize(text), in order.
std::vector<std::string> Words(std::string_view text);

// A word twice: as Normalize() writes it, and lower-cased with its accents kept, which
// is what a language's stemmer expects ("inflamación": "inflamacion", "inflamación").
struct WordForm {
  std::string folded;
  std::string lower;
};

// The words of text in both forms, in order; the folded ones are exactly Words(text).
std::vector<WordForm> WordForms(std::string_view text);

// True for the small words that carry no meaning in a query, in English ("and", "the",
// "of") and in the other languages of the catalogue ("de", "des", "und", "di").
bool IsStopword(std::string_view word);

// text as valid UTF-8 for showing back to a person: invalid bytes become U+FFFD, control
// characters spaces.
std::string DisplayText(std::string_view text);

// True when text is valid UTF-8 without control characters other than tab and newline.
bool IsCleanText(std::string_view text);

}  // namespace diseasemaps::search
