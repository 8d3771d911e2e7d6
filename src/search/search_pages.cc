#include "search/search_pages.h"

#include <nlohmann/json.hpp>

#include "pages/error_pages.h"
#include "catalog/plain_words.h"
#include "pages/moment.h"
#include "pages/paging.h"
#include "platform/i18n.h"
#include "platform/json_text.h"
#include "platform/templates.h"
#include "search/normalize.h"

namespace diseasemaps::search {
namespace {

using nlohmann::json;

constexpr int kPopular = 12;

std::string Href(const std::string& query, long long page, Lang lang, ResultType type = ResultType::kConditions) {
  std::string out = "/search?q=";
  static const char* kHex = "0123456789ABCDEF";
  for (unsigned char c : query) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else if (c == ' ') {
      out += '+';
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  if (type != ResultType::kConditions) out += "&type=" + std::string(ResultTypeName(type));
  if (page > 1) out += "&page=" + std::to_string(page);
  if (lang != kEnglish) out += "&lang=" + std::string(LanguageCode(lang));
  return out;
}

// The language results are named in. For now the `lang` query parameter (one of the
// nine codes; absent: English); when pages carry a language of their own, it becomes
// the default here.
Result<Lang> ResultLanguage(const http::Request& r) {
  // Without ?lang=, the page's own language (/es/search names results in Spanish).
  const std::optional<std::string> lang = r.Query("lang");
  return RequestedLanguage(std::optional<std::string_view>(lang ? *lang : r.language));
}

const char* KindName(ResultKind kind) {
  switch (kind) {
    case ResultKind::kCode: return "code";
    case ResultKind::kText: return "text";
    case ResultKind::kFeatures: return "features";
    case ResultKind::kEmpty: break;
  }
  return "empty";
}

// The page number, or a 400 the caller returns.
Result<int> PageOf(const http::Request& r) {
  auto page = pages::ParsePageNumber(r.Query("page"));
  if (!page.ok()) return page.status();
  if (*page > kMaxPage) {
    return Status::InvalidArgument(i18n::Tr("The page number must be at most {max}.",
                                            {{"max", i18n::FormatNumber(i18n::CurrentLanguage(), kMaxPage)}}));
  }
  return static_cast<int>(*page);
}

http::Response Failure(const http::Request& r, const Status& s) {
  const unsigned status = s.code() == Status::Code::kInvalidArgument ? 400 : 503;
  return pages::ErrorPage(&r, status, s.message());
}

json HitJson(const SearchHit& h) {
  return {{"orphacode", h.orphacode},       {"name", h.name}, {"name_lang", h.name_lang},
          {"slug", h.slug},                 {"url", "/conditions/" + h.slug},
          {"entry_type", catalog::EntryTypeWords(h.entry_type)},     {"matched_synonym_html", h.matched_synonym_html},
          {"snippet_html", h.snippet_html}, {"features", h.features}};
}

json DiscussionJson(const DiscussionHit& h) {
  return {{"topic_id", h.topic_id},      {"topic_title", h.topic_title}, {"forum", h.forum_title},
          {"forum_url", h.forum_href},   {"post_number", h.number},      {"url", h.href},
          {"excerpt_html", h.excerpt_html}, {"created_at", h.created_at}};
}

// The two tabs of a results page: links that work without script, the current one
// marked for assistive technology, each with its count.
json Tabs(const std::string& query, Lang lang, ResultType current, std::size_t conditions, std::size_t discussions) {
  const std::string& language = i18n::CurrentLanguage();
  auto tab = [&](ResultType type, std::string label) {
    return json{{"label", std::move(label)}, {"href", Href(query, 1, lang, type)}, {"current", type == current}};
  };
  auto number = [&](std::size_t n) { return i18n::FormatNumber(language, static_cast<long long>(n)); };
  return json::array({tab(ResultType::kConditions, i18n::Tr("Conditions ({count})", {{"count", number(conditions)}})),
                      tab(ResultType::kDiscussions,
                          i18n::Tr("Discussions ({count})", {{"count", number(discussions)}}))});
}

}  // namespace

http::Response SearchPageHandler(SearchService& service, PostSearchService* posts, SearchStore& store,
                                 const http::Request& r) {
  auto page_number = PageOf(r);
  if (!page_number.ok()) return Failure(r, page_number.status());
  auto lang = ResultLanguage(r);
  if (!lang.ok()) return Failure(r, lang.status());
  auto type = ParseResultType(r.Query("type"));
  if (!type.ok()) return Failure(r, type.status());
  const bool on_discussions = posts != nullptr && *type == ResultType::kDiscussions;
  const std::string typed = DisplayText(r.Query("q").value_or(""));
  auto result = service.Search(typed, on_discussions ? 1 : *page_number, *lang);
  if (!result.ok()) return Failure(r, result.status());
  const SearchPage& p = *result;
  std::optional<DiscussionPage> discussions;
  if (posts != nullptr && !p.query.empty()) {
    auto found = posts->Search(typed, r.viewer, on_discussions ? *page_number : 1);
    if (!found.ok()) return Failure(r, found.status());
    discussions = std::move(*found);
  }
  json view = {{"title", p.query.empty() ? i18n::Tr("Search") : i18n::Tr("Search: {query}", {{"query", p.query}})},
               {"noindex", true},
               {"query", p.query},
               {"cut", p.cut},
               {"max_query", kMaxQueryBytes},
               {"is_empty", p.kind == ResultKind::kEmpty},
               {"is_features", p.kind == ResultKind::kFeatures},
               {"is_code", p.kind == ResultKind::kCode},
               {"features", p.features},
               {"result_count", i18n::Plural("{count} result", "{count} results", static_cast<long long>(p.total))},
               {"has_hits", !p.hits.empty()},
               {"has_query", !p.query.empty()}};
  // Mustache sections treat "" as true: a field that is empty is left out instead.
  if (!p.did_you_mean.empty()) {
    view["did_you_mean"] = p.did_you_mean;
    view["did_you_mean_href"] = Href(p.did_you_mean, 1, *lang);
  }
  json hits = json::array();
  for (const SearchHit& h : p.hits) {
    json hit = HitJson(h);
    for (const char* field : {"matched_synonym_html", "snippet_html"}) {
      if (hit[field].get<std::string>().empty()) hit.erase(field);
    }
    hit["has_features"] = !h.features.empty();
    hits.push_back(std::move(hit));
  }
  view["hits"] = hits;
  const pages::Paging paging(p.page, kPageSize, static_cast<long long>(p.total));
  view["past_end"] = p.kind != ResultKind::kEmpty && p.hits.empty() && p.total > 0;
  view["first_page_href"] = Href(p.query, 1, *lang);
  view["last_page_href"] = Href(p.query, paging.page_count(), *lang);
  view["no_results"] = p.kind != ResultKind::kEmpty && p.total == 0;
  json pager = {{"page", i18n::FormatNumber(i18n::CurrentLanguage(), p.page)},
                {"page_count", i18n::FormatNumber(i18n::CurrentLanguage(), paging.page_count())}, {"show", paging.page_count() > 1 && !p.hits.empty()}};
  if (p.page > 1) pager["previous_href"] = Href(p.query, p.page - 1, *lang);
  if (p.page < paging.page_count()) pager["next_href"] = Href(p.query, p.page + 1, *lang);
  view["pager"] = pager;
  if (p.kind == ResultKind::kEmpty) {
    json popular = json::array();
    if (auto list = store.Popular(kPopular); list.ok()) {
      for (const PopularCondition& c : *list) popular.push_back({{"name", c.name}, {"url", "/conditions/" + c.slug}});
    }
    view["has_popular"] = !popular.empty();
    view["popular"] = popular;
  }
  if (discussions) {
    view["tabs"] = Tabs(p.query, *lang, on_discussions ? ResultType::kDiscussions : ResultType::kConditions, p.total,
                        discussions->total);
    view["has_tabs"] = true;
  }
  if (on_discussions && discussions) {
    const DiscussionPage& d = *discussions;
    view["is_discussions"] = true;
    json found = json::array();
    for (const DiscussionHit& h : d.hits) {
      json hit = DiscussionJson(h);
      hit["when"] = pages::MomentView(h.created_at);
      found.push_back(std::move(hit));
    }
    view["discussion_hits"] = found;
    view["has_discussion_hits"] = !d.hits.empty();
    view["result_count"] = i18n::Plural("{count} result", "{count} results", static_cast<long long>(d.total));
    const pages::Paging dpaging(d.page, kPageSize, static_cast<long long>(d.total));
    view["no_discussions"] = d.total == 0;
    view["past_end"] = d.hits.empty() && d.total > 0;
    view["first_page_href"] = Href(d.query, 1, *lang, ResultType::kDiscussions);
    view["last_page_href"] = Href(d.query, dpaging.page_count(), *lang, ResultType::kDiscussions);
    json dpager = {{"page", i18n::FormatNumber(i18n::CurrentLanguage(), d.page)},
                   {"page_count", i18n::FormatNumber(i18n::CurrentLanguage(), dpaging.page_count())},
                   {"show", dpaging.page_count() > 1 && !d.hits.empty()}};
    if (d.page > 1) dpager["previous_href"] = Href(d.query, d.page - 1, *lang, ResultType::kDiscussions);
    if (d.page < dpaging.page_count()) dpager["next_href"] = Href(d.query, d.page + 1, *lang, ResultType::kDiscussions);
    view["pager"] = dpager;
  }
  return http::Response::Html(Templates::RenderPage("search", view));
}

http::Response SearchApi(SearchService& service, PostSearchService* posts, const http::Request& r) {
  auto page_number = PageOf(r);
  if (!page_number.ok()) return Failure(r, page_number.status());
  auto lang = ResultLanguage(r);
  if (!lang.ok()) return Failure(r, lang.status());
  auto type = ParseResultType(r.Query("type"));
  if (!type.ok()) return Failure(r, type.status());
  if (*type == ResultType::kDiscussions) {
    if (posts == nullptr) return Failure(r, Status::Unavailable(i18n::Tr("Discussions cannot be searched here.")));
    auto found = posts->Search(DisplayText(r.Query("q").value_or("")), r.viewer, *page_number);
    if (!found.ok()) return Failure(r, found.status());
    json body = {{"query", found->query}, {"type", "discussions"}, {"page", found->page},
                 {"page_size", kPageSize}, {"total", found->total}};
    body["results"] = json::array();
    for (const DiscussionHit& h : found->hits) body["results"].push_back(DiscussionJson(h));
    return http::Response::Json(JsonText(body));
  }
  auto result = service.Search(DisplayText(r.Query("q").value_or("")), *page_number, *lang);
  if (!result.ok()) return Failure(r, result.status());
  const SearchPage& p = *result;
  json body = {{"query", p.query},         {"type", "conditions"}, {"lang", LanguageCode(*lang)},
               {"cut", p.cut},             {"kind", KindName(p.kind)},
               {"page", p.page},           {"page_size", kPageSize}, {"total", p.total},
               {"did_you_mean", p.did_you_mean}, {"features", p.features}};
  body["results"] = json::array();
  for (const SearchHit& h : p.hits) body["results"].push_back(HitJson(h));
  if (p.kind == ResultKind::kFeatures) {
    body["notice"] = i18n::Tr("These conditions include the features you described. This is not a diagnosis.");
  }
  return http::Response::Json(JsonText(body));
}

http::Response SuggestApi(SearchService& service, const http::Request& r) {
  auto lang = ResultLanguage(r);
  if (!lang.ok()) return Failure(r, lang.status());
  const std::string typed = DisplayText(r.Query("q").value_or(""));
  json body = {{"query", std::string(CutUtf8(typed, kMaxQueryBytes))}, {"lang", LanguageCode(*lang)}};
  body["suggestions"] = json::array();
  for (const Suggestion& s : service.Suggest(typed, SuggestIndex::kLimit, *lang)) {
    body["suggestions"].push_back({{"label", s.label},
                                   {"label_lang", LanguageCode(s.label_lang)},
                                   {"name", s.name},
                                   {"name_lang", LanguageCode(s.name_lang)},
                                   {"orphacode", s.orphacode},
                                   {"url", "/conditions/" + s.slug},
                                   {"is_name", s.is_name}});
  }
  return http::Response::Json(JsonText(body)).With("Cache-Control", "public, max-age=60");
}

}  // namespace diseasemaps::search
