#include "catalog/condition_store.h"

namespace diseasemaps::catalog {

Result<long long> ConditionStore::CountActive() {
  return db_.Run([](soci::session& sql) {
    long long count = 0;
    sql << "SELECT COUNT(*) FROM conditions WHERE status = 'active'", soci::into(count);
    return count;
  });
}

Result<std::vector<ConditionListItem>> ConditionStore::ListActive(long long offset, int limit) {
  return db_.Run([&](soci::session& sql) {
    std::vector<ConditionListItem> items;
    ConditionListItem item;
    soci::statement statement =
        (sql.prepare << "SELECT orphacode, slug, name, entry_type FROM conditions"
                        " WHERE status = 'active' ORDER BY sort_name, orphacode"
                        " LIMIT :limit OFFSET :offset",
         soci::into(item.orphacode), soci::into(item.slug), soci::into(item.name),
         soci::into(item.entry_type), soci::use(limit, "limit"), soci::use(offset, "offset"));
    statement.execute();
    while (statement.fetch()) items.push_back(item);
    return items;
  });
}

}  // namespace diseasemaps::catalog
