#include "platform/process.h"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace diseasemaps {

extern "C" char** environ;

Result<ProgramResult> RunProgram(const std::vector<std::string>& args,
                                 const std::map<std::string, std::string>& extra_environment) {
  // Everything the child needs is built before fork: after it, only async-signal-safe calls.
  std::vector<char*> argv;
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  std::vector<std::string> environment_text;
  for (char** e = environ; *e != nullptr; ++e) {
    const std::string entry = *e;
    const std::string name = entry.substr(0, entry.find('='));
    if (extra_environment.count(name) == 0) environment_text.push_back(entry);
  }
  for (const auto& [name, value] : extra_environment) environment_text.push_back(name + "=" + value);
  std::vector<char*> envp;
  for (std::string& e : environment_text) envp.push_back(e.data());
  envp.push_back(nullptr);

  int out[2];
  int failed[2];  // the child writes errno here when exec fails; closed on exec
  if (pipe2(out, O_CLOEXEC) != 0 || pipe2(failed, O_CLOEXEC) != 0) {
    return Status::Internal(std::string("pipe: ") + std::strerror(errno));
  }
  const pid_t pid = fork();
  if (pid < 0) return Status::Internal(std::string("fork: ") + std::strerror(errno));
  if (pid == 0) {
    const int null_in = open("/dev/null", O_RDONLY);
    if (null_in >= 0) dup2(null_in, STDIN_FILENO);
    dup2(out[1], STDOUT_FILENO);
    dup2(out[1], STDERR_FILENO);
    execvpe(argv[0], argv.data(), envp.data());
    const int error = errno;
    [[maybe_unused]] ssize_t ignored = write(failed[1], &error, sizeof error);
    _exit(127);
  }
  close(out[1]);
  close(failed[1]);
  ProgramResult result;
  char buffer[4096];
  for (ssize_t n; (n = read(out[0], buffer, sizeof buffer)) != 0;) {
    if (n < 0) {
      if (errno == EINTR) continue;
      break;
    }
    result.output.append(buffer, static_cast<size_t>(n));
  }
  close(out[0]);
  int exec_error = 0;
  const ssize_t got = read(failed[0], &exec_error, sizeof exec_error);
  close(failed[0]);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (got == static_cast<ssize_t>(sizeof exec_error)) {
    return Status::Unavailable("cannot run " + args[0] + ": " + std::strerror(exec_error));
  }
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return result;
}

}  // namespace diseasemaps
