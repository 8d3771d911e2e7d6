#include "pages/paging.h"

#include <charconv>

#include "platform/i18n.h"

namespace diseasemaps::pages {
namespace {

constexpr long long kMaxPage = 1000000;

std::string PageHref(const std::string& base_path, long long page) {
  return page <= 1 ? base_path : base_path + "?page=" + std::to_string(page);
}

}  // namespace

Result<long long> ParsePageNumber(const std::optional<std::string>& value) {
  if (!value || value->empty()) return 1LL;
  long long page = 0;
  const char* begin = value->data();
  const char* end = begin + value->size();
  auto [ptr, ec] = std::from_chars(begin, end, page);
  if (ec != std::errc() || ptr != end || page < 1 || page > kMaxPage) {
    return Status::InvalidArgument(
        i18n::Tr("The page number must be a whole number from 1 to {max}.",
                 {{"max", i18n::FormatNumber(i18n::CurrentLanguage(), kMaxPage)}}));
  }
  return page;
}

nlohmann::json Paging::ToView(const std::string& base_path) const {
  const long long count = page_count();
  return {
      {"page", i18n::FormatNumber(i18n::CurrentLanguage(), page_)},
      {"page_count", i18n::FormatNumber(i18n::CurrentLanguage(), count)},
      {"show", count > 1 || page_ > 1},
      {"has_previous", page_ > 1},
      {"previous_href", PageHref(base_path, std::min(page_ - 1, count))},
      {"has_next", page_ < count},
      {"next_href", PageHref(base_path, page_ + 1)},
      {"first_href", base_path},
  };
}

}  // namespace diseasemaps::pages
