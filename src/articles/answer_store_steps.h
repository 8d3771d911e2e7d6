// The workflow steps AnswerStore shares between an answer's English versions
// (answer_versions, migration 0004) and its translations' versions
// (answer_translation_versions, migration 0015): the same statuses, the same steps and
// the same checks, on the tables `Tables` names. Internal to the articles store
// (answer_store.cc, answer_store_translations.cc); nothing else includes it.
//
// Every function runs inside the caller's transaction (a soci::session in one) and
// throws what SOCI throws; the store's Database::InTransaction turns that into a Status.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include <soci/soci.h>

#include "articles/answer.h"
#include "articles/answer_rules.h"
#include "platform/db/database.h"
#include "platform/status.h"

namespace diseasemaps::articles::store_steps {

// Where one family of versions lives.
struct Tables {
  const char* versions;   // "answer_versions"
  const char* owner;      // "answers": the row each version belongs to
  const char* owner_key;  // "answer_id": the versions' and events' column naming it
  const char* events;     // "answer_events"
  bool translation;       // versions carry source_version_id
  const char* what;       // "answer" / "translation", for messages
};

inline constexpr Tables kAnswerTables{"answer_versions", "answers", "answer_id", "answer_events", false, "answer"};
inline constexpr Tables kTranslationTables{"answer_translation_versions", "answer_translations", "translation_id",
                                           "answer_translation_events", true, "translation"};

// "SELECT <the version's columns> FROM <versions> v"; VersionFromRow reads a row of it
// (owner_key's value lands in AnswerVersion::answer_id).
std::string VersionColumns(const Tables& t);
AnswerVersion VersionFromRow(const soci::row& row, const Tables& t);
std::optional<long long> OptionalInteger(const soci::row& row, std::size_t column);

// A value for a nullable column: bind `value` with `indicator`.
struct Nullable {
  explicit Nullable(const std::optional<long long>& v)
      : value(v.value_or(0)), indicator(v ? soci::i_ok : soci::i_null) {}
  long long value;
  soci::indicator indicator;
};

std::optional<AnswerVersion> LoadVersion(soci::session& sql, const Tables& t, long long version_id);

// Takes the owner row's lock (PostgreSQL; SQLite's transaction already holds the
// write lock). False when it is absent.
bool LockOwner(soci::session& sql, const Tables& t, long long owner_id, long long now);

int LatestNumber(soci::session& sql, const Tables& t, long long owner_id);

// Inserts a version; returns its id. `source_version_id` is written for translations.
long long InsertVersion(soci::session& sql, const Tables& t, long long owner_id, int number,
                        const AnswerContent& content, AnswerStatus status, const Actor& author, long long now,
                        long long source_version_id = 0);

void RecordEvent(soci::session& sql, const Tables& t, long long owner_id, long long version_id,
                 std::string_view action, std::optional<AnswerStatus> from, AnswerStatus to,
                 std::optional<long long> actor_id, const std::string& actor_label, const std::string& comment,
                 long long now);

Status ValidateActorLabel(const std::string& label, const char* who);
Status ValidateReviewer(const Reviewer& reviewer);
Status ValidateComment(const std::string& comment, bool required);

// The common opening of every step: the version, locked, checked to be the latest and
// to allow `action`. NotFound / Conflict otherwise.
struct Step {
  AnswerVersion version;
  Transition transition;
};
Result<Step> BeginStep(soci::session& sql, const Tables& t, long long version_id, AnswerAction action,
                       long long now);

// Records a reviewer's decision on a submitted version.
void WriteReview(soci::session& sql, const Tables& t, const AnswerVersion& v, AnswerStatus to,
                 const Reviewer& reviewer, const std::string& comment, long long now);

// The edit step, after BeginStep: changes the draft in place or writes the next
// version. Returns the draft's id. For a translation, `source_version_id` (the English
// version the text now follows) is written to the draft.
long long EditIn(soci::session& sql, const Tables& t, const Step& step, const AnswerContent& content,
                 const Actor& editor, long long now, long long source_version_id = 0);

// The submit step on `v`, a draft or returned version that BeginStep (or EditIn) left
// as the latest.
void SubmitIn(soci::session& sql, const Tables& t, const AnswerVersion& v, const Actor& author, long long now);

// Whole steps, each one transaction on `db` that also moves the content generation,
// shared by the English versions and the translations' versions. They check their
// inputs (ValidateActorLabel, ValidateReviewer, ValidateComment) before anything is
// read, and return the version as it is after the step.
//
// `published` runs after an approval, in the same transaction: the family's own way of
// making the approved version public (its owner row, search's note).
using PublishFn = std::function<void(soci::session& sql, const AnswerVersion& approved, long long now)>;
Result<AnswerVersion> SubmitStep(Database& db, const Tables& t, long long version_id, const Actor& author,
                                 long long now);
Result<AnswerVersion> ReviewStep(Database& db, const Tables& t, long long version_id, const Reviewer& reviewer,
                                 const std::string& comment, AnswerStatus decision, long long now,
                                 const PublishFn& published);

}  // namespace diseasemaps::articles::store_steps
