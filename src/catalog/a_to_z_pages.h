// The catalogue's A–Z index, in place of a paged list of every condition:
//   GET /conditions/a-z            the letter bar, each initial with how many conditions
//   GET /conditions/a-z/{initial}  the active conditions whose sort name begins with it
// Initials are "a"–"z", "0-9" (names beginning with a digit) and "other" (anything else,
// such as an accented letter or punctuation). An upper-case letter is redirected (301) to
// its lower-case address; anything else is a 404 that says which initials exist. An
// initial no condition begins with is a page that says so, not an error.
#pragma once

#include <string>

#include "catalog/condition_store.h"
#include "http/request.h"

namespace diseasemaps::catalog {

inline constexpr const char* kAToZPath = "/conditions/a-z";

// The address of an initial's page: "a" -> "/conditions/a-z/a", "0" -> ".../0-9",
// "#" -> ".../other".
std::string AToZHref(const std::string& initial);

http::Response AToZIndexPage(ConditionStore& conditions, const http::Request& request);
http::Response AToZLetterPage(ConditionStore& conditions, const http::Request& request);

}  // namespace diseasemaps::catalog
