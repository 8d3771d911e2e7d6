#include "articles/answer_store.h"

#include <chrono>
#include <map>

#include "platform/content_generation.h"
#include "platform/db/row_text.h"
#include "platform/text.h"
#include "search/search_store.h"

namespace diseasemaps::articles {
namespace {

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

std::optional<long long> OptionalInteger(const soci::row& row, std::size_t column) {
  if (row.get_indicator(column) == soci::i_null) return std::nullopt;
  return RowInteger(row, column);
}

AnswerVersion VersionFromRow(const soci::row& row) {
  AnswerVersion v;
  v.id = RowInteger(row, 0);
  v.answer_id = RowInteger(row, 1);
  v.number = static_cast<int>(RowInteger(row, 2));
  v.content.question = RowText(row, 3);
  v.content.short_answer = RowText(row, 4);
  v.content.body_markdown = RowText(row, 5);
  // The table's CHECK allows only the four names; a draft is the safe reading anyway.
  v.status = ParseStatus(RowText(row, 6)).value_or(AnswerStatus::kDraft);
  v.author_label = RowText(row, 7);
  v.author_user_id = OptionalInteger(row, 8);
  v.created_at = RowInteger(row, 9);
  v.updated_at = RowInteger(row, 10);
  v.submitted_at = OptionalInteger(row, 11);
  v.reviewed_at = OptionalInteger(row, 12);
  v.reviewer_user_id = OptionalInteger(row, 13);
  v.reviewer_name = RowText(row, 14);
  v.reviewer_credentials = RowText(row, 15);
  v.review_comment = RowText(row, 16);
  return v;
}

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

// A value for a nullable column: bind `value` with `indicator`.
struct Nullable {
  explicit Nullable(const std::optional<long long>& v)
      : value(v.value_or(0)), indicator(v ? soci::i_ok : soci::i_null) {}
  long long value;
  soci::indicator indicator;
};

std::optional<AnswerVersion> LoadVersion(soci::session& sql, long long version_id) {
  soci::rowset<soci::row> rows =
      (sql.prepare << kVersionColumns + " WHERE v.id = :id", soci::use(version_id));
  for (const soci::row& row : rows) return VersionFromRow(row);
  return std::nullopt;
}

std::optional<Answer> LoadAnswer(soci::session& sql, long long answer_id) {
  soci::rowset<soci::row> rows = (sql.prepare << std::string(kAnswerColumns) + " WHERE id = :id",
                                  soci::use(answer_id));
  for (const soci::row& row : rows) return AnswerFromRow(row);
  return std::nullopt;
}

// Takes the answer's row lock (PostgreSQL; SQLite's transaction already holds the
// write lock), so that steps on one answer never interleave. False when it is absent.
bool LockAnswer(soci::session& sql, long long answer_id, long long now) {
  soci::statement st = (sql.prepare << "UPDATE answers SET updated_at = :now WHERE id = :id",
                        soci::use(now), soci::use(answer_id));
  st.execute(true);
  return st.get_affected_rows() > 0;
}

int LatestNumber(soci::session& sql, long long answer_id) {
  long long number = 0;
  soci::indicator ind = soci::i_ok;
  sql << "SELECT MAX(number) FROM answer_versions WHERE answer_id = :id", soci::use(answer_id),
      soci::into(number, ind);
  return ind == soci::i_ok ? static_cast<int>(number) : 0;
}

long long InsertVersion(soci::session& sql, long long answer_id, int number, const AnswerContent& content,
                        AnswerStatus status, const Actor& author, long long now) {
  const std::string status_name(StatusName(status));
  Nullable author_id(author.user_id);
  Nullable submitted(status == AnswerStatus::kSubmitted ? std::optional<long long>(now) : std::nullopt);
  sql << "INSERT INTO answer_versions (answer_id, number, question, short_answer, body_markdown,"
         " status, author_label, author_user_id, created_at, updated_at, submitted_at)"
         " VALUES (:answer, :number, :question, :short, :body, :status, :author, :author_id,"
         " :created, :updated, :submitted)",
      soci::use(answer_id), soci::use(number), soci::use(content.question),
      soci::use(content.short_answer), soci::use(content.body_markdown), soci::use(status_name),
      soci::use(author.label), soci::use(author_id.value, author_id.indicator), soci::use(now),
      soci::use(now), soci::use(submitted.value, submitted.indicator);
  long long id = 0;
  sql << "SELECT id FROM answer_versions WHERE answer_id = :answer AND number = :number",
      soci::use(answer_id), soci::use(number), soci::into(id);
  return id;
}

void RecordEvent(soci::session& sql, long long answer_id, long long version_id, std::string_view action,
                 std::optional<AnswerStatus> from, AnswerStatus to, std::optional<long long> actor_id,
                 const std::string& actor_label, const std::string& comment, long long now) {
  const std::string action_name(action);
  std::string from_name(from ? StatusName(*from) : "");
  soci::indicator from_ind = from ? soci::i_ok : soci::i_null;
  const std::string to_name(StatusName(to));
  Nullable actor(actor_id);
  std::string comment_value = comment;
  soci::indicator comment_ind = comment.empty() ? soci::i_null : soci::i_ok;
  sql << "INSERT INTO answer_events (answer_id, version_id, action, from_status, to_status,"
         " actor_user_id, actor_label, comment, created_at)"
         " VALUES (:answer, :version, :action, :from, :to, :actor, :label, :comment, :at)",
      soci::use(answer_id), soci::use(version_id), soci::use(action_name), soci::use(from_name, from_ind),
      soci::use(to_name), soci::use(actor.value, actor.indicator), soci::use(actor_label),
      soci::use(comment_value, comment_ind), soci::use(now);
}

Status ValidateActorLabel(const std::string& label, const char* who) {
  if (TrimWhitespace(label).empty()) {
    return Status::InvalidArgument(std::string("the ") + who + "'s name is required");
  }
  if (label.size() > kMaxNameBytes) {
    return Status::TooLarge(std::string("the ") + who + "'s name is over " +
                            std::to_string(kMaxNameBytes) + " bytes");
  }
  return Status::Ok();
}

Status ValidateNew(const NewAnswer& a) {
  if (!IsValidAnswerSlug(a.slug)) {
    return Status::InvalidArgument("'" + a.slug.substr(0, kMaxSlugBytes) +
                                   "' is not a valid answer slug: use 1 to " +
                                   std::to_string(kMaxSlugBytes) +
                                   " lower-case letters, digits and single hyphens");
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
  if (clashes > 0) return Status::Conflict("this condition already has an answer at '" + a.slug + "'");
  sql << "INSERT INTO answers (condition_id, slug, question, position, created_at, updated_at)"
         " VALUES (:condition, :slug, :question, :position, :created, :updated)",
      soci::use(a.condition_id), soci::use(a.slug), soci::use(a.content.question), soci::use(a.position),
      soci::use(now), soci::use(now);
  long long answer_id = 0;
  sql << "SELECT id FROM answers WHERE condition_id = :id AND slug = :slug", soci::use(a.condition_id),
      soci::use(a.slug), soci::into(answer_id);
  const AnswerStatus status = a.submit ? AnswerStatus::kSubmitted : AnswerStatus::kDraft;
  const long long version_id = InsertVersion(sql, answer_id, 1, a.content, status, a.author, now);
  RecordEvent(sql, answer_id, version_id, "create", std::nullopt, status, a.author.user_id, a.author.label,
              "", now);
  return *LoadAnswer(sql, answer_id);
}

std::string RefusalMessage(const AnswerVersion& v, AnswerAction action) {
  const std::string version = "version " + std::to_string(v.number);
  switch (v.status) {
    case AnswerStatus::kSubmitted:
      if (action == AnswerAction::kEdit) {
        return version + " is waiting for a medical review; it can be changed once the reviewer "
                         "approves or returns it";
      }
      return version + " is already waiting for a medical review";
    case AnswerStatus::kApproved:
      return version + " is already approved and never changes; edit it to start a new version";
    case AnswerStatus::kDraft:
    case AnswerStatus::kReturned:
      return version + " is " + std::string(v.status == AnswerStatus::kDraft ? "a draft" : "returned") +
             ": only a version submitted for review can be " +
             (action == AnswerAction::kApprove ? "approved" : "returned");
  }
  return "cannot " + std::string(ActionName(action)) + " " + version;
}

// The common opening of every step: the version, locked, checked to be the latest and
// to allow `action`.
struct Step {
  AnswerVersion version;
  Transition transition;
};

Result<Step> BeginStep(soci::session& sql, long long version_id, AnswerAction action, long long now) {
  long long answer_id = 0;
  sql << "SELECT answer_id FROM answer_versions WHERE id = :id", soci::use(version_id), soci::into(answer_id);
  if (!sql.got_data()) return Status::NotFound("there is no answer version " + std::to_string(version_id));
  if (!LockAnswer(sql, answer_id, now)) return Status::NotFound("the answer no longer exists");
  std::optional<AnswerVersion> version = LoadVersion(sql, version_id);
  if (!version) return Status::NotFound("there is no answer version " + std::to_string(version_id));
  const int latest = LatestNumber(sql, answer_id);
  if (version->number != latest) {
    return Status::Conflict("version " + std::to_string(version->number) +
                            " is not the latest version of this answer (version " +
                            std::to_string(latest) + " is); reload and work on the latest");
  }
  std::optional<Transition> transition = NextStep(version->status, action);
  if (!transition) return Status::Conflict(RefusalMessage(*version, action));
  return Step{std::move(*version), *transition};
}

Status ValidateReviewer(const Reviewer& reviewer) {
  if (Status s = ValidateActorLabel(reviewer.name, "reviewer"); !s.ok()) return s;
  if (TrimWhitespace(reviewer.credentials).empty()) {
    return Status::InvalidArgument("the reviewer's credentials are required (for example \"MD, neurologist\")");
  }
  if (reviewer.credentials.size() > kMaxNameBytes) {
    return Status::TooLarge("the reviewer's credentials are over " + std::to_string(kMaxNameBytes) + " bytes");
  }
  return Status::Ok();
}

Status ValidateComment(const std::string& comment, bool required) {
  if (required && TrimWhitespace(comment).empty()) {
    return Status::InvalidArgument("a comment saying what to change is required");
  }
  if (comment.size() > kMaxCommentBytes) {
    return Status::TooLarge("the comment is " + std::to_string(comment.size()) + " bytes long; the limit is " +
                            std::to_string(kMaxCommentBytes));
  }
  return Status::Ok();
}

// Records a reviewer's decision on a submitted version.
void WriteReview(soci::session& sql, const AnswerVersion& v, AnswerStatus to, const Reviewer& reviewer,
                 const std::string& comment, long long now) {
  const std::string status_name(StatusName(to));
  Nullable reviewer_id(reviewer.user_id);
  std::string comment_value = comment;
  soci::indicator comment_ind = comment.empty() ? soci::i_null : soci::i_ok;
  sql << "UPDATE answer_versions SET status = :status, reviewed_at = :reviewed, reviewer_user_id = :rid,"
         " reviewer_name = :name, reviewer_credentials = :credentials, review_comment = :comment,"
         " updated_at = :updated WHERE id = :id",
      soci::use(status_name), soci::use(now), soci::use(reviewer_id.value, reviewer_id.indicator),
      soci::use(reviewer.name), soci::use(reviewer.credentials), soci::use(comment_value, comment_ind),
      soci::use(now), soci::use(v.id);
  RecordEvent(sql, v.answer_id, v.id, ActionName(to == AnswerStatus::kApproved ? AnswerAction::kApprove
                                                                                : AnswerAction::kReturn),
              v.status, to, reviewer.user_id, reviewer.name, comment, now);
}

// The edit step, after BeginStep: changes the draft in place or writes the next
// version. Returns the draft's id.
long long EditIn(soci::session& sql, const Step& step, const AnswerContent& content, const Actor& editor,
                 long long now) {
  const AnswerVersion& v = step.version;
  long long draft_id = v.id;
  if (step.transition.new_version) {
    draft_id = InsertVersion(sql, v.answer_id, v.number + 1, content, AnswerStatus::kDraft, editor, now);
  } else {
    sql << "UPDATE answer_versions SET question = :question, short_answer = :short, body_markdown = :body,"
           " updated_at = :updated WHERE id = :id",
        soci::use(content.question), soci::use(content.short_answer), soci::use(content.body_markdown),
        soci::use(now), soci::use(v.id);
  }
  // Until a version is published, the answer goes by its latest question.
  sql << "UPDATE answers SET question = :question WHERE id = :id AND published_version_id IS NULL",
      soci::use(content.question), soci::use(v.answer_id);
  RecordEvent(sql, v.answer_id, draft_id, ActionName(AnswerAction::kEdit), v.status, AnswerStatus::kDraft,
              editor.user_id, editor.label, "", now);
  return draft_id;
}

// The submit step on `v`, a draft or returned version that BeginStep (or EditIn) left
// as the latest.
void SubmitIn(soci::session& sql, const AnswerVersion& v, const Actor& author, long long now) {
  // A returned version sent back as it is: the earlier review stays in the events.
  sql << "UPDATE answer_versions SET status = 'submitted', submitted_at = :submitted, reviewed_at = NULL,"
         " reviewer_user_id = NULL, reviewer_name = NULL, reviewer_credentials = NULL,"
         " review_comment = NULL, updated_at = :updated WHERE id = :id",
      soci::use(now), soci::use(now), soci::use(v.id);
  RecordEvent(sql, v.answer_id, v.id, ActionName(AnswerAction::kSubmit), v.status, AnswerStatus::kSubmitted,
              author.user_id, author.label, "", now);
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
    auto step = BeginStep(sql, version_id, AnswerAction::kEdit, now);
    if (!step.ok()) return step.status();
    const long long draft_id = EditIn(sql, *step, content, editor, now);
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
    auto step = BeginStep(sql, version_id, AnswerAction::kEdit, now);
    if (!step.ok()) return step.status();
    const long long draft_id = EditIn(sql, *step, content, editor, now);
    std::optional<AnswerVersion> draft = LoadVersion(sql, draft_id);
    SubmitIn(sql, *draft, editor, now);
    BumpContentGeneration(sql);
    return *LoadVersion(sql, draft_id);
  });
}

Result<AnswerVersion> AnswerStore::Submit(long long version_id, const Actor& author) {
  if (Status s = ValidateActorLabel(author.label, "author"); !s.ok()) return s;
  const long long now = clock_();
  return db_.InTransaction([&](soci::session& sql) -> Result<AnswerVersion> {
    auto step = BeginStep(sql, version_id, AnswerAction::kSubmit, now);
    if (!step.ok()) return step.status();
    const AnswerVersion& v = step->version;
    SubmitIn(sql, v, author, now);
    BumpContentGeneration(sql);
    return *LoadVersion(sql, v.id);
  });
}

Result<AnswerVersion> AnswerStore::Approve(long long version_id, const Reviewer& reviewer,
                                           const std::string& comment) {
  if (Status s = ValidateReviewer(reviewer); !s.ok()) return s;
  if (Status s = ValidateComment(comment, false); !s.ok()) return s;
  const long long now = clock_();
  return db_.InTransaction([&](soci::session& sql) -> Result<AnswerVersion> {
    auto step = BeginStep(sql, version_id, AnswerAction::kApprove, now);
    if (!step.ok()) return step.status();
    const AnswerVersion& v = step->version;
    WriteReview(sql, v, AnswerStatus::kApproved, reviewer, comment, now);
    sql << "UPDATE answers SET published_version_id = :version, last_reviewed_at = :reviewed,"
           " question = :question WHERE id = :id",
        soci::use(v.id), soci::use(now), soci::use(v.content.question), soci::use(v.answer_id);
    search::NoteAnswerChanged(sql, v.answer_id);
    BumpContentGeneration(sql);
    return *LoadVersion(sql, v.id);
  });
}

Result<AnswerVersion> AnswerStore::Return(long long version_id, const Reviewer& reviewer,
                                          const std::string& comment) {
  if (Status s = ValidateActorLabel(reviewer.name, "reviewer"); !s.ok()) return s;
  if (Status s = ValidateComment(comment, true); !s.ok()) return s;
  const long long now = clock_();
  return db_.InTransaction([&](soci::session& sql) -> Result<AnswerVersion> {
    auto step = BeginStep(sql, version_id, AnswerAction::kReturn, now);
    if (!step.ok()) return step.status();
    WriteReview(sql, step->version, AnswerStatus::kReturned, reviewer, comment, now);
    BumpContentGeneration(sql);
    return *LoadVersion(sql, step->version.id);
  });
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

Result<std::vector<AnswerSnapshot>> AnswerStore::ForCondition(long long condition_id) {
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
