#include "http/language_links.h"

#include <array>

#include "platform/i18n.h"

namespace diseasemaps::http {
namespace {

// True when the site path `rest` (after its leading '/') should gain the prefix.
bool NeedsPrefix(std::string_view rest) {
  if (rest.starts_with("/")) return false;  // "//host/…"
  for (std::string_view shared : {"static/", "api/"}) {
    if (rest.starts_with(shared)) return false;
  }
  if (rest.size() >= 2 && i18n::IsSupported(rest.substr(0, 2)) &&
      (rest.size() == 2 || rest[2] == '/' || rest[2] == '"' || rest[2] == '?')) {
    return false;
  }
  return true;
}

bool TagHasHreflang(std::string_view html, std::size_t attribute_at) {
  const std::size_t open = html.rfind('<', attribute_at);
  if (open == std::string_view::npos) return false;
  std::size_t close = html.find('>', attribute_at);
  if (close == std::string_view::npos) close = html.size();
  return html.substr(open, close - open).find("hreflang=") != std::string_view::npos;
}

}  // namespace

std::string KeepLanguageInHtml(std::string_view html, std::string_view prefix) {
  if (prefix.empty()) return std::string(html);
  static constexpr std::array<std::string_view, 2> kAttributes = {" href=\"/", " action=\"/"};
  std::string out;
  out.reserve(html.size() + html.size() / 50);
  std::size_t copied = 0;
  std::size_t pos = 0;
  while (true) {
    std::size_t best = std::string_view::npos;
    std::size_t length = 0;
    for (std::string_view attribute : kAttributes) {
      const std::size_t at = html.find(attribute, pos);
      if (at < best) {
        best = at;
        length = attribute.size();
      }
    }
    if (best == std::string_view::npos) break;
    const std::size_t slash = best + length - 1;
    if (NeedsPrefix(html.substr(slash + 1)) && !TagHasHreflang(html, best)) {
      out.append(html.substr(copied, slash - copied));
      out.append(prefix);
      copied = slash;
    }
    pos = slash + 1;
  }
  out.append(html.substr(copied));
  return out;
}

void KeepLanguageInLinks(Response& response, std::string_view prefix) {
  if (prefix.empty()) return;
  for (auto& [name, value] : response.headers) {
    if (name == "Location" && value.starts_with("/") && NeedsPrefix(std::string_view(value).substr(1))) {
      value = std::string(prefix) + value;
    }
  }
  if (response.content_type.starts_with("text/html")) response.body = KeepLanguageInHtml(response.body, prefix);
}

}  // namespace diseasemaps::http
