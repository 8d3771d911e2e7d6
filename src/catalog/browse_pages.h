// Browsing the catalogue by Orphanet's specialties (its classification trees, migration
// 0013, imported with `import orphanet-names`), in the page's language:
//   GET /conditions/browse                          every specialty, with its count
//   GET /conditions/browse/{specialty}              its top entry's branches
//   GET /conditions/browse/{specialty}/{orphacode}  an entry's place and its branches
// Every list says how many entries lie below each branch; every entry links to its
// condition page. Names Orphanet has not translated are shown in English and marked so.
// An unknown specialty or an entry outside it is a 404; before the trees are imported
// the first page says so.
#pragma once

#include <nlohmann/json.hpp>

#include "catalog/localized_names_store.h"
#include "http/request.h"
#include "platform/db/database.h"

namespace diseasemaps::catalog {

http::Response BrowseSpecialties(Database& db, const http::Request& request);
http::Response BrowseSpecialty(Database& db, const http::Request& request);

// A condition's places in the specialties (for its page): for each specialty, its
// shortest path from the top, as steps {name, lang, href}, the condition itself last
// without a link. At most `limit` specialties.
nlohmann::json PlacesView(const std::vector<SpecialtyPaths>& specialties, const std::string& page_language,
                          std::size_t limit = 3);

}  // namespace diseasemaps::catalog
