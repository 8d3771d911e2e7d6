// AnswerStore's translations: the SQL of migrations/0015_answer_translations.sql. The
// workflow is answer_store_steps.h's, the same as for the English text, on the
// translation tables.
#include <map>

#include "articles/answer_store.h"
#include "articles/answer_store_steps.h"
#include "platform/content_generation.h"
#include "platform/db/row_text.h"
#include "platform/i18n.h"
#include "platform/text.h"

namespace diseasemaps::articles {
namespace {

using namespace store_steps;  // on kTranslationTables
using i18n::Tr;

constexpr const Tables& kT = kTranslationTables;

constexpr const char* kTranslationColumns =
    "SELECT t.id, t.answer_id, t.lang, t.created_at, t.updated_at, t.published_version_id, t.last_reviewed_at"
    " FROM answer_translations t";

AnswerTranslation TranslationFromRow(const soci::row& row, std::size_t first = 0) {
  return AnswerTranslation{RowInteger(row, first + 0), RowInteger(row, first + 1),        RowText(row, first + 2),
                           RowInteger(row, first + 3), RowInteger(row, first + 4),
                           OptionalInteger(row, first + 5), OptionalInteger(row, first + 6)};
}

std::optional<AnswerTranslation> LoadTranslation(soci::session& sql, long long translation_id) {
  soci::rowset<soci::row> rows =
      (sql.prepare << std::string(kTranslationColumns) + " WHERE t.id = :id", soci::use(translation_id));
  for (const soci::row& row : rows) return TranslationFromRow(row);
  return std::nullopt;
}

// Ok when `lang` may hold a translation: a language of the site other than English.
Status ValidateLanguage(std::string_view lang) {
  if (lang == i18n::kDefaultLanguage) {
    return Status::InvalidArgument(Tr("English is the answer's own language; choose another language to translate into"));
  }
  if (!i18n::IsSupported(lang)) {
    std::string codes;
    for (const i18n::Language& l : i18n::Languages()) {
      if (l.code == i18n::kDefaultLanguage) continue;
      if (!codes.empty()) codes += ", ";
      codes += std::string(l.code);
    }
    return Status::InvalidArgument(Tr("\"{lang}\" is not a language of the site; choose one of {codes}",
                                      {{"lang", std::string(lang.substr(0, 20))}, {"codes", codes}}));
  }
  return Status::Ok();
}

// Ok when `source_version_id` is a version of the answer the translation belongs to.
Status CheckSource(soci::session& sql, long long answer_id, long long source_version_id) {
  long long found = 0;
  sql << "SELECT COUNT(*) FROM answer_versions WHERE id = :id AND answer_id = :answer",
      soci::use(source_version_id), soci::use(answer_id), soci::into(found);
  if (found == 0) {
    return Status::InvalidArgument(
        Tr("the English version this translation follows is not a version of this answer; reload the page"));
  }
  return Status::Ok();
}

// The answer a translation version belongs to, for CheckSource; 0 when none.
long long AnswerOfVersion(soci::session& sql, long long version_id) {
  long long answer_id = 0;
  sql << "SELECT t.answer_id FROM answer_translation_versions v JOIN answer_translations t"
         " ON t.id = v.translation_id WHERE v.id = :id",
      soci::use(version_id), soci::into(answer_id);
  return sql.got_data() ? answer_id : 0;
}

Status ValidateText(const AnswerContent& c) {
  return ValidateAnswerText(c.question, c.short_answer, c.body_markdown);
}

}  // namespace

Result<AnswerTranslation> AnswerStore::CreateTranslation(long long answer_id, std::string_view lang,
                                                         const AnswerContent& content, long long source_version_id,
                                                         const Actor& author) {
  if (Status s = ValidateLanguage(lang); !s.ok()) return s;
  if (Status s = ValidateText(content); !s.ok()) return s;
  if (Status s = ValidateActorLabel(author.label, "author"); !s.ok()) return s;
  const std::string language(lang);
  const long long now = clock_();
  return db_.InTransaction([&](soci::session& sql) -> Result<AnswerTranslation> {
    // The answer's row lock, as every step on an answer takes it.
    soci::statement lock = (sql.prepare << "UPDATE answers SET updated_at = updated_at WHERE id = :id",
                            soci::use(answer_id));
    lock.execute(true);
    if (lock.get_affected_rows() == 0) return Status::NotFound(Tr("there is no such answer"));
    if (Status s = CheckSource(sql, answer_id, source_version_id); !s.ok()) return s;
    long long existing = 0;
    sql << "SELECT COUNT(*) FROM answer_translations WHERE answer_id = :id AND lang = :lang", soci::use(answer_id),
        soci::use(language), soci::into(existing);
    if (existing > 0) {
      return Status::Conflict(Tr("this answer already has a translation into {lang}; open it from the answer's page",
                                 {{"lang", language}}));
    }
    sql << "INSERT INTO answer_translations (answer_id, lang, created_at, updated_at)"
           " VALUES (:answer, :lang, :created, :updated)",
        soci::use(answer_id), soci::use(language), soci::use(now), soci::use(now);
    long long translation_id = 0;
    sql << "SELECT id FROM answer_translations WHERE answer_id = :id AND lang = :lang", soci::use(answer_id),
        soci::use(language), soci::into(translation_id);
    const long long version_id =
        InsertVersion(sql, kT, translation_id, 1, content, AnswerStatus::kDraft, author, now, source_version_id);
    RecordEvent(sql, kT, translation_id, version_id, "create", std::nullopt, AnswerStatus::kDraft, author.user_id,
                author.label, "", now);
    BumpContentGeneration(sql);
    return *LoadTranslation(sql, translation_id);
  });
}

Result<AnswerVersion> AnswerStore::EditTranslation(long long version_id, const AnswerContent& content,
                                                   long long source_version_id, const Actor& editor) {
  if (Status s = ValidateText(content); !s.ok()) return s;
  if (Status s = ValidateActorLabel(editor.label, "editor"); !s.ok()) return s;
  const long long now = clock_();
  return db_.InTransaction([&](soci::session& sql) -> Result<AnswerVersion> {
    auto step = BeginStep(sql, kT, version_id, AnswerAction::kEdit, now);
    if (!step.ok()) return step.status();
    if (Status s = CheckSource(sql, AnswerOfVersion(sql, version_id), source_version_id); !s.ok()) return s;
    const long long draft_id = EditIn(sql, kT, *step, content, editor, now, source_version_id);
    BumpContentGeneration(sql);
    return *LoadVersion(sql, kT, draft_id);
  });
}

Result<AnswerVersion> AnswerStore::EditAndSubmitTranslation(long long version_id, const AnswerContent& content,
                                                            long long source_version_id, const Actor& editor) {
  if (Status s = ValidateText(content); !s.ok()) return s;
  if (Status s = ValidateActorLabel(editor.label, "editor"); !s.ok()) return s;
  const long long now = clock_();
  return db_.InTransaction([&](soci::session& sql) -> Result<AnswerVersion> {
    auto step = BeginStep(sql, kT, version_id, AnswerAction::kEdit, now);
    if (!step.ok()) return step.status();
    if (Status s = CheckSource(sql, AnswerOfVersion(sql, version_id), source_version_id); !s.ok()) return s;
    const long long draft_id = EditIn(sql, kT, *step, content, editor, now, source_version_id);
    std::optional<AnswerVersion> draft = LoadVersion(sql, kT, draft_id);
    SubmitIn(sql, kT, *draft, editor, now);
    BumpContentGeneration(sql);
    return *LoadVersion(sql, kT, draft_id);
  });
}

Result<AnswerVersion> AnswerStore::SubmitTranslation(long long version_id, const Actor& author) {
  return store_steps::SubmitStep(db_, kT, version_id, author, clock_());
}

Result<AnswerVersion> AnswerStore::ApproveTranslation(long long version_id, const Reviewer& reviewer,
                                                      const std::string& comment) {
  return store_steps::ReviewStep(
      db_, kT, version_id, reviewer, comment, AnswerStatus::kApproved, clock_(),
      [](soci::session& sql, const AnswerVersion& v, long long now) {
        sql << "UPDATE answer_translations SET published_version_id = :version, last_reviewed_at = :reviewed"
               " WHERE id = :id",
            soci::use(v.id), soci::use(now), soci::use(v.answer_id);
      });
}

Result<AnswerVersion> AnswerStore::ReturnTranslation(long long version_id, const Reviewer& reviewer,
                                                     const std::string& comment) {
  return store_steps::ReviewStep(db_, kT, version_id, reviewer, comment, AnswerStatus::kReturned, clock_(), {});
}

Result<AnswerTranslation> AnswerStore::FindTranslation(long long answer_id, std::string_view lang) {
  const std::string language(lang);
  return db_.Run([&](soci::session& sql) -> Result<AnswerTranslation> {
    soci::rowset<soci::row> rows =
        (sql.prepare << std::string(kTranslationColumns) + " WHERE t.answer_id = :id AND t.lang = :lang",
         soci::use(answer_id), soci::use(language));
    for (const soci::row& row : rows) return TranslationFromRow(row);
    return Status::NotFound(Tr("this answer has no translation into {lang} yet", {{"lang", language}}));
  });
}

Result<AnswerVersion> AnswerStore::FindTranslationVersion(long long version_id) {
  return db_.Run([&](soci::session& sql) -> Result<AnswerVersion> {
    auto version = LoadVersion(sql, kT, version_id);
    if (!version) return Status::NotFound(Tr("there is no such version ({id})", {{"id", std::to_string(version_id)}}));
    return *version;
  });
}

Result<std::vector<TranslationSnapshot>> AnswerStore::Translations(long long answer_id) {
  return db_.Run([&](soci::session& sql) {
    std::vector<TranslationSnapshot> list;
    std::map<long long, std::size_t> by_id;
    {
      soci::rowset<soci::row> rows =
          (sql.prepare << std::string(kTranslationColumns) + " WHERE t.answer_id = :id ORDER BY t.lang",
           soci::use(answer_id));
      for (const soci::row& row : rows) {
        by_id[RowInteger(row, 0)] = list.size();
        list.push_back(TranslationSnapshot{TranslationFromRow(row), std::nullopt, {}});
      }
    }
    if (list.empty()) return list;
    soci::rowset<soci::row> rows =
        (sql.prepare << VersionColumns(kT) +
                            " JOIN answer_translations t ON t.id = v.translation_id WHERE t.answer_id = :id"
                            " AND (v.id = t.published_version_id OR v.number = (SELECT MAX(w.number)"
                            " FROM answer_translation_versions w WHERE w.translation_id = v.translation_id))",
         soci::use(answer_id));
    for (const soci::row& row : rows) {
      AnswerVersion version = VersionFromRow(row, kT);
      auto found = by_id.find(version.answer_id);
      if (found == by_id.end()) continue;
      TranslationSnapshot& t = list[found->second];
      if (t.translation.published_version_id == version.id) t.published = version;
      if (version.number >= t.latest.number) t.latest = std::move(version);
    }
    std::erase_if(list, [](const TranslationSnapshot& t) { return t.latest.id == 0; });
    return list;
  });
}

Result<std::vector<AnswerVersion>> AnswerStore::TranslationVersions(long long translation_id) {
  return db_.Run([&](soci::session& sql) {
    std::vector<AnswerVersion> versions;
    soci::rowset<soci::row> rows = (sql.prepare << VersionColumns(kT) + " WHERE v.translation_id = :id ORDER BY v.number",
                                    soci::use(translation_id));
    for (const soci::row& row : rows) versions.push_back(VersionFromRow(row, kT));
    return versions;
  });
}

Result<std::vector<AnswerEvent>> AnswerStore::TranslationEvents(long long translation_id) {
  return db_.Run([&](soci::session& sql) {
    std::vector<AnswerEvent> events;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT id, translation_id, version_id, action, from_status, to_status, actor_user_id,"
                        " actor_label, comment, created_at FROM answer_translation_events"
                        " WHERE translation_id = :id ORDER BY id",
         soci::use(translation_id));
    for (const soci::row& row : rows) {
      events.push_back({RowInteger(row, 0), RowInteger(row, 1), RowInteger(row, 2), RowText(row, 3),
                        RowText(row, 4), RowText(row, 5), OptionalInteger(row, 6), RowText(row, 7),
                        RowText(row, 8), RowInteger(row, 9)});
    }
    return events;
  });
}

Result<std::vector<TranslationItem>> AnswerStore::TranslationsWaitingForReview(int limit) {
  return db_.Run([&](soci::session& sql) {
    std::vector<TranslationItem> items;
    // The translation's latest version, then the translation, the answer and its condition.
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT t.id, t.answer_id, t.lang, t.created_at, t.updated_at, t.published_version_id,"
                        " t.last_reviewed_at, a.slug, a.question, c.id, c.orphacode, c.name, c.slug, v.id"
                        " FROM answer_translation_versions v JOIN answer_translations t ON t.id = v.translation_id"
                        " JOIN answers a ON a.id = t.answer_id JOIN conditions c ON c.id = a.condition_id"
                        " WHERE v.status = 'submitted' AND v.number = (SELECT MAX(w.number)"
                        " FROM answer_translation_versions w WHERE w.translation_id = v.translation_id)"
                        " ORDER BY v.submitted_at, v.id LIMIT :limit",
         soci::use(limit));
    std::vector<long long> version_ids;
    for (const soci::row& row : rows) {
      TranslationItem item;
      item.translation = TranslationFromRow(row);
      item.item.answer.id = item.translation.answer_id;
      item.item.answer.slug = RowText(row, 7);
      item.item.answer.question = RowText(row, 8);
      item.item.condition = ConditionRef{RowInteger(row, 9), static_cast<int>(RowInteger(row, 10)),
                                         RowText(row, 11), RowText(row, 12)};
      version_ids.push_back(RowInteger(row, 13));
      items.push_back(std::move(item));
    }
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (auto v = LoadVersion(sql, kT, version_ids[i])) items[i].item.latest = std::move(*v);
    }
    return items;
  });
}

}  // namespace diseasemaps::articles
