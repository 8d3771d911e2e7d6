// The SQL of the catalogue in other languages. See localized_names_store.h.
#include "catalog/localized_names_store.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>

namespace diseasemaps::catalog {
namespace {

// Joins that name the entry whose ORPHAcode is in column `code`: in the language bound
// to the placeholder `language`, else in English, else by the catalogue's name. Read
// with kNameColumns. Built from constants only, never from data.
std::string NameJoins(const std::string& code, const std::string& language) {
  return " LEFT JOIN orphanet_names l ON l.orphacode = " + code + " AND l.lang = :" + language +
         " LEFT JOIN orphanet_names en ON en.orphacode = " + code + " AND en.lang = 'en'" +
         " LEFT JOIN conditions c ON c.orphacode = " + code;
}
constexpr const char* kNameColumns =
    "COALESCE(l.name, en.name, c.name, ''),"
    " CASE WHEN l.name IS NOT NULL THEN l.lang ELSE 'en' END";

// The ancestors of :code in every tree it is in, itself included.
constexpr const char* kAncestors =
    "WITH RECURSIVE up (classification_id, orphacode) AS ("
    " SELECT classification_id, orphacode FROM orphanet_classification_nodes WHERE orphacode = :code"
    " UNION"
    " SELECT e.classification_id, e.parent_orphacode FROM orphanet_classification_edges e"
    " JOIN up ON e.classification_id = up.classification_id AND e.child_orphacode = up.orphacode) ";

std::vector<std::string> Synonyms(soci::session& sql, int orphacode, const std::string& language) {
  std::vector<std::string> synonyms;
  std::string synonym;
  std::string lang = language;
  soci::statement st = (sql.prepare << "SELECT synonym FROM orphanet_synonyms WHERE orphacode = :code"
                                       " AND lang = :lang ORDER BY position",
                        soci::use(orphacode), soci::use(lang), soci::into(synonym));
  st.execute();
  while (st.fetch()) synonyms.push_back(synonym);
  return synonyms;
}

// Every path from a root down to `code`, following child -> parents; shortest first.
std::vector<std::vector<int>> PathsUp(int code, const std::multimap<int, int>& parents_of) {
  std::vector<std::vector<int>> paths;
  std::vector<int> trail = {code};
  std::function<void(int)> climb = [&](int at) {
    if (paths.size() >= 64) return;  // a bound against pathological trees
    const auto [first, last] = parents_of.equal_range(at);
    if (first == last) {
      paths.emplace_back(trail.rbegin(), trail.rend());
      return;
    }
    for (auto it = first; it != last; ++it) {
      if (std::find(trail.begin(), trail.end(), it->second) != trail.end()) continue;  // a cycle
      trail.push_back(it->second);
      climb(it->second);
      trail.pop_back();
    }
  };
  climb(code);
  std::stable_sort(paths.begin(), paths.end(),
                   [](const std::vector<int>& a, const std::vector<int>& b) { return a.size() < b.size(); });
  if (paths.size() > kMaxPathsPerSpecialty) paths.resize(kMaxPathsPerSpecialty);
  return paths;
}

}  // namespace

Result<ConditionNames> LocalizedNamesStore::NamesOf(int orphacode, const std::string& language) {
  return db_.Run([&](soci::session& sql) -> Result<ConditionNames> {
    ConditionNames names;
    names.name.orphacode = orphacode;
    std::string lang = language, any_name;
    soci::indicator named = soci::i_null;
    sql << "SELECT " + std::string(kNameColumns) + ", COALESCE(l.name, en.name, c.name)"
           " FROM (SELECT CAST(:code AS INTEGER) AS orphacode) x" + NameJoins("x.orphacode", "lang"),
        soci::use(orphacode, "code"), soci::use(lang, "lang"), soci::into(names.name.name),
        soci::into(names.name.language), soci::into(any_name, named);
    if (named != soci::i_ok) return Status::NotFound("no name for ORPHA:" + std::to_string(orphacode));
    names.synonyms = Synonyms(sql, orphacode, language);
    return names;
  });
}

Result<std::map<int, LocalizedName>> LocalizedNamesStore::NamesOfMany(const std::vector<int>& orphacodes,
                                                                       const std::string& language) {
  std::map<int, LocalizedName> named;
  if (orphacodes.empty()) return named;
  // The codes go into the statement as integers (never text from outside), a bounded
  // number at a time.
  constexpr std::size_t kPerStatement = 200;
  Status status = Status::Ok();
  for (std::size_t from = 0; from < orphacodes.size() && status.ok(); from += kPerStatement) {
    std::string list;
    for (std::size_t i = from; i < std::min(orphacodes.size(), from + kPerStatement); ++i) {
      if (!list.empty()) list += ',';
      list += std::to_string(orphacodes[i]);
    }
    status = db_.Run([&](soci::session& sql) {
      std::string lang = language, any_name;
      LocalizedName row;
      soci::indicator named_ind = soci::i_null;
      soci::statement st =
          (sql.prepare << "SELECT x.orphacode, " + std::string(kNameColumns) + ", COALESCE(l.name, en.name, c.name)"
                          " FROM (SELECT DISTINCT orphacode FROM orphanet_names WHERE orphacode IN (" + list + ")"
                          " UNION SELECT orphacode FROM conditions WHERE orphacode IN (" + list + ")) x" +
                          NameJoins("x.orphacode", "lang"),
           soci::use(lang, "lang"), soci::into(row.orphacode), soci::into(row.name), soci::into(row.language),
           soci::into(any_name, named_ind));
      st.execute();
      while (st.fetch()) {
        if (named_ind == soci::i_ok) named[row.orphacode] = row;
      }
      return Status::Ok();
    });
  }
  if (!status.ok()) return status;
  return named;
}

Result<std::vector<ConditionNames>> LocalizedNamesStore::AllConditionNames(const std::string& language) {
  return db_.Run([&](soci::session& sql) {
    std::vector<ConditionNames> all;
    std::string lang = language;
    ConditionNames row;
    soci::statement names = (sql.prepare << "SELECT c.orphacode, COALESCE(l.name, c.name),"
                                            " CASE WHEN l.name IS NOT NULL THEN l.lang ELSE 'en' END"
                                            " FROM conditions c LEFT JOIN orphanet_names l"
                                            " ON l.orphacode = c.orphacode AND l.lang = :lang"
                                            " WHERE c.status = 'active' ORDER BY c.orphacode",
                             soci::use(lang), soci::into(row.name.orphacode), soci::into(row.name.name),
                             soci::into(row.name.language));
    names.execute();
    while (names.fetch()) all.push_back(row);
    int orphacode = 0;
    std::string synonym;
    soci::statement synonyms = (sql.prepare << "SELECT s.orphacode, s.synonym FROM orphanet_synonyms s"
                                               " JOIN conditions c ON c.orphacode = s.orphacode"
                                               " WHERE s.lang = :lang AND c.status = 'active'"
                                               " ORDER BY s.orphacode, s.position",
                                soci::use(lang), soci::into(orphacode), soci::into(synonym));
    synonyms.execute();
    auto at = all.begin();
    while (synonyms.fetch()) {
      while (at != all.end() && at->name.orphacode < orphacode) ++at;
      if (at != all.end() && at->name.orphacode == orphacode) at->synonyms.push_back(synonym);
    }
    return all;
  });
}

Result<HpoLabel> LocalizedNamesStore::HpoLabelOf(const std::string& hpo_id, const std::string& language) {
  return db_.Run([&](soci::session& sql) -> Result<HpoLabel> {
    HpoLabel label;
    label.hpo_id = hpo_id;
    std::string id = hpo_id, lang = language;
    soci::indicator found = soci::i_null;
    sql << "SELECT label, status FROM hpo_label_translations WHERE hpo_id = :id AND lang = :lang",
        soci::use(id), soci::use(lang), soci::into(label.label, found), soci::into(label.status);
    if (!sql.got_data() || found != soci::i_ok) {
      return Status::NotFound(hpo_id + " has no label in '" + language + "'");
    }
    HpoLabel::Synonym synonym;
    int layperson = 0;
    soci::statement st = (sql.prepare << "SELECT synonym, status, layperson FROM hpo_synonym_translations"
                                         " WHERE hpo_id = :id AND lang = :lang ORDER BY position",
                          soci::use(id), soci::use(lang), soci::into(synonym.text), soci::into(synonym.status),
                          soci::into(layperson));
    st.execute();
    while (st.fetch()) {
      synonym.layperson = layperson != 0;
      label.synonyms.push_back(synonym);
    }
    return label;
  });
}

Result<std::vector<HpoLabel>> LocalizedNamesStore::HpoLabelsOfCondition(int orphacode, const std::string& language) {
  return db_.Run([&](soci::session& sql) {
    std::vector<HpoLabel> labels;
    std::string lang = language;
    HpoLabel row;
    soci::statement st = (sql.prepare << "SELECT t.hpo_id, t.label, t.status FROM conditions c"
                                         " JOIN condition_phenotypes p ON p.condition_id = c.id"
                                         " JOIN hpo_label_translations t ON t.hpo_id = p.hpo_id AND t.lang = :lang"
                                         " WHERE c.orphacode = :code ORDER BY t.hpo_id",
                          soci::use(lang), soci::use(orphacode), soci::into(row.hpo_id), soci::into(row.label),
                          soci::into(row.status));
    st.execute();
    while (st.fetch()) labels.push_back(row);
    return labels;
  });
}

Result<std::vector<HpoLabel>> LocalizedNamesStore::AllHpoLabels(const std::string& language) {
  return db_.Run([&](soci::session& sql) {
    std::vector<HpoLabel> labels;
    std::string lang = language;
    HpoLabel row;
    soci::statement st = (sql.prepare << "SELECT hpo_id, label, status FROM hpo_label_translations"
                                         " WHERE lang = :lang ORDER BY hpo_id",
                          soci::use(lang), soci::into(row.hpo_id), soci::into(row.label), soci::into(row.status));
    st.execute();
    while (st.fetch()) labels.push_back(row);
    return labels;
  });
}

Result<std::vector<Specialty>> LocalizedNamesStore::Specialties(const std::string& language) {
  return db_.Run([&](soci::session& sql) {
    std::vector<Specialty> specialties;
    std::string title_lang = language, name_lang = language;
    Specialty row;
    std::string title;
    soci::indicator title_null = soci::i_ok;
    soci::statement st =
        (sql.prepare << "SELECT k.id, k.root_orphacode, " + std::string(kNameColumns) + ", t.title, n.descendants"
                        " FROM orphanet_classifications k"
                        " JOIN orphanet_classification_nodes n ON n.classification_id = k.id"
                        " AND n.orphacode = k.root_orphacode"
                        " LEFT JOIN orphanet_classification_titles t ON t.classification_id = k.id"
                        " AND t.lang = :title_lang" + NameJoins("k.root_orphacode", "name_lang"),
         soci::use(title_lang, "title_lang"), soci::use(name_lang, "name_lang"), soci::into(row.id),
         soci::into(row.root.orphacode), soci::into(row.root.name), soci::into(row.root.language),
         soci::into(title, title_null), soci::into(row.entries));
    st.execute();
    while (st.fetch()) {
      row.title = title_null == soci::i_ok ? title : "";
      specialties.push_back(row);
    }
    std::sort(specialties.begin(), specialties.end(),
              [](const Specialty& a, const Specialty& b) { return a.root.name < b.root.name; });
    return specialties;
  });
}

Result<std::vector<Branch>> LocalizedNamesStore::Branches(int specialty_id, int parent_orphacode,
                                                          const std::string& language) {
  return db_.Run([&](soci::session& sql) {
    std::vector<Branch> branches;
    std::string lang = language;
    Branch row;
    soci::statement st =
        (sql.prepare << "SELECT e.child_orphacode, " + std::string(kNameColumns) + ", n.descendants"
                        " FROM orphanet_classification_edges e"
                        " JOIN orphanet_classification_nodes n ON n.classification_id = e.classification_id"
                        " AND n.orphacode = e.child_orphacode" + NameJoins("e.child_orphacode", "lang") +
                        " WHERE e.classification_id = :id AND e.parent_orphacode = :parent",
         soci::use(lang, "lang"), soci::use(specialty_id, "id"), soci::use(parent_orphacode, "parent"),
         soci::into(row.entry.orphacode), soci::into(row.entry.name), soci::into(row.entry.language),
         soci::into(row.entries));
    st.execute();
    while (st.fetch()) branches.push_back(row);
    std::sort(branches.begin(), branches.end(),
              [](const Branch& a, const Branch& b) { return a.entry.name < b.entry.name; });
    return branches;
  });
}

Result<std::vector<SpecialtyPaths>> LocalizedNamesStore::SpecialtiesOf(int orphacode, const std::string& language) {
  return db_.Run([&](soci::session& sql) {
    int code = orphacode;
    std::map<int, std::multimap<int, int>> parents_of;  // specialty -> (child -> parent)
    int specialty = 0, parent = 0, child = 0;
    soci::statement in = (sql.prepare << "SELECT classification_id FROM orphanet_classification_nodes"
                                         " WHERE orphacode = :code ORDER BY classification_id",
                          soci::use(code), soci::into(specialty));
    in.execute();
    while (in.fetch()) parents_of[specialty];
    soci::statement edges = (sql.prepare << std::string(kAncestors) +
                                                "SELECT e.classification_id, e.parent_orphacode, e.child_orphacode"
                                                " FROM orphanet_classification_edges e JOIN up"
                                                " ON e.classification_id = up.classification_id"
                                                " AND e.child_orphacode = up.orphacode",
                             soci::use(code), soci::into(specialty), soci::into(parent), soci::into(child));
    edges.execute();
    while (edges.fetch()) parents_of[specialty].emplace(child, parent);

    std::map<int, LocalizedName> names;
    std::string lang = language;
    LocalizedName name;
    soci::statement named = (sql.prepare << std::string(kAncestors) + "SELECT DISTINCT up.orphacode, " +
                                                kNameColumns + " FROM up" + NameJoins("up.orphacode", "lang"),
                             soci::use(code, "code"), soci::use(lang, "lang"), soci::into(name.orphacode),
                             soci::into(name.name), soci::into(name.language));
    named.execute();
    while (named.fetch()) names[name.orphacode] = name;

    std::vector<SpecialtyPaths> found;
    for (const auto& [id, parents] : parents_of) {
      SpecialtyPaths paths{id, {}};
      for (const std::vector<int>& codes : PathsUp(orphacode, parents)) {
        std::vector<LocalizedName> steps;
        for (int step : codes) steps.push_back(names.count(step) ? names[step] : LocalizedName{step, "", ""});
        paths.paths.push_back(std::move(steps));
      }
      found.push_back(std::move(paths));
    }
    return found;
  });
}

Result<std::vector<Icd11Code>> LocalizedNamesStore::Icd11CodesOf(int orphacode) {
  return db_.Run([&](soci::session& sql) {
    std::vector<Icd11Code> codes;
    Icd11Code row;
    soci::statement st = (sql.prepare << "SELECT code, relation FROM orphanet_icd11_codes WHERE orphacode = :code"
                                         " ORDER BY code",
                          soci::use(orphacode), soci::into(row.code), soci::into(row.relation));
    st.execute();
    while (st.fetch()) codes.push_back(row);
    return codes;
  });
}

}  // namespace diseasemaps::catalog
