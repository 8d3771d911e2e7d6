#include "search/result_type.h"

#include "platform/i18n.h"

namespace diseasemaps::search {

Result<ResultType> ParseResultType(const std::optional<std::string>& value) {
  if (!value || value->empty() || *value == "conditions") return ResultType::kConditions;
  if (*value == "discussions") return ResultType::kDiscussions;
  return Status::InvalidArgument(i18n::Tr("The type of results must be “conditions” or “discussions”."));
}

std::string_view ResultTypeName(ResultType type) {
  return type == ResultType::kDiscussions ? "discussions" : "conditions";
}

}  // namespace diseasemaps::search
