// The import's SQL: multi-row inserts (platform/db/bulk_insert.h) and bulk statements over
// column vectors, the same text for SQLite and PostgreSQL. See catalogue_writer.h.
#include "catalog/import/catalogue_writer.h"

#include <set>

#include "catalog/import/slug.h"
#include "platform/db/bulk_insert.h"
#include "platform/content_generation.h"
#include "search/search_store.h"

namespace diseasemaps::catalog {
namespace {

// A text column for bulk statements: "" is written as NULL.
struct NullableColumn {
  std::vector<std::string> values;
  std::vector<soci::indicator> indicators;
  void Add(const std::string& value) {
    values.push_back(value);
    indicators.push_back(value.empty() ? soci::i_null : soci::i_ok);
  }
  NullableText Column() const { return {&values, &indicators}; }
};

// The detail rows of one batch, column by column, for one bulk INSERT per table.
struct DetailRows {
  struct {
    std::vector<long long> id;
    std::vector<int> position;
    std::vector<std::string> text, slug;
  } synonyms;
  struct {
    std::vector<long long> id;
    std::vector<std::string> hpo_id, term, frequency;
  } phenotypes;
  struct {
    std::vector<long long> id;
    std::vector<int> position;
    std::vector<std::string> type;
    NullableColumn qualification, prevalence_class, mean_value, geography, source;
  } prevalences;
  struct {  // onsets and inheritance alike
    std::vector<long long> id;
    std::vector<int> position;
    std::vector<std::string> value;
  } onsets, inheritance;
  struct {
    std::vector<long long> id;
    std::vector<int> position;
    std::vector<std::string> symbol;
    NullableColumn name, association, hgnc, omim;
  } genes;
  struct {
    std::vector<long long> id;
    std::vector<std::string> system, code, relation;
  } xrefs;

  void Add(long long id, const OrphaPacket& p) {
    for (std::size_t i = 0; i < p.synonyms.size(); ++i) {
      synonyms.id.push_back(id);
      synonyms.position.push_back(static_cast<int>(i));
      synonyms.text.push_back(p.synonyms[i]);
      synonyms.slug.push_back(Slugify(p.synonyms[i]));
    }
    for (const OrphaPhenotype& ph : p.phenotypes) {
      phenotypes.id.push_back(id);
      phenotypes.hpo_id.push_back(ph.hpo_id);
      phenotypes.term.push_back(ph.term);
      phenotypes.frequency.push_back(ph.frequency);
    }
    for (std::size_t i = 0; i < p.prevalences.size(); ++i) {
      const OrphaPrevalence& pr = p.prevalences[i];
      prevalences.id.push_back(id);
      prevalences.position.push_back(static_cast<int>(i));
      prevalences.type.push_back(pr.type);
      prevalences.qualification.Add(pr.qualification);
      prevalences.prevalence_class.Add(pr.prevalence_class);
      prevalences.mean_value.Add(pr.mean_value);
      prevalences.geography.Add(pr.geography);
      prevalences.source.Add(pr.source);
    }
    for (std::size_t i = 0; i < p.onsets.size(); ++i) {
      onsets.id.push_back(id);
      onsets.position.push_back(static_cast<int>(i));
      onsets.value.push_back(p.onsets[i]);
    }
    for (std::size_t i = 0; i < p.inheritance.size(); ++i) {
      inheritance.id.push_back(id);
      inheritance.position.push_back(static_cast<int>(i));
      inheritance.value.push_back(p.inheritance[i]);
    }
    for (std::size_t i = 0; i < p.genes.size(); ++i) {
      const OrphaGene& g = p.genes[i];
      genes.id.push_back(id);
      genes.position.push_back(static_cast<int>(i));
      genes.symbol.push_back(g.symbol);
      genes.name.Add(g.name);
      genes.association.Add(g.association);
      genes.hgnc.Add(g.hgnc);
      genes.omim.Add(g.omim);
    }
    for (const OrphaXref& x : p.xrefs) {
      xrefs.id.push_back(id);
      xrefs.system.push_back(x.system);
      xrefs.code.push_back(x.code);
      xrefs.relation.push_back(x.relation);
    }
  }

  void Insert(soci::session& sql) {
    InsertRows(sql, "condition_synonyms (condition_id, position, synonym, slug)",
               {&synonyms.id, &synonyms.position, &synonyms.text, &synonyms.slug}, synonyms.id.size());
    InsertRows(sql, "condition_phenotypes (condition_id, hpo_id, hpo_term, frequency)",
               {&phenotypes.id, &phenotypes.hpo_id, &phenotypes.term, &phenotypes.frequency},
               phenotypes.id.size());
    auto& pr = prevalences;
    InsertRows(sql,
               "condition_prevalences (condition_id, position, prevalence_type, qualification,"
               " prevalence_class, mean_value, geography, source)",
               {&pr.id, &pr.position, &pr.type, pr.qualification.Column(), pr.prevalence_class.Column(),
                pr.mean_value.Column(), pr.geography.Column(), pr.source.Column()},
               pr.id.size());
    InsertRows(sql, "condition_onsets (condition_id, position, onset)",
               {&onsets.id, &onsets.position, &onsets.value}, onsets.id.size());
    InsertRows(sql, "condition_inheritance (condition_id, position, inheritance)",
               {&inheritance.id, &inheritance.position, &inheritance.value}, inheritance.id.size());
    auto& g = genes;
    InsertRows(sql, "condition_genes (condition_id, position, symbol, name, association, hgnc, omim)",
               {&g.id, &g.position, &g.symbol, g.name.Column(), g.association.Column(), g.hgnc.Column(),
                g.omim.Column()},
               g.id.size());
    const std::vector<std::string> origin(xrefs.id.size(), "orphanet");
    InsertRows(sql, "condition_xrefs (condition_id, system, code, origin, relation)",
               {&xrefs.id, &xrefs.system, &xrefs.code, &origin, &xrefs.relation}, xrefs.id.size());
  }
};

// Deletes the Orphanet detail rows of these conditions.
void DeleteDetails(soci::session& sql, std::vector<long long>& ids) {
  if (ids.empty()) return;
  for (const char* table : {"condition_synonyms", "condition_phenotypes", "condition_prevalences",
                            "condition_onsets", "condition_inheritance", "condition_genes"}) {
    sql << "DELETE FROM " + std::string(table) + " WHERE condition_id = :id", soci::use(ids);
  }
  sql << "DELETE FROM condition_xrefs WHERE condition_id = :id AND origin = 'orphanet'", soci::use(ids);
}

// The distinct owners (condition_id or hpo_id) in a table's rows, as text.
std::set<std::string> Owners(soci::session& sql, const std::string& query) {
  std::set<std::string> owners;
  std::string owner;
  soci::statement st = (sql.prepare << query, soci::into(owner));
  st.execute();
  while (st.fetch()) owners.insert(owner);
  return owners;
}

ReplaceCounts Compare(const std::set<std::string>& before, const std::set<std::string>& after) {
  ReplaceCounts counts;
  for (const std::string& owner : after) (before.count(owner) ? counts.updated : counts.added)++;
  for (const std::string& owner : before) counts.removed += after.count(owner) ? 0 : 1;
  return counts;
}

}  // namespace

Result<std::vector<ExistingCondition>> CatalogueWriter::LoadConditions() {
  return db_.Run([](soci::session& sql) {
    std::vector<ExistingCondition> conditions;
    ExistingCondition row;
    soci::statement st = (sql.prepare << "SELECT id, orphacode, slug, source, status FROM conditions",
                          soci::into(row.id), soci::into(row.orphacode), soci::into(row.slug),
                          soci::into(row.source), soci::into(row.status));
    st.execute();
    while (st.fetch()) conditions.push_back(row);
    return conditions;
  });
}

Result<std::vector<long long>> CatalogueWriter::WriteOrphanetBatch(
    const std::vector<ConditionWrite>& batch, long long now) {
  return db_.InTransaction([&](soci::session& sql) -> Result<std::vector<long long>> {
    std::vector<long long> ids(batch.size(), 0);
    // Existing conditions: one bulk UPDATE, then their old detail rows go.
    struct {
      std::vector<long long> id, now;
      std::vector<std::string> slug, name, sort_name, type;
      NullableColumn definition, version;
    } update;
    for (std::size_t i = 0; i < batch.size(); ++i) {
      const ConditionWrite& w = batch[i];
      if (w.existing_id == 0) continue;
      ids[i] = w.existing_id;
      update.id.push_back(w.existing_id);
      update.now.push_back(now);
      update.slug.push_back(w.slug);
      update.name.push_back(w.packet->label);
      update.sort_name.push_back(SortName(w.packet->label));
      update.type.push_back(w.packet->entry_type);
      update.definition.Add(w.packet->definition);
      update.version.Add(w.packet->data_version);
    }
    if (!update.id.empty()) {
      sql << "UPDATE conditions SET slug = :slug, name = :name, sort_name = :sort_name,"
             " entry_type = :type, definition = :definition, source = 'orphanet',"
             " data_version = :version, obsolete_since = NULL, updated_at = :now,"
             " status = CASE WHEN status = 'obsolete' THEN 'active' ELSE status END"
             " WHERE id = :id",
          soci::use(update.slug), soci::use(update.name), soci::use(update.sort_name),
          soci::use(update.type), soci::use(update.definition.values, update.definition.indicators),
          soci::use(update.version.values, update.version.indicators), soci::use(update.now),
          soci::use(update.id);
      DeleteDetails(sql, update.id);
    }
    // New conditions: one prepared INSERT and one id lookup, executed per row.
    int orphacode = 0;
    std::string slug, name, sort_name, type, definition, version;
    soci::indicator definition_null = soci::i_ok, version_null = soci::i_ok;
    long long created = now, updated = now, id = 0;
    soci::statement insert =
        (sql.prepare << "INSERT INTO conditions (orphacode, slug, name, sort_name, entry_type,"
                        " status, created_at, updated_at, definition, source, data_version)"
                        " VALUES (:orphacode, :slug, :name, :sort_name, :type, 'active', :created,"
                        " :updated, :definition, 'orphanet', :version)",
         soci::use(orphacode), soci::use(slug), soci::use(name), soci::use(sort_name),
         soci::use(type), soci::use(created), soci::use(updated),
         soci::use(definition, definition_null), soci::use(version, version_null));
    soci::statement lookup = (sql.prepare << "SELECT id FROM conditions WHERE orphacode = :orphacode",
                              soci::use(orphacode), soci::into(id));
    for (std::size_t i = 0; i < batch.size(); ++i) {
      const ConditionWrite& w = batch[i];
      if (w.existing_id != 0) continue;
      orphacode = w.packet->orphacode;
      slug = w.slug;
      name = w.packet->label;
      sort_name = SortName(name);
      type = w.packet->entry_type;
      definition = w.packet->definition;
      definition_null = definition.empty() ? soci::i_null : soci::i_ok;
      version = w.packet->data_version;
      version_null = version.empty() ? soci::i_null : soci::i_ok;
      insert.execute(true);
      lookup.execute(true);
      ids[i] = id;
    }
    DetailRows details;
    for (std::size_t i = 0; i < batch.size(); ++i) details.Add(ids[i], *batch[i].packet);
    details.Insert(sql);
    search::NoteConditionsChanged(sql, ids);
    BumpContentGeneration(sql);
    return ids;
  });
}

Status CatalogueWriter::ReplaceParentLinks(const std::vector<int>& orphacodes,
                                          const std::vector<ParentLink>& links) {
  return db_.InTransaction([&](soci::session& sql) {
    if (!orphacodes.empty()) {
      std::vector<int> codes = orphacodes;
      sql << "DELETE FROM condition_parents WHERE child_orphacode = :code", soci::use(codes);
      sql << "DELETE FROM condition_parents WHERE parent_orphacode = :code", soci::use(codes);
    }
    BumpContentGeneration(sql);
    if (links.empty()) return Status::Ok();
    std::vector<int> child, parent;
    std::vector<std::string> label;
    for (const ParentLink& link : links) {
      child.push_back(link.child_orphacode);
      parent.push_back(link.parent_orphacode);
      label.push_back(link.parent_label);
    }
    InsertRows(sql, "condition_parents (child_orphacode, parent_orphacode, parent_label)",
               {&child, &parent, &label}, child.size());
    return Status::Ok();
  });
}

Status CatalogueWriter::MarkObsolete(const std::vector<long long>& ids, long long now) {
  if (ids.empty()) return Status::Ok();
  return db_.InTransaction([&](soci::session& sql) {
    std::vector<long long> which = ids, since(ids.size(), now), updated(ids.size(), now);
    sql << "UPDATE conditions SET status = 'obsolete', obsolete_since = :since,"
           " updated_at = :updated WHERE id = :id",
        soci::use(since), soci::use(updated), soci::use(which);
    search::NoteConditionsChanged(sql, which);
    BumpContentGeneration(sql);
    return Status::Ok();
  });
}

Result<ReplaceCounts> CatalogueWriter::ReplaceMondoXrefs(const std::vector<XrefRow>& rows) {
  return db_.InTransaction([&](soci::session& sql) -> Result<ReplaceCounts> {
    const std::set<std::string> before = Owners(
        sql, "SELECT DISTINCT CAST(condition_id AS TEXT) FROM condition_xrefs WHERE origin = 'mondo'");
    sql << "DELETE FROM condition_xrefs WHERE origin = 'mondo'";
    std::set<std::string> after;
    std::vector<long long> id;
    std::vector<std::string> system, code, relation;
    for (const XrefRow& row : rows) {
      after.insert(std::to_string(row.condition_id));
      id.push_back(row.condition_id);
      system.push_back(row.system);
      code.push_back(row.code);
      relation.push_back(row.relation);
    }
    const std::vector<std::string> origin(id.size(), "mondo");
    InsertRows(sql, "condition_xrefs (condition_id, system, code, origin, relation)",
               {&id, &system, &code, &origin, &relation}, id.size());
    search::NoteCatalogueChanged(sql);
    BumpContentGeneration(sql);
    return Compare(before, after);
  });
}

Result<ReplaceCounts> CatalogueWriter::ReplaceHpoLayLabels(const std::vector<HpoLayLabel>& labels) {
  return db_.InTransaction([&](soci::session& sql) -> Result<ReplaceCounts> {
    const std::set<std::string> before = Owners(sql, "SELECT hpo_id FROM hpo_lay_labels");
    sql << "DELETE FROM hpo_lay_labels";
    std::set<std::string> after;
    std::vector<std::string> hpo_id, label;
    for (const HpoLayLabel& row : labels) {
      after.insert(row.hpo_id);
      hpo_id.push_back(row.hpo_id);
      label.push_back(row.label);
    }
    InsertRows(sql, "hpo_lay_labels (hpo_id, label)", {&hpo_id, &label}, hpo_id.size());
    search::NoteCatalogueChanged(sql);
    BumpContentGeneration(sql);
    return Compare(before, after);
  });
}

Status CatalogueWriter::RecordImport(const ImportRecord& r) {
  return db_.InTransaction([&](soci::session& sql) {
    soci::indicator version_null = r.data_version.empty() ? soci::i_null : soci::i_ok;
    sql << "INSERT INTO catalogue_imports (kind, data_version, started_at, finished_at, added,"
           " updated, obsoleted, skipped) VALUES (:kind, :version, :started, :finished, :added,"
           " :updated, :obsoleted, :skipped)",
        soci::use(r.kind), soci::use(r.data_version, version_null), soci::use(r.started_at),
        soci::use(r.finished_at), soci::use(r.added), soci::use(r.updated), soci::use(r.obsoleted),
        soci::use(r.skipped);
    return Status::Ok();
  });
}

}  // namespace diseasemaps::catalog
