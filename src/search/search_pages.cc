#include "search/search_pages.h"

#include <nlohmann/json.hpp>

#include "pages/error_pages.h"
#include "catalog/plain_words.h"
#include "pages/paging.h"
#include "platform/i18n.h"
#include "platform/json_text.h"
#include "platform/templates.h"
#include "search/normalize.h"

namespace diseasemaps::search {
namespace {

using nlohmann::json;

constexpr int kPopular = 12;

std::string Href(const std::string& query, long long page, Lang lang) {
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

}  // namespace

http::Response SearchPageHandler(SearchService& service, SearchStore& store, const http::Request& r) {
  auto page_number = PageOf(r);
  if (!page_number.ok()) return Failure(r, page_number.status());
  auto lang = ResultLanguage(r);
  if (!lang.ok()) return Failure(r, lang.status());
  const std::string typed = DisplayText(r.Query("q").value_or(""));
  auto result = service.Search(typed, *page_number, *lang);
  if (!result.ok()) return Failure(r, result.status());
  const SearchPage& p = *result;
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
  return http::Response::Html(Templates::RenderPage("search", view));
}

http::Response SearchApi(SearchService& service, const http::Request& r) {
  auto page_number = PageOf(r);
  if (!page_number.ok()) return Failure(r, page_number.status());
  auto lang = ResultLanguage(r);
  if (!lang.ok()) return Failure(r, lang.status());
  auto result = service.Search(DisplayText(r.Query("q").value_or("")), *page_number, *lang);
  if (!result.ok()) return Failure(r, result.status());
  const SearchPage& p = *result;
  json body = {{"query", p.query},         {"lang", LanguageCode(*lang)}, {"cut", p.cut}, {"kind", KindName(p.kind)},
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
