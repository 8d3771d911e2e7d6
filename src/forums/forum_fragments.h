// The CSRF token in remembered fragments (forum_post_card.h): the one
// thing that differs between two requests of the same viewer, the session's token, is
// left out of a fragment's key. A fragment's forms hold a process-wide random
// placeholder instead, replaced by the request's token in the page. What it guarantees:
// the page is byte for byte what rendering it with the token would give. Thread-safe.
#pragma once

#include <string>

namespace diseasemaps::forums {

// What a fragment's forms hold in place of the request's CSRF token: unguessable, so no
// post's text can hold it; a control character then URL-safe base64, so escaping never
// changes it, and the search for it stops only where it is (its first character never
// appears in a page otherwise; a letter would, thousands of times).
const std::string& CsrfPlaceholder();
// Writes `csrf` over every placeholder in `html`.
void FillCsrf(std::string& html, const std::string& csrf);

}  // namespace diseasemaps::forums
