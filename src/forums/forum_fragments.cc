#include "forums/forum_fragments.h"

#include "platform/crypto.h"

namespace diseasemaps::forums {
namespace {

// In place when `to` is as long as `from` (a token for its placeholder); otherwise the
// text is written again once, never moved along at each replacement.
void ReplaceAll(std::string& text, const std::string& from, const std::string& to) {
  if (from.size() == to.size()) {
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
      text.replace(at, from.size(), to);
    }
    return;
  }
  std::string out;
  out.reserve(text.size());
  std::size_t done = 0;
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, done)) {
    out.append(text, done, at - done);
    out += to;
    done = at + from.size();
  }
  out.append(text, done, std::string::npos);
  text.swap(out);
}

}  // namespace

const std::string& CsrfPlaceholder() {
  static const std::string placeholder = [] {
    std::string token = RandomToken();  // a token's length
    token[0] = '\x01';
    return token;
  }();
  return placeholder;
}

void FillCsrf(std::string& html, const std::string& csrf) { ReplaceAll(html, CsrfPlaceholder(), csrf); }

}  // namespace diseasemaps::forums
