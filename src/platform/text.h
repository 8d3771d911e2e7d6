// Small text helpers shared by parsers and handlers. Pure functions, thread-safe; they
// work on bytes and treat only ASCII white space as white space.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace diseasemaps {

// s without leading and trailing spaces, tabs, carriage returns and newlines.
std::string_view TrimWhitespace(std::string_view s);

// s with each run of spaces, tabs and line breaks made one space, and none at either
// end ("Congenital generalized  lipodystrophy" -> "Congenital generalized lipodystrophy").
std::string CollapseWhitespace(std::string_view s);

// "\r\n" and a lone "\r" (what browsers send from a textarea) become "\n".
std::string UnixLineBreaks(std::string_view text);

// The pieces of s between separators; "" gives one empty piece; separators at the ends
// give empty pieces. REQUIRES: separator is not empty.
std::vector<std::string_view> SplitOn(std::string_view s, std::string_view separator);

// The whole of `text` as a decimal number ("-3.25", "1e3"; not " 1", "1x", "+1"): true
// and `out` set, else false.
bool ParseDouble(std::string_view text, double& out);

// Decodes the UTF-8 sequence that starts at text[i] and moves i past it. A malformed
// sequence (bad lead or continuation byte, truncated, overlong, a surrogate, past
// U+10FFFF) gives nullopt and moves i by one byte. REQUIRES: i < text.size().
std::optional<char32_t> DecodeUtf8(std::string_view text, std::size_t& i);

// The number of Unicode code points in valid UTF-8 text; nullopt when it is not valid
// UTF-8 (DecodeUtf8's rules) or holds control characters other than newline, carriage
// return and tab. What a form's length limits count.
std::optional<std::size_t> CountCharacters(std::string_view text);

// At most max_characters code points of text, as valid UTF-8 (each malformed byte becomes
// U+FFFD), followed by "…" when anything was cut. Never splits a character: what error
// messages use to echo a person's input back to them ("there is no condition '…'").
std::string FirstCharacters(std::string_view text, std::size_t max_characters);

// Appends code point cp, encoded in UTF-8. REQUIRES: cp <= U+10FFFF.
void AppendUtf8(std::string& out, char32_t cp);

// text with & < > " ' escaped, safe inside HTML or XML text and quoted attributes.
std::string EscapeMarkup(std::string_view text);

// epoch_seconds as UTC through strftime's format, e.g. "%Y-%m-%d %H:%M UTC".
std::string UtcTime(long long epoch_seconds, const char* format);

// The decimal integer that is all of text, when it is 1 or more ("12"); nullopt for
// anything else ("", "0", "-3", "12x", " 12", too large). For ids taken from URLs and forms.
std::optional<long long> ParsePositiveInteger(std::string_view text);

// n with its digits grouped by three with commas, as people read counts: "19,087",
// "-1,000", "999".
std::string GroupedNumber(long long n);

// "2026-11-24": the UTC date of a Unix time in seconds.
std::string IsoDate(long long epoch_seconds);
// "2026-11-24 23:05 UTC": the UTC date and minute, as pages show a moment.
std::string UtcMinute(long long epoch_seconds);

}  // namespace diseasemaps
