// The language of an answer from the JSON API. API addresses have no language prefix
// (/api/v1/… is the same address for every page and every program), so a request
// chooses the language of its words (error messages, notices) and, for search and
// suggest, of the names it gets:
//
//   1. `lang=` in the query, when it is one of the site's nine language codes (the
//      parameter search and suggest take for the names of results, so `lang=es` gives
//      Spanish names and Spanish messages together; `lang=de` German names in English
//      words, German having no interface);
//   2. otherwise the interface language Accept-Language prefers (en, es, fr);
//   3. otherwise English.
//
// Machine-readable parts of an answer (field names, codes, `status`, `orphacode`, role
// keys) never change with the language. Pure and thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace diseasemaps::http {

// True for an address of the JSON API ("/api/…"), whose language ApiLanguage chooses.
bool IsApiPath(std::string_view path);

// The language code for an API request whose `lang` query parameter is `lang` (nullopt
// when absent) and whose Accept-Language header is accept_language ("" when absent).
// Never fails: anything unusable falls through to the next step (an endpoint that takes
// `lang` refuses an unknown code itself).
std::string ApiLanguage(std::optional<std::string_view> lang, std::string_view accept_language);

}  // namespace diseasemaps::http
