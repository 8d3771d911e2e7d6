#include "platform/i18n.h"

#include <algorithm>
#include <charconv>
#include <climits>
#include <cstdint>
#include <ctime>
#include <map>
#include <sstream>
#include <vector>

#include <boost/locale.hpp>

#include "platform/i18n_catalogues.h"

namespace diseasemaps::i18n {
namespace {

namespace bl = boost::locale;

// ICU's locale for each language: British English, because the site writes British
// English ("catalogue"), and dates read "4 December 2026".
struct LanguageRow {
  Language language;
  const char* icu_locale;
};

// Orphanet's nine languages. `interface` is filled in from the embedded catalogues.
const std::vector<LanguageRow>& Rows() {
  static const std::vector<LanguageRow> rows = [] {
    std::vector<LanguageRow> list = {
        {{"en", "English"}, "en_GB.UTF-8"},    {{"es", "Español"}, "es_ES.UTF-8"},
        {{"fr", "Français"}, "fr_FR.UTF-8"},   {{"de", "Deutsch"}, "de_DE.UTF-8"},
        {{"it", "Italiano"}, "it_IT.UTF-8"},   {{"pt", "Português"}, "pt_PT.UTF-8"},
        {{"nl", "Nederlands"}, "nl_NL.UTF-8"}, {{"pl", "Polski"}, "pl_PL.UTF-8"},
        {{"cs", "Čeština"}, "cs_CZ.UTF-8"},
    };
    for (auto& row : list) {
      row.language.interface = row.language.code == kDefaultLanguage || !EmbeddedCatalogue(row.language.code).empty();
    }
    return list;
  }();
  return rows;
}

std::locale MakeLocale(const LanguageRow& row) {
  bl::localization_backend_manager backends = bl::localization_backend_manager::global();
  backends.select("icu");
  bl::generator generator(backends);
  std::locale base = generator(row.icu_locale);
  if (row.language.code == kDefaultLanguage) return base;  // English is the source text

  bl::gnu_gettext::messages_info info;
  info.language = std::string(row.language.code);
  info.encoding = "UTF-8";
  info.domains.emplace_back("diseasemaps");
  info.paths.emplace_back("embedded");
  const std::string wanted = "embedded/" + info.language + "/LC_MESSAGES/diseasemaps.mo";
  info.callback = [wanted, code = row.language.code](const std::string& file, const std::string&) {
    if (file != wanted) return std::vector<char>();
    const std::string_view mo = EmbeddedCatalogue(code);
    return std::vector<char>(mo.begin(), mo.end());
  };
  return std::locale(base, bl::gnu_gettext::create_messages_facet<char>(info));
}

// One locale per language, built on first use; read-only afterwards.
const std::locale& LocaleFor(std::string_view code) {
  static const std::map<std::string, std::locale, std::less<>> locales = [] {
    std::map<std::string, std::locale, std::less<>> made;
    for (const auto& row : Rows()) {
      if (row.language.interface) made.emplace(std::string(row.language.code), MakeLocale(row));
    }
    return made;
  }();
  auto it = locales.find(InterfaceLanguage(code));
  if (it == locales.end()) it = locales.find(kDefaultLanguage);
  return it->second;
}

// Boost.Locale counts in int; past that the last digits still pick the same form.
int PluralCount(long long n) {
  if (n >= 0 && n <= INT_MAX) return static_cast<int>(n);
  const long long magnitude = n < 0 ? -(n + 1) : n;
  return 1000000000 + static_cast<int>(magnitude % 1000000);
}

bool IsLowerLetter(char c) { return c >= 'a' && c <= 'z'; }

thread_local Context current;

}  // namespace

const std::vector<Language>& Languages() {
  static const std::vector<Language> languages = [] {
    std::vector<Language> list;
    for (const auto& row : Rows()) list.push_back(row.language);
    return list;
  }();
  return languages;
}

bool IsSupported(std::string_view code) {
  return std::any_of(Languages().begin(), Languages().end(),
                     [code](const Language& l) { return l.code == code; });
}

std::string_view InterfaceLanguage(std::string_view code) {
  for (const auto& language : Languages()) {
    if (language.code == code) return language.interface ? language.code : kDefaultLanguage;
  }
  return kDefaultLanguage;
}

Status CheckCatalogues() {
  try {
    for (const auto& language : Languages()) {
      (void)LocaleFor(language.code);
      (void)FormatNumber(language.code, 1900);
    }
  } catch (const std::exception& e) {
    return Status::Internal(std::string("message catalogues: ") + e.what());
  }
  return Status::Ok();
}

std::optional<std::string> LanguageFromPath(std::string_view path, std::string* rest) {
  if (path.size() < 3 || path[0] != '/') return std::nullopt;
  if (path.size() > 3 && path[3] != '/') return std::nullopt;
  const std::string_view code = path.substr(1, 2);
  if (code == kDefaultLanguage || !IsSupported(code)) return std::nullopt;
  *rest = path.size() == 3 ? "/" : std::string(path.substr(3));
  return std::string(code);
}

bool HasUnknownLanguagePrefix(std::string_view path) {
  if (path.size() < 3 || path[0] != '/' || !IsLowerLetter(path[1]) || !IsLowerLetter(path[2])) return false;
  if (path.size() > 3 && path[3] != '/') return false;
  const std::string_view code = path.substr(1, 2);
  return code == kDefaultLanguage || !IsSupported(code);
}

std::optional<std::string> PreferredLanguage(std::string_view accept_language) {
  std::optional<std::string> best;
  double best_q = 0;
  while (!accept_language.empty()) {
    const std::size_t comma = accept_language.find(',');
    std::string_view item = accept_language.substr(0, comma);
    accept_language = comma == std::string_view::npos ? "" : accept_language.substr(comma + 1);

    double q = 1;
    const std::size_t semicolon = item.find(';');
    if (semicolon != std::string_view::npos) {
      std::string_view params = item.substr(semicolon + 1);
      item = item.substr(0, semicolon);
      const std::size_t at = params.find("q=");
      if (at != std::string_view::npos) {
        params = params.substr(at + 2);
        if (std::from_chars(params.data(), params.data() + params.size(), q).ec != std::errc()) q = 0;
      }
    }
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    std::string primary(item.substr(0, item.find('-')));
    while (!primary.empty() && primary.back() == ' ') primary.pop_back();
    std::transform(primary.begin(), primary.end(), primary.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (q > best_q && IsSupported(primary) && InterfaceLanguage(primary) == primary) {
      best = primary;
      best_q = q;
    }
  }
  return best;
}

std::string PrefixPath(std::string_view language, std::string_view path) {
  if (language == kDefaultLanguage || !IsSupported(language)) return std::string(path);
  std::string out = "/";  // "/es" + "/map"; "/" itself gives "/es/"
  out.append(language);
  out.append(path);
  return out;
}

std::string Translate(std::string_view language, std::string_view msgid) {
  language = InterfaceLanguage(language);
  if (language == kDefaultLanguage || msgid.empty()) return std::string(msgid);
  return bl::translate(std::string(msgid)).str(LocaleFor(language));
}

std::string TranslatePlural(std::string_view language, std::string_view singular,
                            std::string_view plural, long long n) {
  language = InterfaceLanguage(language);
  if (language == kDefaultLanguage) return std::string(n == 1 ? singular : plural);
  return bl::translate(std::string(singular), std::string(plural), PluralCount(n)).str(LocaleFor(language));
}

std::string Fill(std::string_view text, Args args) {
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t open = text.find('{', pos);
    if (open == std::string_view::npos) break;
    const std::size_t close = text.find('}', open);
    if (close == std::string_view::npos) break;
    out.append(text.substr(pos, open - pos));
    const std::string_view name = text.substr(open + 1, close - open - 1);
    auto it = std::find_if(args.begin(), args.end(), [name](const auto& arg) { return arg.first == name; });
    if (it != args.end()) {
      out += it->second;
    } else {
      out.append(text.substr(open, close - open + 1));
    }
    pos = close + 1;
  }
  out.append(text.substr(std::min(pos, text.size())));
  return out;
}

std::string FormatNumber(std::string_view language, long long n) {
  // Pages write the same small numbers over and over (a topic page, each post's number
  // and counts), each through a new ostringstream with an ICU locale: each thread keeps
  // the ones below kKeptNumbers it wrote, per interface language (locales never change).
  constexpr long long kKeptNumbers = 1024;
  std::string* kept = nullptr;
  if (n >= 0 && n < kKeptNumbers) {
    thread_local std::map<std::string, std::vector<std::string>, std::less<>> by_language;
    const std::string_view code = InterfaceLanguage(language);
    auto it = by_language.find(code);
    if (it == by_language.end()) {
      it = by_language.emplace(std::string(code), std::vector<std::string>(kKeptNumbers)).first;
    }
    kept = &it->second[static_cast<std::size_t>(n)];
    if (!kept->empty()) return *kept;  // a number is never written as ""
  }
  std::ostringstream out;
  out.imbue(LocaleFor(language));
  out << bl::as::number << static_cast<std::int64_t>(n);
  std::string text = out.str();
  if (kept != nullptr) *kept = text;
  return text;
}

std::string FormatDate(std::string_view language, std::chrono::sys_days day) {
  std::ostringstream out;
  out.imbue(LocaleFor(language));
  const std::time_t seconds = std::chrono::system_clock::to_time_t(std::chrono::sys_seconds(day));
  out << bl::as::date << bl::as::date_long << bl::as::gmt << seconds;
  return out.str();
}

std::string FormatDate(std::string_view language, long long unix_seconds) {
  return FormatDate(language, std::chrono::floor<std::chrono::days>(std::chrono::sys_seconds(std::chrono::seconds(unix_seconds))));
}

const Context& Current() { return current; }

const std::string& CurrentLanguage() { return current.language; }

ScopedLanguage::ScopedLanguage(Context context) : previous_(std::move(current)) {
  if (!IsSupported(context.language)) context.language = std::string(kDefaultLanguage);
  current = std::move(context);
}

ScopedLanguage::~ScopedLanguage() { current = std::move(previous_); }

std::string Tr(std::string_view msgid) { return Translate(current.language, msgid); }

std::string Tr(std::string_view msgid, Args args) { return Fill(Translate(current.language, msgid), args); }

std::string Plural(std::string_view singular, std::string_view plural, long long n, Args args) {
  const std::string text = TranslatePlural(current.language, singular, plural, n);
  // The count first (digits only), then the caller's values.
  return Fill(Fill(text, {{"count", FormatNumber(current.language, n)}}), args);
}

}  // namespace diseasemaps::i18n
