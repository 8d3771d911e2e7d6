#include "articles/answers_view.h"

#include <spdlog/spdlog.h>

#include "articles/answer_rules.h"
#include "articles/answer_store.h"
#include "platform/i18n.h"
#include "platform/json_text.h"
#include "platform/markdown.h"
#include "platform/text.h"

namespace diseasemaps::articles {
namespace {

using nlohmann::json;

// The version the public may see, or nullptr: the published one, else the latest if
// it waits for review (never a draft being written, never a returned one). The same
// rule for the English text and for each translation.
const AnswerVersion* Shown(const std::optional<AnswerVersion>& published, const AnswerVersion& latest) {
  if (published) return &*published;
  // Never approved: only text its editors sent for review is shown (labelled as not yet
  // reviewed); a draft still being written stays in the editorial screens.
  if (latest.status == AnswerStatus::kSubmitted) return &latest;
  return nullptr;
}

// What one answer shows in a language: its translation's shown version where it has
// one, else the English one (`in_english`); `published` is the published version of the
// same text (translation or English), so "reviewed" is tested against the right one.
struct ShownText {
  const AnswerVersion* version = nullptr;
  const AnswerVersion* published = nullptr;
  bool in_english = false;  // the page's language is not English, and this text is
};

ShownText ShownIn(const AnswerSnapshot& s, std::string_view lang) {
  if (lang != i18n::kDefaultLanguage && s.translation) {
    const TranslationSnapshot& t = *s.translation;
    if (const AnswerVersion* v = Shown(t.published, t.latest)) {
      return {v, t.published ? &*t.published : nullptr, false};
    }
  }
  return {Shown(s.published, s.latest), s.published ? &*s.published : nullptr, lang != i18n::kDefaultLanguage};
}

// True only when `v` is the published version of its text and a reviewer approved it:
// the same test twice, so that a slip elsewhere cannot turn a draft into "reviewed".
bool Reviewed(const ShownText& shown) {
  return shown.version != nullptr && shown.published != nullptr && shown.version == shown.published &&
         shown.version->status == AnswerStatus::kApproved && shown.version->reviewed_at.has_value();
}

// "… PMID: 35260471" -> the PubMed address of that article, or "".
std::string PubMedUrl(std::string_view text) {
  const std::size_t at = text.find("PMID");
  if (at == std::string_view::npos) return "";
  std::size_t i = at + 4;
  while (i < text.size() && (text[i] == ':' || text[i] == ' ')) ++i;
  const std::size_t start = i;
  while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
  if (i == start || i - start > 9) return "";
  return "https://pubmed.ncbi.nlm.nih.gov/" + std::string(text.substr(start, i - start)) + "/";
}

AnswerBodyHtml RenderBody(const AnswerVersion& v) {
  auto rendered = RenderAnswerBody(v.content.body_markdown);
  if (!rendered.ok()) {
    // The store refuses such text; a row written some other way shows without a body.
    spdlog::warn("answer version {}: {}", v.id, rendered.status().message());
    return {};
  }
  return std::move(*rendered);
}

}  // namespace

Result<AnswerBodyHtml> RenderAnswerBody(std::string_view markdown) {
  MarkdownOptions options;
  options.first_heading_level = 4;  // the page's question is an <h3>
  options.split_references = true;
  auto rendered = RenderMarkdown(markdown, options);
  if (!rendered.ok()) return rendered.status();
  AnswerBodyHtml body;
  body.html = std::move(rendered->html);
  for (const MarkdownReference& reference : rendered->references) {
    const std::string url = reference.url.empty() ? PubMedUrl(reference.text) : reference.url;
    body.references.push_back({{"label", reference.text.empty() ? url : reference.text}, {"url", url}});
  }
  return body;
}

json AnswersView(const std::vector<AnswerSnapshot>& answers, long long now, std::string_view lang) {
  json list = json::array();
  int reviewed_count = 0;
  int draft_count = 0;
  int in_english_count = 0;
  for (const AnswerSnapshot& s : answers) {
    const ShownText shown = ShownIn(s, lang);
    const AnswerVersion* v = shown.version;
    if (v == nullptr) continue;
    const bool reviewed = Reviewed(shown);
    AnswerBodyHtml body = RenderBody(*v);
    json item = {
        {"slug", s.answer.slug},
        {"anchor", "answer-" + s.answer.slug},
        {"question", v->content.question},
        {"short_answer", v->content.short_answer},
        {"body_html", std::move(body.html)},
        {"reviewed", reviewed},
        {"draft", !reviewed},
        {"version", v->number},
        {"has_references", !body.references.empty()},
        {"references", std::move(body.references)},
        // Shown in English on a page in another language: the text carries lang="en"
        // and a line says it is not translated yet.
        {"in_english", shown.in_english},
        {"text_lang", shown.in_english ? json("en") : json(false)},
        {"in_english_note", shown.in_english
                                ? json(i18n::Tr("This answer has not been translated yet; it is shown in English."))
                                : json(false)},
    };
    if (shown.in_english) ++in_english_count;
    if (reviewed) {
      ++reviewed_count;
      const long long reviewed_at = *v->reviewed_at;
      const bool overdue = ReviewOverdue(reviewed_at, now);
      item["status"] = "published";
      item["header"] = ReviewedHeader(v->reviewer_name, v->reviewer_credentials, reviewed_at);
      item["overdue"] = overdue;
      if (overdue) item["overdue_label"] = i18n::Tr(kOverdueLabel);
      item["reviewer_name"] = v->reviewer_name;
      item["reviewer_credentials"] = v->reviewer_credentials;
      item["last_updated"] = IsoDate(reviewed_at);
    } else {
      ++draft_count;
      item["status"] = std::string(StatusName(v->status));
      item["header"] = i18n::Tr(kUnreviewedLabel);
      item["overdue"] = false;
    }
    list.push_back(std::move(item));
  }
  return {{"answers", std::move(list)},
          {"has_answers", reviewed_count + draft_count > 0},
          {"reviewed_count", reviewed_count},
          {"draft_count", draft_count},
          {"has_reviewed", reviewed_count > 0},
          {"has_drafts", draft_count > 0},
          {"in_english_count", in_english_count}};
}

std::string FaqPageJsonLd(const std::vector<AnswerSnapshot>& answers, const std::string& page_url,
                          std::string_view lang) {
  json questions = json::array();
  for (const AnswerSnapshot& s : answers) {
    // What the page shows, when it is reviewed: a draft shown instead (a translation
    // waiting for review) keeps the answer out, even if the English one is reviewed.
    const ShownText shown = ShownIn(s, lang);
    if (!Reviewed(shown)) continue;
    const AnswerVersion& v = *shown.version;
    const std::string text = "<p>" + EscapeMarkup(v.content.short_answer) + "</p>\n" + RenderBody(v).html;
    json question = {{"@type", "Question"},
                     {"name", v.content.question},
                     {"acceptedAnswer",
                      {{"@type", "Answer"}, {"text", text}, {"dateModified", IsoDate(*v.reviewed_at)}}}};
    if (lang != i18n::kDefaultLanguage) question["inLanguage"] = shown.in_english ? "en" : std::string(lang);
    questions.push_back(std::move(question));
  }
  if (questions.empty()) return "";
  json ld = {{"@context", "https://schema.org"}, {"@type", "FAQPage"}, {"mainEntity", std::move(questions)}};
  if (lang != i18n::kDefaultLanguage) ld["inLanguage"] = std::string(lang);
  if (!page_url.empty()) ld["url"] = page_url;
  const std::string dumped = JsonText(ld);
  // Inside <script>, "</script" or "<!--" would change how the block is parsed; JSON
  // lets every '<' be written \u003c.
  std::string out;
  out.reserve(dumped.size());
  for (char c : dumped) {
    if (c == '<') out += "\\u003c";
    else out.push_back(c);
  }
  return out;
}

Result<ConditionAnswers> LoadConditionAnswers(Database& db, long long condition_id, const std::string& page_url,
                                              long long now, std::string_view lang) {
  // A language the site does not know reads as English, as ScopedLanguage does.
  const std::string language(i18n::IsSupported(lang) ? lang : i18n::kDefaultLanguage);
  AnswerStore store(db);
  auto snapshots = store.ForCondition(condition_id, language);
  if (!snapshots.ok()) return snapshots.status();
  return ConditionAnswers{AnswersView(*snapshots, now, language), FaqPageJsonLd(*snapshots, page_url, language)};
}

}  // namespace diseasemaps::articles
