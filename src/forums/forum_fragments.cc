#include "forums/forum_fragments.h"

#include "platform/crypto.h"
#include "platform/replace_all.h"

namespace diseasemaps::forums {

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
