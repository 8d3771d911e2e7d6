// i18n: the interface in the visitor's language. The one module that knows which
// languages the site speaks, holds their message catalogues and formats numbers and dates
// for them; templates, handlers and e-mails ask it and never build sentences from pieces.
//
// Catalogues are GNU gettext PO files, `po/<lang>.po`, compiled by msgfmt at build time
// (scripts/build-catalogues.mjs, which also refuses a PO file whose placeholders are broken
// or missing) and embedded in the binary. They are read through Boost.Locale: plural
// forms follow each catalogue's own `Plural-Forms` header, and numbers and dates are
// formatted by ICU with the language's conventions ("1,900", "1.900", "1 900").
//
// Messages are English source text; a placeholder is a name in braces ("Signed in as
// {name}") so translators can move it. A message missing from a catalogue comes back in
// English, never empty.
//
// Thread-safe: catalogues and locales are built once, on first use, and never change.
// The "current language" is per thread, set for the length of a request (or of an e-mail
// being written) by a ScopedLanguage.
#pragma once

#include <chrono>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "platform/status.h"

namespace diseasemaps::i18n {

// English is the source language: its catalogue is the source text itself.
inline constexpr std::string_view kDefaultLanguage = "en";

struct Language {
  std::string_view code;         // ISO 639-1, as in the address: "es"
  std::string_view native_name;  // in the language itself, capitalised for a menu: "Español"
  // True when the interface is written in it (po/<code>.po is compiled in). A language
  // without its catalogue still has its pages ("/de/…"): condition names and symptoms
  // in German inside the English interface.
  bool interface = false;
};

// The languages the site speaks, English first: the nine Orphanet names its catalogue
// in. Adding the interface in one of them is adding its po/<code>.po file.
const std::vector<Language>& Languages();

// True when code is one of Languages().
bool IsSupported(std::string_view code);

// The language a page in `code` is written in (messages, numbers, dates, <html lang>):
// code itself when the interface exists in it, else English.
std::string_view InterfaceLanguage(std::string_view code);

// Checks that every language has its embedded catalogue and that ICU knows it, so a
// broken build fails at start rather than on a request.
Status CheckCatalogues();

// The language in an address: for "/es/conditions/x" returns "es" and sets *rest to
// "/conditions/x"; "/es" gives rest "/". Without a supported prefix returns nullopt and
// leaves *rest alone.
std::optional<std::string> LanguageFromPath(std::string_view path, std::string* rest);

// True for an address that starts with a two-letter segment in lower case ("/de/…",
// "/xx") that is not a supported language: such a prefix answers 404.
bool HasUnknownLanguagePrefix(std::string_view path);

// The interface language an Accept-Language header prefers most ("fr-CA,fr;q=0.9,en;q=0.8"
// gives "fr"), honouring q-values and ignoring q=0; nullopt when it names none of ours.
std::optional<std::string> PreferredLanguage(std::string_view accept_language);

// "/es" + path for Spanish, path itself for English. REQUIRES: path starts with '/'.
std::string PrefixPath(std::string_view language, std::string_view path);

// Named values for placeholders.
using Args = std::initializer_list<std::pair<std::string_view, std::string>>;

// The translation of msgid in language, or msgid itself when the catalogue lacks it
// (or the language has none). Numbers, dates and plurals likewise follow
// InterfaceLanguage(language).
std::string Translate(std::string_view language, std::string_view msgid);
// The plural form for n: singular/plural are the English forms; the catalogue's
// Plural-Forms picks among the translations.
std::string TranslatePlural(std::string_view language, std::string_view singular,
                            std::string_view plural, long long n);

// Replaces each {name} in text with its value from args; a placeholder with no value is
// left as it is, so a mistake shows rather than silently vanishing.
std::string Fill(std::string_view text, Args args);

// n written for language: "1,900" (en), "1.900" (es), "1 900" (fr, with a narrow
// no-break space).
std::string FormatNumber(std::string_view language, long long n);
// A calendar date written out: "4 December 2026", "4 de diciembre de 2026",
// "4 décembre 2026".
std::string FormatDate(std::string_view language, std::chrono::sys_days day);
// The UTC day of a Unix time, written out as above.
std::string FormatDate(std::string_view language, long long unix_seconds);

// What is being produced on this thread: a page for a request, or an e-mail.
struct Context {
  std::string language{kDefaultLanguage};
  // A page's address without its language prefix, query included ("/map?role=x"), so
  // the layout can link to the same page in every language; empty for e-mails.
  std::string address;
  // A language the visitor's browser prefers over this one, offered in one line; or "".
  std::string offered;
};

// The current context ("en" and no address when none was set).
const Context& Current();
const std::string& CurrentLanguage();

// Sets the current context for its lifetime, restoring the previous one after. An
// unsupported language becomes English.
class ScopedLanguage {
 public:
  explicit ScopedLanguage(std::string language) : ScopedLanguage(Context{std::move(language), "", ""}) {}
  explicit ScopedLanguage(Context context);
  ~ScopedLanguage();
  ScopedLanguage(const ScopedLanguage&) = delete;
  ScopedLanguage& operator=(const ScopedLanguage&) = delete;

 private:
  Context previous_;
};

// The short forms code uses, in the current language. scripts/extract-messages finds
// their first arguments (and Plural's first two), so only string literals go in them.
std::string Tr(std::string_view msgid);
std::string Tr(std::string_view msgid, Args args);
// The plural for n, with {count} filled with n formatted for the language.
std::string Plural(std::string_view singular, std::string_view plural, long long n, Args args = {});
// Marks a literal for extraction where it is translated later (tables of messages).
constexpr const char* N_(const char* msgid) { return msgid; }

}  // namespace diseasemaps::i18n
