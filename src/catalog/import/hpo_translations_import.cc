// `import hpo-translations`: HPO's babelon label files and synonym templates, per
// language. See names_importer.h.
#include <algorithm>
#include <map>
#include <regex>
#include <set>

#include "catalog/import/hpo_translation_parser.h"
#include "catalog/import/import_support.h"
#include "catalog/import/names_importer.h"
#include "catalog/import/names_writer.h"

namespace diseasemaps::catalog {
namespace {

namespace fs = std::filesystem;

// The language of "hp-<lang>.<kind>.tsv", or "" when the name is not of that form.
std::string LanguageOf(const std::string& file_name, const std::string& kind) {
  const std::string suffix = "." + kind + ".tsv";
  if (!file_name.starts_with("hp-") || !file_name.ends_with(suffix)) return "";
  const std::string code = file_name.substr(3, file_name.size() - 3 - suffix.size());
  const bool two_letters = code.size() == 2 && std::all_of(code.begin(), code.end(), [](char c) {
    return c >= 'a' && c <= 'z';
  });
  return two_letters ? code : "";
}

struct LanguageFiles {
  std::string language;
  fs::path babelon, synonyms;  // synonyms may be empty
};

Result<std::vector<LanguageFiles>> ListTranslations(const fs::path& directory) {
  std::error_code ec;
  if (!fs::is_directory(directory, ec)) return Status::InvalidArgument(directory.string() + " is not a directory");
  std::map<std::string, LanguageFiles> by_language;
  for (const auto& entry : fs::directory_iterator(directory, ec)) {
    const std::string name = entry.path().filename().string();
    if (const std::string lang = LanguageOf(name, "babelon"); !lang.empty()) {
      by_language[lang].language = lang;
      by_language[lang].babelon = entry.path();
    } else if (const std::string lang = LanguageOf(name, "synonyms"); !lang.empty()) {
      by_language[lang].synonyms = entry.path();
    }
  }
  std::vector<LanguageFiles> files;
  for (auto& [lang, f] : by_language) {
    if (f.babelon.empty()) {
      return Status::InvalidArgument(f.synonyms.string() + " has no hp-" + lang + ".babelon.tsv beside it");
    }
    files.push_back(std::move(f));
  }
  if (files.empty()) {
    return Status::InvalidArgument("no HPO translations (hp-<lang>.babelon.tsv) in " + directory.string());
  }
  return files;
}

// The latest date (YYYY-MM-DD) named in PROVENANCE.md, the files' release as their
// source describes it; "" when there is no such file or date.
std::string ProvenanceDate(const fs::path& directory) {
  auto text = ReadWholeFile(directory / "PROVENANCE.md");
  if (!text.ok()) return "";
  static const std::regex kDate(R"(\b(19|20)\d\d-\d\d-\d\d\b)");
  std::string latest;
  for (auto it = std::sregex_iterator(text->begin(), text->end(), kDate); it != std::sregex_iterator(); ++it) {
    latest = std::max(latest, it->str());
  }
  return latest;
}

}  // namespace

Result<ImportSummary> ImportHpoTranslations(Database& db, const fs::path& directory, ImportOutput& /*output*/) {
  const auto start = ImportClock::now();
  const long long started_at = UnixNow();
  auto files = ListTranslations(directory);
  if (!files.ok()) return files.status();

  HpoTranslationsWrite write;
  int left_out = 0;
  for (const LanguageFiles& f : *files) {
    write.languages.push_back(f.language);
    const std::string babelon_name = f.babelon.filename().string();
    auto text = ReadWholeFile(f.babelon);
    if (!text.ok()) return text.status();
    auto labels = ParseHpoBabelon(*text);
    if (!labels.ok()) return InFile(labels.status(), babelon_name);
    for (HpoTranslatedLabel& label : labels->labels) {
      if (label.language != f.language) {
        return Status::InvalidArgument(babelon_name + ": a label in '" + label.language + "' for " + label.hpo_id +
                                       " in the file of '" + f.language + "'");
      }
      write.labels.push_back(std::move(label));
    }
    left_out += labels->left_out;
    if (f.synonyms.empty()) continue;
    text = ReadWholeFile(f.synonyms);
    if (!text.ok()) return text.status();
    auto synonyms = ParseHpoSynonyms(*text, f.language);
    if (!synonyms.ok()) return InFile(synonyms.status(), f.synonyms.filename().string());
    for (HpoTranslatedSynonym& synonym : synonyms->synonyms) write.synonyms.push_back(std::move(synonym));
    left_out += synonyms->left_out;
  }
  const double parse_seconds = SecondsSince(start);

  const auto write_start = ImportClock::now();
  auto changes = NamesWriter(db).WriteHpoTranslations(write);
  if (!changes.ok()) return changes.status();

  ImportSummary summary;
  summary.kind = "hpo-translations";
  summary.data_version = ProvenanceDate(directory);
  CountChanges(summary, *changes);
  std::string languages;
  for (const std::string& lang : write.languages) languages += (languages.empty() ? "" : ", ") + lang;
  const auto official = std::count_if(write.labels.begin(), write.labels.end(),
                                      [](const HpoTranslatedLabel& l) { return l.status == kOfficial; });
  summary.notes.push_back("languages: " + languages + "; " + GroupedNumber(official) + " official labels, " +
                          GroupedNumber(static_cast<long long>(write.labels.size()) - official) + " candidates");
  summary.notes.push_back(GroupedNumber(left_out) +
                          " rows left out (definitions, not translated, repeated)");
  summary.timings = {{"read+parse", parse_seconds}, {"write", SecondsSince(write_start)}};
  summary.total_seconds = SecondsSince(start);
  return Recorded(db, std::move(summary), started_at);
}

}  // namespace diseasemaps::catalog
