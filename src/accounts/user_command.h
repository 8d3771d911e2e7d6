// The `diseasemaps user …` subcommands:
//   user add --email E --name NAME [--role R]… [--credentials TEXT] [--password-stdin]
//   user role --email E --role R…      (replaces the account's roles)
//   user reset --email E [--password-stdin]
// Without --password-stdin a strong random password is made and printed once. Roles:
// member, editor, reviewer, moderator, admin. Exit codes: 0 done; 1 with one line on
// stderr saying what is wrong (unknown role, address taken, no such account …).
#pragma once

#include <CLI/CLI.hpp>

#include "app/commands.h"

namespace diseasemaps {

void AddUserCommands(CLI::App& app, CommonOptions& common);
// The user subcommand the parsed command line chose, or nullptr.
CLI::App* ChosenUserCommand(CLI::App& app);
// REQUIRES: ChosenUserCommand(app) != nullptr.
int RunUserCommand(CLI::App& app);

}  // namespace diseasemaps
