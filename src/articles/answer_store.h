// AnswerStore: every read and write of answers, their versions and their workflow
// events (tables of migrations/0004_answers.sql), on SQLite and PostgreSQL.
//
// Thread-safe (it holds only the Database and a clock). Every call blocks: run it on
// the worker pool. Each write is one transaction that first locks the answer's row, so
// two steps on one answer never interleave; each write also bumps the content
// generation, since the condition's page may change with it.
//
// The store enforces the workflow (answer_rules.h): an approved version is never
// changed, only an approved version is ever published, and a step that the latest
// version's status does not allow fails with Conflict and changes nothing. It does not
// decide who may take a step: that is the guard's question, asked by the handlers.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "articles/answer.h"
#include "platform/db/database.h"
#include "platform/status.h"

namespace diseasemaps::articles {

struct NewAnswer {
  long long condition_id = 0;
  std::string slug;
  int position = 0;
  AnswerContent content;
  Actor author;
  bool submit = false;  // true: version 1 goes to review at once ("submitted"), else "draft"
};

// An answer shipped with the program (content/answers), keyed by ORPHAcode.
struct ContentAnswer {
  int orphacode = 0;
  std::string slug;
  int position = 0;
  AnswerContent content;
};

// A condition as the editorial screens name it.
struct ConditionRef {
  long long id = 0;
  int orphacode = 0;
  std::string name;
  std::string slug;
};

// One answer as the editorial queues list it: the answer, its condition and its latest
// version.
struct EditorialItem {
  Answer answer;
  ConditionRef condition;
  AnswerVersion latest;
};

// A translation as the editorial queue lists it.
struct TranslationItem {
  EditorialItem item;  // the English answer, its condition, and the translation's latest version
  AnswerTranslation translation;
};

class AnswerStore {
 public:
  using Clock = std::function<long long()>;  // Unix seconds
  static long long SystemNow();

  explicit AnswerStore(Database& db, Clock clock = &AnswerStore::SystemNow);

  // Creates an answer with its version 1 (a draft, or submitted when new_answer.submit).
  // Returns the answer. InvalidArgument/TooLarge for a bad slug or text, NotFound when
  // the condition does not exist, Conflict when the condition already has an answer
  // with that slug.
  Result<Answer> Create(const NewAnswer& new_answer);

  // Edits version `version_id`, which must be the answer's latest. A draft changes in
  // place; a returned or approved version stays as it is and a new draft (number + 1)
  // holds the change, so the published version stays public until another approval.
  // Returns the draft. Conflict when the version is not the latest or is under review
  // (submitted); NotFound when there is no such version.
  Result<AnswerVersion> Edit(long long version_id, const AnswerContent& content, const Actor& editor);

  // Sends a draft or returned version (the latest) to review.
  Result<AnswerVersion> Submit(long long version_id, const Actor& author);

  // Edit(), then Submit() of the resulting draft, in one transaction: either both
  // happen or neither does. Works from a draft (changed in place), a returned or an
  // approved version (a new version holds the text, so an approved text can be sent
  // for a fresh review unchanged). Returns the submitted version; fails as Edit does.
  Result<AnswerVersion> EditAndSubmit(long long version_id, const AnswerContent& content,
                                      const Actor& editor);

  // A reviewer approves a submitted version: it becomes the published version and the
  // answer's last_reviewed_at is now. The reviewer's name and credentials are required
  // (InvalidArgument), the comment is optional.
  Result<AnswerVersion> Approve(long long version_id, const Reviewer& reviewer,
                                const std::string& comment = "");

  // A reviewer returns a submitted version with a comment (required). The published
  // version, if any, stays.
  Result<AnswerVersion> Return(long long version_id, const Reviewer& reviewer,
                               const std::string& comment);

  // Reads. NotFound when absent.
  Result<Answer> Find(long long answer_id);
  Result<Answer> FindBySlug(long long condition_id, std::string_view slug);
  Result<AnswerVersion> FindVersion(long long version_id);
  // Every version of an answer, oldest first (empty when the answer has none or does
  // not exist).
  Result<std::vector<AnswerVersion>> Versions(long long answer_id);
  // The workflow's record for an answer, oldest first.
  Result<std::vector<AnswerEvent>> Events(long long answer_id);
  // Every answer of a condition in page order, with its published and latest versions;
  // with `lang` other than "en", each answer also carries its translation into `lang`
  // when it has one (AnswerSnapshot::translation).
  Result<std::vector<AnswerSnapshot>> ForCondition(long long condition_id, std::string_view lang = "en");

  // The editorial screens' reads. Each list holds at most `limit` answers.
  //
  // The condition with this ORPHAcode, or with this id; NotFound when there is none.
  Result<ConditionRef> FindCondition(int orphacode);
  // Active conditions whose English name or a synonym is `name` (any case of its
  // letters A-Z), by name; at most `limit`. Empty when none.
  Result<std::vector<ConditionRef>> FindConditionsNamed(const std::string& name, int limit);
  Result<ConditionRef> ConditionOf(long long answer_id);
  // Answers whose latest version `user_id` wrote and that is a draft or returned, most
  // recently changed first.
  Result<std::vector<EditorialItem>> DraftsBy(long long user_id, int limit);
  // Answers whose latest version waits for review: first those last reviewed before
  // `overdue_before` (a published answer due for its review), then by submission,
  // oldest first. Callers refine the order with ReviewOverdue(); see
  // editorial_view.h's SortReviewQueue.
  Result<std::vector<EditorialItem>> WaitingForReview(long long overdue_before, int limit);
  // Published answers last reviewed before `reviewed_before` whose latest version is
  // not waiting for review (nobody has sent them for a new review yet), oldest review
  // first.
  Result<std::vector<EditorialItem>> ReviewedBefore(long long reviewed_before, int limit);

  // For the content shipped with the program: in one transaction, creates each answer
  // whose condition exists (by ORPHAcode) and that does not exist yet (by condition and
  // slug), as version 1 *submitted* for review, written by `author` — never approved:
  // no reviewer has seen it. Returns how many it created; bumps the content generation
  // when that is more than zero. Answers already there are left as they are, whatever
  // happened to them since. Fails (creating nothing) on invalid text or slug.
  Result<int> CreateMissingSubmitted(const std::vector<ContentAnswer>& answers, const Actor& author);

  // ---- Translations (answer_store_translations.cc; tables of migration 0015) ----------
  //
  // A translation follows the same workflow as the English text (answer_rules.h), on
  // its own versions: the steps below mirror Edit, Submit, EditAndSubmit, Approve and
  // Return and fail the same way. Approving a translation publishes that translated
  // version only; nothing done to the English answer changes a translation's status.
  // Every translated version names the English version it follows
  // (`source_version_id`, a version of the same answer; InvalidArgument otherwise).

  // Creates the translation of `answer_id` into `lang` with its version 1, a draft.
  // InvalidArgument when `lang` is not a language of the site (i18n::IsSupported) or is
  // "en", or for bad text; NotFound when the answer does not exist; Conflict when it
  // already has a translation into `lang`.
  Result<AnswerTranslation> CreateTranslation(long long answer_id, std::string_view lang,
                                              const AnswerContent& content, long long source_version_id,
                                              const Actor& author);
  Result<AnswerVersion> EditTranslation(long long version_id, const AnswerContent& content,
                                        long long source_version_id, const Actor& editor);
  Result<AnswerVersion> SubmitTranslation(long long version_id, const Actor& author);
  Result<AnswerVersion> EditAndSubmitTranslation(long long version_id, const AnswerContent& content,
                                                 long long source_version_id, const Actor& editor);
  Result<AnswerVersion> ApproveTranslation(long long version_id, const Reviewer& reviewer,
                                           const std::string& comment = "");
  Result<AnswerVersion> ReturnTranslation(long long version_id, const Reviewer& reviewer,
                                          const std::string& comment);

  // The translation of `answer_id` into `lang`; NotFound when there is none.
  Result<AnswerTranslation> FindTranslation(long long answer_id, std::string_view lang);
  Result<AnswerVersion> FindTranslationVersion(long long version_id);
  // Every translation of an answer, by language code, with its published and latest
  // versions.
  Result<std::vector<TranslationSnapshot>> Translations(long long answer_id);
  // A translation's versions and workflow record, oldest first (events' version_id
  // are translation versions).
  Result<std::vector<AnswerVersion>> TranslationVersions(long long translation_id);
  Result<std::vector<AnswerEvent>> TranslationEvents(long long translation_id);
  // Translations whose latest version waits for review, oldest submission first, with
  // their answer and condition (`item.latest` is the translated version).
  Result<std::vector<TranslationItem>> TranslationsWaitingForReview(int limit);

 private:
  // The editorial lists: kEditorialColumns, then `condition_and_order` (SQL that binds
  // :value and :limit).
  Result<std::vector<EditorialItem>> EditorialItems(const std::string& condition_and_order,
                                                    long long value, int limit);

  Database& db_;
  Clock clock_;
};

}  // namespace diseasemaps::articles
