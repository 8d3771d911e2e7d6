// The `diseasemaps backup` and `diseasemaps restore` subcommands (backup.h does the work):
//   backup --to FILE       a consistent copy of the --database, taken while it serves
//   restore --from FILE    into the --database, which must be empty; `serve` (or
//                          `migrate`) then brings its schema up to date
// Exit codes: 0 done, with one line saying what was written; 1 with one line on stderr
// saying what is wrong.
#pragma once

#include <CLI/CLI.hpp>

#include "app/commands.h"

namespace diseasemaps {

void AddBackupCommands(CLI::App& app, CommonOptions& common);
// The backup or restore subcommand the parsed command line chose, or nullptr.
CLI::App* ChosenBackupCommand(CLI::App& app);
// REQUIRES: ChosenBackupCommand(app) != nullptr.
int RunBackupCommand(CLI::App& app);

}  // namespace diseasemaps
