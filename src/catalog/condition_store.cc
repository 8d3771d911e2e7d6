#include "catalog/condition_store.h"

#include "catalog/plain_sign_labels.h"
#include "platform/db/row_text.h"

namespace diseasemaps::catalog {
namespace {

constexpr const char* kConditionColumns =
    "SELECT id, orphacode, slug, name, entry_type, status, definition, source, data_version,"
    " updated_at, replaced_by FROM conditions";

Condition ConditionFromRow(const soci::row& row) {
  Condition c;
  c.id = RowInteger(row, 0);
  c.orphacode = static_cast<int>(RowInteger(row, 1));
  c.slug = RowText(row, 2);
  c.name = RowText(row, 3);
  c.entry_type = RowText(row, 4);
  c.status = RowText(row, 5);
  c.definition = RowText(row, 6);
  c.source = RowText(row, 7);
  c.data_version = RowText(row, 8);
  c.updated_at = RowInteger(row, 9);
  if (row.get_indicator(10) != soci::i_null) c.replaced_by = static_cast<int>(RowInteger(row, 10));
  return c;
}

// Runs a query bound to one integer and calls each(row) for every row.
template <typename Each>
void ForEachRow(soci::session& sql, const std::string& query, long long key, Each each) {
  soci::rowset<soci::row> rows = (sql.prepare << query, soci::use(key, "key"));
  for (const soci::row& row : rows) each(row);
}

std::vector<RelatedCondition> Related(soci::session& sql, const std::string& query, int code) {
  std::vector<RelatedCondition> related;
  ForEachRow(sql, query, code, [&](const soci::row& row) {
    related.push_back({static_cast<int>(RowInteger(row, 0)), RowText(row, 1), RowText(row, 2)});
  });
  return related;
}

void LoadDetail(soci::session& sql, Condition& c) {
  ForEachRow(sql, "SELECT synonym FROM condition_synonyms WHERE condition_id = :key ORDER BY position",
             c.id, [&](const soci::row& row) { c.synonyms.push_back(RowText(row, 0)); });
  c.parents = Related(sql,
                      "SELECT p.parent_orphacode, COALESCE(c.name, p.parent_label), c.slug"
                      " FROM condition_parents p LEFT JOIN conditions c ON c.orphacode = p.parent_orphacode"
                      " WHERE p.child_orphacode = :key ORDER BY 2",
                      c.orphacode);
  c.children = Related(sql,
                       "SELECT p.child_orphacode, c.name, c.slug FROM condition_parents p"
                       " JOIN conditions c ON c.orphacode = p.child_orphacode"
                       " WHERE p.parent_orphacode = :key AND c.status = 'active' ORDER BY c.sort_name",
                       c.orphacode);
  ForEachRow(sql,
             "SELECT p.hpo_id, p.hpo_term, l.label, p.frequency FROM condition_phenotypes p"
             " LEFT JOIN hpo_lay_labels l ON l.hpo_id = p.hpo_id WHERE p.condition_id = :key"
             " ORDER BY p.hpo_term",
             c.id, [&](const soci::row& row) {
               const std::string hpo_id = RowText(row, 0);
               const std::string hpo_label = RowText(row, 2);
               Phenotype p{hpo_id, RowText(row, 1), LayLabelOrOurs(hpo_id, hpo_label), RowText(row, 3)};
               p.lay_label_ours = hpo_label.empty() && !p.lay_label.empty();
               c.phenotypes.push_back(std::move(p));
             });
  ForEachRow(sql,
             "SELECT prevalence_type, qualification, prevalence_class, mean_value, geography, source"
             " FROM condition_prevalences WHERE condition_id = :key ORDER BY position",
             c.id, [&](const soci::row& row) {
               c.prevalences.push_back({RowText(row, 0), RowText(row, 1), RowText(row, 2),
                                        RowText(row, 3), RowText(row, 4), RowText(row, 5)});
             });
  ForEachRow(sql, "SELECT onset FROM condition_onsets WHERE condition_id = :key ORDER BY position",
             c.id, [&](const soci::row& row) { c.onsets.push_back(RowText(row, 0)); });
  ForEachRow(sql,
             "SELECT inheritance FROM condition_inheritance WHERE condition_id = :key ORDER BY position",
             c.id, [&](const soci::row& row) { c.inheritance.push_back(RowText(row, 0)); });
  ForEachRow(sql,
             "SELECT symbol, name, association, hgnc, omim FROM condition_genes"
             " WHERE condition_id = :key ORDER BY position",
             c.id, [&](const soci::row& row) {
               c.genes.push_back({RowText(row, 0), RowText(row, 1), RowText(row, 2), RowText(row, 3),
                                  RowText(row, 4)});
             });
  ForEachRow(sql,
             "SELECT system, code, origin, relation FROM condition_xrefs WHERE condition_id = :key"
             " ORDER BY system, code, origin",
             c.id, [&](const soci::row& row) {
               c.xrefs.push_back({RowText(row, 0), RowText(row, 1), RowText(row, 2), RowText(row, 3)});
             });
  if (c.replaced_by) {
    auto replacement = Related(sql, "SELECT orphacode, name, slug FROM conditions WHERE orphacode = :key",
                               *c.replaced_by);
    if (!replacement.empty()) c.replacement = replacement.front();
  }
}

template <typename Key>
Result<Condition> FindWhere(Database& db, const std::string& where, const Key& key) {
  return db.Run([&](soci::session& sql) -> Result<Condition> {
    soci::row row;
    sql << std::string(kConditionColumns) + " WHERE " + where, soci::use(key, "key"), soci::into(row);
    if (!sql.got_data()) return Status::NotFound("no such condition");
    Condition condition = ConditionFromRow(row);
    LoadDetail(sql, condition);
    return condition;
  });
}

Result<std::string> SingleText(Database& db, const std::string& query, const std::string& key) {
  return db.Run([&](soci::session& sql) -> Result<std::string> {
    std::string value;
    soci::indicator ind = soci::i_ok;
    sql << query, soci::use(key, "key"), soci::into(value, ind);
    if (!sql.got_data() || ind == soci::i_null) return Status::NotFound("not found");
    return value;
  });
}

}  // namespace

Result<long long> ConditionStore::CountActive() {
  return db_.Run([](soci::session& sql) {
    long long count = 0;
    sql << "SELECT COUNT(*) FROM conditions WHERE status = 'active'", soci::into(count);
    return count;
  });
}

Result<long long> ConditionStore::CountAll() {
  return db_.Run([](soci::session& sql) {
    long long count = 0;
    sql << "SELECT COUNT(*) FROM conditions", soci::into(count);
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

namespace {

// A condition's initial in the A–Z index, in SQL: the first character of sort_name (one
// character, not one byte, on both databases) when it is "a"–"z", "0" for a digit, "#"
// for anything else. Written out with IN lists, so no collation decides what a letter is.
constexpr const char* kInitial =
    "CASE WHEN SUBSTR(sort_name, 1, 1) IN ('a','b','c','d','e','f','g','h','i','j','k','l','m',"
    "'n','o','p','q','r','s','t','u','v','w','x','y','z') THEN SUBSTR(sort_name, 1, 1)"
    " WHEN SUBSTR(sort_name, 1, 1) IN ('0','1','2','3','4','5','6','7','8','9') THEN '0'"
    " ELSE '#' END";

}  // namespace

Result<std::vector<std::pair<std::string, long long>>> ConditionStore::CountActiveByInitial() {
  return db_.Run([](soci::session& sql) {
    std::vector<std::pair<std::string, long long>> counts;
    soci::rowset<soci::row> rows =
        (sql.prepare << std::string("SELECT ") + kInitial + ", COUNT(*) FROM conditions"
                            " WHERE status = 'active' GROUP BY 1 ORDER BY 1");
    for (const soci::row& row : rows) counts.emplace_back(RowText(row, 0), RowInteger(row, 1));
    return counts;
  });
}

Result<std::vector<ConditionListItem>> ConditionStore::ListActiveByInitial(const std::string& initial) {
  return db_.Run([&](soci::session& sql) {
    std::vector<ConditionListItem> items;
    ConditionListItem item;
    soci::statement statement =
        (sql.prepare << std::string("SELECT orphacode, slug, name, entry_type FROM conditions"
                                    " WHERE status = 'active' AND ") +
                            kInitial + " = :initial ORDER BY sort_name, orphacode",
         soci::into(item.orphacode), soci::into(item.slug), soci::into(item.name), soci::into(item.entry_type),
         soci::use(initial, "initial"));
    statement.execute();
    while (statement.fetch()) items.push_back(item);
    return items;
  });
}

Result<Condition> ConditionStore::FindByOrphacode(int orphacode) {
  return FindWhere(db_, "orphacode = :key", orphacode);
}

Result<Condition> ConditionStore::FindBySlug(const std::string& slug) {
  return FindWhere(db_, "slug = :key", slug);
}

Result<std::string> ConditionStore::CanonicalSlugForOrphacode(int orphacode) {
  return SingleText(db_, "SELECT slug FROM conditions WHERE orphacode = CAST(:key AS INTEGER)",
                    std::to_string(orphacode));
}

Result<std::string> ConditionStore::CanonicalSlugForSynonym(const std::string& synonym_slug) {
  // Several entries may share a synonym; the active one with the lowest code wins.
  return SingleText(db_,
                    "SELECT c.slug FROM condition_synonyms s JOIN conditions c ON c.id = s.condition_id"
                    " WHERE s.slug = :key ORDER BY CASE WHEN c.status = 'active' THEN 0 ELSE 1 END,"
                    " c.orphacode LIMIT 1",
                    synonym_slug);
}

Result<std::vector<std::pair<std::string, long long>>> ConditionStore::ListSlugs(long long offset,
                                                                                 int limit) {
  return db_.Run([&](soci::session& sql) {
    std::vector<std::pair<std::string, long long>> slugs;
    std::string slug;
    long long updated = 0;
    soci::statement statement =
        (sql.prepare << "SELECT slug, updated_at FROM conditions ORDER BY orphacode"
                        " LIMIT :limit OFFSET :offset",
         soci::into(slug), soci::into(updated), soci::use(limit, "limit"), soci::use(offset, "offset"));
    statement.execute();
    while (statement.fetch()) slugs.emplace_back(slug, updated);
    return slugs;
  });
}

Result<std::map<int, std::vector<Prevalence>>> ConditionStore::ChildPrevalences(int orphacode) {
  return db_.Run([&](soci::session& sql) {
    std::map<int, std::vector<Prevalence>> out;
    ForEachRow(sql,
               "SELECT c.orphacode, v.prevalence_type, v.qualification, v.prevalence_class, v.mean_value,"
               " v.geography, v.source FROM condition_parents p"
               " JOIN conditions c ON c.orphacode = p.child_orphacode AND c.status = 'active'"
               " JOIN condition_prevalences v ON v.condition_id = c.id"
               " WHERE p.parent_orphacode = :key ORDER BY c.orphacode, v.position",
               orphacode, [&](const soci::row& row) {
                 out[static_cast<int>(RowInteger(row, 0))].push_back(
                     {RowText(row, 1), RowText(row, 2), RowText(row, 3), RowText(row, 4), RowText(row, 5),
                      RowText(row, 6)});
               });
    return out;
  });
}

Result<long long> ConditionStore::CountPeopleWhoShared(long long condition_id) {
  return db_.Run([&](soci::session& sql) {
    long long people = 0;
    // The experiences feature keeps this cell in step with every change (migration 0016).
    sql << "SELECT people FROM experience_aggregates WHERE condition_id = :id"
           " AND question = '*' AND bucket = '*'",
        soci::use(condition_id), soci::into(people);
    return people;
  });
}

Result<std::string> ConditionStore::LatestDataVersion() {
  return db_.Run([](soci::session& sql) -> std::string {
    std::string version;
    soci::indicator ind = soci::i_ok;
    sql << "SELECT data_version FROM catalogue_imports WHERE kind = 'orphanet'"
           " AND data_version IS NOT NULL ORDER BY id DESC LIMIT 1",
        soci::into(version, ind);
    return sql.got_data() && ind == soci::i_ok ? version : std::string();
  });
}

}  // namespace diseasemaps::catalog
