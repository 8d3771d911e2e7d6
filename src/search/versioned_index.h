// A versioned Xapian index: a writable database whose metadata says which schema version
// wrote it ("schema_version") and the last database change it holds ("applied_change").
// Both of our indexes are kept so: the conditions' (search_index.h) and the forum posts'
// (post_index.h); their writers open and commit through these two functions.
//
// What it guarantees: an index of another schema version, or one that cannot be read, is
// removed and created empty, and `why_rebuilt` says why (the caller then rebuilds it from
// the database); an empty index without a version is taken as new. Xapian exceptions come
// back as a Status. Not thread-safe: one writer per index, as Xapian requires.
#pragma once

#include <filesystem>
#include <string>

#include <xapian.h>

#include "platform/status.h"

namespace diseasemaps::search {

struct OpenedIndex {
  Xapian::WritableDatabase db;
  long long applied_change = 0;  // 0 for a new or recreated index
};

// Opens the index at `path` (creating its directory and the index when missing) for
// `schema_version`; `what` names it in messages ("search index", "posts index").
// Conflict when another process holds it; Internal when it can be neither opened nor
// removed.
Result<OpenedIndex> OpenVersionedIndex(const std::filesystem::path& path, int schema_version, const std::string& what,
                                       std::string* why_rebuilt);

// Records `schema_version` and `applied_change` and commits. Internal on failure.
Status CommitVersionedIndex(Xapian::WritableDatabase& db, int schema_version, long long applied_change,
                            const std::string& what);

}  // namespace diseasemaps::search
