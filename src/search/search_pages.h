// The search feature's HTTP handlers: /search (HTML), /api/v1/search (JSON) and
// /api/v1/suggest (JSON, for the header's type-ahead). Any query text is accepted and
// searched as plain text; a bad page number is a 400 with a message; a page past the
// end is an empty page with a link back. Never a 500 for what a person typed.
#pragma once

#include "http/request.h"
#include "search/post_search_service.h"
#include "search/result_type.h"
#include "search/search_service.h"
#include "search/search_store.h"

namespace diseasemaps::search {

// `type` (result_type.h) picks conditions or discussions (forum posts the viewer may read,
// through `posts`; null: conditions only, and the API answers discussions with a 503).
// The page shows both as tabs with their counts.
http::Response SearchPageHandler(SearchService& service, PostSearchService* posts, SearchStore& store,
                                 const http::Request& request);
http::Response SearchApi(SearchService& service, PostSearchService* posts, const http::Request& request);
http::Response SuggestApi(SearchService& service, const http::Request& request);

}  // namespace diseasemaps::search
