// Keeps a visitor in their language: the links, form actions and redirects of a page
// made for "/es/…" are rewritten to stay under "/es/". Handlers and templates write
// addresses without any prefix; the dispatcher calls this once per response.
//
// Rewritten: href="/…" and action="/…" in an HTML body, and a Location header that is a
// path. Left alone: /static/ and /api/ (the same files and data in every language),
// "//host" addresses, addresses that already carry a language prefix, and any tag with
// an hreflang attribute (the language switcher and the alternates name their language
// on purpose). Pure and thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "http/request.h"

namespace diseasemaps::http {

// REQUIRES: prefix is "" (English: nothing changes) or "/<code>" of a supported language.
void KeepLanguageInLinks(Response& response, std::string_view prefix);

// The same rewrite on one HTML text (exposed for tests).
std::string KeepLanguageInHtml(std::string_view html, std::string_view prefix);

}  // namespace diseasemaps::http
