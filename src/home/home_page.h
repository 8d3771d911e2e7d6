// The home page, a front door rather than a list: a search form with examples, the
// specialties to browse (with counts), the largest communities, a line about the map,
// the site's numbers in words, and the most recently reviewed answers, all in the page's
// language. Every section that has nothing to show is left out; an empty catalogue keeps
// the notice that says how to load one. The full list of conditions lives in the A–Z
// index (catalog/a_to_z_pages.h): the old paged list's `/?page=N` links are redirected
// there (301). Cached for anonymous visitors, so it runs a handful of cheap queries.
#pragma once

#include "http/request.h"
#include "platform/db/database.h"

namespace diseasemaps::home {

inline constexpr int kCommunitiesShown = 6;
inline constexpr int kReviewedAnswersShown = 5;

http::Response HomePage(Database& db, const http::Request& request);

}  // namespace diseasemaps::home
