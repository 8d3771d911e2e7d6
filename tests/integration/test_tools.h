// Test support for tests that reach past one TestServer (test_server.h): one HTTP
// exchange with any loopback port (a proxy, a stats page), and other programs started
// and stopped (HAProxy). Defined in test_server.cc, beside the server's own spawning
// and client, which use them. (TestServer also takes a "--port N" among its extra
// arguments in place of its "--port 0": a node restarted where a proxy expects it.)
#pragma once

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "test_server.h"

namespace diseasemaps::testing {

// One HTTP/1.1 exchange with 127.0.0.1:port on a new connection (30 s at most). Throws
// on network errors (refused, reset, timed out), so that callers can count them.
HttpResult HttpExchange(unsigned short port, const std::string& method, const std::string& target,
                        const std::map<std::string, std::string>& headers = {}, const std::string& body = "");

// Starts `program args…` with stdout and stderr in `log`; returns its pid.
pid_t StartProgram(const std::string& program, const std::vector<std::string>& args,
                   const std::filesystem::path& log);
// SIGTERM, then SIGKILL after `timeout`; waits for the exit and returns the exit code
// (or -signal). -1 for pid <= 0.
int StopProgram(pid_t pid, std::chrono::milliseconds timeout = std::chrono::seconds(10));

}  // namespace diseasemaps::testing
