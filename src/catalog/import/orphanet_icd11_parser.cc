// Orphanet ICD-11 mapping XML -> names, synonyms and codes. See orphanet_icd11_parser.h.
#include "catalog/import/orphanet_icd11_parser.h"

#include <algorithm>
#include <unordered_set>

#include "catalog/import/orphanet_xml.h"
#include "platform/xml.h"

namespace diseasemaps::catalog {
namespace {

LanguageText TextOf(const XmlElement& element) {
  return {element.Text(), NormaliseLanguage(element.Attribute("lang"))};
}

}  // namespace

Result<OrphanetIcd11File> ParseOrphanetIcd11Mapping(std::string_view bytes) {
  auto document = XmlDocument::Parse(bytes);
  if (!document.ok()) return document.status();
  const XmlElement root = document->Root();
  const XmlElement list = root.Child("DisorderList");
  if (root.Name() != "JDBOR" || !list) return ErrorAt(root, "not JDBOR > DisorderList");
  OrphanetIcd11File out;
  out.data_version = root.Attribute("version");
  std::unordered_set<int> seen;
  for (const XmlElement& disorder : list.Children("Disorder")) {
    auto code = OrphacodeOf(disorder);
    if (!code.ok()) return code.status();
    if (!seen.insert(*code).second) return ErrorAt(disorder, "ORPHAcode " + std::to_string(*code) + " listed twice");
    Icd11MappedDisorder entry;
    entry.orphacode = *code;
    entry.name = TextOf(disorder.Child("Name"));
    for (const XmlElement& synonym : disorder.Child("SynonymList").Children("Synonym")) {
      LanguageText text = TextOf(synonym);
      const bool repeated = std::any_of(entry.synonyms.begin(), entry.synonyms.end(),
                                        [&](const LanguageText& s) { return s.text == text.text; });
      if (!text.text.empty() && !repeated) entry.synonyms.push_back(std::move(text));
    }
    for (const XmlElement& reference : disorder.Child("ExternalReferenceList").Children("ExternalReference")) {
      if (reference.Child("Source").Text() != "ICD-11") continue;
      Icd11Mapping mapping{reference.Child("Reference").Text(),
                           reference.Child("DisorderMappingRelation").Child("Name").Text()};
      if (mapping.code.empty()) return ErrorAt(reference, "an ICD-11 reference without a code");
      const bool repeated = std::any_of(entry.codes.begin(), entry.codes.end(),
                                        [&](const Icd11Mapping& m) { return m.code == mapping.code; });
      if (!repeated) entry.codes.push_back(std::move(mapping));
    }
    out.disorders.push_back(std::move(entry));
  }
  return out;
}

}  // namespace diseasemaps::catalog
