#include "articles/editorial_forms.h"

#include <charconv>
#include <optional>

#include "articles/answer_rules.h"
#include "catalog/import/slug.h"
#include "http/url.h"
#include "platform/crypto.h"
#include "platform/i18n.h"
#include "platform/markdown.h"
#include "platform/text.h"

namespace diseasemaps::articles {
namespace {

long long ParseNumber(const std::optional<std::string>& text) {
  if (!text) return 0;
  long long value = 0;
  const char* end = text->data() + text->size();
  auto [ptr, ec] = std::from_chars(text->data(), end, value);
  return ec == std::errc() && ptr == end && value > 0 ? value : 0;
}

std::string Trimmed(const std::optional<std::string>& text) {
  return text ? std::string(TrimWhitespace(*text)) : std::string();
}

bool IsText(std::string_view s) { return http::IsValidUtf8(s) && s.find('\0') == std::string_view::npos; }

// `message` has {size} and {limit}: "The question is too long: {size} bytes of text, …".
std::string TooLong(const char* message, std::size_t size, std::size_t limit) {
  return i18n::Tr(message, {{"size", std::to_string(size)}, {"limit", std::to_string(limit)}});
}

constexpr const char* kNotText = i18n::N_(
    "This contains characters that are not valid text. Paste it again from the original, or type it.");

}  // namespace

AnswerForm ParseAnswerForm(std::string_view body) {
  const http::QueryParams params = http::ParseQuery(body);
  auto value = [&params](std::string_view name) { return http::QueryValue(params, name); };
  AnswerForm form;
  form.question = UnixLineBreaks(Trimmed(value("question")));
  form.slug = Trimmed(value("slug"));
  form.short_answer = UnixLineBreaks(Trimmed(value("short_answer")));
  form.body_markdown = UnixLineBreaks(value("body_markdown").value_or(""));
  form.comment = UnixLineBreaks(Trimmed(value("comment")));
  form.action = Trimmed(value("action"));
  form.version_id = ParseNumber(value("version"));
  form.base = Trimmed(value("base"));
  form.lang = Trimmed(value("lang"));
  form.source_version_id = ParseNumber(value("source"));
  return form;
}

AnswerForm FormFromVersion(const AnswerVersion& version) {
  AnswerForm form;
  form.question = version.content.question;
  form.short_answer = version.content.short_answer;
  form.body_markdown = version.content.body_markdown;
  form.version_id = version.id;
  form.source_version_id = version.source_version_id;
  form.base = ContentDigest(version.content);
  return form;
}

AnswerContent ContentOf(const AnswerForm& form) {
  return AnswerContent{form.question, form.short_answer, form.body_markdown};
}

std::string ContentDigest(const AnswerContent& content) {
  std::string text;
  text.reserve(content.question.size() + content.short_answer.size() + content.body_markdown.size() + 2);
  text.append(content.question).push_back('\0');
  text.append(content.short_answer).push_back('\0');
  text.append(content.body_markdown);
  return TokenDigest(text);  // SHA-256; not a secret, just a fingerprint of the text
}

FieldErrors ValidateAnswerForm(const AnswerForm& form, bool with_slug) {
  FieldErrors errors;
  if (!IsText(form.question)) {
    errors["question"] = i18n::Tr(kNotText);
  } else if (form.question.empty()) {
    errors["question"] = i18n::Tr("Write the question this answers, for example \"What causes it?\".");
  } else if (form.question.size() > kMaxQuestionBytes) {
    errors["question"] = TooLong(i18n::N_("The question is too long: {size} bytes of text, and the limit is {limit}. Shorten it."), form.question.size(), kMaxQuestionBytes);
  }
  if (with_slug && !form.slug.empty() && !IsValidAnswerSlug(form.slug)) {
    errors["slug"] = i18n::Tr("Use only lower-case letters a to z, digits and single hyphens between them, at most "
                              "{limit} (for example what-causes-it), or leave it empty.",
                              {{"limit", std::to_string(kMaxSlugBytes)}});
  } else if (with_slug && form.slug.empty() && errors.count("question") == 0 &&
             SuggestSlug(form.question).empty()) {
    errors["slug"] = i18n::Tr("Give the answer an address: lower-case letters a to z, digits and hyphens, "
                              "for example what-causes-it.");
  }
  if (!IsText(form.short_answer)) {
    errors["short_answer"] = i18n::Tr(kNotText);
  } else if (form.short_answer.empty()) {
    errors["short_answer"] = i18n::Tr("Write the short answer: two or three plain sentences that answer the question.");
  } else if (form.short_answer.size() > kMaxShortAnswerBytes) {
    errors["short_answer"] = TooLong(i18n::N_("The short answer is too long: {size} bytes of text, and the limit is {limit}. Shorten it."), form.short_answer.size(), kMaxShortAnswerBytes);
  }
  if (!IsText(form.body_markdown)) {
    errors["body_markdown"] = i18n::Tr(kNotText);
  } else if (form.body_markdown.size() > kMaxMarkdownBytes) {
    errors["body_markdown"] = TooLong(i18n::N_("The full answer is too long: {size} bytes of text, and the limit is {limit}. Shorten it."), form.body_markdown.size(), kMaxMarkdownBytes);
  }
  if (!IsText(form.comment)) {
    errors["comment"] = i18n::Tr(kNotText);
  } else if (form.comment.size() > kMaxCommentBytes) {
    errors["comment"] = TooLong(i18n::N_("The comment is too long: {size} bytes of text, and the limit is {limit}. Shorten it."), form.comment.size(), kMaxCommentBytes);
  }
  return errors;
}

std::string SuggestSlug(std::string_view question) {
  std::string slug = catalog::Slugify(question);
  if (slug.size() > kMaxSlugBytes) {
    slug.resize(kMaxSlugBytes);
    const std::size_t cut = slug.rfind('-');
    if (cut != std::string::npos && cut > 0) slug.resize(cut);
    while (!slug.empty() && slug.back() == '-') slug.pop_back();
  }
  return IsValidAnswerSlug(slug) ? slug : "";
}

}  // namespace diseasemaps::articles
