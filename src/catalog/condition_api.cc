#include "catalog/condition_api.h"

#include <charconv>

#include <nlohmann/json.hpp>

#include "catalog/condition_page.h"
#include "pages/error_pages.h"
#include "platform/i18n.h"
#include "pages/paging.h"
#include "platform/json_text.h"

namespace diseasemaps::catalog {
namespace {

using nlohmann::json;

http::Response Unavailable(const http::Request& request) {
  return pages::ErrorPage(&request, 503, i18n::Tr("The catalogue is unavailable right now. Try again in a moment."));
}

}  // namespace

http::Response ConditionListApi(ConditionStore& store, const http::Request& request) {
  auto page = pages::ParsePageNumber(request.Query("page"));
  if (!page.ok()) return pages::ErrorPage(&request, 400, page.status().message());
  int per_page = kApiDefaultPerPage;
  if (auto raw = request.Query("per_page")) {
    auto [ptr, ec] = std::from_chars(raw->data(), raw->data() + raw->size(), per_page);
    if (ec != std::errc() || ptr != raw->data() + raw->size() || per_page < 1 ||
        per_page > kApiMaxPerPage) {
      return pages::ErrorPage(&request, 400, i18n::Tr("per_page must be a whole number from 1 to {max}.",
                                                      {{"max", std::to_string(kApiMaxPerPage)}}));
    }
  }
  auto total = store.CountActive();
  if (!total.ok()) return Unavailable(request);
  const pages::Paging paging(*page, per_page, *total);
  auto items = store.ListActive(paging.offset(), per_page);
  if (!items.ok()) return Unavailable(request);
  json list = json::array();
  for (const auto& item : *items) {
    list.push_back({{"orphacode", item.orphacode},
                    {"name", item.name},
                    {"slug", item.slug},
                    {"type", item.entry_type},
                    {"url", "/conditions/" + item.slug},
                    {"api_url", "/api/v1/conditions/" + std::to_string(item.orphacode)}});
  }
  json body = {{"page", paging.page()},
               {"per_page", per_page},
               {"total", *total},
               {"page_count", paging.page_count()},
               {"conditions", list}};
  return http::Response::Json(JsonText(body));
}

http::Response ConditionApi(ConditionStore& store, const http::Request& request) {
  const std::string& raw = request.Param("orphacode");
  int code = 0;
  auto [ptr, ec] = std::from_chars(raw.data(), raw.data() + raw.size(), code);
  if (ec != std::errc() || ptr != raw.data() + raw.size() || code < 1) {
    return pages::ErrorPage(&request, 400, i18n::Tr("An ORPHAcode is a positive whole number, such as 1183."));
  }
  auto condition = store.FindByOrphacode(code);
  if (!condition.ok()) {
    if (condition.status().code() == Status::Code::kNotFound) {
      return pages::ErrorPage(&request, 404, i18n::Tr("There is no condition with ORPHAcode {code}.", {{"code", raw}}));
    }
    return Unavailable(request);
  }
  return http::Response::Json(JsonText(ConditionJson(*condition)));
}

}  // namespace diseasemaps::catalog
