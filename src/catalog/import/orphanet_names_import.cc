// `import orphanet-names`: Orphanet's classification files (names per language, trees)
// and ICD-11 mapping files (synonyms per language, ICD-11 codes). See names_importer.h.
#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <unordered_map>

#include "catalog/import/import_support.h"
#include "catalog/import/names_importer.h"
#include "catalog/import/names_writer.h"
#include "catalog/import/orphanet_classification_parser.h"
#include "catalog/import/orphanet_icd11_parser.h"
#include "catalog/import/orphanet_xml.h"

namespace diseasemaps::catalog {
namespace {

namespace fs = std::filesystem;

struct LanguageFile {
  fs::path path;
  std::string language;  // of the directory, or of the file name
  std::string Name() const { return language + "/" + path.filename().string(); }
};

bool IsLanguageCode(const std::string& name) {
  return name.size() == 2 && std::all_of(name.begin(), name.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// DIR/<lang>/ORPHAclassification_*.xml, by language then name.
Result<std::vector<LanguageFile>> ListClassifications(const fs::path& directory) {
  std::error_code ec;
  if (!fs::is_directory(directory, ec)) return Status::InvalidArgument(directory.string() + " is not a directory");
  std::vector<LanguageFile> files;
  for (const auto& language : fs::directory_iterator(directory, ec)) {
    const std::string code = language.path().filename().string();
    if (!language.is_directory() || !IsLanguageCode(code)) continue;
    for (const auto& entry : fs::directory_iterator(language.path(), ec)) {
      const std::string name = entry.path().filename().string();
      if (name.starts_with("ORPHAclassification_") && name.ends_with(".xml")) {
        files.push_back({entry.path(), NormaliseLanguage(code)});
      }
    }
  }
  if (ec) return Status::InvalidArgument("cannot list " + directory.string() + ": " + ec.message());
  if (files.empty()) {
    return Status::InvalidArgument("no Orphanet classifications (<lang>/ORPHAclassification_*.xml) in " +
                                   directory.string());
  }
  std::sort(files.begin(), files.end(), [](const LanguageFile& a, const LanguageFile& b) {
    return std::tie(a.language, a.path) < std::tie(b.language, b.path);
  });
  return files;
}

// DIR/ORPHA_ICD11_mapping_<lang>.xml, English first (its relations are the ones kept).
Result<std::vector<LanguageFile>> ListMappings(const fs::path& directory) {
  std::error_code ec;
  if (!fs::is_directory(directory, ec)) return Status::InvalidArgument(directory.string() + " is not a directory");
  constexpr std::string_view kPrefix = "ORPHA_ICD11_mapping_";
  std::vector<LanguageFile> files;
  for (const auto& entry : fs::directory_iterator(directory, ec)) {
    const std::string name = entry.path().filename().string();
    if (!name.starts_with(kPrefix) || !name.ends_with(".xml")) continue;
    const std::string code = name.substr(kPrefix.size(), name.size() - kPrefix.size() - 4);
    if (IsLanguageCode(code)) files.push_back({entry.path(), NormaliseLanguage(code)});
  }
  if (files.empty()) {
    return Status::InvalidArgument("no ICD-11 mappings (ORPHA_ICD11_mapping_<lang>.xml) in " + directory.string());
  }
  std::sort(files.begin(), files.end(), [](const LanguageFile& a, const LanguageFile& b) {
    return std::make_pair(a.language != "en", a.language) < std::make_pair(b.language != "en", b.language);
  });
  return files;
}

// Reads and parses every file on two threads; the first failure, in file order, wins.
template <typename T>
Result<std::vector<T>> ParseFiles(const std::vector<LanguageFile>& files, ImportOutput& output,
                                  const std::string& what,
                                  const std::function<Result<T>(const std::string&, const LanguageFile&)>& parse) {
  ProgressReporter progress(output, what, files.size());
  std::vector<Result<T>> parsed = ParseOnTwoThreads<Result<T>>(
      files.size(),
      [&](std::size_t i) -> Result<T> {
        auto bytes = ReadWholeFile(files[i].path);
        return bytes.ok() ? parse(*bytes, files[i]) : Result<T>(bytes.status());
      },
      [&](std::size_t done) { progress.Update(done); });
  progress.Finish();
  std::vector<T> values;
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (!parsed[i].ok()) return InFile(parsed[i].status(), files[i].Name());
    values.push_back(std::move(*parsed[i]));
  }
  return values;
}

// How many distinct entries lie below each entry of one tree.
std::map<int, int> CountDescendants(const std::set<int>& nodes, const std::set<ClassificationEdge>& edges) {
  std::unordered_map<int, std::vector<int>> children;
  for (const ClassificationEdge& e : edges) children[e.parent_orphacode].push_back(e.child_orphacode);
  std::map<int, int> counts;
  for (int node : nodes) {
    std::set<int> below;
    std::vector<int> stack = {node};
    while (!stack.empty()) {
      const int at = stack.back();
      stack.pop_back();
      for (int child : children[at]) {
        if (below.insert(child).second) stack.push_back(child);
      }
    }
    counts[node] = static_cast<int>(below.size());
  }
  return counts;
}

// One classification over all its languages' files.
struct Tree {
  std::string extraction_date, data_version;
  int root = 0;
  std::set<int> nodes;
  std::set<ClassificationEdge> edges;
};

struct Gathered {
  OrphanetNamesWrite write;
  int untranslated = 0;  // (ORPHAcode, language) pairs named only in English
  std::set<std::string> versions;
  std::string latest_date, latest_version;
};

Result<Gathered> Gather(const std::vector<LanguageFile>& files, const std::vector<OrphanetClassification>& parsed) {
  Gathered g;
  struct Chosen {
    std::string date, name, type;
  };
  std::map<std::pair<int, std::string>, Chosen> names;
  std::set<std::pair<int, std::string>> named_in_english;
  std::map<int, Tree> trees;
  std::set<std::string> languages;
  for (std::size_t i = 0; i < files.size(); ++i) {
    const OrphanetClassification& c = parsed[i];
    const std::string& language = files[i].language;
    languages.insert(language);
    g.versions.insert(c.data_version);
    if (c.extraction_date > g.latest_date) {
      g.latest_date = c.extraction_date;
      g.latest_version = c.data_version;
    }
    for (const ClassifiedDisorder& d : c.disorders) {
      if (d.name_language != language) {
        named_in_english.insert({d.orphacode, language});
        continue;
      }
      Chosen& chosen = names[{d.orphacode, language}];
      if (chosen.name.empty() || c.extraction_date > chosen.date) chosen = {c.extraction_date, d.name, d.disorder_type};
    }
    if (!c.title.empty() && c.title_language == language) {
      g.write.titles.push_back({c.id, language, c.title});
    }
    Tree& tree = trees[c.id];
    if (c.roots.empty()) return InFile(Status::InvalidArgument("line 1: a classification without a top entry"), files[i].Name());
    if (tree.root != 0 && tree.root != c.roots.front()) {
      return InFile(Status::InvalidArgument("line 1: classification " + std::to_string(c.id) +
                                            " has another top entry than in other languages"),
                    files[i].Name());
    }
    tree.root = c.roots.front();
    if (c.extraction_date >= tree.extraction_date) {
      tree.extraction_date = c.extraction_date;
      tree.data_version = c.data_version;
    }
    for (const ClassifiedDisorder& d : c.disorders) tree.nodes.insert(d.orphacode);
    tree.edges.insert(c.edges.begin(), c.edges.end());
  }
  g.write.languages.assign(languages.begin(), languages.end());
  for (const auto& [key, chosen] : names) {
    g.write.names.push_back({key.first, key.second, chosen.name, chosen.type});
  }
  for (const auto& key : named_in_english) g.untranslated += names.count(key) ? 0 : 1;
  for (const auto& [id, tree] : trees) {
    g.write.classifications.push_back({id, tree.root, tree.data_version});
    for (const auto& [code, count] : CountDescendants(tree.nodes, tree.edges)) {
      g.write.nodes.push_back({id, code, count});
    }
    for (const ClassificationEdge& e : tree.edges) g.write.edges.push_back({id, e.parent_orphacode, e.child_orphacode});
  }
  // A title repeated by two files of one classification and language: keep one.
  std::sort(g.write.titles.begin(), g.write.titles.end(), [](const ClassificationTitle& a, const ClassificationTitle& b) {
    return std::tie(a.classification_id, a.language) < std::tie(b.classification_id, b.language);
  });
  g.write.titles.erase(std::unique(g.write.titles.begin(), g.write.titles.end(),
                                   [](const ClassificationTitle& a, const ClassificationTitle& b) {
                                     return a.classification_id == b.classification_id && a.language == b.language;
                                   }),
                       g.write.titles.end());
  return g;
}

// Synonyms in each file's language, and the ICD-11 codes (English relations first).
OrphanetNamesWrite::Mapping GatherMapping(const std::vector<LanguageFile>& files,
                                          const std::vector<OrphanetIcd11File>& parsed, int& other_language) {
  OrphanetNamesWrite::Mapping mapping;
  std::set<std::pair<int, std::string>> codes_seen;
  for (std::size_t i = 0; i < files.size(); ++i) {
    const std::string& language = files[i].language;
    mapping.languages.push_back(language);
    for (const Icd11MappedDisorder& d : parsed[i].disorders) {
      int position = 0;
      for (const LanguageText& synonym : d.synonyms) {
        if (synonym.language != language) {
          ++other_language;
          continue;
        }
        mapping.synonyms.push_back({d.orphacode, language, position++, synonym.text});
      }
      for (const Icd11Mapping& code : d.codes) {
        if (codes_seen.emplace(d.orphacode, code.code).second) {
          mapping.codes.push_back({d.orphacode, code.code, code.relation});
        }
      }
    }
  }
  std::sort(mapping.languages.begin(), mapping.languages.end());
  mapping.languages.erase(std::unique(mapping.languages.begin(), mapping.languages.end()), mapping.languages.end());
  return mapping;
}

}  // namespace

Result<ImportSummary> ImportOrphanetNames(Database& db, const OrphanetNamesOptions& options,
                                          ImportOutput& output) {
  const auto start = ImportClock::now();
  const long long started_at = UnixNow();
  auto files = ListClassifications(options.classifications);
  if (!files.ok()) return files.status();
  std::vector<LanguageFile> mapping_files;
  if (!options.icd11_mapping.empty()) {
    auto listed = ListMappings(options.icd11_mapping);
    if (!listed.ok()) return listed.status();
    mapping_files = std::move(*listed);
  }

  auto parsed = ParseFiles<OrphanetClassification>(
      *files, output, "orphanet-names", [](const std::string& bytes, const LanguageFile& file) {
        return ParseOrphanetClassification(bytes, file.path.filename().string());
      });
  if (!parsed.ok()) return parsed.status();
  auto gathered = Gather(*files, *parsed);
  if (!gathered.ok()) return gathered.status();
  Gathered& g = *gathered;
  int synonyms_in_other_languages = 0;
  if (!mapping_files.empty()) {
    auto mappings = ParseFiles<OrphanetIcd11File>(
        mapping_files, output, "icd11-mapping",
        [](const std::string& bytes, const LanguageFile&) { return ParseOrphanetIcd11Mapping(bytes); });
    if (!mappings.ok()) return mappings.status();
    g.write.mapping = GatherMapping(mapping_files, *mappings, synonyms_in_other_languages);
  }
  const double parse_seconds = SecondsSince(start);

  const auto write_start = ImportClock::now();
  auto changes = NamesWriter(db).WriteOrphanetNames(g.write);
  if (!changes.ok()) return changes.status();
  const double write_seconds = SecondsSince(write_start);

  ImportSummary summary;
  summary.kind = "orphanet-names";
  summary.data_version = g.latest_version;
  CountChanges(summary, *changes);
  summary.notes.push_back(std::to_string(files->size()) + " classification files in " +
                          std::to_string(g.write.languages.size()) + " languages (" +
                          std::to_string(g.versions.size()) + " data versions, the latest recorded)");
  summary.notes.push_back(GroupedNumber(g.untranslated) +
                          " names given only in English in other languages' files (not stored as translations)");
  if (synonyms_in_other_languages > 0) {
    summary.notes.push_back(GroupedNumber(synonyms_in_other_languages) +
                            " synonyms in another language than their file's (left out)");
  }
  summary.timings = {{"read+parse (two threads)", parse_seconds}, {"write", write_seconds}};
  summary.total_seconds = SecondsSince(start);
  return Recorded(db, std::move(summary), started_at);
}

}  // namespace diseasemaps::catalog
