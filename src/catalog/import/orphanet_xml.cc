// Helpers shared by the Orphanet XML parsers. See orphanet_xml.h.
#include "catalog/import/orphanet_xml.h"

#include <cctype>

#include "platform/text.h"

namespace diseasemaps::catalog {

std::string NormaliseLanguage(std::string_view code) {
  std::string lower;
  for (char c : TrimWhitespace(code)) lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  return lower == "cz" ? "cs" : lower;
}

Result<int> OrphacodeOf(const XmlElement& disorder) {
  XmlElement code = disorder.Child("OrphaCode");
  if (!code) code = disorder.Child("OrphaNumber");
  if (!code) return ErrorAt(disorder, "a Disorder without an OrphaCode");
  const std::string text = code.Text();
  const auto number = ParsePositiveInteger(text);
  if (!number || *number > 99999999) return ErrorAt(code, "not an ORPHAcode: '" + text + "'");
  return static_cast<int>(*number);
}

Status ErrorAt(const XmlElement& element, const std::string& what) {
  return Status::InvalidArgument("line " + std::to_string(element.Line()) + ": " + what);
}

}  // namespace diseasemaps::catalog
