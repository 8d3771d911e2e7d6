// Settings precedence for every subcommand: command-line flags, then environment
// variables (DISEASEMAPS_<OPTION_NAME>), then the config file, then the defaults.
//
// CLI11 parses the flags; FillFromEnvironmentAndFile() then gives every option that the
// command line left unset its value from the environment or, failing that, the file.
// The config file holds `name = value` lines (long option names without dashes, `#`
// comments, also after an unquoted value; optional quotes), for example `port = 8081`.
#pragma once

#include <map>
#include <string>

#include <CLI/CLI.hpp>

#include "platform/status.h"

namespace diseasemaps {

// Reads a config file into name -> value. Fails on unreadable files and malformed lines,
// naming the file and the line.
Result<std::map<std::string, std::string>> ReadConfigFile(const std::string& path);

// The environment variable for an option: "db-pool" -> "DISEASEMAPS_DB_POOL".
std::string EnvironmentNameFor(const std::string& option_name);

// Fills unset options of `command` (and of its ancestors, for global options) from the
// environment, then from `file_values`. Fails when a value does not convert, or when the
// file names an option that no command has (options of other commands are ignored, so
// one file serves them all). `environment` maps names to values (the
// process environment in production; a map in tests).
Status FillFromEnvironmentAndFile(CLI::App& command,
                                  const std::map<std::string, std::string>& environment,
                                  const std::map<std::string, std::string>& file_values);

// The process environment's DISEASEMAPS_* variables.
std::map<std::string, std::string> ProcessEnvironment();

}  // namespace diseasemaps
