// The SQL of the imports in several languages: table layouts for SyncRows, one
// transaction per import. See names_writer.h.
#include "catalog/import/names_writer.h"

#include <map>

#include "platform/content_generation.h"
#include "search/search_store.h"

namespace diseasemaps::catalog {
namespace {

std::string Text(int n) { return std::to_string(n); }

// The tables, as SyncRows sees them (migrations/0013_names_in_languages.sql).
SyncTable NamesTable(const std::vector<std::string>& languages) {
  return {"orphanet_names", {"orphacode", "lang"}, {"name", "disorder_type"}, {"orphacode"}, "lang", languages};
}
SyncTable SynonymsTable(const std::vector<std::string>& languages) {
  return {"orphanet_synonyms", {"orphacode", "lang", "position"}, {"synonym"}, {"orphacode", "position"},
          "lang", languages};
}
SyncTable TitlesTable(const std::vector<std::string>& languages) {
  return {"orphanet_classification_titles", {"classification_id", "lang"}, {"title"}, {"classification_id"},
          "lang", languages};
}
const SyncTable kIcd11Table{"orphanet_icd11_codes", {"orphacode", "code"}, {"relation"}, {"orphacode"}, "", {}};
const SyncTable kClassificationsTable{
    "orphanet_classifications", {"id"}, {"root_orphacode", "data_version"}, {"id", "root_orphacode"}, "", {}};
const SyncTable kNodesTable{"orphanet_classification_nodes",
                            {"classification_id", "orphacode"},
                            {"descendants"},
                            {"classification_id", "orphacode", "descendants"},
                            "",
                            {}};
const SyncTable kEdgesTable{"orphanet_classification_edges",
                            {"classification_id", "parent_orphacode", "child_orphacode"},
                            {},
                            {"classification_id", "parent_orphacode", "child_orphacode"},
                            "",
                            {}};
SyncTable HpoLabelsTable(const std::vector<std::string>& languages) {
  return {"hpo_label_translations", {"hpo_id", "lang"}, {"label", "status"}, {}, "lang", languages};
}
SyncTable HpoSynonymsTable(const std::vector<std::string>& languages) {
  return {"hpo_synonym_translations", {"hpo_id", "lang", "position"}, {"synonym", "status", "layperson"},
          {"position", "layperson"}, "lang", languages};
}

// Applies each table's rows in turn, collecting what changed; bumps the generation
// when anything did.
class Changes {
 public:
  explicit Changes(soci::session& sql) : sql_(sql) {}
  void Sync(std::string what, const SyncTable& table, const std::vector<SyncRow>& rows) {
    changes_.push_back({std::move(what), SyncRows(sql_, table, rows)});
  }
  std::vector<TableChange> Finish() {
    for (const TableChange& change : changes_) {
      if (change.counts.any()) {
        BumpContentGeneration(sql_);
        search::NoteCatalogueChanged(sql_);  // every server rebuilds its index from the new names
        break;
      }
    }
    return std::move(changes_);
  }

 private:
  soci::session& sql_;
  std::vector<TableChange> changes_;
};

}  // namespace

Result<std::vector<TableChange>> NamesWriter::WriteOrphanetNames(const OrphanetNamesWrite& w) {
  std::vector<SyncRow> names, classifications, titles, nodes, edges;
  for (const OrphanetNameRow& n : w.names) names.push_back({Text(n.orphacode), n.language, n.name, n.disorder_type});
  for (const ClassificationRow& c : w.classifications) {
    classifications.push_back({Text(c.id), Text(c.root_orphacode), c.data_version});
  }
  for (const ClassificationTitle& t : w.titles) titles.push_back({Text(t.classification_id), t.language, t.title});
  for (const ClassificationNodeRow& n : w.nodes) {
    nodes.push_back({Text(n.classification_id), Text(n.orphacode), Text(n.descendants)});
  }
  for (const ClassificationEdgeRow& e : w.edges) {
    edges.push_back({Text(e.classification_id), Text(e.parent_orphacode), Text(e.child_orphacode)});
  }
  std::vector<SyncRow> synonyms, codes;
  if (w.mapping) {
    for (const OrphanetSynonymRow& s : w.mapping->synonyms) {
      synonyms.push_back({Text(s.orphacode), s.language, Text(s.position), s.synonym});
    }
    for (const Icd11CodeRow& c : w.mapping->codes) codes.push_back({Text(c.orphacode), c.code, c.relation});
  }
  return db_.InTransaction([&](soci::session& sql) -> Result<std::vector<TableChange>> {
    Changes changes(sql);
    changes.Sync("names", NamesTable(w.languages), names);
    changes.Sync("classifications", kClassificationsTable, classifications);
    changes.Sync("classification titles", TitlesTable(w.languages), titles);
    changes.Sync("classification entries", kNodesTable, nodes);
    changes.Sync("classification links", kEdgesTable, edges);
    if (w.mapping) {
      changes.Sync("synonyms", SynonymsTable(w.mapping->languages), synonyms);
      changes.Sync("ICD-11 codes", kIcd11Table, codes);
    }
    return changes.Finish();
  });
}

Result<std::vector<TableChange>> NamesWriter::WriteHpoTranslations(const HpoTranslationsWrite& w) {
  std::vector<SyncRow> labels, synonyms;
  for (const HpoTranslatedLabel& l : w.labels) labels.push_back({l.hpo_id, l.language, l.label, l.status});
  std::map<std::pair<std::string, std::string>, int> positions;  // (hpo_id, language) -> next
  for (const HpoTranslatedSynonym& s : w.synonyms) {
    const int position = positions[{s.hpo_id, s.language}]++;
    synonyms.push_back({s.hpo_id, s.language, Text(position), s.synonym, s.status, s.layperson ? "1" : "0"});
  }
  return db_.InTransaction([&](soci::session& sql) -> Result<std::vector<TableChange>> {
    Changes changes(sql);
    changes.Sync("HPO labels", HpoLabelsTable(w.languages), labels);
    changes.Sync("HPO synonyms", HpoSynonymsTable(w.languages), synonyms);
    return changes.Finish();
  });
}

}  // namespace diseasemaps::catalog
