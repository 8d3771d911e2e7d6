// Slugs: the readable part of a condition's address, made from its name.
//
// Slugify() is pure and deterministic: lower-case ASCII letters and digits, words joined
// by '-', no leading, trailing or doubled '-'. Common accented Latin letters are
// transliterated (Behçet -> behcet, Sjögren -> sjogren, æ -> ae, ß -> ss), a few Greek
// letters are spelt out (α -> alpha), apostrophes vanish (Paget's -> pagets), and any
// other character separates words. Uniqueness is not its business: the importer appends
// the ORPHAcode when two names give the same slug. Synonym slugs (for redirects) are made
// the same way, so the starter catalogue and the Orphanet import agree on every address.
#pragma once

#include <string>
#include <string_view>

namespace diseasemaps::catalog {

// The slug of a name; "" when the name holds no letter or digit this can spell.
std::string Slugify(std::string_view name);

// The slug used when `base` is already taken: "<base>-<orphacode>".
std::string SlugWithOrphacode(std::string_view base, int orphacode);

// The name lower-cased (ASCII letters only; other bytes kept), for ORDER BY.
std::string SortName(std::string_view name);

}  // namespace diseasemaps::catalog
