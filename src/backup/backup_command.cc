#include "backup/backup_command.h"

#include <iostream>

#include "backup/backup.h"
#include "platform/text.h"

namespace diseasemaps {
namespace {

class BackupCommand : public CLI::App {
 public:
  BackupCommand(bool restore, CommonOptions& common)
      : CLI::App(restore ? "Restore a backup into an empty database (then run migrate or serve)"
                         : "Copy the database, consistently, while it serves",
                 restore ? "restore" : "backup"),
        restore_(restore),
        common_(common) {
    if (restore) {
      add_option("--from", file_, "The backup file (made by diseasemaps backup)")->required();
    } else {
      add_option("--to", file_, "Where the backup goes (SQLite: a database file; PostgreSQL: pg_dump's format)")
          ->required();
    }
  }

  int Run() {
    const std::string& url = common_.database.url;
    if (restore_) {
      if (Status s = backup::Restore(url, file_); !s.ok()) return Fail("restore: " + s.message());
      std::cout << "restored " << file_ << " into " << url << "; run migrate (or serve) next\n";
      return 0;
    }
    auto report = backup::Backup(url, file_);
    if (!report.ok()) return Fail("backup: " + report.status().message());
    std::cout << "backed up to " << file_ << " (" << GroupedNumber(static_cast<long long>(report->bytes))
              << " bytes)\n";
    return 0;
  }

 private:
  bool restore_;
  CommonOptions& common_;
  std::string file_;
};

}  // namespace

void AddBackupCommands(CLI::App& app, CommonOptions& common) {
  app.add_subcommand(std::make_shared<BackupCommand>(false, common));
  app.add_subcommand(std::make_shared<BackupCommand>(true, common));
}

CLI::App* ChosenBackupCommand(CLI::App& app) {
  for (const char* name : {"backup", "restore"}) {
    CLI::App* command = app.get_subcommand_ptr(name).get();
    if (command != nullptr && command->parsed()) return command;
  }
  return nullptr;
}

int RunBackupCommand(CLI::App& app) { return static_cast<BackupCommand*>(ChosenBackupCommand(app))->Run(); }

}  // namespace diseasemaps
