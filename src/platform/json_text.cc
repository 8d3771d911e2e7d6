#include "platform/json_text.h"

namespace diseasemaps {

std::string JsonText(const nlohmann::json& value, int indent) {
  return value.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace diseasemaps
