// Paging: the arithmetic and the view of a paged list ("Page 2 of 7", previous, next),
// shared by every paged page. ParsePageNumber() refuses what is not a page number with
// a message a person can act on.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "platform/status.h"

namespace diseasemaps::pages {

// "3" -> 3; absent -> 1; "0", "-1", "abc", "99999999999" -> InvalidArgument.
Result<long long> ParsePageNumber(const std::optional<std::string>& value);

class Paging {
 public:
  Paging(long long page, int per_page, long long total)
      : page_(page), per_page_(per_page), total_(total) {}
  long long page() const { return page_; }
  long long offset() const { return (page_ - 1) * per_page_; }
  long long page_count() const { return total_ == 0 ? 1 : (total_ + per_page_ - 1) / per_page_; }
  // {page, page_count, has_previous, previous_href, has_next, next_href, first_href, show}
  nlohmann::json ToView(const std::string& base_path) const;

 private:
  long long page_;
  int per_page_;
  long long total_;
};

}  // namespace diseasemaps::pages
