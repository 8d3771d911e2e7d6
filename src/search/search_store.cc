#include "search/search_store.h"

#include <algorithm>
#include <chrono>
#include <limits>
#include <map>

#include "catalog/plain_sign_labels.h"
#include "platform/change_notice.h"
#include "search/codes.h"

namespace diseasemaps::search {
namespace {

long long Now() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// Reads conditions and their detail; `one` limits every query to that condition.
void Read(soci::session& sql, std::optional<long long> one, std::map<long long, SearchRecord>& out) {
  // Every query covers the conditions with ids in [lo, hi]: one, or all of them.
  long long lo = one.value_or(0), hi = one.value_or(std::numeric_limits<long long>::max());
  const std::string only = " AND c.id >= :lo AND c.id <= :hi";
  auto run = [&](const std::string& text, auto&&... intos) -> soci::statement {
    return ((sql.prepare << text, soci::use(lo), soci::use(hi)), ..., intos);
  };
  {
    long long id = 0;
    int orphacode = 0;
    std::string slug, name, type, definition;
    soci::indicator definition_null = soci::i_ok;
    soci::statement st = run(
        "SELECT c.id, c.orphacode, c.slug, c.name, c.entry_type, c.definition FROM conditions c"
        " WHERE c.status = 'active'" + only + " ORDER BY c.id",
        soci::into(id), soci::into(orphacode), soci::into(slug), soci::into(name), soci::into(type),
        soci::into(definition, definition_null));
    st.execute();
    while (st.fetch()) {
      SearchRecord& r = out[id];
      r.id = id;
      r.orphacode = orphacode;
      r.slug = slug;
      r.name = name;
      r.entry_type = type;
      r.definition = definition_null == soci::i_ok ? definition : "";
      r.codes.push_back(OrphaKey(orphacode));
    }
  }
  {
    long long id = 0;
    std::string synonym;
    soci::statement st = run(
        "SELECT s.condition_id, s.synonym FROM condition_synonyms s JOIN conditions c ON c.id = s.condition_id"
        " WHERE c.status = 'active'" + only + " ORDER BY s.condition_id, s.position",
        soci::into(id), soci::into(synonym));
    st.execute();
    while (st.fetch()) {
      if (auto it = out.find(id); it != out.end()) it->second.synonyms.push_back(synonym);
    }
  }
  {
    long long id = 0;
    std::string system, code;
    soci::statement st = run(
        "SELECT x.condition_id, x.system, x.code FROM condition_xrefs x JOIN conditions c ON c.id = x.condition_id"
        " WHERE c.status = 'active'" + only + " ORDER BY x.condition_id, x.system, x.code",
        soci::into(id), soci::into(system), soci::into(code));
    st.execute();
    while (st.fetch()) {
      auto it = out.find(id);
      if (it == out.end()) continue;
      if (auto key = CanonicalCode(system, code)) {
        auto& codes = it->second.codes;
        if (std::find(codes.begin(), codes.end(), *key) == codes.end()) codes.push_back(*key);
      }
    }
  }
  {
    long long id = 0;
    SearchFeature f;
    soci::indicator lay_null = soci::i_ok;
    soci::statement st = run(
        "SELECT p.condition_id, p.hpo_id, p.hpo_term, p.frequency, l.label FROM condition_phenotypes p"
        " JOIN conditions c ON c.id = p.condition_id LEFT JOIN hpo_lay_labels l ON l.hpo_id = p.hpo_id"
        " WHERE c.status = 'active'" + only + " ORDER BY p.condition_id, p.hpo_id",
        soci::into(id), soci::into(f.hpo_id), soci::into(f.term), soci::into(f.frequency),
        soci::into(f.lay_label, lay_null));
    st.execute();
    while (st.fetch()) {
      auto it = out.find(id);
      if (it == out.end()) continue;
      SearchFeature copy = f;
      if (lay_null != soci::i_ok) copy.lay_label.clear();
      copy.lay_label = catalog::LayLabelOrOurs(copy.hpo_id, copy.lay_label);
      if (auto ours = catalog::EmbeddedPlainSignLabels().find(copy.hpo_id);
          ours != catalog::EmbeddedPlainSignLabels().end()) {
        copy.phrases = ours->second.phrases;
      }
      it->second.features.push_back(std::move(copy));
    }
  }
  // Orphanet's names and synonyms in the nine languages (migration 0013), keyed by
  // ORPHAcode; a row in a language search does not know is skipped.
  for (const bool names : {true, false}) {
    long long id = 0;
    std::string lang, text;
    soci::statement st = run(
        names ? "SELECT c.id, n.lang, n.name FROM orphanet_names n JOIN conditions c ON c.orphacode = n.orphacode"
                " WHERE c.status = 'active'" + only + " ORDER BY c.id, n.lang"
              : "SELECT c.id, s.lang, s.synonym FROM orphanet_synonyms s JOIN conditions c ON c.orphacode = s.orphacode"
                " WHERE c.status = 'active'" + only + " ORDER BY c.id, s.lang, s.position",
        soci::into(id), soci::into(lang), soci::into(text));
    st.execute();
    while (st.fetch()) {
      auto it = out.find(id);
      const std::optional<Lang> known = LanguageOf(lang);
      if (it == out.end() || !known || text.empty()) continue;
      it->second.translations.push_back({*known, text, names});
    }
  }
  {
    long long id = 0;
    std::string question, short_answer, body;
    soci::statement st = run(
        "SELECT a.condition_id, v.question, v.short_answer, v.body_markdown FROM answers a"
        " JOIN answer_versions v ON v.id = a.published_version_id JOIN conditions c ON c.id = a.condition_id"
        " WHERE c.status = 'active'" + only + " ORDER BY a.condition_id, a.position, a.id",
        soci::into(id), soci::into(question), soci::into(short_answer), soci::into(body));
    st.execute();
    while (st.fetch()) {
      if (auto it = out.find(id); it != out.end()) {
        it->second.answers.push_back(question + "\n" + short_answer + "\n" + body);
      }
    }
  }
}

}  // namespace

// Each note also sends the "search" change notice (on PostgreSQL, with the commit), which
// wakes the other nodes' indexers at once (platform/change_notice.h).
void NoteConditionChanged(soci::session& sql, long long condition_id) {
  long long now = Now();
  sql << "INSERT INTO search_changes (condition_id, created_at) VALUES (:id, :now)", soci::use(condition_id),
      soci::use(now);
  NotifyChange(sql, SearchNotice());
}

void NoteConditionsChanged(soci::session& sql, const std::vector<long long>& condition_ids) {
  if (condition_ids.empty()) return;
  std::vector<long long> ids = condition_ids, now(condition_ids.size(), Now());
  sql << "INSERT INTO search_changes (condition_id, created_at) VALUES (:id, :now)", soci::use(ids),
      soci::use(now);
  NotifyChange(sql, SearchNotice());
}

void NoteCatalogueChanged(soci::session& sql) {
  long long now = Now();
  sql << "INSERT INTO search_changes (condition_id, created_at) VALUES (NULL, :now)", soci::use(now);
  NotifyChange(sql, SearchNotice());
}

void NoteAnswerChanged(soci::session& sql, long long answer_id) {
  long long now = Now();
  sql << "INSERT INTO search_changes (condition_id, created_at) SELECT condition_id, :now FROM answers"
         " WHERE id = :id",
      soci::use(now), soci::use(answer_id);
  NotifyChange(sql, SearchNotice());
}

Result<std::vector<SearchRecord>> SearchStore::LoadAll() {
  return db_.Run([](soci::session& sql) {
    std::map<long long, SearchRecord> records;
    Read(sql, std::nullopt, records);
    std::vector<SearchRecord> out;
    out.reserve(records.size());
    for (auto& [id, record] : records) out.push_back(std::move(record));
    return out;
  });
}

Result<SearchRecord> SearchStore::Load(long long condition_id) {
  auto loaded = db_.Run([&](soci::session& sql) {
    std::map<long long, SearchRecord> records;
    Read(sql, condition_id, records);
    return records;
  });
  if (!loaded.ok()) return loaded.status();
  if (loaded->empty()) return Status::NotFound("no active condition " + std::to_string(condition_id));
  return std::move(loaded->begin()->second);
}

Result<std::vector<PhenotypeLabel>> SearchStore::LoadPhenotypeLabels() {
  return db_.Run([](soci::session& sql) {
    std::vector<PhenotypeLabel> out;
    std::string hpo_id, lang, text;
    soci::statement st =
        (sql.prepare << "SELECT t.hpo_id, t.lang, t.label FROM hpo_label_translations t"
                        " WHERE t.hpo_id IN (SELECT hpo_id FROM condition_phenotypes)"
                        " UNION ALL SELECT s.hpo_id, s.lang, s.synonym FROM hpo_synonym_translations s"
                        " WHERE s.hpo_id IN (SELECT hpo_id FROM condition_phenotypes) ORDER BY 1, 2, 3",
         soci::into(hpo_id), soci::into(lang), soci::into(text));
    st.execute();
    while (st.fetch()) {
      if (const std::optional<Lang> known = LanguageOf(lang); known && !text.empty()) {
        out.push_back({hpo_id, *known, text});
      }
    }
    return out;
  });
}

Result<long long> SearchStore::LatestChange() {
  return db_.Run([](soci::session& sql) {
    long long latest = 0;
    soci::indicator null = soci::i_ok;
    sql << "SELECT MAX(id) FROM search_changes", soci::into(latest, null);
    return null == soci::i_ok ? latest : 0LL;
  });
}

Result<std::vector<SearchChange>> SearchStore::ChangesAfter(long long after, int limit) {
  return db_.Run([&](soci::session& sql) {
    std::vector<SearchChange> changes;
    long long id = 0, condition_id = 0;
    soci::indicator null = soci::i_ok;
    soci::statement st = (sql.prepare << "SELECT id, condition_id FROM search_changes WHERE id > :after"
                                         " ORDER BY id LIMIT :limit",
                          soci::use(after), soci::use(limit), soci::into(id), soci::into(condition_id, null));
    st.execute();
    while (st.fetch()) {
      changes.push_back({id, null == soci::i_ok ? std::optional<long long>(condition_id) : std::nullopt});
    }
    return changes;
  });
}

Status SearchStore::RequestRebuild() {
  auto done = db_.InTransaction([](soci::session& sql) {
    NoteCatalogueChanged(sql);
    return Status::Ok();
  });
  return done;
}

Result<std::vector<PopularCondition>> SearchStore::Popular(int limit) {
  return db_.Run([&](soci::session& sql) {
    std::vector<PopularCondition> out;
    PopularCondition row;
    soci::statement st =
        (sql.prepare << "SELECT c.orphacode, c.slug, c.name FROM conditions c"
                        " JOIN (SELECT condition_id, COUNT(*) AS n FROM answers GROUP BY condition_id) a"
                        " ON a.condition_id = c.id WHERE c.status = 'active'"
                        " ORDER BY a.n DESC, c.sort_name LIMIT :limit",
         soci::use(limit), soci::into(row.orphacode), soci::into(row.slug), soci::into(row.name));
    st.execute();
    while (st.fetch()) out.push_back(row);
    return out;
  });
}

}  // namespace diseasemaps::search
