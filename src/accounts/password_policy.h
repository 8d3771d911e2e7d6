// The password rule for new passwords (registration and reset): at least 10 characters,
// at most 1,024 bytes, and not one that people commonly choose.
//
// "Common" means: in the shipped list content/security/common-passwords.txt (the 30,000
// most frequent passwords, compiled into the binary), compared without regard to case;
// or such a password with only digits and punctuation added before or after it
// ("monkey2024!"); or one character repeated; or the site's own name, the person's
// e-mail address or display name. Thread-safe; the list is loaded once.
#pragma once

#include <optional>
#include <string>

namespace diseasemaps::accounts {

inline constexpr std::size_t kMinPasswordLength = 10;
inline constexpr std::size_t kMaxPasswordBytes = 1024;

// A message for the person when password is not acceptable, else nullopt.
std::optional<std::string> PasswordProblem(const std::string& password, const std::string& email,
                                           const std::string& display_name);

// True when password (any case) is in the shipped list. For tests and the rule above.
bool IsListedCommonPassword(const std::string& password);

}  // namespace diseasemaps::accounts
