// The editorial screens' forms: what an editor or a reviewer sent, parsed from an
// application/x-www-form-urlencoded body, and checked field by field against the limits
// of answer_rules.h, with messages a person can act on.
//
// Pure functions; thread-safe.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "articles/answer.h"

namespace diseasemaps::articles {

// What an editor or a reviewer sent from a form, trimmed (the question, slug, short
// answer and comment) and with line breaks as "\n" (the body).
struct AnswerForm {
  std::string question;
  std::string slug;
  std::string short_answer;
  std::string body_markdown;
  std::string comment;
  std::string action;         // the button pressed: "preview", "save", "submit", "approve", "return"
  long long version_id = 0;   // the version the form was opened on (0: none or unreadable)
  std::string base;           // ContentDigest() of that version's text when the form was opened
  // A translation's form only: its language ("es") when creating it, and the English
  // version (id) the translator had beside them, which the translated text follows.
  std::string lang = "";
  long long source_version_id = 0;
};

// Parses an application/x-www-form-urlencoded body into the form's fields; fields that
// are missing are empty, numbers that do not parse are 0.
AnswerForm ParseAnswerForm(std::string_view body);

// The form of a version as it stands (no action, no comment).
AnswerForm FormFromVersion(const AnswerVersion& version);

AnswerContent ContentOf(const AnswerForm& form);

// A digest of a version's text (hex SHA-256 of its three fields), so that a form can
// tell whether the draft it was opened on changed since, however soon after.
std::string ContentDigest(const AnswerContent& content);

// A message for each field a person must fix, keyed by field: "question", "slug",
// "short_answer", "body_markdown", "comment". Empty when the form is fine.
using FieldErrors = std::map<std::string, std::string>;

// Checks the question, short answer and body against the limits of answer_rules.h
// (required, not too long, valid UTF-8 text), and, when `with_slug`, the slug (which
// may be empty: SuggestSlug fills it in). The comment is checked for its length only.
FieldErrors ValidateAnswerForm(const AnswerForm& form, bool with_slug);

// A valid answer slug made from a question ("What causes OMS?" -> "what-causes-oms"),
// at most kMaxSlugBytes long; "" when the question has no letter or digit to use.
std::string SuggestSlug(std::string_view question);

}  // namespace diseasemaps::articles
