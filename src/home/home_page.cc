#include "home/home_page.h"

#include <charconv>

#include <nlohmann/json.hpp>

#include "catalog/plain_words.h"
#include "pages/error_pages.h"
#include "pages/paging.h"
#include "platform/i18n.h"
#include "platform/templates.h"

namespace diseasemaps::home {
namespace {
constexpr const char* kUnavailable = i18n::N_("The catalogue is unavailable right now. Please try again in a moment.");
}  // namespace

http::Response HomePage(catalog::ConditionStore& conditions, const http::Request& request) {
  auto page_number = pages::ParsePageNumber(request.Query("page"));
  if (!page_number.ok()) return pages::ErrorPage(&request, 400, page_number.status().message());

  auto total = conditions.CountActive();
  if (!total.ok()) return pages::ErrorPage(&request, 503, i18n::Tr(kUnavailable));
  const pages::Paging paging(*page_number, kConditionsPerPage, *total);
  auto items = conditions.ListActive(paging.offset(), kConditionsPerPage);
  if (!items.ok()) return pages::ErrorPage(&request, 503, i18n::Tr(kUnavailable));

  nlohmann::json list = nlohmann::json::array();
  for (const auto& item : *items) {
    list.push_back({{"name", item.name},
                    {"href", "/conditions/" + item.slug},
                    {"orphacode", item.orphacode},
                    {"entry_type", catalog::EntryTypeWords(item.entry_type)}});
  }
  nlohmann::json page = {
      {"title", paging.page() > 1 ? i18n::Tr("Conditions, page {page}", {{"page", i18n::FormatNumber(i18n::CurrentLanguage(), paging.page())}})
                                  : i18n::Tr("DiseaseMaps: rare conditions and the people who live with them")},
      {"description", i18n::Tr("Plain-language, medically reviewed pages about rare conditions, and a "
                               "privacy-first map of the people who live with them.")},
      {"canonical", paging.page() > 1 ? "/?page=" + std::to_string(paging.page()) : "/"},
      {"conditions", list},
      {"total_text", i18n::FormatNumber(i18n::CurrentLanguage(), *total)},
      {"catalogue_empty", *total == 0},
      {"past_end", *total > 0 && list.empty()},
      {"paging", paging.ToView("/")},
  };
  return http::Response::Html(Templates::RenderPage("home", page));
}

}  // namespace diseasemaps::home
