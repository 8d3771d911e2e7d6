#include "app/settings.h"
#include "platform/text.h"

#include <cctype>
#include <fstream>
#include <set>

extern char** environ;

namespace diseasemaps {
namespace {

std::string LongName(const CLI::Option* option) {
  const auto& names = option->get_lnames();
  return names.empty() ? std::string() : names.front();
}

// Adds the long names of the options of `command` and of all its subcommands.
void CollectOptionNames(const CLI::App& command, std::set<std::string>& names) {
  for (const CLI::Option* option : command.get_options()) names.insert(LongName(option));
  for (const CLI::App* sub : command.get_subcommands([](const CLI::App*) { return true; })) {
    CollectOptionNames(*sub, names);
  }
}

}  // namespace

std::string EnvironmentNameFor(const std::string& option_name) {
  std::string name = "DISEASEMAPS_";
  for (char c : option_name) {
    name.push_back(c == '-' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  }
  return name;
}

std::map<std::string, std::string> ProcessEnvironment() {
  std::map<std::string, std::string> values;
  for (char** entry = environ; entry != nullptr && *entry != nullptr; ++entry) {
    const std::string pair(*entry);
    if (pair.rfind("DISEASEMAPS_", 0) != 0) continue;
    const std::size_t eq = pair.find('=');
    if (eq != std::string::npos) values[pair.substr(0, eq)] = pair.substr(eq + 1);
  }
  return values;
}

Result<std::map<std::string, std::string>> ReadConfigFile(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::InvalidArgument("cannot read the config file " + path);
  std::map<std::string, std::string> values;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    const std::string trimmed(TrimWhitespace(line));
    if (trimmed.empty() || trimmed.front() == '#' || trimmed.front() == '[') continue;
    const std::size_t eq = trimmed.find('=');
    if (eq == std::string::npos) {
      return Status::InvalidArgument(path + " line " + std::to_string(number) +
                                     ": expected `name = value`");
    }
    std::string key(TrimWhitespace(std::string_view(trimmed).substr(0, eq)));
    std::string value(TrimWhitespace(std::string_view(trimmed).substr(eq + 1)));
    if (!value.empty() && value.front() != '"' && value.front() != '\'') {
      // An unquoted value ends at a " #" comment.
      const std::size_t comment = value.find(" #");
      if (comment != std::string::npos) value = std::string(TrimWhitespace(std::string_view(value).substr(0, comment)));
    }
    if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') &&
        value.back() == value.front()) {
      value = value.substr(1, value.size() - 2);
    }
    if (key.empty()) {
      return Status::InvalidArgument(path + " line " + std::to_string(number) +
                                     ": the setting has no name");
    }
    values[key] = value;
  }
  return values;
}

Status FillFromEnvironmentAndFile(CLI::App& command,
                                  const std::map<std::string, std::string>& environment,
                                  const std::map<std::string, std::string>& file_values) {
  std::set<std::string> known;
  std::vector<CLI::App*> scopes = {&command};  // the command, then its ancestors
  for (CLI::App* parent = command.get_parent(); parent != nullptr; parent = parent->get_parent()) {
    scopes.push_back(parent);
  }
  for (CLI::App* scope : scopes) {
    for (CLI::Option* option : scope->get_options()) {
      const std::string name = LongName(option);
      if (name.empty() || name == "help" || name == "config") continue;
      known.insert(name);
      if (option->count() > 0) continue;
      std::string value, source;
      if (auto env = environment.find(EnvironmentNameFor(name)); env != environment.end()) {
        value = env->second;
        source = env->first;
      } else if (auto file = file_values.find(name); file != file_values.end()) {
        value = file->second;
        source = "the config file";
      } else {
        continue;
      }
      try {
        if (option->get_type_size() == 0) {  // a flag
          const std::string lowered = CLI::detail::to_lower(value);
          const bool on = lowered == "1" || lowered == "true" || lowered == "yes" || lowered == "on";
          const bool off = lowered == "0" || lowered == "false" || lowered == "no" || lowered == "off";
          if (!on && !off) {
            return Status::InvalidArgument("--" + name + " from " + source +
                                           ": expected true or false, got '" + value + "'");
          }
          option->add_result(on ? "true" : "false");
        } else {
          option->add_result(value);
        }
        option->run_callback();
      } catch (const CLI::Error& e) {
        return Status::InvalidArgument("--" + name + " from " + source + ": " + e.what());
      }
    }
  }
  // One file serves every command (the service's migrate and serve, an operator's
  // `user add`): a setting of another command is left to it; a name no command has is
  // a mistake.
  const CLI::App* root = &command;
  while (root->get_parent() != nullptr) root = root->get_parent();
  std::set<std::string> anywhere;
  CollectOptionNames(*root, anywhere);
  for (const auto& [name, value] : file_values) {
    if (!known.count(name) && !anywhere.count(name)) {
      return Status::InvalidArgument("the config file sets '" + name +
                                     "', which is not an option of any command");
    }
  }
  return Status::Ok();
}

}  // namespace diseasemaps
