#include "search/codes.h"

#include <cctype>
#include <regex>

namespace diseasemaps::search {
namespace {

std::string Upper(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::string StripZeros(std::string digits) {
  const std::size_t first = digits.find_first_not_of('0');
  return first == std::string::npos ? "0" : digits.substr(first);
}

std::string PadMondo(const std::string& digits) {
  std::string trimmed = StripZeros(digits);
  return trimmed.size() >= 7 ? trimmed : std::string(7 - trimmed.size(), '0') + trimmed;
}

std::string Icd10(const std::string& letter_digits, const std::string& rest) {
  return "ICD10:" + letter_digits + (rest.empty() ? "" : "." + rest);
}

}  // namespace

std::string OrphaKey(int orphacode) { return "ORPHA:" + std::to_string(orphacode); }

std::optional<std::string> CanonicalCode(std::string_view system, std::string_view code) {
  const std::string c = Upper(code);
  if (c.empty()) return std::nullopt;
  if (system == "OMIM") return "OMIM:" + c;
  if (system == "ICD-10" || system == "ICD-10-CM") return "ICD10:" + c;
  if (system == "MeSH") return "MESH:" + c;
  if (system == "UMLS") return "UMLS:" + c;
  if (system == "NORD") return "NORD:" + StripZeros(c);
  if (system == "GARD") {
    const std::string local = c.rfind("GARD:", 0) == 0 ? c.substr(5) : c;
    return "GARD:" + StripZeros(local);
  }
  if (system == "MONDO") {
    const std::string local = c.rfind("MONDO:", 0) == 0 ? c.substr(6) : c;
    return "MONDO:" + PadMondo(local);
  }
  if (system == "ICD-11") {
    const std::size_t slash = c.find_last_of('/');
    return "ICD11:" + (slash == std::string::npos ? c : c.substr(slash + 1));
  }
  return std::nullopt;
}

std::string Icd10Category(std::string_view key) {
  if (key.rfind("ICD10:", 0) != 0) return "";
  const std::size_t dot = key.find('.');
  return dot == std::string_view::npos ? "" : std::string(key.substr(0, dot));
}

std::vector<std::string> ParseCodeQuery(std::string_view query) {
  if (query.size() > 120) return {};
  std::string q = Upper(query);
  // Trim, and take the last path segment of a URL ("…/ORDO/Orphanet_1183").
  const std::size_t first = q.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  q = q.substr(first, q.find_last_not_of(" \t\r\n") - first + 1);
  if (q.rfind("HTTP", 0) == 0) {
    if (q.find("ID.WHO.INT/ICD/ENTITY/") != std::string::npos) {
      q = "ICD11 " + q.substr(q.find_last_of('/') + 1);
    } else if (q.find_last_of('/') != std::string::npos) {
      q = q.substr(q.find_last_of('/') + 1);
    }
  }
  static const std::regex kOrpha("(?:ORPHA(?:NET)?|ORPHACODE|ORPHA CODE)[\\s:_#\\-]*(\\d{1,7})");
  static const std::regex kOmim("(?:OMIM|MIM)[\\s:_#\\-]*(\\d{6})");
  static const std::regex kMesh("MESH[\\s:_\\-]*([CD]\\d{6,9})");
  static const std::regex kMeshBare("(D\\d{6}|C\\d{6,9})");
  static const std::regex kUmls("(?:UMLS[\\s:_\\-]*)?(C\\d{7})");
  static const std::regex kGard("GARD[\\s:_#\\-]*(\\d{1,7})");
  static const std::regex kMondo("MONDO[\\s:_#\\-]*(\\d{1,7})");
  static const std::regex kNord("NORD[\\s:_#\\-]*(\\d{1,7})");
  static const std::regex kIcd11("ICD[\\s\\-]?11[\\s:_\\-]*(\\d{5,12})");
  static const std::regex kIcd10(
      "(?:ICD[\\s\\-]?10(?:[\\s\\-]?CM)?[\\s:_\\-]*)?([A-Z]\\d{2})(?:\\.?(\\d{1,2}|\\d[A-Z0-9]{1,3}))?");
  static const std::regex kDigits("\\d{1,7}");
  std::smatch m;
  if (std::regex_match(q, m, kOrpha)) return {"ORPHA:" + StripZeros(m[1])};
  if (std::regex_match(q, m, kOmim)) return {"OMIM:" + m[1].str()};
  if (std::regex_match(q, m, kMesh)) return {"MESH:" + m[1].str()};
  if (std::regex_match(q, m, kGard)) return {"GARD:" + StripZeros(m[1])};
  if (std::regex_match(q, m, kMondo)) return {"MONDO:" + PadMondo(m[1])};
  if (std::regex_match(q, m, kNord)) return {"NORD:" + StripZeros(m[1])};
  if (std::regex_match(q, m, kIcd11)) return {"ICD11:" + m[1].str()};
  if (std::regex_match(q, m, kUmls)) {
    // "C0024796" is a UMLS concept; a seven-digit C code may also be a MeSH concept.
    return {"UMLS:" + m[1].str(), "MESH:" + m[1].str()};
  }
  if (std::regex_match(q, m, kMeshBare)) return {"MESH:" + m[1].str()};
  if (std::regex_match(q, m, kIcd10)) return {Icd10(m[1], m[2])};
  if (std::regex_match(q, kDigits)) {
    // A bare number: an ORPHAcode most often, an OMIM number when it has six digits.
    std::vector<std::string> keys = {"ORPHA:" + StripZeros(q)};
    if (q.size() == 6) keys.push_back("OMIM:" + q);
    return keys;
  }
  return {};
}

std::string DisplayCode(std::string_view key) {
  const std::size_t colon = key.find(':');
  if (colon == std::string_view::npos) return std::string(key);
  const std::string_view system = key.substr(0, colon), code = key.substr(colon + 1);
  if (system == "ORPHA") return "ORPHA:" + std::string(code);
  if (system == "ICD10") return "ICD-10 " + std::string(code);
  if (system == "ICD11") return "ICD-11 " + std::string(code);
  if (system == "MESH") return "MeSH " + std::string(code);
  if (system == "MONDO") return "MONDO:" + std::string(code);
  return std::string(system) + " " + std::string(code);
}

}  // namespace diseasemaps::search
