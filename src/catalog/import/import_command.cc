// The `import` subcommands: options, database opening and migration, exit codes. See
// import_command.h.
#include "catalog/import/import_command.h"

#include <unistd.h>

#include <iomanip>
#include <iostream>
#include <memory>

#include <spdlog/spdlog.h>

#include "catalog/import/importer.h"
#include "catalog/import/names_importer.h"
#include "platform/db/migrations.h"

namespace diseasemaps {
namespace {

using catalog::ImportOutput;
using catalog::ImportSummary;

constexpr int kExitSkipped = 2;
constexpr const char* kImportName = "import";

// One `import <kind>` subcommand: its options live in it, so the CLI owns them.
class ImportCommand : public CLI::App {
 public:
  ImportCommand(const std::string& kind, const std::string& description, CommonOptions& common)
      : CLI::App(description, kind), common_(common) {}

  int Run() {
    spdlog::set_level(spdlog::level::from_str(common_.log_level));
    spdlog::set_pattern("%Y-%m-%dT%H:%M:%S.%e %^%l%$ %v");
    DatabaseOptions database = common_.database;
    database.pool_size = 2;
    auto db = Database::Open(database);
    if (!db.ok()) return Fail(db.status().message() + " (check --database or DISEASEMAPS_DATABASE)");
    auto migrations = EmbeddedMigrations();
    if (!migrations.ok()) return Fail(migrations.status().message());
    auto migrated = Migrate(**db, *migrations);
    if (!migrated.ok()) return Fail(migrated.status().message());
    for (const auto& name : migrated->applied) spdlog::info("migrated: {}", name);

    ImportOutput output{std::cout, std::cerr, isatty(STDERR_FILENO) == 1};
    std::vector<ImportSummary> summaries;
    Status failure;
    auto attempt = [&](Result<ImportSummary> result) {
      if (!result.ok()) {
        failure = result.status();
        return false;
      }
      catalog::PrintSummary(output, *result);
      summaries.push_back(std::move(*result));
      return true;
    };
    const std::string kind = get_name();
    bool ok = true;
    if (kind == "orphanet") {
      ok = attempt(catalog::ImportOrphanet(**db, {path_, batch_size_}, output));
      if (ok && !mondo_.empty()) ok = attempt(catalog::ImportMondo(**db, mondo_, output));
      if (ok && !hpo_lay_.empty()) ok = attempt(catalog::ImportHpoLay(**db, hpo_lay_, output));
      if (ok && !names_.empty()) ok = attempt(catalog::ImportOrphanetNames(**db, {names_, icd11_mapping_}, output));
      if (ok && !hpo_translations_.empty()) {
        ok = attempt(catalog::ImportHpoTranslations(**db, hpo_translations_, output));
      }
    } else if (kind == "mondo") {
      ok = attempt(catalog::ImportMondo(**db, path_, output));
    } else if (kind == "orphanet-names") {
      ok = attempt(catalog::ImportOrphanetNames(**db, {path_, icd11_mapping_}, output));
    } else if (kind == "hpo-translations") {
      ok = attempt(catalog::ImportHpoTranslations(**db, path_, output));
    } else {
      ok = attempt(catalog::ImportHpoLay(**db, path_, output));
    }
    if (!ok) return Fail(failure.message());
    if (summaries.size() > 1) {
      double total = 0;
      std::cout << std::fixed << std::setprecision(2) << "all imports:";
      for (const ImportSummary& s : summaries) {
        std::cout << " " << s.kind << " " << s.total_seconds << " s,";
        total += s.total_seconds;
      }
      std::cout << " total " << total << " s" << std::endl;
    }
    for (const ImportSummary& s : summaries) {
      if (!s.skipped_inputs.empty()) return kExitSkipped;
    }
    return 0;
  }

  std::string path_;
  std::string hpo_lay_;
  std::string mondo_;
  std::string names_;
  std::string icd11_mapping_;
  std::string hpo_translations_;
  std::size_t batch_size_ = 500;

 private:
  CommonOptions& common_;
};

ImportCommand* Register(CLI::App& import, const std::string& kind, const std::string& description,
                        CommonOptions& common) {
  auto command = std::make_shared<ImportCommand>(kind, description, common);
  import.add_subcommand(command);
  command->fallthrough();  // global options may follow, as with every command
  return command.get();
}

}  // namespace

void AddImportCommands(CLI::App& app, CommonOptions& common) {
  CLI::App* import = app.add_subcommand(kImportName, "Import the catalogue from downloaded data files");
  import->require_subcommand(1);
  import->footer(
      "Exit codes: 0 all imported; 1 the import could not run; 2 malformed inputs were\n"
      "skipped (each is listed on stderr with its name and why).");

  ImportCommand* orphanet = Register(
      *import, "orphanet",
      "Import Orphanet's ORPHApackets (ORPHApacket_<code>.json files) from DIR; entries gone\n"
      "from DIR are marked obsolete, never deleted",
      common);
  orphanet->add_option("DIR", orphanet->path_, "Directory of ORPHApacket_<code>.json files")->required();
  orphanet->add_option("--hpo-lay", orphanet->hpo_lay_,
                       "Then import plain-language phenotype labels from this layperson-synonyms.tsv");
  orphanet->add_option("--mondo", orphanet->mondo_,
                       "Then import MONDO cross-references from the *.sssom.tsv files in this directory");
  orphanet->add_option("--names", orphanet->names_,
                       "Then import names in several languages and the classification trees from this\n"
                       "directory of <lang>/ORPHAclassification_*.xml files (as `import orphanet-names`)");
  orphanet->add_option("--icd11-mapping", orphanet->icd11_mapping_,
                       "With --names: synonyms per language and ICD-11 codes from this directory of\n"
                       "ORPHA_ICD11_mapping_<lang>.xml files")
      ->needs(orphanet->get_option("--names"));
  orphanet->add_option("--hpo-translations", orphanet->hpo_translations_,
                       "Then import translated phenotype labels from this directory of hp-<lang>.babelon.tsv\n"
                       "and hp-<lang>.synonyms.tsv files");
  orphanet->add_option("--batch-size", orphanet->batch_size_, "Conditions written per transaction")
      ->capture_default_str()->check(CLI::Range(std::size_t{1}, std::size_t{100000}));

  ImportCommand* mondo = Register(
      *import, "mondo",
      "Import MONDO cross-references (ICD-10, ICD-11, MeSH, UMLS, GARD, NORD, OMIM) from the\n"
      "*.sssom.tsv files in DIR; run after `import orphanet`",
      common);
  mondo->add_option("DIR", mondo->path_, "Directory of MONDO *.sssom.tsv mapping files")->required();

  ImportCommand* names = Register(
      *import, "orphanet-names",
      "Import Orphanet's names in several languages and its classification trees from DIR\n"
      "(<lang>/ORPHAclassification_*.xml, Orphanet's nomenclature pack); all files are checked\n"
      "before anything is written, and a malformed one changes nothing",
      common);
  names->add_option("DIR", names->path_, "Directory of <lang>/ORPHAclassification_*.xml files")->required();
  names->add_option("--icd11-mapping", names->icd11_mapping_,
                    "Also synonyms per language and ICD-11 codes from this directory of\n"
                    "ORPHA_ICD11_mapping_<lang>.xml files");

  ImportCommand* translations = Register(
      *import, "hpo-translations",
      "Import HPO's phenotype labels and synonyms in other languages, with their status\n"
      "(OFFICIAL or CANDIDATE), from DIR (hp-<lang>.babelon.tsv, hp-<lang>.synonyms.tsv)",
      common);
  translations->add_option("DIR", translations->path_, "Directory of hp-<lang>.babelon.tsv files")->required();

  ImportCommand* hpo = Register(*import, "hpo-lay",
                                "Import plain-language phenotype labels from HPO's layperson-synonyms.tsv",
                                common);
  hpo->add_option("FILE", hpo->path_, "The layperson-synonyms.tsv file")->required();
}

CLI::App* ChosenImportCommand(CLI::App& app) {
  for (CLI::App* import : app.get_subcommands()) {  // the parsed ones
    if (import->get_name() != kImportName) continue;
    const std::vector<CLI::App*> chosen = import->get_subcommands();
    return chosen.empty() ? nullptr : chosen.front();
  }
  return nullptr;
}

int RunImportCommand(CLI::App& app) {
  auto* command = dynamic_cast<ImportCommand*>(ChosenImportCommand(app));
  if (command == nullptr) return Fail("choose what to import: orphanet, mondo, hpo-lay, orphanet-names or hpo-translations");
  return command->Run();
}

}  // namespace diseasemaps
