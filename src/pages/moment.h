// Moments on pages: the view of a point in time that every page shows the same way, as
// <time datetime="2026-11-24T23:05:00Z" data-local="minute">2026-11-24 23:05 UTC</time>.
//
// The server writes UTC (true for every visitor, and what a reader without script
// sees); web/static/js/local-time.js rewrites the text in the visitor's time zone and
// the page's language with Intl.DateTimeFormat, keeping the UTC text as the title.
// Templates write the element from the view ({{x.iso}}, {{x.text}}, {{x.kind}}), or,
// inside a translated sentence, as a placeholder ending in "_time" ({sent_time}),
// which platform/templates.cc expands to the same element. Pure; thread-safe.
#pragma once

#include <nlohmann/json.hpp>

namespace diseasemaps::pages {

// {"iso": "2026-11-24T23:05:00Z", "text": "2026-11-24 23:05 UTC", "kind": "minute"}.
nlohmann::json MomentView(long long unix_seconds);

// A day: {"iso": "...Z", "text": the UTC day written out in the current language
// ("24 de noviembre de 2026"), "kind": "day"}; the script writes the visitor's local day.
nlohmann::json DayView(long long unix_seconds);

}  // namespace diseasemaps::pages
