// Slugify(): UTF-8 decoding and the transliteration tables behind the catalogue's
// addresses. Pure and deterministic; see slug.h.
#include "catalog/import/slug.h"

#include <array>

#include "platform/text.h"

namespace diseasemaps::catalog {
namespace {

constexpr char32_t kInvalid = 0xFFFD;

// The code point at text[i] (advancing i); kInvalid for a malformed sequence.
char32_t NextCodePoint(std::string_view text, std::size_t& i) { return DecodeUtf8(text, i).value_or(kInvalid); }

// U+00C0..U+00FF spelt in ASCII; "" separates words (× and ÷).
constexpr std::array<const char*, 64> kLatin1 = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    "d", "n", "o", "o", "o", "o", "o", "",  "o", "u", "u", "u", "u", "y", "th", "ss",
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    "d", "n", "o", "o", "o", "o", "o", "",  "o", "u", "u", "u", "u", "y", "th", "y"};

// Latin Extended-A (U+0100..U+017F) as ranges of code points sharing one spelling.
struct Range {
  char32_t first, last;
  const char* ascii;
};
constexpr std::array<Range, 22> kLatinExtendedA = {{
    {0x0100, 0x0105, "a"}, {0x0106, 0x010D, "c"}, {0x010E, 0x0111, "d"}, {0x0112, 0x011B, "e"},
    {0x011C, 0x0123, "g"}, {0x0124, 0x0127, "h"}, {0x0128, 0x0131, "i"}, {0x0132, 0x0133, "ij"},
    {0x0134, 0x0135, "j"}, {0x0136, 0x0138, "k"}, {0x0139, 0x0142, "l"}, {0x0143, 0x014B, "n"},
    {0x014C, 0x0151, "o"}, {0x0152, 0x0153, "oe"}, {0x0154, 0x0159, "r"}, {0x015A, 0x0161, "s"},
    {0x0162, 0x0167, "t"}, {0x0168, 0x0173, "u"}, {0x0174, 0x0175, "w"}, {0x0176, 0x0178, "y"},
    {0x0179, 0x017E, "z"}, {0x017F, 0x017F, "s"},
}};

// Greek letters as biomedical names spell them (α-thalassemia, β-mannosidosis).
constexpr std::array<const char*, 25> kGreek = {
    "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota",
    "kappa", "lambda", "mu", "nu", "xi", "omicron", "pi", "rho", "sigma", "sigma",
    "tau", "upsilon", "phi", "chi", "psi", "omega"};

bool IsApostrophe(char32_t cp) {
  return cp == U'\'' || cp == 0x2019 || cp == 0x2018 || cp == 0x02BC || cp == 0x00B4;
}

// The ASCII spelling of a code point: its letters, or "" when it separates words.
std::string_view Spelling(char32_t cp, char& ascii) {
  if (cp < 0x80) {
    const char c = static_cast<char>(cp);
    if (c >= 'A' && c <= 'Z') {
      ascii = static_cast<char>(c - 'A' + 'a');
      return {&ascii, 1};
    }
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      ascii = c;
      return {&ascii, 1};
    }
    return {};
  }
  if (cp >= 0xC0 && cp <= 0xFF) return kLatin1[cp - 0xC0];
  for (const Range& range : kLatinExtendedA) {
    if (cp >= range.first && cp <= range.last) return range.ascii;
  }
  if (cp >= 0x03B1 && cp <= 0x03C9) return kGreek[cp - 0x03B1];
  if (cp >= 0x0391 && cp <= 0x03A9 && cp != 0x03A2) return kGreek[cp - 0x0391];
  return {};
}

}  // namespace

std::string Slugify(std::string_view name) {
  std::string slug;
  slug.reserve(name.size());
  bool pending_separator = false;
  std::size_t i = 0;
  while (i < name.size()) {
    const char32_t cp = NextCodePoint(name, i);
    if (IsApostrophe(cp)) continue;  // Paget's -> pagets
    char ascii = 0;
    const std::string_view spelling = Spelling(cp, ascii);
    if (spelling.empty()) {
      pending_separator = true;
      continue;
    }
    if (pending_separator && !slug.empty()) slug.push_back('-');
    pending_separator = false;
    slug.append(spelling);
  }
  return slug;
}

std::string SlugWithOrphacode(std::string_view base, int orphacode) {
  std::string slug(base);
  if (!slug.empty()) slug.push_back('-');
  slug += std::to_string(orphacode);
  return slug;
}

std::string SortName(std::string_view name) {
  std::string sort_name(name);
  for (char& c : sort_name) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return sort_name;
}

}  // namespace diseasemaps::catalog
