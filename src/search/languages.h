// The languages search knows: the nine of Orphanet's names (cs de en es fr it nl pl pt),
// each with the Xapian stemmer that suits it, or none (Czech and Polish have no Snowball
// stemmer in Xapian 1.4, so their words are matched as written, folded).
//
// A Lang is a small index into that list, cheap to store per label. Pure and
// thread-safe; nothing here allocates on the request path except ParseLanguage's message.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

#include "platform/status.h"

namespace diseasemaps::search {

using Lang = std::uint8_t;

inline constexpr std::array<std::string_view, 9> kLanguageCodes = {"cs", "de", "en", "es", "fr",
                                                                  "it", "nl", "pl", "pt"};
inline constexpr std::size_t kLanguageCount = kLanguageCodes.size();
inline constexpr Lang kEnglish = 2;

// "es" -> its Lang; nullopt for anything that is not one of the nine codes (exact, lower
// case).
std::optional<Lang> LanguageOf(std::string_view code);

// The code of a Lang ("es").
std::string_view LanguageCode(Lang lang);

// The Xapian stemmer's name for the language ("spanish"), or "" for none.
std::string_view StemmerName(Lang lang);

// The language a request asks for: `code` absent or empty means English; anything else
// must be one of the nine codes, or the answer is InvalidArgument with a message that
// lists them.
Result<Lang> RequestedLanguage(std::optional<std::string_view> code);

}  // namespace diseasemaps::search
