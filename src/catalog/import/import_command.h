// The `diseasemaps import …` subcommands on the command line:
//   import orphanet DIR [--hpo-lay FILE] [--mondo DIR] [--names DIR [--icd11-mapping DIR]]
//                       [--hpo-translations DIR] [--batch-size N]
//   import mondo DIR
//   import hpo-lay FILE
//   import orphanet-names DIR [--icd11-mapping DIR]
//   import hpo-translations DIR
// Each opens the database given by the global options, applies pending migrations, runs
// the import (importer.h, names_importer.h) and prints its summary. Exit codes: 0 when
// everything was imported; 1 when the import could not run (one line on stderr says
// why: no packets in DIR, database unavailable, a malformed file for orphanet-names and
// hpo-translations, which skip nothing …); 2 when it ran but skipped malformed inputs,
// each listed on stderr with its name and why.
#pragma once

#include <CLI/CLI.hpp>

#include "app/commands.h"

namespace diseasemaps {

// Registers `import` and its subcommands on app. The options they read at run time
// (--database …) are those of `common`, which must outlive app.
void AddImportCommands(CLI::App& app, CommonOptions& common);

// The import subcommand the parsed command line chose (e.g. `import orphanet`), or
// nullptr when it chose none. Its options take their precedence like any command's.
CLI::App* ChosenImportCommand(CLI::App& app);

// Runs the chosen import and returns the exit code.
// REQUIRES: ChosenImportCommand(app) != nullptr.
int RunImportCommand(CLI::App& app);

}  // namespace diseasemaps
