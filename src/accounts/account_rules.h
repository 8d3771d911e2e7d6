// What the account forms accept, with a message for each field that is wrong, written
// for the person filling the form. Pure functions.
#pragma once

#include <map>
#include <string>

namespace diseasemaps::accounts {

inline constexpr std::size_t kMaxEmailBytes = 254;
inline constexpr std::size_t kMaxDisplayNameChars = 60;

// field name -> message; empty when everything is acceptable.
using FieldErrors = std::map<std::string, std::string>;

// A plausible address: one @, something before it, a dotted domain after it, no spaces
// or control characters, at most 254 bytes.
bool LooksLikeEmail(const std::string& email);

// For "email", "display_name" and "password".
FieldErrors CheckRegistration(const std::string& email, const std::string& display_name,
                              const std::string& password);

// For "display_name": 1 to 60 characters of valid UTF-8 text without control characters.
std::string DisplayNameProblem(const std::string& display_name);

}  // namespace diseasemaps::accounts
