// The digests subcommand (see digest_command.h).
#include "notifications/digest_command.h"

#include <chrono>
#include <iostream>

#include "notifications/digest_job.h"

namespace diseasemaps {
namespace {

class DigestCommand : public CLI::App {
 public:
  explicit DigestCommand(CommonOptions& common)
      : CLI::App("Send the digests of new forum topics that are due (each server also does, regularly)", "digests"),
        common_(common) {
    add_option("--public-url", public_url_, "The site's address the e-mails link to, as serve's --public-url")
        ->required();
    add_option("--now", now_, "The time of this pass, in seconds since 1970 (default: now)")
        ->check(CLI::Range(1LL, 32503680000LL));
  }

  int Run() {
    std::string url = public_url_;
    while (!url.empty() && url.back() == '/') url.pop_back();
    auto db = OpenMigratedDatabase(common_, 1);
    if (!db.ok()) return Fail(db.status().message());
    const long long now = now_ > 0 ? now_
                                   : std::chrono::duration_cast<std::chrono::seconds>(
                                         std::chrono::system_clock::now().time_since_epoch())
                                         .count();
    auto pass = notifications::RunDigestPass(**db, now, url);
    if (!pass.ok()) return Fail("digests: " + pass.status().message());
    std::cout << "digests: " << pass->due << " due, " << pass->sent << " sent\n";
    return 0;
  }

 private:
  CommonOptions& common_;
  std::string public_url_;
  long long now_ = 0;
};

}  // namespace

void AddDigestCommand(CLI::App& app, CommonOptions& common) { app.add_subcommand(std::make_shared<DigestCommand>(common)); }

CLI::App* ChosenDigestCommand(CLI::App& app) {
  CLI::App* command = app.get_subcommand_ptr("digests").get();
  return command != nullptr && command->parsed() ? command : nullptr;
}

int RunDigestCommand(CLI::App& app) { return static_cast<DigestCommand*>(ChosenDigestCommand(app))->Run(); }

}  // namespace diseasemaps
