#include "articles/answer_store.h"

#include "articles/answer_store_steps.h"

#include <chrono>
#include <map>

#include "platform/content_generation.h"
#include "platform/db/row_text.h"
#include "platform/i18n.h"
#include "platform/text.h"
#include "search/search_store.h"

namespace diseasemaps::articles {
namespace {

using namespace store_steps;  // the shared steps, on kAnswerTables

constexpr const Tables& kT = kAnswerTables;

constexpr const char* kVersionFields =
    "v.id, v.answer_id, v.number, v.question, v.short_answer, v.body_markdown, v.status,"
    " v.author_label, v.author_user_id, v.created_at, v.updated_at, v.submitted_at, v.reviewed_at,"
    " v.reviewer_user_id, v.reviewer_name, v.reviewer_credentials, v.review_comment";

const std::string kVersionColumns = std::string("SELECT ") + kVersionFields + " FROM answer_versions v";

constexpr const char* kAnswerColumns =
    "SELECT id, condition_id, slug, question, position, created_at, updated_at,"
    " published_version_id, last_reviewed_at FROM answers";

// The editorial queues: an answer's latest version (columns 0-16), the answer (17-25)
// and its condition (26-29).
const std::string kEditorialColumns =
    std::string("SELECT ") + kVersionFields +
    ", a.id, a.condition_id, a.slug, a.question, a.position, a.created_at, a.updated_at,"
    " a.published_version_id, a.last_reviewed_at, c.id, c.orphacode, c.name, c.slug"
    " FROM answer_versions v JOIN answers a ON a.id = v.answer_id"
    " JOIN conditions c ON c.id = a.condition_id"
    " WHERE v.number = (SELECT MAX(w.number) FROM answer_versions w WHERE w.answer_id = v.answer_id)";

AnswerVersion VersionFromRow(const soci::row& row) { return store_steps::VersionFromRow(row, kT); }

Answer AnswerFromRow(const soci::row& row, std::size_t first = 0) {
  Answer a;
  a.id = RowInteger(row, first + 0);
  a.condition_id = RowInteger(row, first + 1);
  a.slug = RowText(row, first + 2);
  a.question = RowText(row, first + 3);
  a.position = static_cast<int>(RowInteger(row, first + 4));
  a.created_at = RowInteger(row, first + 5);
  a.updated_at = RowInteger(row, first + 6);
  a.published_version_id = OptionalInteger(row, first + 7);
  a.last_reviewed_at = OptionalInteger(row, first + 8);
  return a;
}

EditorialItem EditorialItemFromRow(const soci::row& row) {
  EditorialItem item;
  item.latest = VersionFromRow(row);
  item.answer = AnswerFromRow(row, 17);
  item.condition.id = RowInteger(row, 26);
  item.condition.orphacode = static_cast<int>(RowInteger(row, 27));
  item.condition.name = RowText(row, 28);
  item.condition.slug = RowText(row, 29);
  return item;
}

ConditionRef ConditionFromRow(const soci::row& row) {
  return ConditionRef{RowInteger(row, 0), static_cast<int>(RowInteger(row, 1)), RowText(row, 2),
                      RowText(row, 3)};
}

std::optional<AnswerVersion> LoadVersion(soci::session& sql, long long version_id) {
  return store_steps::LoadVersion(sql, kT, version_id);
}

std::optional<Answer> LoadAnswer(soci::session& sql, long long answer_id) {
  soci::rowset<soci::row> rows = (sql.prepare << std::string(kAnswerColumns) + " WHERE id = :id",
                                  soci::use(answer_id));
  for (const soci::row& row : rows) return AnswerFromRow(row);
  return std::nullopt;
}

Status ValidateNew(const NewAnswer& a) {
  if (!IsValidAnswerSlug(a.slug)) {
    return Status::InvalidArgument(i18n::Tr("'{slug}' is not a valid answer slug: use 1 to {limit} lower-case "
                                            "letters, digits and single hyphens",
                                            {{"slug", a.slug.substr(0, kMaxSlugBytes)},
                                             {"limit", std::to_string(kMaxSlugBytes)}}));
  }
  if (Status s = ValidateAnswerText(a.content.question, a.content.short_answer, a.content.body_markdown);
      !s.ok()) {
    return s;
  }
  return ValidateActorLabel(a.author.label, "author");
}

Result<Answer> CreateIn(soci::session& sql, const NewAnswer& a, long long now) {
  long long conditions = 0;
  sql << "SELECT COUNT(*) FROM conditions WHERE id = :id", soci::use(a.condition_id), soci::into(conditions);
  if (conditions == 0) return Status::NotFound("there is no condition " + std::to_string(a.condition_id));
  long long clashes = 0;
  sql << "SELECT COUNT(*) FROM answers WHERE condition_id = :id AND slug = :slug", soci::use(a.condition_id),
      soci::use(a.slug), soci::into(clashes);
  if (clashes > 0) {
    return Status::Conflict(i18n::Tr("this condition already has an answer at '{slug}'", {{"slug", a.slug}}));
  }
  sql << "INSERT INTO answers (condition_id, slug, question, position, created_at, updated_at)"
         " VALUES (:condition, :slug, :question, :position, :created, :updated)",
      soci::use(a.condition_id), soci::use(a.slug), soci::use(a.content.question), soci::use(a.position),
      soci::use(now), soci::use(now);
  long long answer_id = 0;
  sql << "SELECT id FROM answers WHERE condition_id = :id AND slug = :slug", soci::use(a.condition_id),
      soci::use(a.slug), soci::into(answer_id);
  const AnswerStatus status = a.submit ? AnswerStatus::kSubmitted : AnswerStatus::kDraft;
  const long long version_id = InsertVersion(sql, kT, answer_id, 1, a.content, status, a.author, now);
  RecordEvent(sql, kT, answer_id, version_id, "create", std::nullopt, status, a.author.user_id, a.author.label,
              "", now);
  return *LoadAnswer(sql, answer_id);
}

// Gives each snapshot its translation into `lang`, if it has one: the translation and
// its published and latest versions.
void AddTranslations(soci::session& sql, long long condition_id, const std::string& lang,
                     std::vector<AnswerSnapshot>& snapshots) {
  std::map<long long, AnswerSnapshot*> by_answer;
  for (AnswerSnapshot& s : snapshots) by_answer[s.answer.id] = &s;
  std::map<long long, AnswerSnapshot*> by_translation;
  {
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT t.id, t.answer_id, t.lang, t.created_at, t.updated_at, t.published_version_id,"
                        " t.last_reviewed_at FROM answer_translations t JOIN answers a ON a.id = t.answer_id"
                        " WHERE a.condition_id = :condition AND t.lang = :lang",
         soci::use(condition_id), soci::use(lang));
    for (const soci::row& row : rows) {
      AnswerTranslation t{RowInteger(row, 0), RowInteger(row, 1), RowText(row, 2), RowInteger(row, 3),
                          RowInteger(row, 4), OptionalInteger(row, 5), OptionalInteger(row, 6)};
      auto found = by_answer.find(t.answer_id);
      if (found == by_answer.end()) continue;
      found->second->translation = TranslationSnapshot{t, std::nullopt, {}};
      by_translation[t.id] = found->second;
    }
  }
  if (by_translation.empty()) return;
  soci::rowset<soci::row> rows =
      (sql.prepare << VersionColumns(kTranslationTables) +
                          " JOIN answer_translations t ON t.id = v.translation_id"
                          " JOIN answers a ON a.id = t.answer_id WHERE a.condition_id = :condition"
                          " AND t.lang = :lang AND (v.id = t.published_version_id OR v.number ="
                          " (SELECT MAX(w.number) FROM answer_translation_versions w"
                          " WHERE w.translation_id = v.translation_id))",
       soci::use(condition_id), soci::use(lang));
  for (const soci::row& row : rows) {
    AnswerVersion version = store_steps::VersionFromRow(row, kTranslationTables);
    auto found = by_translation.find(version.answer_id);
    if (found == by_translation.end()) continue;
    TranslationSnapshot& t = *found->second->translation;
    if (t.translation.published_version_id == version.id) t.published = version;
    if (version.number >= t.latest.number) t.latest = std::move(version);
  }
  // A translation is created with its version 1 in one transaction; one read between
  // the two queries without versions is left out.
  for (auto& [id, snapshot] : by_translation) {
    if (snapshot->translation->latest.id == 0) snapshot->translation.reset();
  }
}

}  // namespace

long long AnswerStore::SystemNow() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

AnswerStore::AnswerStore(Database& db, Clock clock) : db_(db), clock_(std::move(clock)) {}

Result<Answer> AnswerStore::Create(const NewAnswer& new_answer) {
  if (Status s = ValidateNew(new_answer); !s.ok()) return s;
  const long long now = clock_();
  return db_.InTransaction([&](soci::session& sql) -> Result<Answer> {
    auto created = CreateIn(sql, new_answer, now);
    if (created.ok()) BumpContentGeneration(sql);
    return created;
  });
}

Result<AnswerVersion> AnswerStore::Edit(long long version_id, const AnswerContent& content, const Actor& editor) {
  if (Status s = ValidateAnswerText(content.question, content.short_answer, content.body_markdown); !s.ok()) {
    return s;
  }
  if (Status s = ValidateActorLabel(editor.label, "editor"); !s.ok()) return s;
  const long long now = clock_();
  return db_.InTransaction([&](soci::session& sql) -> Result<AnswerVersion> {
    auto step = BeginStep(sql, kT, version_id, AnswerAction::kEdit, now);
    if (!step.ok()) return step.status();
    const long long draft_id = EditIn(sql, kT, *step, content, editor, now);
    BumpContentGeneration(sql);
    return *LoadVersion(sql, draft_id);
  });
}

Result<AnswerVersion> AnswerStore::EditAndSubmit(long long version_id, const AnswerContent& content,
                                                 const Actor& editor) {
  if (Status s = ValidateAnswerText(content.question, content.short_answer, content.body_markdown); !s.ok()) {
    return s;
  }
  if (Status s = ValidateActorLabel(editor.label, "editor"); !s.ok()) return s;
  const long long now = clock_();
  return db_.InTransaction([&](soci::session& sql) -> Result<AnswerVersion> {
    auto step = BeginStep(sql, kT, version_id, AnswerAction::kEdit, now);
    if (!step.ok()) return step.status();
    const long long draft_id = EditIn(sql, kT, *step, content, editor, now);
    std::optional<AnswerVersion> draft = LoadVersion(sql, draft_id);
    SubmitIn(sql, kT, *draft, editor, now);
    BumpContentGeneration(sql);
    return *LoadVersion(sql, draft_id);
  });
}

Result<AnswerVersion> AnswerStore::Submit(long long version_id, const Actor& author) {
  return store_steps::SubmitStep(db_, kT, version_id, author, clock_());
}

Result<AnswerVersion> AnswerStore::Approve(long long version_id, const Reviewer& reviewer,
                                           const std::string& comment) {
  return store_steps::ReviewStep(
      db_, kT, version_id, reviewer, comment, AnswerStatus::kApproved, clock_(),
      [](soci::session& sql, const AnswerVersion& v, long long now) {
        sql << "UPDATE answers SET published_version_id = :version, last_reviewed_at = :reviewed,"
               " question = :question WHERE id = :id",
            soci::use(v.id), soci::use(now), soci::use(v.content.question), soci::use(v.answer_id);
        search::NoteAnswerChanged(sql, v.answer_id);
      });
}

Result<AnswerVersion> AnswerStore::Return(long long version_id, const Reviewer& reviewer,
                                          const std::string& comment) {
  return store_steps::ReviewStep(db_, kT, version_id, reviewer, comment, AnswerStatus::kReturned, clock_(), {});
}

Result<Answer> AnswerStore::Find(long long answer_id) {
  return db_.Run([&](soci::session& sql) -> Result<Answer> {
    auto answer = LoadAnswer(sql, answer_id);
    if (!answer) return Status::NotFound("there is no answer " + std::to_string(answer_id));
    return *answer;
  });
}

Result<Answer> AnswerStore::FindBySlug(long long condition_id, std::string_view slug) {
  const std::string key(slug);
  return db_.Run([&](soci::session& sql) -> Result<Answer> {
    soci::rowset<soci::row> rows =
        (sql.prepare << std::string(kAnswerColumns) + " WHERE condition_id = :condition AND slug = :slug",
         soci::use(condition_id), soci::use(key));
    for (const soci::row& row : rows) return AnswerFromRow(row);
    return Status::NotFound("this condition has no answer at '" + key + "'");
  });
}

Result<AnswerVersion> AnswerStore::FindVersion(long long version_id) {
  return db_.Run([&](soci::session& sql) -> Result<AnswerVersion> {
    auto version = LoadVersion(sql, version_id);
    if (!version) return Status::NotFound("there is no answer version " + std::to_string(version_id));
    return *version;
  });
}

Result<std::vector<AnswerVersion>> AnswerStore::Versions(long long answer_id) {
  return db_.Run([&](soci::session& sql) {
    std::vector<AnswerVersion> versions;
    soci::rowset<soci::row> rows =
        (sql.prepare << kVersionColumns + " WHERE v.answer_id = :id ORDER BY v.number",
         soci::use(answer_id));
    for (const soci::row& row : rows) versions.push_back(VersionFromRow(row));
    return versions;
  });
}

Result<std::vector<AnswerEvent>> AnswerStore::Events(long long answer_id) {
  return db_.Run([&](soci::session& sql) {
    std::vector<AnswerEvent> events;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT id, answer_id, version_id, action, from_status, to_status, actor_user_id,"
                        " actor_label, comment, created_at FROM answer_events WHERE answer_id = :id ORDER BY id",
         soci::use(answer_id));
    for (const soci::row& row : rows) {
      events.push_back({RowInteger(row, 0), RowInteger(row, 1), RowInteger(row, 2), RowText(row, 3),
                        RowText(row, 4), RowText(row, 5), OptionalInteger(row, 6), RowText(row, 7),
                        RowText(row, 8), RowInteger(row, 9)});
    }
    return events;
  });
}

Result<std::vector<AnswerSnapshot>> AnswerStore::ForCondition(long long condition_id, std::string_view lang) {
  const std::string language(lang);
  return db_.Run([&](soci::session& sql) {
    std::vector<AnswerSnapshot> snapshots;
    std::map<long long, std::size_t> by_id;
    {
      soci::rowset<soci::row> rows =
          (sql.prepare << std::string(kAnswerColumns) + " WHERE condition_id = :id ORDER BY position, id",
           soci::use(condition_id));
      for (const soci::row& row : rows) {
        AnswerSnapshot snapshot;
        snapshot.answer = AnswerFromRow(row);
        by_id[snapshot.answer.id] = snapshots.size();
        snapshots.push_back(std::move(snapshot));
      }
    }
    if (snapshots.empty()) return snapshots;
    soci::rowset<soci::row> rows =
        (sql.prepare << kVersionColumns +
                            " JOIN answers a ON a.id = v.answer_id WHERE a.condition_id = :id"
                            " AND (v.id = a.published_version_id OR v.number ="
                            " (SELECT MAX(w.number) FROM answer_versions w WHERE w.answer_id = v.answer_id))",
         soci::use(condition_id));
    std::map<long long, int> latest_number;
    for (const soci::row& row : rows) {
      AnswerVersion version = VersionFromRow(row);
      auto found = by_id.find(version.answer_id);
      if (found == by_id.end()) continue;  // an answer added since the first query
      AnswerSnapshot& snapshot = snapshots[found->second];
      if (snapshot.answer.published_version_id == version.id) snapshot.published = version;
      if (version.number >= latest_number[version.answer_id]) {
        latest_number[version.answer_id] = version.number;
        snapshot.latest = std::move(version);
      }
    }
    // An answer without versions cannot exist (created with version 1 in one
    // transaction); drop any such row rather than show an empty one.
    std::erase_if(snapshots, [](const AnswerSnapshot& s) { return s.latest.id == 0; });
    if (language != "en") AddTranslations(sql, condition_id, language, snapshots);
    return snapshots;
  });
}

Result<ConditionRef> AnswerStore::FindCondition(int orphacode) {
  return db_.Run([&](soci::session& sql) -> Result<ConditionRef> {
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT id, orphacode, name, slug FROM conditions WHERE orphacode = :code",
         soci::use(orphacode));
    for (const soci::row& row : rows) return ConditionFromRow(row);
    return Status::NotFound("there is no condition ORPHA:" + std::to_string(orphacode));
  });
}

Result<std::vector<ConditionRef>> AnswerStore::FindConditionsNamed(const std::string& name, int limit) {
  return db_.Run([&](soci::session& sql) -> Result<std::vector<ConditionRef>> {
    std::vector<ConditionRef> found;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT c.id, c.orphacode, c.name, c.slug FROM conditions c"
                        " WHERE c.status = 'active' AND (LOWER(c.name) = LOWER(:name) OR EXISTS"
                        " (SELECT 1 FROM condition_synonyms s WHERE s.condition_id = c.id"
                        " AND LOWER(s.synonym) = LOWER(:synonym)))"
                        " ORDER BY c.sort_name, c.orphacode LIMIT :limit",
         soci::use(name, "name"), soci::use(name, "synonym"), soci::use(limit, "limit"));
    for (const soci::row& row : rows) found.push_back(ConditionFromRow(row));
    return found;
  });
}

Result<ConditionRef> AnswerStore::ConditionOf(long long answer_id) {
  return db_.Run([&](soci::session& sql) -> Result<ConditionRef> {
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT c.id, c.orphacode, c.name, c.slug FROM conditions c"
                        " JOIN answers a ON a.condition_id = c.id WHERE a.id = :id",
         soci::use(answer_id));
    for (const soci::row& row : rows) return ConditionFromRow(row);
    return Status::NotFound("there is no answer " + std::to_string(answer_id));
  });
}

Result<std::vector<EditorialItem>> AnswerStore::DraftsBy(long long user_id, int limit) {
  return EditorialItems(
      " AND v.author_user_id = :value AND v.status IN ('draft', 'returned')"
      " ORDER BY v.updated_at DESC, v.id DESC LIMIT :limit",
      user_id, limit);
}

Result<std::vector<EditorialItem>> AnswerStore::WaitingForReview(long long overdue_before, int limit) {
  return EditorialItems(
      " AND v.status = 'submitted'"
      " ORDER BY CASE WHEN a.last_reviewed_at < :value THEN 0 ELSE 1 END, v.submitted_at, v.id LIMIT :limit",
      overdue_before, limit);
}

Result<std::vector<EditorialItem>> AnswerStore::ReviewedBefore(long long reviewed_before, int limit) {
  return EditorialItems(
      " AND a.last_reviewed_at < :value AND v.status <> 'submitted'"
      " ORDER BY a.last_reviewed_at, a.id LIMIT :limit",
      reviewed_before, limit);
}

Result<std::vector<EditorialItem>> AnswerStore::EditorialItems(const std::string& condition_and_order,
                                                               long long value, int limit) {
  return db_.Run([&](soci::session& sql) {
    std::vector<EditorialItem> items;
    soci::rowset<soci::row> rows =
        (sql.prepare << kEditorialColumns + condition_and_order, soci::use(value, "value"),
         soci::use(limit, "limit"));
    for (const soci::row& row : rows) items.push_back(EditorialItemFromRow(row));
    return items;
  });
}

Result<int> AnswerStore::CreateMissingSubmitted(const std::vector<ContentAnswer>& answers, const Actor& author) {
  for (const ContentAnswer& a : answers) {
    NewAnswer check{0, a.slug, a.position, a.content, author, true};
    if (Status s = ValidateNew(check); !s.ok()) {
      return Status::InvalidArgument("ORPHA:" + std::to_string(a.orphacode) + " '" + a.slug + "': " + s.message());
    }
  }
  const long long now = clock_();
  return db_.InTransaction([&](soci::session& sql) -> Result<int> {
    int created = 0;
    for (const ContentAnswer& a : answers) {
      long long condition_id = 0;
      sql << "SELECT id FROM conditions WHERE orphacode = :code", soci::use(a.orphacode), soci::into(condition_id);
      if (!sql.got_data()) continue;  // the condition is not in this catalogue
      long long existing = 0;
      sql << "SELECT COUNT(*) FROM answers WHERE condition_id = :id AND slug = :slug", soci::use(condition_id),
          soci::use(a.slug), soci::into(existing);
      if (existing > 0) continue;
      auto answer = CreateIn(sql, NewAnswer{condition_id, a.slug, a.position, a.content, author, true}, now);
      if (!answer.ok()) return answer.status();
      ++created;
    }
    if (created > 0) BumpContentGeneration(sql);
    return created;
  });
}

}  // namespace diseasemaps::articles
