#include "accounts/user_command.h"

#include <iostream>

#include "accounts/user_store.h"
#include "app/limits.h"
#include "platform/crypto.h"

namespace diseasemaps {
namespace {

constexpr std::size_t kMinPasswordLength = 10;

class UserCommand : public CLI::App {
 public:
  UserCommand(const std::string& name, const std::string& description, CommonOptions& common)
      : CLI::App(description, name), common_(common) {
    add_option("--email", email_, "The account's e-mail address")->required();
    if (name == "add") {
      add_option("--name", display_name_, "Display name shown on the site (a pseudonym is fine)")
          ->required();
      add_option("--credentials", credentials_,
                 "For medical reviewers: shown with their name, e.g. \"MD, paediatric neurology\"");
    }
    if (name != "reset") {
      add_option("--role", roles_, "member, editor, reviewer, moderator or admin (repeatable)")
          ->check(CLI::IsMember({"member", "editor", "reviewer", "moderator", "admin"}));
    }
    if (name != "role") {
      add_flag("--password-stdin", password_stdin_, "Read the password from standard input");
    }
  }

  int Run() {
    if (Status s = InitCrypto(); !s.ok()) return Fail(s.message());
    auto db = OpenMigratedDatabase(common_, 1);
    if (!db.ok()) return Fail(db.status().message());
    accounts::UserStore users(**db);
    std::set<guard::Role> roles;
    for (const auto& name : roles_) roles.insert(*guard::ParseRole(name));
    const std::string command = get_name();
    if (command == "role") {
      auto user = users.FindByEmail(email_);
      if (!user.ok()) return Fail("no account has the e-mail address " + email_);
      if (Status s = users.SetRoles(user->id, roles, std::nullopt); !s.ok()) return Fail(s.message());
      std::cout << "roles of " << user->display_name << ": " << Describe(roles) << "\n";
      return 0;
    }
    auto password = Password();
    if (!password.ok()) return Fail(password.status().message());
    PasswordHasher hasher(limits::kConcurrentPasswordHashes);
    auto hash = hasher.Hash(*password);
    if (!hash.ok()) return Fail(hash.status().message());
    if (command == "add") {
      if (email_.find('@') == std::string::npos) return Fail("'" + email_ + "' is not an e-mail address");
      if (roles.empty()) roles.insert(guard::Role::kMember);
      auto id = users.Create({email_, display_name_, credentials_, *hash, roles}, std::nullopt);
      if (!id.ok()) return Fail(id.status().message());
      std::cout << "added " << display_name_ << " (" << Describe(roles) << ")\n";
    } else {
      auto user = users.FindByEmail(email_);
      if (!user.ok()) return Fail("no account has the e-mail address " + email_);
      if (Status s = users.SetPassword(user->id, *hash, std::nullopt); !s.ok()) return Fail(s.message());
      std::cout << "new password set for " << user->display_name << "; every session was signed out\n";
    }
    if (!password_stdin_) std::cout << "password (shown once): " << *password << "\n";
    return 0;
  }

 private:
  Result<std::string> Password() {
    if (!password_stdin_) return RandomToken().substr(0, 20);
    std::string password;
    std::getline(std::cin, password);
    if (!password.empty() && password.back() == '\r') password.pop_back();
    if (password.size() < kMinPasswordLength) {
      return Status::InvalidArgument("the password must have at least " +
                                     std::to_string(kMinPasswordLength) + " characters");
    }
    return password;
  }

  static std::string Describe(const std::set<guard::Role>& roles) {
    std::string text;
    for (guard::Role role : roles) {
      if (!text.empty()) text += ", ";
      text += guard::RoleName(role);
    }
    return text.empty() ? "no roles" : text;
  }

  CommonOptions& common_;
  std::string email_, display_name_, credentials_;
  std::vector<std::string> roles_;
  bool password_stdin_ = false;
};

}  // namespace

void AddUserCommands(CLI::App& app, CommonOptions& common) {
  CLI::App* user = app.add_subcommand("user", "Manage accounts: add, role, reset");
  user->require_subcommand(1);
  user->add_subcommand(std::make_shared<UserCommand>("add", "Create an account", common));
  user->add_subcommand(std::make_shared<UserCommand>("role", "Set an account's roles", common));
  user->add_subcommand(std::make_shared<UserCommand>("reset", "Set a new password", common));
}

CLI::App* ChosenUserCommand(CLI::App& app) {
  CLI::App* user = app.get_subcommand_ptr("user").get();
  if (user == nullptr || !user->parsed()) return nullptr;
  for (CLI::App* sub : user->get_subcommands()) {
    if (sub->parsed()) return sub;
  }
  return nullptr;
}

int RunUserCommand(CLI::App& app) {
  return static_cast<UserCommand*>(ChosenUserCommand(app))->Run();
}

}  // namespace diseasemaps
