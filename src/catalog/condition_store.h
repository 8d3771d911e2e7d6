// ConditionStore: the catalogue's SQL, in one place. Every method blocks (run it on the
// worker pool) and returns database failures as a Status.
#pragma once

#include <string>
#include <vector>

#include "platform/db/database.h"
#include "platform/status.h"

namespace diseasemaps::catalog {

struct ConditionListItem {
  int orphacode = 0;
  std::string slug;
  std::string name;
  std::string entry_type;
};

class ConditionStore {
 public:
  explicit ConditionStore(Database& db) : db_(db) {}

  // How many conditions are active (not obsolete).
  Result<long long> CountActive();

  // Active conditions ordered by name, `limit` from `offset`.
  Result<std::vector<ConditionListItem>> ListActive(long long offset, int limit);

 private:
  Database& db_;
};

}  // namespace diseasemaps::catalog
