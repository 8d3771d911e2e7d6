// Stems per language: which terms a word of a label is indexed under, and which terms a
// query word may match when the query's language is unknown.
//
// Guarantees: pure and thread-safe (one stemmer per language per thread), never throws.
// A label's word is stemmed by its own language's stemmer (languages.h; Czech and Polish
// words stay as written); a query word by every one of them, so that a query in any
// language meets the label it names. Stems are folded like Normalize() (no accents, lower
// case), so accents in the query never matter.
#pragma once

#include <string>
#include <vector>

#include "search/languages.h"
#include "search/normalize.h"

namespace diseasemaps::search {

// The English stem of a normalised word ("movements" -> "movement", "marfans" -> "marfan").
std::string Stem(const std::string& word);

// The stem of a normalised word in a language: English as Stem(); the others stemmed
// again until the stem stays the same (a few rounds at most), so that a plural and its
// singular meet ("enfermedades" and "enfermedad" -> "enferm"), which Snowball's Spanish
// stemmer alone does not do; Czech and Polish: the word itself. Words starting with a
// digit stay.
std::string StemIn(const std::string& word, Lang lang);

// The terms a label's word is indexed under: StemIn(folded) and, when it differs, the
// folded stem of the accented form ("inflamación" -> "inflamacion", "inflam"). Appends
// to `out` the ones not already in it.
void AddIndexStems(const WordForm& word, Lang lang, std::vector<std::string>& out);

// Every term a query word may match, in any language: its index stems in each of the
// nine, without repeats, the English stem first.
std::vector<std::string> QueryStems(const WordForm& word);

}  // namespace diseasemaps::search
