#include "search/normalize.h"

#include <algorithm>
#include <array>
#include <iterator>

#include "platform/text.h"

namespace diseasemaps::search {
namespace {

// The code point at text[i] (advancing i); U+FFFD for a malformed sequence.
char32_t NextCodePoint(std::string_view text, std::size_t& i) { return DecodeUtf8(text, i).value_or(0xFFFD); }

// Base letters of U+00C0..U+017F; '_' marks code points handled elsewhere or not letters.
constexpr std::string_view kLatin1 =
    "aaaaaa_ceeeeiiii_nooooo_ouuuuy__"   // U+00C0..U+00DF
    "aaaaaa_ceeeeiiii_nooooo_ouuuuy_y";  // U+00E0..U+00FF
constexpr std::string_view kLatinExtendedA =
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii__jjkkkllllllllllnnnnnnnnnoooooo__rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

// What a code point contributes: "" separates words; otherwise lower-case text.
std::string_view Fold(char32_t cp, std::string& scratch) {
  if (cp < 0x80) {
    const char c = static_cast<char>(cp);
    if (c >= 'a' && c <= 'z') return scratch.assign(1, c);
    if (c >= '0' && c <= '9') return scratch.assign(1, c);
    if (c >= 'A' && c <= 'Z') return scratch.assign(1, static_cast<char>(c - 'A' + 'a'));
    return {};
  }
  if (cp >= 0xC0 && cp <= 0xFF) {
    switch (cp) {
      case 0xC6: case 0xE6: return "ae";
      case 0xDF: return "ss";
      case 0xD0: case 0xF0: return "d";
      case 0xDE: case 0xFE: return "th";
      case 0xD7: case 0xF7: return {};
      default: break;
    }
    const char base = kLatin1[cp - 0xC0];
    return base == '_' ? std::string_view{} : scratch.assign(1, base);
  }
  if (cp >= 0x100 && cp <= 0x17F) {
    if (cp == 0x152 || cp == 0x153) return "oe";
    if (cp == 0x132 || cp == 0x133) return "ij";
    const std::size_t k = cp - 0x100;
    const char base = k < kLatinExtendedA.size() ? kLatinExtendedA[k] : '_';
    return base == '_' ? std::string_view{} : scratch.assign(1, base);
  }
  switch (cp) {  // Greek letters as written in condition names ("β-thalassemia")
    case 0x3B1: case 0x391: return "alpha";
    case 0x3B2: case 0x392: return "beta";
    case 0x3B3: case 0x393: return "gamma";
    case 0x3B4: case 0x394: return "delta";
    case 0x3B5: case 0x395: return "epsilon";
    case 0x3BA: case 0x39A: return "kappa";
    case 0x3BC: case 0x39C: case 0xB5: return "mu";
    default: break;
  }
  if (cp >= 0x300 && cp <= 0x36F) return "\x01";  // combining accent: dropped, joins
  if (cp < 0xC0 || (cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x3000 && cp <= 0x303F) ||
      cp == 0xFFFD || cp == 0xFEFF || (cp >= 0xFE00 && cp <= 0xFE0F)) {
    return {};  // punctuation, symbols, spaces, invalid bytes
  }
  scratch.clear();
  AppendUtf8(scratch, cp);  // another script's letter: kept as it is
  return scratch;
}

// Lower case of a Latin letter up to U+017F, accents kept ("É" -> "é"); others unchanged.
char32_t LowerLatin(char32_t cp) {
  if (cp >= 'A' && cp <= 'Z') return cp + 32;
  if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return cp + 0x20;
  if ((cp >= 0x100 && cp <= 0x137) || (cp >= 0x14A && cp <= 0x177)) return cp | 1;
  if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E)) return (cp & 1) ? cp + 1 : cp;
  if (cp == 0x178) return 0xFF;
  return cp;
}

// Words before an apostrophe that are elided articles and prepositions ("l'", "d'",
// "dell'"): there the apostrophe separates ("d'Alzheimer" -> "d alzheimer"); elsewhere
// it joins ("Marfan's" -> "marfans").
bool IsElision(std::string_view word) {
  static constexpr std::array<std::string_view, 15> kElided = {
      "l", "d", "j", "n", "s", "c", "m", "t", "qu", "un", "dell", "all", "nell", "sull", "dall"};
  return std::find(kElided.begin(), kElided.end(), word) != kElided.end();
}

// Normalize(text); with `lower`, also the same words lower-cased with their accents
// kept, separated at exactly the same places.
std::string Scan(std::string_view text, std::string* lower) {
  std::string out;
  out.reserve(text.size());
  std::string scratch;
  bool pending_space = false;
  std::size_t word_start = 0;
  for (std::size_t i = 0; i < text.size();) {
    const char32_t cp = NextCodePoint(text, i);
    const bool apostrophe = cp == '\'' || cp == 0x2019 || cp == 0x2018 || cp == 0x2BC;
    std::string_view piece = apostrophe ? std::string_view("\x01") : Fold(cp, scratch);
    if (apostrophe && !pending_space && IsElision(std::string_view(out).substr(word_start))) piece = {};
    if (piece == "\x01") continue;  // joins the letters on both sides
    if (piece.empty()) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) {
      out += ' ';
      if (lower) *lower += ' ';
      word_start = out.size();
    }
    pending_space = false;
    out += piece;
    if (lower) {
      if (cp >= 0xC0 && cp <= 0x17F && piece.size() == 1) {
        AppendUtf8(*lower, LowerLatin(cp));
      } else {
        *lower += piece;
      }
    }
  }
  return out;
}

std::vector<std::string> SplitWords(const std::string& normalized) {
  std::vector<std::string> words;
  std::size_t start = 0;
  while (start < normalized.size()) {
    std::size_t end = normalized.find(' ', start);
    if (end == std::string::npos) end = normalized.size();
    words.push_back(normalized.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

}  // namespace

std::string Normalize(std::string_view text) { return Scan(text, nullptr); }

std::vector<std::string> Words(std::string_view text) { return SplitWords(Normalize(text)); }

std::vector<WordForm> WordForms(std::string_view text) {
  std::string lower;
  const std::vector<std::string> folded = SplitWords(Scan(text, &lower));
  const std::vector<std::string> lowered = SplitWords(lower);
  std::vector<WordForm> out;
  out.reserve(folded.size());
  for (std::size_t i = 0; i < folded.size(); ++i) {
    out.push_back({folded[i], i < lowered.size() ? lowered[i] : folded[i]});
  }
  return out;
}

bool IsStopword(std::string_view word) {
  // English, then the articles, conjunctions and prepositions of the other languages
  // that names are written in ("síndrome de …", "maladie des …", "Morbus … mit …").
  static constexpr std::string_view kStopwords[] = {
      "a",   "an",   "and", "are",  "as",   "at",  "be",   "by",    "for",   "from", "in",  "is",  "it",
      "of",  "on",   "or",  "the",  "that", "this", "to",  "with",  "my",    "has",  "have", "de", "del",
      "la",  "las",  "el",  "los",  "y",    "en",  "con",  "por",   "para",  "un",   "una", "al",  "du",
      "des", "le",   "les", "et",   "avec", "pour", "par", "une",   "aux",   "au",   "l",   "d",   "der",
      "die", "das",  "dem", "den",  "und",  "mit", "von",  "bei",   "ein",   "eine", "di",  "della", "delle",
      "dei", "e",    "il",  "do",   "da",   "dos", "het",  "een"};
  return std::find(std::begin(kStopwords), std::end(kStopwords), word) != std::end(kStopwords);
}

std::string DisplayText(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const char32_t cp = NextCodePoint(text, i);
    AppendUtf8(out, cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) ? U' ' : cp);
  }
  return out;
}

bool IsCleanText(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const std::optional<char32_t> cp = DecodeUtf8(text, i);
    if (!cp) return false;
    if ((*cp < 0x20 && *cp != '\t' && *cp != '\n') || *cp == 0x7F) return false;
  }
  return true;
}

}  // namespace diseasemaps::search
