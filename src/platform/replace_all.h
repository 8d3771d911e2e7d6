// Replacing every occurrence of a text in a string, left to right, without overlaps: the
// one way the server writes placeholders over (forms' CSRF token, a page's slots, links'
// rel attribute). Pure; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace diseasemaps {

// Replaces every `from` in `text` by `to`. In place when both are as long (a token over
// its placeholder); otherwise the text is written again once, never moved along at each
// replacement. REQUIRES: `from` is not empty.
void ReplaceAll(std::string& text, std::string_view from, std::string_view to);

}  // namespace diseasemaps
