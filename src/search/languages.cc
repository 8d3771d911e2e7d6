#include "search/languages.h"

#include <string>

#include "platform/i18n.h"
#include "platform/text.h"

namespace diseasemaps::search {

std::optional<Lang> LanguageOf(std::string_view code) {
  for (std::size_t i = 0; i < kLanguageCount; ++i) {
    if (kLanguageCodes[i] == code) return static_cast<Lang>(i);
  }
  return std::nullopt;
}

std::string_view LanguageCode(Lang lang) { return lang < kLanguageCount ? kLanguageCodes[lang] : "en"; }

std::string_view StemmerName(Lang lang) {
  static constexpr std::array<std::string_view, kLanguageCount> kStemmers = {
      "", "german", "english", "spanish", "french", "italian", "dutch", "", "portuguese"};
  return lang < kLanguageCount ? kStemmers[lang] : "";
}

Result<Lang> RequestedLanguage(std::optional<std::string_view> code) {
  if (!code || code->empty()) return kEnglish;
  if (auto lang = LanguageOf(*code)) return *lang;
  std::string known;
  for (std::string_view c : kLanguageCodes) known += (known.empty() ? "" : ", ") + std::string(c);
  const std::string shown = FirstCharacters(*code, 16);
  // TRANSLATORS: "lang" is the parameter's name: keep it. {languages} is a list of codes.
  return Status::InvalidArgument(
      i18n::Tr("lang must be one of {languages} (it was \"{value}\")", {{"languages", known}, {"value", shown}}));
}

}  // namespace diseasemaps::search
