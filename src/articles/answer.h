// The articles' model: questions about a condition, each answered in versions that go
// through a medical review (answer_rules.h has the workflow). Plain data, no behaviour.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "articles/answer_rules.h"

namespace diseasemaps::articles {

// What an editor writes.
struct AnswerContent {
  std::string question;       // "What causes Opsoclonus-myoclonus syndrome?"
  std::string short_answer;   // plain text, shown first (the TL;DR)
  std::string body_markdown;  // Markdown; rendered in safe mode
};

// Who took a step. Until accounts exist, user_id is empty and label names the team.
struct Actor {
  std::optional<long long> user_id;
  std::string label;  // "DiseaseMaps editorial team", "Alex Editor"
};

// A medical reviewer, as the page will name them.
struct Reviewer {
  std::optional<long long> user_id;
  std::string name;         // "Dr Jane Doe"
  std::string credentials;  // "MD, paediatric neurologist"
};

struct AnswerVersion {
  long long id = 0;
  long long answer_id = 0;
  int number = 0;  // 1, 2, 3 … per answer
  AnswerContent content;
  AnswerStatus status = AnswerStatus::kDraft;
  std::string author_label;
  std::optional<long long> author_user_id;
  long long created_at = 0;
  long long updated_at = 0;
  std::optional<long long> submitted_at;
  std::optional<long long> reviewed_at;  // when approved or returned
  std::optional<long long> reviewer_user_id;
  std::string reviewer_name;
  std::string reviewer_credentials;
  std::string review_comment;
  // A translation's version only: the English version (answer_versions.id) it was
  // translated from; 0 for an English version.
  long long source_version_id = 0;
};

struct Answer {
  long long id = 0;
  long long condition_id = 0;
  std::string slug;      // unique per condition; the anchor on the page
  std::string question;  // the published version's, or the latest's until one is published
  int position = 0;      // order on the condition's page
  long long created_at = 0;
  long long updated_at = 0;
  std::optional<long long> published_version_id;  // always an approved version of this answer
  std::optional<long long> last_reviewed_at;       // when that version was approved
};

// An answer's translation into one language (not English). It has versions of its
// own (AnswerVersion with source_version_id set), reviewed on their own: approving the
// English answer never publishes a translation.
struct AnswerTranslation {
  long long id = 0;
  long long answer_id = 0;
  std::string lang;  // a code of i18n::Languages(), never "en"
  long long created_at = 0;
  long long updated_at = 0;
  std::optional<long long> published_version_id;  // always an approved version of this translation
  std::optional<long long> last_reviewed_at;       // when that version was approved
};

// A translation with its published version (if any) and its latest one.
struct TranslationSnapshot {
  AnswerTranslation translation;
  std::optional<AnswerVersion> published;
  AnswerVersion latest;
};

// An answer with the two versions a page needs: the published one (if any) and the
// latest one (the same version when nothing newer was written since); and, when the
// page asked for a language that has one, the answer's translation into it.
struct AnswerSnapshot {
  Answer answer;
  std::optional<AnswerVersion> published;
  AnswerVersion latest;
  std::optional<TranslationSnapshot> translation;
};

// One step of the workflow, as recorded (append-only).
struct AnswerEvent {
  long long id = 0;
  long long answer_id = 0;
  long long version_id = 0;
  std::string action;       // "create", "edit", "submit", "approve", "return"
  std::string from_status;  // empty for "create"
  std::string to_status;
  std::optional<long long> actor_user_id;
  std::string actor_label;
  std::string comment;
  long long created_at = 0;
};

}  // namespace diseasemaps::articles
