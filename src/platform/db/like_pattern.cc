#include "platform/db/like_pattern.h"

#include <cctype>

namespace diseasemaps {

std::string ContainsPattern(std::string_view typed) {
  std::string pattern = "%";
  for (char c : typed) {
    if (c == '%' || c == '_' || c == '\\') pattern.push_back('\\');
    pattern.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return pattern + "%";
}

}  // namespace diseasemaps
