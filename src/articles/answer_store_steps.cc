#include "articles/answer_store_steps.h"

#include "platform/content_generation.h"
#include "platform/db/row_text.h"
#include "platform/i18n.h"
#include "platform/text.h"

namespace diseasemaps::articles::store_steps {

using i18n::Tr;

std::string VersionColumns(const Tables& t) {
  return std::string("SELECT v.id, v.") + t.owner_key +
         ", v.number, v.question, v.short_answer, v.body_markdown, v.status,"
         " v.author_label, v.author_user_id, v.created_at, v.updated_at, v.submitted_at, v.reviewed_at,"
         " v.reviewer_user_id, v.reviewer_name, v.reviewer_credentials, v.review_comment" +
         (t.translation ? ", v.source_version_id" : "") + " FROM " + t.versions + " v";
}

std::optional<long long> OptionalInteger(const soci::row& row, std::size_t column) {
  if (row.get_indicator(column) == soci::i_null) return std::nullopt;
  return RowInteger(row, column);
}

AnswerVersion VersionFromRow(const soci::row& row, const Tables& t) {
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
  if (t.translation) v.source_version_id = RowInteger(row, 17);
  return v;
}

std::optional<AnswerVersion> LoadVersion(soci::session& sql, const Tables& t, long long version_id) {
  soci::rowset<soci::row> rows = (sql.prepare << VersionColumns(t) + " WHERE v.id = :id", soci::use(version_id));
  for (const soci::row& row : rows) return VersionFromRow(row, t);
  return std::nullopt;
}

bool LockOwner(soci::session& sql, const Tables& t, long long owner_id, long long now) {
  soci::statement st = (sql.prepare << std::string("UPDATE ") + t.owner + " SET updated_at = :now WHERE id = :id",
                        soci::use(now), soci::use(owner_id));
  st.execute(true);
  return st.get_affected_rows() > 0;
}

int LatestNumber(soci::session& sql, const Tables& t, long long owner_id) {
  long long number = 0;
  soci::indicator ind = soci::i_ok;
  sql << std::string("SELECT MAX(number) FROM ") + t.versions + " WHERE " + t.owner_key + " = :id",
      soci::use(owner_id), soci::into(number, ind);
  return ind == soci::i_ok ? static_cast<int>(number) : 0;
}

long long InsertVersion(soci::session& sql, const Tables& t, long long owner_id, int number,
                        const AnswerContent& content, AnswerStatus status, const Actor& author, long long now,
                        long long source_version_id) {
  const std::string status_name(StatusName(status));
  Nullable author_id(author.user_id);
  Nullable submitted(status == AnswerStatus::kSubmitted ? std::optional<long long>(now) : std::nullopt);
  const std::string columns = std::string("INSERT INTO ") + t.versions + " (" + t.owner_key +
                              ", number, question, short_answer, body_markdown,"
                              " status, author_label, author_user_id, created_at, updated_at, submitted_at";
  const std::string values =
      " VALUES (:owner, :number, :question, :short, :body, :status, :author, :author_id, :created, :updated,"
      " :submitted";
  if (t.translation) {
    sql << columns + ", source_version_id)" + values + ", :source)", soci::use(owner_id), soci::use(number),
        soci::use(content.question), soci::use(content.short_answer), soci::use(content.body_markdown),
        soci::use(status_name), soci::use(author.label), soci::use(author_id.value, author_id.indicator),
        soci::use(now), soci::use(now), soci::use(submitted.value, submitted.indicator),
        soci::use(source_version_id);
  } else {
    sql << columns + ")" + values + ")", soci::use(owner_id), soci::use(number), soci::use(content.question),
        soci::use(content.short_answer), soci::use(content.body_markdown), soci::use(status_name),
        soci::use(author.label), soci::use(author_id.value, author_id.indicator), soci::use(now), soci::use(now),
        soci::use(submitted.value, submitted.indicator);
  }
  long long id = 0;
  sql << std::string("SELECT id FROM ") + t.versions + " WHERE " + t.owner_key + " = :owner AND number = :number",
      soci::use(owner_id), soci::use(number), soci::into(id);
  return id;
}

void RecordEvent(soci::session& sql, const Tables& t, long long owner_id, long long version_id,
                 std::string_view action, std::optional<AnswerStatus> from, AnswerStatus to,
                 std::optional<long long> actor_id, const std::string& actor_label, const std::string& comment,
                 long long now) {
  const std::string action_name(action);
  std::string from_name(from ? StatusName(*from) : "");
  soci::indicator from_ind = from ? soci::i_ok : soci::i_null;
  const std::string to_name(StatusName(to));
  Nullable actor(actor_id);
  std::string comment_value = comment;
  soci::indicator comment_ind = comment.empty() ? soci::i_null : soci::i_ok;
  sql << std::string("INSERT INTO ") + t.events + " (" + t.owner_key +
             ", version_id, action, from_status, to_status,"
             " actor_user_id, actor_label, comment, created_at)"
             " VALUES (:owner, :version, :action, :from, :to, :actor, :label, :comment, :at)",
      soci::use(owner_id), soci::use(version_id), soci::use(action_name), soci::use(from_name, from_ind),
      soci::use(to_name), soci::use(actor.value, actor.indicator), soci::use(actor_label),
      soci::use(comment_value, comment_ind), soci::use(now);
}

Status ValidateActorLabel(const std::string& label, const char* who) {
  // `who` is "author", "editor" or "reviewer": the name shown for the step.
  if (TrimWhitespace(label).empty()) {
    const std::string_view w(who);
    return Status::InvalidArgument(w == "reviewer" ? Tr("the reviewer's name is required")
                                   : w == "editor" ? Tr("the editor's name is required")
                                                   : Tr("the author's name is required"));
  }
  if (label.size() > kMaxNameBytes) {
    return Status::TooLarge(Tr("the name \"{name}…\" is over {limit} bytes",
                               {{"name", label.substr(0, 40)}, {"limit", std::to_string(kMaxNameBytes)}}));
  }
  return Status::Ok();
}

Status ValidateReviewer(const Reviewer& reviewer) {
  if (Status s = ValidateActorLabel(reviewer.name, "reviewer"); !s.ok()) return s;
  if (TrimWhitespace(reviewer.credentials).empty()) {
    return Status::InvalidArgument(
        Tr("the reviewer's credentials are required (for example \"MD, neurologist\")"));
  }
  if (reviewer.credentials.size() > kMaxNameBytes) {
    return Status::TooLarge(Tr("the reviewer's credentials are over {limit} bytes",
                               {{"limit", std::to_string(kMaxNameBytes)}}));
  }
  return Status::Ok();
}

Status ValidateComment(const std::string& comment, bool required) {
  if (required && TrimWhitespace(comment).empty()) {
    return Status::InvalidArgument(Tr("a comment saying what to change is required"));
  }
  if (comment.size() > kMaxCommentBytes) {
    return Status::TooLarge(Tr("the comment is {size} bytes long; the limit is {limit}",
                               {{"size", std::to_string(comment.size())},
                                {"limit", std::to_string(kMaxCommentBytes)}}));
  }
  return Status::Ok();
}

namespace {

std::string RefusalMessage(const AnswerVersion& v, AnswerAction action) {
  const std::string number = std::to_string(v.number);
  switch (v.status) {
    case AnswerStatus::kSubmitted:
      if (action == AnswerAction::kEdit) {
        return Tr("version {number} is waiting for a medical review; it can be changed once the reviewer "
                  "approves or returns it",
                  {{"number", number}});
      }
      return Tr("version {number} is already waiting for a medical review", {{"number", number}});
    case AnswerStatus::kApproved:
      return Tr("version {number} is already approved and never changes; edit it to start a new version",
                {{"number", number}});
    case AnswerStatus::kDraft:
      return action == AnswerAction::kApprove
                 ? Tr("version {number} is a draft: only a version submitted for review can be approved",
                      {{"number", number}})
                 : Tr("version {number} is a draft: only a version submitted for review can be returned",
                      {{"number", number}});
    case AnswerStatus::kReturned:
      return action == AnswerAction::kApprove
                 ? Tr("version {number} is returned: only a version submitted for review can be approved",
                      {{"number", number}})
                 : Tr("version {number} is returned: only a version submitted for review can be returned",
                      {{"number", number}});
  }
  return Tr("version {number} cannot take this step", {{"number", number}});
}

}  // namespace

Result<Step> BeginStep(soci::session& sql, const Tables& t, long long version_id, AnswerAction action,
                       long long now) {
  const std::string missing = Tr("there is no such version ({id})", {{"id", std::to_string(version_id)}});
  long long owner_id = 0;
  sql << std::string("SELECT ") + t.owner_key + " FROM " + t.versions + " WHERE id = :id", soci::use(version_id),
      soci::into(owner_id);
  if (!sql.got_data()) return Status::NotFound(missing);
  if (!LockOwner(sql, t, owner_id, now)) return Status::NotFound(Tr("the answer no longer exists"));
  std::optional<AnswerVersion> version = LoadVersion(sql, t, version_id);
  if (!version) return Status::NotFound(missing);
  const int latest = LatestNumber(sql, t, owner_id);
  if (version->number != latest) {
    return Status::Conflict(Tr("version {number} is not the latest version (version {latest} is); reload and "
                               "work on the latest",
                               {{"number", std::to_string(version->number)}, {"latest", std::to_string(latest)}}));
  }
  std::optional<Transition> transition = NextStep(version->status, action);
  if (!transition) return Status::Conflict(RefusalMessage(*version, action));
  return Step{std::move(*version), *transition};
}

void WriteReview(soci::session& sql, const Tables& t, const AnswerVersion& v, AnswerStatus to,
                 const Reviewer& reviewer, const std::string& comment, long long now) {
  const std::string status_name(StatusName(to));
  Nullable reviewer_id(reviewer.user_id);
  std::string comment_value = comment;
  soci::indicator comment_ind = comment.empty() ? soci::i_null : soci::i_ok;
  sql << std::string("UPDATE ") + t.versions +
             " SET status = :status, reviewed_at = :reviewed, reviewer_user_id = :rid,"
             " reviewer_name = :name, reviewer_credentials = :credentials, review_comment = :comment,"
             " updated_at = :updated WHERE id = :id",
      soci::use(status_name), soci::use(now), soci::use(reviewer_id.value, reviewer_id.indicator),
      soci::use(reviewer.name), soci::use(reviewer.credentials), soci::use(comment_value, comment_ind),
      soci::use(now), soci::use(v.id);
  RecordEvent(sql, t, v.answer_id, v.id,
              ActionName(to == AnswerStatus::kApproved ? AnswerAction::kApprove : AnswerAction::kReturn), v.status,
              to, reviewer.user_id, reviewer.name, comment, now);
}

long long EditIn(soci::session& sql, const Tables& t, const Step& step, const AnswerContent& content,
                 const Actor& editor, long long now, long long source_version_id) {
  const AnswerVersion& v = step.version;
  long long draft_id = v.id;
  if (step.transition.new_version) {
    draft_id = InsertVersion(sql, t, v.answer_id, v.number + 1, content, AnswerStatus::kDraft, editor, now,
                             source_version_id);
  } else {
    sql << std::string("UPDATE ") + t.versions +
               " SET question = :question, short_answer = :short, body_markdown = :body,"
               " updated_at = :updated WHERE id = :id",
        soci::use(content.question), soci::use(content.short_answer), soci::use(content.body_markdown),
        soci::use(now), soci::use(v.id);
    if (t.translation) {
      sql << std::string("UPDATE ") + t.versions + " SET source_version_id = :source WHERE id = :id",
          soci::use(source_version_id), soci::use(v.id);
    }
  }
  if (!t.translation) {
    // Until a version is published, the answer goes by its latest question.
    sql << "UPDATE answers SET question = :question WHERE id = :id AND published_version_id IS NULL",
        soci::use(content.question), soci::use(v.answer_id);
  }
  RecordEvent(sql, t, v.answer_id, draft_id, ActionName(AnswerAction::kEdit), v.status, AnswerStatus::kDraft,
              editor.user_id, editor.label, "", now);
  return draft_id;
}

void SubmitIn(soci::session& sql, const Tables& t, const AnswerVersion& v, const Actor& author, long long now) {
  // A returned version sent back as it is: the earlier review stays in the events.
  sql << std::string("UPDATE ") + t.versions +
             " SET status = 'submitted', submitted_at = :submitted, reviewed_at = NULL,"
             " reviewer_user_id = NULL, reviewer_name = NULL, reviewer_credentials = NULL,"
             " review_comment = NULL, updated_at = :updated WHERE id = :id",
      soci::use(now), soci::use(now), soci::use(v.id);
  RecordEvent(sql, t, v.answer_id, v.id, ActionName(AnswerAction::kSubmit), v.status, AnswerStatus::kSubmitted,
              author.user_id, author.label, "", now);
}

Result<AnswerVersion> SubmitStep(Database& db, const Tables& t, long long version_id, const Actor& author,
                                 long long now) {
  if (Status s = ValidateActorLabel(author.label, "author"); !s.ok()) return s;
  return db.InTransaction([&](soci::session& sql) -> Result<AnswerVersion> {
    auto step = BeginStep(sql, t, version_id, AnswerAction::kSubmit, now);
    if (!step.ok()) return step.status();
    SubmitIn(sql, t, step->version, author, now);
    BumpContentGeneration(sql);
    return *LoadVersion(sql, t, version_id);
  });
}

Result<AnswerVersion> ReviewStep(Database& db, const Tables& t, long long version_id, const Reviewer& reviewer,
                                 const std::string& comment, AnswerStatus decision, long long now,
                                 const PublishFn& published) {
  const bool approve = decision == AnswerStatus::kApproved;
  if (Status s = approve ? ValidateReviewer(reviewer) : ValidateActorLabel(reviewer.name, "reviewer"); !s.ok()) {
    return s;
  }
  if (Status s = ValidateComment(comment, /*required=*/!approve); !s.ok()) return s;
  return db.InTransaction([&](soci::session& sql) -> Result<AnswerVersion> {
    auto step = BeginStep(sql, t, version_id, approve ? AnswerAction::kApprove : AnswerAction::kReturn, now);
    if (!step.ok()) return step.status();
    WriteReview(sql, t, step->version, decision, reviewer, comment, now);
    if (approve && published) published(sql, step->version, now);
    BumpContentGeneration(sql);
    return *LoadVersion(sql, t, version_id);
  });
}

}  // namespace diseasemaps::articles::store_steps
