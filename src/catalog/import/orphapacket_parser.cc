// ORPHApacket JSON -> OrphaPacket. Every shape Orphanet writes a list in goes through
// one helper, ForEachItem(); every failure names its JSON path. See orphapacket_parser.h.
#include "catalog/import/orphapacket_parser.h"

#include <cstdio>
#include <fstream>
#include <set>
#include <stdexcept>
#include <utility>

#include <nlohmann/json.hpp>

namespace diseasemaps::catalog {
namespace {

using Json = nlohmann::json;

constexpr std::uintmax_t kMaxPacketBytes = 64u << 20;  // the largest real one is ~1 MiB

// Thrown inside this file only; ParseOrphaPacket turns it into a Status.
struct ShapeError {
  std::string path;
  std::string why;
};

[[noreturn]] void Broken(const std::string& path, std::string why) {
  throw ShapeError{path, std::move(why)};
}

std::string Kind(const Json& value) {
  switch (value.type()) {
    case Json::value_t::object: return "an object";
    case Json::value_t::array: return "a list";
    case Json::value_t::string: return "a string";
    case Json::value_t::boolean: return "true or false";
    case Json::value_t::null: return "null";
    default: return "a number";
  }
}

std::string Indexed(const std::string& path, std::size_t index) {
  return path + "[" + std::to_string(index) + "]";
}

// A list that Orphanet leaves empty writes null or the text "no data".
bool IsAbsent(const Json& value) {
  return value.is_null() || (value.is_string() && value.get_ref<const std::string&>() == "no data");
}

// The one helper for Orphanet's lists. A list named Things of items called Thing comes
// in any of these shapes, and fn(item, path) is called for each item, in order:
//   [{"Thing": item}, …]   [{"Thing": [item, …]}, …]   {"Thing": [item, …]}
//   {"Thing": item}        [item, …]                   null or "no data" (no items)
// Items themselves are checked by fn.
template <typename Fn>
void ForEachItem(const Json& list, std::string_view key, const std::string& path, Fn&& fn) {
  if (IsAbsent(list)) return;
  auto unwrap = [&](const Json& element, const std::string& element_path) {
    const auto inner = element.is_object() ? element.find(key) : element.end();
    if (!element.is_object() || inner == element.end()) {
      fn(element, element_path);  // an item without its wrapper
      return;
    }
    const std::string inner_path = element_path + "." + std::string(key);
    if (inner->is_array()) {
      for (std::size_t i = 0; i < inner->size(); ++i) fn((*inner)[i], Indexed(inner_path, i));
    } else if (!IsAbsent(*inner)) {
      fn(*inner, inner_path);
    }
  };
  if (list.is_array()) {
    for (std::size_t i = 0; i < list.size(); ++i) unwrap(list[i], Indexed(path, i));
  } else if (list.is_object()) {
    unwrap(list, path);
  } else {
    Broken(path, "expected an object or a list, found " + Kind(list));
  }
}

// The member `key` of an object item, or null when absent.
const Json& Member(const Json& object, std::string_view key) {
  static const Json kNull;
  const auto it = object.find(key);
  return it == object.end() ? kNull : *it;
}

void RequireObject(const Json& value, const std::string& path) {
  if (!value.is_object()) Broken(path, "expected an object, found " + Kind(value));
}

// A text field: a string (numbers are written out), "" when absent or null; anything
// else is an error. `required` also refuses absent and empty values.
std::string Text(const Json& object, std::string_view key, const std::string& path,
                 bool required = false) {
  const std::string field_path = path + "." + std::string(key);
  const Json& value = Member(object, key);
  std::string text;
  if (value.is_string()) {
    text = value.get<std::string>();
  } else if (value.is_number_integer()) {
    text = std::to_string(value.get<long long>());
  } else if (!value.is_null()) {
    Broken(field_path, "expected a string, found " + Kind(value));
  }
  const auto begin = text.find_first_not_of(" \t\r\n");
  text = begin == std::string::npos ? "" : text.substr(begin, text.find_last_not_of(" \t\r\n") - begin + 1);
  if (required && text.empty()) {
    Broken(field_path, value.is_null() ? "missing" : "empty (expected a non-empty string)");
  }
  return text;
}

int Orphacode(const Json& object, const std::string& path) {
  const std::string text = Text(object, "ORPHAcode", path, true);
  long long code = 0;
  for (char c : text) {
    if (c < '0' || c > '9' || code > 100000000) {
      Broken(path + ".ORPHAcode", "expected a whole number, found '" + text + "'");
    }
    code = code * 10 + (c - '0');
  }
  if (code <= 0) Broken(path + ".ORPHAcode", "expected a positive number, found '" + text + "'");
  return static_cast<int>(code);
}

OrphaGene Gene(const Json& item, const std::string& path) {
  RequireObject(item, path);
  OrphaGene gene;
  gene.symbol = Text(item, "Symbol", path, true);
  gene.name = Text(item, "Name", path);
  if (gene.name.empty()) gene.name = Text(item, "Label", path);  // children's genes say Label
  gene.association = Text(item, "DisorderGeneAssociationType", path);
  ForEachItem(Member(item, "ExternalReferences"), "ExternalReference", path + ".ExternalReferences",
              [&](const Json& ref, const std::string& ref_path) {
                RequireObject(ref, ref_path);
                const std::string source = Text(ref, "Source", ref_path);
                const std::string code = Text(ref, "Reference", ref_path);
                if (source == "HGNC" && gene.hgnc.empty()) gene.hgnc = code;
                if (source == "OMIM" && !code.empty()) {
                  gene.omim += (gene.omim.empty() ? "" : ",") + code;
                }
              });
  return gene;
}

std::vector<OrphaGene> Genes(const Json& owner, const std::string& path) {
  std::vector<OrphaGene> genes;
  ForEachItem(Member(owner, "Genes"), "Gene", path + ".Genes",
              [&](const Json& item, const std::string& item_path) {
                genes.push_back(Gene(item, item_path));
              });
  return genes;
}

// "E (Exact mapping: the two concepts are equivalent)" -> "E".
std::string RelationCode(const std::string& relation) {
  return relation.substr(0, relation.find(" ("));
}

void ReadLists(const Json& p, const std::string& at, OrphaPacket& packet) {
  ForEachItem(Member(p, "Synonyms"), "Synonym", at + ".Synonyms",
              [&](const Json& item, const std::string& path) {
                if (!item.is_string()) Broken(path, "expected a string, found " + Kind(item));
                if (!item.get_ref<const std::string&>().empty()) {
                  packet.synonyms.push_back(item.get<std::string>());
                }
              });
  ForEachItem(Member(p, "TextSection"), "TextSection", at + ".TextSection",
              [&](const Json& item, const std::string& path) {
                RequireObject(item, path);
                if (packet.definition.empty() && Text(item, "TextSectionType", path) == "Definition") {
                  packet.definition = Text(item, "Contents", path);
                }
              });
  ForEachItem(Member(p, "Parents"), "Parent", at + ".Parents",
              [&](const Json& item, const std::string& path) {
                RequireObject(item, path);
                packet.parents.push_back({Orphacode(item, path), Text(item, "Label", path, true)});
              });
  ForEachItem(Member(p, "Children"), "Child", at + ".Children",
              [&](const Json& item, const std::string& path) {
                RequireObject(item, path);
                packet.children.push_back(
                    {Orphacode(item, path), Text(item, "Label", path, true), Genes(item, path)});
              });
  std::set<std::string> hpo_seen;
  ForEachItem(Member(p, "Phenotypes"), "Phenotype", at + ".Phenotypes",
              [&](const Json& item, const std::string& path) {
                RequireObject(item, path);
                OrphaPhenotype phenotype{Text(item, "HPOId", path, true), Text(item, "HPOTerm", path),
                                         Text(item, "HPOFrequency", path)};
                if (hpo_seen.insert(phenotype.hpo_id).second) {
                  packet.phenotypes.push_back(std::move(phenotype));
                }
              });
  ForEachItem(Member(p, "Prevalences"), "Prevalence", at + ".Prevalences",
              [&](const Json& item, const std::string& path) {
                RequireObject(item, path);
                packet.prevalences.push_back(
                    {Text(item, "PrevalenceType", path), Text(item, "PrevalenceQualification", path),
                     Text(item, "PrevalenceClass", path), Text(item, "ValMoy", path),
                     Text(item, "PrevalenceGeographic", path), Text(item, "Source", path)});
              });
  ForEachItem(Member(p, "AverageAgeOfOnsets"), "AverageAgeOfOnset", at + ".AverageAgeOfOnsets",
              [&](const Json& item, const std::string& path) {
                RequireObject(item, path);
                if (std::string value = Text(item, "value", path); !value.empty()) {
                  packet.onsets.push_back(std::move(value));
                }
              });
  ForEachItem(Member(p, "TypeOfInheritances"), "TypeOfInheritance", at + ".TypeOfInheritances",
              [&](const Json& item, const std::string& path) {
                RequireObject(item, path);
                if (std::string value = Text(item, "value", path); !value.empty()) {
                  packet.inheritance.push_back(std::move(value));
                }
              });
  packet.genes = Genes(p, at);
  std::set<std::pair<std::string, std::string>> xref_seen;
  ForEachItem(Member(p, "ExternalReferences"), "ExternalReference", at + ".ExternalReferences",
              [&](const Json& item, const std::string& path) {
                RequireObject(item, path);
                OrphaXref xref{NormaliseXrefSystem(Text(item, "Source", path, true)),
                               Text(item, "Reference", path, true),
                               RelationCode(Text(item, "DisorderMappingRelation", path))};
                if (xref_seen.emplace(xref.system, xref.code).second) {
                  packet.xrefs.push_back(std::move(xref));
                }
              });
}

OrphaPacket Packet(const Json& root) {
  RequireObject(root, "$");
  const Json& p = Member(root, "Orphapacket");
  if (p.is_null()) Broken("$.Orphapacket", "missing");
  const std::string at = "$.Orphapacket";
  RequireObject(p, at);
  OrphaPacket packet;
  packet.orphacode = Orphacode(p, at);
  packet.label = Text(p, "Label", at, true);
  packet.data_version = Text(p, "version", at);
  const Json& type = Member(p, "DisorderType");
  if (type.is_object()) {
    packet.entry_type = Text(type, "value", at + ".DisorderType");
  } else if (!type.is_null()) {
    packet.entry_type = Text(p, "DisorderType", at);
  }
  ReadLists(p, at, packet);
  return packet;
}

}  // namespace

std::string NormaliseXrefSystem(std::string_view source) {
  std::string key;
  for (char c : source) {
    if (c != '-' && c != ' ' && c != '_') key.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  }
  static const std::pair<const char*, const char*> kSystems[] = {
      {"OMIM", "OMIM"},     {"ICD10", "ICD-10"},     {"ICD10CM", "ICD-10-CM"},
      {"ICD11", "ICD-11"},  {"MESH", "MeSH"},        {"UMLS", "UMLS"},
      {"GARD", "GARD"},     {"MEDDRA", "MedDRA"},    {"NORD", "NORD"},
      {"MONDO", "MONDO"},   {"SNOMEDCT", "SNOMED-CT"}, {"ICD10WHO", "ICD-10"},
  };
  for (const auto& [spelling, name] : kSystems) {
    if (key == spelling) return name;
  }
  return std::string(source);
}

Result<OrphaPacket> ParseOrphaPacket(std::string_view json_text) {
  Json root;
  try {
    root = Json::parse(json_text.begin(), json_text.end());
  } catch (const Json::parse_error& e) {
    std::string why = e.what();
    if (const auto bracket = why.find("] "); why.rfind("[json.exception", 0) == 0 && bracket != std::string::npos) {
      why = why.substr(bracket + 2);
    }
    return Status::InvalidArgument("$: not valid JSON: " + why);
  }
  try {
    return Packet(root);
  } catch (const ShapeError& e) {
    return Status::InvalidArgument(e.path + ": " + e.why);
  } catch (const std::exception& e) {  // a nlohmann type error this file did not foresee
    return Status::InvalidArgument(std::string("$: ") + e.what());
  }
}

Result<OrphaPacket> ReadOrphaPacket(const std::filesystem::path& file) {
  const std::string name = file.filename().string();
  std::error_code ec;
  const std::uintmax_t size = std::filesystem::file_size(file, ec);
  if (ec) return Status::InvalidArgument(name + ": cannot read: " + ec.message());
  if (size > kMaxPacketBytes) {
    return Status::InvalidArgument(name + ": larger than " + std::to_string(kMaxPacketBytes >> 20) +
                                   " MiB; not an ORPHApacket");
  }
  std::string text(size, '\0');
  std::FILE* in = std::fopen(file.c_str(), "rb");
  if (in == nullptr) return Status::InvalidArgument(name + ": cannot open the file");
  const std::size_t read = std::fread(text.data(), 1, text.size(), in);
  std::fclose(in);
  if (read != text.size()) return Status::InvalidArgument(name + ": cannot read the whole file");
  Result<OrphaPacket> packet = ParseOrphaPacket(text);
  if (!packet.ok()) return Status::InvalidArgument(name + ": " + packet.status().message());
  return packet;
}

}  // namespace diseasemaps::catalog
