#include "experiences/experience_store.h"

#include <chrono>
#include <stdexcept>

#include "platform/content_generation.h"
#include "platform/db/row_text.h"
#include "platform/db/rows_json.h"

namespace diseasemaps::experiences {
namespace {

using nlohmann::json;

long long Now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

constexpr const char* kColumns =
    "SELECT e.id, e.user_id, c.orphacode, e.subject, e.label, e.questionnaire_version, e.answers,"
    " e.submitted_at, e.consent_charts, e.consent_story, e.consent_research, e.created_at, e.updated_at,"
    " e.condition_id, e.story_hidden_at, e.story_hidden_note"
    " FROM experiences e JOIN conditions c ON c.id = e.condition_id";

struct Stored {
  Experience experience;
  long long condition_id = 0;
};

Stored ReadExperience(const soci::row& row) {
  Stored stored;
  Experience& e = stored.experience;
  e.id = RowInteger(row, 0);
  e.user_id = RowInteger(row, 1);
  e.orphacode = static_cast<int>(RowInteger(row, 2));
  e.subject = ParseSubject(RowText(row, 3)).value_or(Subject::kSelf);
  e.label = RowText(row, 4);
  e.questionnaire_version = static_cast<int>(RowInteger(row, 5));
  e.answers = json::parse(RowText(row, 6), nullptr, /*allow_exceptions=*/false);
  if (!e.answers.is_object()) e.answers = json::object();
  if (row.get_indicator(7) != soci::i_null) e.submitted_at = RowInteger(row, 7);
  e.consents.charts = RowInteger(row, 8) == 1;
  e.consents.story = RowInteger(row, 9) == 1;
  e.consents.research = RowInteger(row, 10) == 1;
  e.created_at = RowInteger(row, 11);
  e.updated_at = RowInteger(row, 12);
  stored.condition_id = RowInteger(row, 13);
  if (row.get_indicator(14) != soci::i_null) e.story_hidden_at = RowInteger(row, 14);
  e.story_hidden_note = RowText(row, 15);
  return stored;
}

// The member's experience, locked for the rest of the transaction on PostgreSQL (SQLite's
// writers already hold the database's write lock); nullopt when there is none.
std::optional<Stored> LoadOwn(soci::session& sql, long long user_id, long long experience_id) {
  const bool postgres = sql.get_backend_name() == "postgresql";
  soci::row row;
  sql << std::string(kColumns) + " WHERE e.id = :id AND e.user_id = :u" + (postgres ? " FOR UPDATE OF e" : ""),
      soci::use(experience_id, "id"), soci::use(user_id, "u"), soci::into(row);
  if (!sql.got_data()) return std::nullopt;
  return ReadExperience(row);
}

std::set<Cell> CountedCells(const Experience& e) {
  return e.Counted() ? CellsOf(e.questionnaire_version, e.answers) : std::set<Cell>{};
}

// Moves the condition's kept aggregates from what `before` counted to what `after`
// counts. A cell missing or at zero when it should be taken from would mean they
// drifted: the exception rolls the whole change back (Database turns it into Internal).
void ApplyChange(soci::session& sql, long long condition_id, const std::set<Cell>& before,
                 const std::set<Cell>& after) {
  for (const auto& [cell, delta] : Difference(before, after)) {
    if (delta > 0) {
      sql << "INSERT INTO experience_aggregates (condition_id, question, bucket, people)"
             " VALUES (:c, :q, :b, 1) ON CONFLICT (condition_id, question, bucket)"
             " DO UPDATE SET people = experience_aggregates.people + 1",
          soci::use(condition_id, "c"), soci::use(cell.question, "q"), soci::use(cell.bucket, "b");
      continue;
    }
    // The cell must be there with someone in it: this experience was counted in it.
    soci::statement take = (sql.prepare << "UPDATE experience_aggregates SET people = people - 1"
                                           " WHERE condition_id = :c AND question = :q AND bucket = :b"
                                           " AND people > 0",
                            soci::use(condition_id, "c"), soci::use(cell.question, "q"),
                            soci::use(cell.bucket, "b"));
    take.execute(true);
    if (take.get_affected_rows() != 1) {
      throw std::runtime_error("experience aggregates out of step in " + cell.question + "/" + cell.bucket);
    }
    sql << "DELETE FROM experience_aggregates WHERE condition_id = :c AND question = :q AND bucket = :b"
           " AND people = 0",
        soci::use(condition_id, "c"), soci::use(cell.question, "q"), soci::use(cell.bucket, "b");
  }
}

void RecordConsent(soci::session& sql, const Experience& e, ConsentKind kind, bool given, long long now) {
  const std::string name(ConsentKindName(kind));
  const int value = given ? 1 : 0;
  sql << "INSERT INTO experience_consents (experience_id, kind, given, questionnaire_version, at)"
         " VALUES (:e, :k, :g, :v, :t)",
      soci::use(e.id, "e"), soci::use(name, "k"), soci::use(value, "g"), soci::use(e.questionnaire_version, "v"),
      soci::use(now, "t");
}

// Writes the consent columns of `e` as they are in `e.consents`.
void WriteConsents(soci::session& sql, const Experience& e, long long now) {
  const int charts = e.consents.charts ? 1 : 0;
  const int story = e.consents.story ? 1 : 0;
  const int research = e.consents.research ? 1 : 0;
  sql << "UPDATE experiences SET consent_charts = :a, consent_story = :b, consent_research = :r,"
         " updated_at = :t WHERE id = :id",
      soci::use(charts, "a"), soci::use(story, "b"), soci::use(research, "r"), soci::use(now, "t"),
      soci::use(e.id, "id");
}

// Sets each consent to `wanted`'s, recording every one that changes, and keeps the
// aggregates in step. Returns whether anything changed.
bool ChangeConsents(soci::session& sql, Stored& stored, const Consents& wanted, long long now) {
  Experience& e = stored.experience;
  const std::set<Cell> before = CountedCells(e);
  bool changed = false;
  for (ConsentKind kind : kAllConsents) {
    if (e.consents.Get(kind) == wanted.Get(kind)) continue;
    e.consents.Set(kind, wanted.Get(kind));
    RecordConsent(sql, e, kind, wanted.Get(kind), now);
    changed = true;
  }
  if (!changed) return false;
  WriteConsents(sql, e, now);
  ApplyChange(sql, stored.condition_id, before, CountedCells(e));
  return true;
}

// Every counted experience's cells where `column` (a fixed name, never input) equals
// key: what the kept aggregates must equal.
Tally RecountWhere(soci::session& sql, const char* column, long long key) {
  Tally tally;
  soci::rowset<soci::row> rows =
      (sql.prepare << std::string(kColumns) + " WHERE " + column +
                          " = :k AND e.submitted_at IS NOT NULL AND e.consent_charts = 1",
       soci::use(key, "k"));
  for (const soci::row& row : rows) {
    for (const Cell& cell : CountedCells(ReadExperience(row).experience)) ++tally[cell];
  }
  return tally;
}

Status NoSuchExperience() { return Status::NotFound("no such experience"); }

}  // namespace

Result<long long> ExperienceStore::Create(long long user_id, int orphacode, Subject subject,
                                          const std::string& label, int version) {
  return db_.InTransaction([&](soci::session& sql) -> Result<long long> {
    long long condition_id = 0;
    sql << "SELECT id FROM conditions WHERE orphacode = :o AND status = 'active'", soci::use(orphacode, "o"),
        soci::into(condition_id);
    if (!sql.got_data()) return Status::NotFound("no such condition");
    const std::string subject_name(SubjectName(subject));
    const long long now = Now();
    long long id = 0;
    sql << "INSERT INTO experiences (condition_id, user_id, status, created_at, subject, label,"
           " questionnaire_version, answers, updated_at) VALUES (:c, :u, 'shared', :t, :s, :l, :v, '{}', :t2)"
           " RETURNING id",
        soci::use(condition_id, "c"), soci::use(user_id, "u"), soci::use(now, "t"), soci::use(subject_name, "s"),
        soci::use(label, "l"), soci::use(version, "v"), soci::use(now, "t2"), soci::into(id);
    return id;
  });
}

Status ExperienceStore::SaveStep(long long user_id, long long experience_id, const CheckedStep& step) {
  return db_.InTransaction([&](soci::session& sql) -> Status {
    auto stored = LoadOwn(sql, user_id, experience_id);
    if (!stored) return NoSuchExperience();
    Experience& e = stored->experience;
    if (e.questionnaire_version != step.questionnaire_version()) {
      return Status::Conflict("the experience is written against questionnaire version " +
                              std::to_string(e.questionnaire_version));
    }
    const std::set<Cell> before = CountedCells(e);
    if (step.answers().empty()) {
      e.answers.erase(step.step_id());
    } else {
      e.answers[step.step_id()] = step.answers();
    }
    const std::string text = e.answers.dump();
    const long long now = Now();
    sql << "UPDATE experiences SET answers = :a, updated_at = :t WHERE id = :id", soci::use(text, "a"),
        soci::use(now, "t"), soci::use(e.id, "id");
    const std::set<Cell> after = CountedCells(e);
    if (before != after) {
      ApplyChange(sql, stored->condition_id, before, after);
      BumpContentGeneration(sql);
    }
    return Status::Ok();
  });
}

Status ExperienceStore::Submit(long long user_id, long long experience_id, const Consents& consents) {
  return db_.InTransaction([&](soci::session& sql) -> Status {
    auto stored = LoadOwn(sql, user_id, experience_id);
    if (!stored) return NoSuchExperience();
    if (stored->experience.submitted_at) return Status::Conflict("already submitted");
    const long long now = Now();
    sql << "UPDATE experiences SET submitted_at = :t, updated_at = :t2 WHERE id = :id", soci::use(now, "t"),
        soci::use(now, "t2"), soci::use(experience_id, "id");
    stored->experience.submitted_at = now;
    // Every choice is recorded, given or not: the review step asked each one.
    Experience& e = stored->experience;
    for (ConsentKind kind : kAllConsents) {
      if (!consents.Get(kind)) RecordConsent(sql, e, kind, false, now);
    }
    ChangeConsents(sql, *stored, consents, now);
    BumpContentGeneration(sql);
    return Status::Ok();
  });
}

Status ExperienceStore::SetConsent(long long user_id, long long experience_id, ConsentKind kind, bool given) {
  return db_.InTransaction([&](soci::session& sql) -> Status {
    auto stored = LoadOwn(sql, user_id, experience_id);
    if (!stored) return NoSuchExperience();
    if (!stored->experience.submitted_at) {
      return Status::FailedPrecondition("consents are given on the review step of a finished experience");
    }
    Consents wanted = stored->experience.consents;
    wanted.Set(kind, given);
    if (ChangeConsents(sql, *stored, wanted, Now())) BumpContentGeneration(sql);
    return Status::Ok();
  });
}

Status ExperienceStore::Withdraw(long long user_id, long long experience_id) {
  return db_.InTransaction([&](soci::session& sql) -> Status {
    auto stored = LoadOwn(sql, user_id, experience_id);
    if (!stored) return NoSuchExperience();
    if (ChangeConsents(sql, *stored, Consents{}, Now())) BumpContentGeneration(sql);
    return Status::Ok();
  });
}

Status ExperienceStore::Delete(long long user_id, long long experience_id) {
  return db_.InTransaction([&](soci::session& sql) -> Status {
    auto stored = LoadOwn(sql, user_id, experience_id);
    if (!stored) return NoSuchExperience();
    ApplyChange(sql, stored->condition_id, CountedCells(stored->experience), {});
    sql << "DELETE FROM experience_consents WHERE experience_id = :id", soci::use(experience_id, "id");
    sql << "DELETE FROM experiences WHERE id = :id", soci::use(experience_id, "id");
    BumpContentGeneration(sql);
    return Status::Ok();
  });
}

Result<Experience> ExperienceStore::Find(long long user_id, long long experience_id) {
  return db_.Run([&](soci::session& sql) -> Result<Experience> {
    soci::row row;
    sql << std::string(kColumns) + " WHERE e.id = :id AND e.user_id = :u", soci::use(experience_id, "id"),
        soci::use(user_id, "u"), soci::into(row);
    if (!sql.got_data()) return NoSuchExperience();
    return ReadExperience(row).experience;
  });
}

Result<std::vector<Experience>> ExperienceStore::Mine(long long user_id) {
  return db_.Run([&](soci::session& sql) {
    std::vector<Experience> out;
    soci::rowset<soci::row> rows =
        (sql.prepare << std::string(kColumns) + " WHERE e.user_id = :u ORDER BY e.id", soci::use(user_id, "u"));
    for (const soci::row& row : rows) out.push_back(ReadExperience(row).experience);
    return out;
  });
}

Result<std::vector<ConsentRecord>> ExperienceStore::ConsentHistory(long long user_id, long long experience_id) {
  return db_.Run([&](soci::session& sql) -> Result<std::vector<ConsentRecord>> {
    long long own = 0;
    sql << "SELECT COUNT(*) FROM experiences WHERE id = :id AND user_id = :u", soci::use(experience_id, "id"),
        soci::use(user_id, "u"), soci::into(own);
    if (own == 0) return NoSuchExperience();
    std::vector<ConsentRecord> out;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT kind, given, questionnaire_version, at FROM experience_consents"
                        " WHERE experience_id = :id ORDER BY id",
         soci::use(experience_id, "id"));
    for (const soci::row& row : rows) {
      ConsentRecord record;
      record.kind = ParseConsentKind(RowText(row, 0)).value_or(ConsentKind::kCharts);
      record.given = RowInteger(row, 1) == 1;
      record.questionnaire_version = static_cast<int>(RowInteger(row, 2));
      record.at = RowInteger(row, 3);
      out.push_back(record);
    }
    return out;
  });
}

Result<std::set<std::string>> ExperienceStore::PhenotypesOf(int orphacode) {
  return db_.Run([&](soci::session& sql) -> Result<std::set<std::string>> {
    long long condition_id = 0;
    sql << "SELECT id FROM conditions WHERE orphacode = :o AND status = 'active'", soci::use(orphacode, "o"),
        soci::into(condition_id);
    if (!sql.got_data()) return Status::NotFound("no such condition");
    std::set<std::string> codes;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT hpo_id FROM condition_phenotypes WHERE condition_id = :c",
         soci::use(condition_id, "c"));
    for (const soci::row& row : rows) codes.insert(RowText(row, 0));
    return codes;
  });
}

Result<Tally> ExperienceStore::Aggregates(int orphacode) {
  return db_.Run([&](soci::session& sql) -> Result<Tally> {
    long long condition_id = 0;
    sql << "SELECT id FROM conditions WHERE orphacode = :o AND status = 'active'", soci::use(orphacode, "o"),
        soci::into(condition_id);
    if (!sql.got_data()) return Status::NotFound("no such condition");
    Tally tally;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT question, bucket, people FROM experience_aggregates WHERE condition_id = :c",
         soci::use(condition_id, "c"));
    for (const soci::row& row : rows) tally[Cell{RowText(row, 0), RowText(row, 1)}] = RowInteger(row, 2);
    return tally;
  });
}

Result<Tally> ExperienceStore::Recount(int orphacode) {
  return db_.Run([&](soci::session& sql) { return RecountWhere(sql, "c.orphacode", orphacode); });
}

Result<json> ExperienceStore::Export(long long user_id) {
  return db_.Run([&](soci::session& sql) {
    json out = RowsAsJson(sql,
                          "SELECT e.id, c.orphacode, c.name AS condition_name, e.subject, e.label,"
                          " e.questionnaire_version, e.answers, e.created_at, e.updated_at, e.submitted_at,"
                          " e.consent_charts, e.consent_story, e.consent_research"
                          " FROM experiences e JOIN conditions c ON c.id = e.condition_id"
                          " WHERE e.user_id = :id ORDER BY e.id",
                          user_id);
    const json consents = RowsAsJson(sql,
                                     "SELECT k.experience_id, k.kind, k.given, k.questionnaire_version, k.at"
                                     " FROM experience_consents k JOIN experiences e ON e.id = k.experience_id"
                                     " WHERE e.user_id = :id ORDER BY k.id",
                                     user_id);
    for (json& experience : out) {
      experience["answers"] = json::parse(experience.value("answers", std::string("{}")), nullptr, false);
      experience["consent_records"] = json::array();
      for (const json& record : consents) {
        if (record["experience_id"] == experience["id"]) experience["consent_records"].push_back(record);
      }
    }
    return out;
  });
}

void ExperienceStore::DeleteMemberData(soci::session& sql, long long user_id) {
  std::vector<Stored> owned;
  {
    const bool postgres = sql.get_backend_name() == "postgresql";
    soci::rowset<soci::row> rows = (sql.prepare << std::string(kColumns) + " WHERE e.user_id = :u" +
                                                       (postgres ? " FOR UPDATE OF e" : ""),
                                    soci::use(user_id, "u"));
    for (const soci::row& row : rows) owned.push_back(ReadExperience(row));
  }
  bool counted = false;
  for (const Stored& stored : owned) {
    counted = counted || stored.experience.Counted();
    ApplyChange(sql, stored.condition_id, CountedCells(stored.experience), {});
    sql << "DELETE FROM experience_consents WHERE experience_id = :id", soci::use(stored.experience.id, "id");
  }
  sql << "DELETE FROM experiences WHERE user_id = :u", soci::use(user_id, "u");
  if (counted) BumpContentGeneration(sql);
}

Result<std::vector<SharedStory>> ExperienceStore::SharedStories(int orphacode, int limit) {
  return db_.Run([&](soci::session& sql) {
    std::vector<SharedStory> out;
    // Read a few more than asked: some rows may hold no story or one shown to nobody.
    const int read = limit * 4 + 20;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT e.answers, e.submitted_at, e.id FROM experiences e JOIN conditions c ON c.id = e.condition_id"
                        " JOIN users u ON u.id = e.user_id AND u.status = 'active'"
                        " WHERE c.orphacode = :o AND e.submitted_at IS NOT NULL AND e.consent_story = 1"
                        " AND e.story_hidden_at IS NULL"
                        " ORDER BY e.submitted_at DESC, e.id DESC LIMIT :n",
         soci::use(orphacode, "o"), soci::use(read, "n"));
    for (const soci::row& row : rows) {
      if (static_cast<int>(out.size()) >= limit) break;
      const nlohmann::json answers = nlohmann::json::parse(RowText(row, 0), nullptr, false);
      if (!answers.is_object() || !answers.contains("story") || !answers["story"].is_object()) continue;
      const nlohmann::json& step = answers["story"];
      const std::string text = step.value("story", std::string());
      const std::string visibility = step.value("story_visibility", std::string());
      if (text.empty() || (visibility != "everyone" && visibility != "members")) continue;
      out.push_back({RowInteger(row, 2), text, visibility, RowInteger(row, 1)});
    }
    return out;
  });
}

// ---- Demo data -----------------------------------------------------------------

Result<std::vector<std::pair<long long, int>>> ExperienceStore::SyntheticSharers(std::optional<int> orphacode) {
  return db_.Run([&](soci::session& sql) {
    std::vector<std::pair<long long, int>> sharers;
    const int code = orphacode.value_or(0);
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT m.user_id, m.orphacode FROM memberships m"
                        " JOIN synthetic_members s ON s.user_id = m.user_id"
                        " JOIN conditions c ON c.orphacode = m.orphacode AND c.status = 'active'"
                        " WHERE m.role IN ('affected', 'family') AND (:o = 0 OR m.orphacode = :o2)"
                        " ORDER BY m.user_id, m.orphacode",
         soci::use(code, "o"), soci::use(code, "o2"));
    for (const soci::row& row : rows) sharers.emplace_back(RowInteger(row, 0), static_cast<int>(RowInteger(row, 1)));
    return sharers;
  });
}

Result<std::vector<std::pair<std::string, std::string>>> ExperienceStore::PhenotypeFrequencies(int orphacode) {
  return db_.Run([&](soci::session& sql) {
    std::vector<std::pair<std::string, std::string>> out;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT p.hpo_id, p.frequency FROM condition_phenotypes p"
                        " JOIN conditions c ON c.id = p.condition_id WHERE c.orphacode = :o ORDER BY p.hpo_id",
         soci::use(orphacode, "o"));
    for (const soci::row& row : rows) out.emplace_back(RowText(row, 0), RowText(row, 1));
    return out;
  });
}

Status ExperienceStore::InsertSynthetic(const std::vector<Experience>& batch) {
  return db_.InTransaction([&](soci::session& sql) -> Status {
    std::map<int, long long> condition_ids;
    std::map<std::pair<long long, Cell>, long long> added;  // (condition, cell) -> people
    for (const Experience& given : batch) {
      auto known = condition_ids.find(given.orphacode);
      if (known == condition_ids.end()) {
        long long id = 0;
        sql << "SELECT id FROM conditions WHERE orphacode = :o AND status = 'active'", soci::use(given.orphacode, "o"),
            soci::into(id);
        if (!sql.got_data()) return Status::NotFound("no such condition");
        known = condition_ids.emplace(given.orphacode, id).first;
      }
      Experience e = given;
      const std::string subject(SubjectName(e.subject));
      const std::string answers = e.answers.dump();
      const long long at = e.submitted_at.value_or(Now());
      const int charts = e.consents.charts ? 1 : 0, story = e.consents.story ? 1 : 0,
                research = e.consents.research ? 1 : 0;
      sql << "INSERT INTO experiences (condition_id, user_id, status, created_at, subject, label,"
             " questionnaire_version, answers, submitted_at, consent_charts, consent_story, consent_research,"
             " updated_at) VALUES (:c, :u, 'shared', :t, :s, :l, :v, :a, :t2, :ch, :st, :re, :t3) RETURNING id",
          soci::use(known->second, "c"), soci::use(e.user_id, "u"), soci::use(at, "t"), soci::use(subject, "s"),
          soci::use(e.label, "l"), soci::use(e.questionnaire_version, "v"), soci::use(answers, "a"),
          soci::use(at, "t2"), soci::use(charts, "ch"), soci::use(story, "st"), soci::use(research, "re"),
          soci::use(at, "t3"), soci::into(e.id);
      for (ConsentKind kind : kAllConsents) RecordConsent(sql, e, kind, e.consents.Get(kind), at);
      e.submitted_at = at;
      for (const Cell& cell : CountedCells(e)) ++added[{known->second, cell}];
    }
    for (const auto& [key, people] : added) {
      sql << "INSERT INTO experience_aggregates (condition_id, question, bucket, people)"
             " VALUES (:c, :q, :b, :n) ON CONFLICT (condition_id, question, bucket)"
             " DO UPDATE SET people = experience_aggregates.people + :n2",
          soci::use(key.first, "c"), soci::use(key.second.question, "q"), soci::use(key.second.bucket, "b"),
          soci::use(people, "n"), soci::use(people, "n2");
    }
    BumpContentGeneration(sql);
    return Status::Ok();
  });
}

Result<long long> ExperienceStore::RemoveSynthetic() {
  return db_.InTransaction([&](soci::session& sql) -> Result<long long> {
    std::vector<long long> conditions;
    {
      soci::rowset<soci::row> rows =
          (sql.prepare << "SELECT DISTINCT e.condition_id FROM experiences e"
                          " JOIN synthetic_members s ON s.user_id = e.user_id ORDER BY e.condition_id");
      for (const soci::row& row : rows) conditions.push_back(RowInteger(row, 0));
    }
    long long removed = 0;
    sql << "SELECT COUNT(*) FROM experiences WHERE user_id IN (SELECT user_id FROM synthetic_members)",
        soci::into(removed);
    sql << "DELETE FROM experience_consents WHERE experience_id IN (SELECT id FROM experiences"
           " WHERE user_id IN (SELECT user_id FROM synthetic_members))";
    sql << "DELETE FROM experiences WHERE user_id IN (SELECT user_id FROM synthetic_members)";
    // What the people left count, recounted from their experiences.
    for (long long condition_id : conditions) {
      const Tally tally = RecountWhere(sql, "e.condition_id", condition_id);
      sql << "DELETE FROM experience_aggregates WHERE condition_id = :c", soci::use(condition_id, "c");
      for (const auto& [cell, people] : tally) {
        const long long n = people;
        sql << "INSERT INTO experience_aggregates (condition_id, question, bucket, people) VALUES (:c, :q, :b, :n)",
            soci::use(condition_id, "c"), soci::use(cell.question, "q"), soci::use(cell.bucket, "b"),
            soci::use(n, "n");
      }
    }
    if (removed > 0) BumpContentGeneration(sql);
    return removed;
  });
}

}  // namespace diseasemaps::experiences
