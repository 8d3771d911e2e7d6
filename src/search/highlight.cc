#include "search/highlight.h"

#include <vector>

#include "platform/text.h"
#include "search/stemming.h"

namespace diseasemaps::search {
namespace {

struct Piece {
  std::string_view text;
  bool matched;
};

// Splits text at ASCII white space; marks the pieces whose normalised words match.
std::vector<Piece> Split(std::string_view text, const std::set<std::string>& stems, Lang lang) {
  std::vector<Piece> pieces;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\n' || text[i] == '\t' || text[i] == '\r')) ++i;
    const std::size_t start = i;
    while (i < text.size() && !(text[i] == ' ' || text[i] == '\n' || text[i] == '\t' || text[i] == '\r')) ++i;
    if (i == start) break;
    const std::string_view word = text.substr(start, i - start);
    bool matched = false;
    for (const std::string& w : Words(word)) matched = matched || stems.count(StemIn(w, lang)) > 0;
    pieces.push_back({word, matched});
  }
  return pieces;
}

}  // namespace

std::string Highlight(std::string_view text, const std::set<std::string>& stems, std::size_t max_words, Lang lang) {
  const std::vector<Piece> pieces = Split(text, stems, lang);
  std::size_t first = 0;
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    if (pieces[i].matched) {
      first = i > 4 ? i - 4 : 0;
      break;
    }
  }
  std::string out;
  if (first > 0) out += "… ";
  const std::size_t end = std::min(pieces.size(), first + max_words);
  for (std::size_t i = first; i < end; ++i) {
    if (i > first) out += ' ';
    if (pieces[i].matched) out += "<mark>";
    out += EscapeMarkup(pieces[i].text);
    if (pieces[i].matched) out += "</mark>";
  }
  if (end < pieces.size()) out += " …";
  return out;
}

std::size_t CountStems(std::string_view text, const std::set<std::string>& stems, Lang lang) {
  std::set<std::string> found;
  for (const std::string& w : Words(text)) {
    std::string s = StemIn(w, lang);
    if (stems.count(s)) found.insert(std::move(s));
  }
  return found.size();
}

}  // namespace diseasemaps::search
