// The `diseasemaps digests` subcommand: one pass of the digest job (digest_job.h), the
// same as each `serve` process runs every --digest-interval:
//   digests --public-url URL [--now SECONDS]
// --public-url is the address the e-mails link to (as serve's); --now the time of the
// pass in seconds since 1970 (default: now), for tests and for catching up. Safe to run
// while servers run, and twice at once: each digest is claimed in the database.
// Exit codes: 0 done, with one line saying how many were due and sent; 1 with one line
// on stderr saying what is wrong.
#pragma once

#include <CLI/CLI.hpp>

#include "app/commands.h"

namespace diseasemaps {

void AddDigestCommand(CLI::App& app, CommonOptions& common);
// The digests subcommand when the parsed command line chose it, or nullptr.
CLI::App* ChosenDigestCommand(CLI::App& app);
// REQUIRES: ChosenDigestCommand(app) != nullptr.
int RunDigestCommand(CLI::App& app);

}  // namespace diseasemaps
