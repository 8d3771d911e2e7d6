#include "platform/replace_all.h"

namespace diseasemaps {

void ReplaceAll(std::string& text, std::string_view from, std::string_view to) {
  if (from.size() == to.size()) {
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
      text.replace(at, from.size(), to);
    }
    return;
  }
  std::size_t at = text.find(from);
  if (at == std::string::npos) return;
  std::string out;
  out.reserve(text.size());
  std::size_t done = 0;
  for (; at != std::string::npos; at = text.find(from, done)) {
    out.append(text, done, at - done);
    out += to;
    done = at + from.size();
  }
  out.append(text, done, std::string::npos);
  text.swap(out);
}

}  // namespace diseasemaps
