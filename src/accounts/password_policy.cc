#include "accounts/password_policy.h"

#include <algorithm>
#include <cctype>
#include <string_view>
#include <unordered_set>

#include "platform/embedded_files.h"
#include "platform/i18n.h"

namespace diseasemaps::accounts {
namespace {

constexpr std::string_view kListPath = "content/security/common-passwords.txt";

std::string Lower(std::string_view text) {
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower;
}

const std::unordered_set<std::string_view>& CommonPasswords() {
  static const std::unordered_set<std::string_view> list = [] {
    std::unordered_set<std::string_view> words;
    for (const auto& file : embedded::Files()) {
      if (file.name != kListPath) continue;
      std::string_view rest = file.content;
      while (!rest.empty()) {
        const std::size_t end = std::min(rest.find('\n'), rest.size());
        std::string_view line = rest.substr(0, end);
        rest.remove_prefix(std::min(end + 1, rest.size()));
        if (!line.empty() && line.front() != '#') words.insert(line);
      }
    }
    return words;
  }();
  return list;
}

bool IsPadding(unsigned char c) { return std::isdigit(c) || std::ispunct(c) || c == ' '; }

// The password with digits and punctuation trimmed from both ends.
std::string_view Core(std::string_view password) {
  while (!password.empty() && IsPadding(static_cast<unsigned char>(password.front()))) {
    password.remove_prefix(1);
  }
  while (!password.empty() && IsPadding(static_cast<unsigned char>(password.back()))) {
    password.remove_suffix(1);
  }
  return password;
}

}  // namespace

bool IsListedCommonPassword(const std::string& password) {
  return CommonPasswords().count(Lower(password)) > 0;
}

std::optional<std::string> PasswordProblem(const std::string& password, const std::string& email,
                                           const std::string& display_name) {
  if (password.size() < kMinPasswordLength) {
    return i18n::Tr("Use at least {limit} characters. A few unrelated words make a strong password that is easy "
                    "to remember.",
                    {{"limit", std::to_string(kMinPasswordLength)}});
  }
  if (password.size() > kMaxPasswordBytes) return i18n::Tr("That password is too long (at most 1,024 characters).");
  const std::string lower = Lower(password);
  const std::string core = Lower(Core(password));
  const bool repeated = std::all_of(lower.begin(), lower.end(), [&](char c) { return c == lower[0]; });
  const bool listed = CommonPasswords().count(lower) > 0 || (core.size() >= 4 && CommonPasswords().count(core) > 0);
  const bool personal = core == "diseasemaps" || (!email.empty() && lower == Lower(email)) ||
                        (!display_name.empty() && lower == Lower(display_name)) ||
                        (!email.empty() && core == Lower(email.substr(0, email.find('@'))));
  if (repeated || listed || personal) {
    return i18n::Tr("That password is one people often choose, so it is easy to guess. Choose another: a few "
                    "unrelated words work well.");
  }
  return std::nullopt;
}

}  // namespace diseasemaps::accounts
