// The `diseasemaps` command line: subcommands, their options, and their precedence
// (flags, then DISEASEMAPS_* environment variables, then --config FILE, then defaults).
#pragma once

namespace diseasemaps {

// Runs the command line and returns the process exit code. A bad option, an unreadable
// config file, a database that cannot be opened or a port in use end with a non-zero
// code and one line on stderr that says what is wrong and how to fix it.
int RunCli(int argc, char** argv);

}  // namespace diseasemaps
