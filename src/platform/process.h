// Runs another program to completion, without a shell: arguments are passed as they are,
// so nothing in them is ever interpreted. For the few tools the binary drives itself
// (pg_dump and pg_restore for backups).
//
// Thread-safe in the way fork/exec is: call it from a command, not from a server's I/O
// threads (it blocks until the program exits).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "platform/status.h"

namespace diseasemaps {

struct ProgramResult {
  int exit_code = -1;  // the program's exit status; 128 + N when killed by signal N
  std::string output;  // what it wrote on standard output and standard error, interleaved
};

// Runs args[0] (looked up on PATH) with args, this process's environment plus
// `extra_environment`, and standard input from /dev/null. Unavailable when the program
// cannot be started (not installed); otherwise its result, whatever its exit code.
// REQUIRES: args is not empty.
Result<ProgramResult> RunProgram(const std::vector<std::string>& args,
                                 const std::map<std::string, std::string>& extra_environment = {});

}  // namespace diseasemaps
