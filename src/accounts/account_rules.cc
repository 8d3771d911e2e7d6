#include "accounts/account_rules.h"

#include "accounts/password_policy.h"
#include "platform/text.h"
#include "platform/i18n.h"

namespace diseasemaps::accounts {
namespace {

// Code points in valid UTF-8, or -1 when the bytes are not valid UTF-8.
long long CountCodePoints(const std::string& text) {
  long long count = 0;
  for (std::size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    const int length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (length == 0 || i + length > text.size()) return -1;
    for (int k = 1; k < length; ++k) {
      if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return -1;
    }
    i += length;
    ++count;
  }
  return count;
}

}  // namespace

bool LooksLikeEmail(const std::string& email) {
  if (email.empty() || email.size() > kMaxEmailBytes) return false;
  for (unsigned char c : email) {
    if (c <= 0x20 || c == 0x7f || c == '<' || c == '>' || c == ',' || c == ';' || c == '"') return false;
  }
  const std::size_t at = email.find('@');
  if (at == 0 || at == std::string::npos || email.find('@', at + 1) != std::string::npos) return false;
  const std::string domain = email.substr(at + 1);
  const std::size_t dot = domain.find('.');
  return dot != std::string::npos && dot > 0 && domain.back() != '.' && domain.find("..") == std::string::npos;
}

std::string DisplayNameProblem(const std::string& display_name) {
  const std::string trimmed(TrimWhitespace(display_name));
  if (trimmed.empty()) return i18n::Tr("Enter the name others will see. A first name or a pseudonym is fine.");
  const long long length = CountCodePoints(trimmed);
  if (length < 0) return i18n::Tr("This name contains characters that cannot be shown. Please type it again.");
  for (unsigned char c : trimmed) {
    if (c < 0x20 || c == 0x7f) return i18n::Tr("This name contains invisible control characters. Please type it again.");
  }
  if (length > static_cast<long long>(kMaxDisplayNameChars)) {
    return i18n::Tr("Use at most {limit} characters (this has {count}).",
                    {{"limit", std::to_string(kMaxDisplayNameChars)}, {"count", std::to_string(length)}});
  }
  return "";
}

FieldErrors CheckRegistration(const std::string& email, const std::string& display_name,
                              const std::string& password) {
  FieldErrors errors;
  const std::string address(TrimWhitespace(email));
  if (address.empty()) {
    errors["email"] = i18n::Tr("Enter your e-mail address. It is never shown to anyone.");
  } else if (!LooksLikeEmail(address)) {
    errors["email"] = i18n::Tr("Enter an e-mail address like name@example.org.");
  }
  if (std::string problem = DisplayNameProblem(display_name); !problem.empty()) {
    errors["display_name"] = problem;
  }
  if (password.empty()) {
    errors["password"] = i18n::Tr("Choose a password of at least {limit} characters.",
                                  {{"limit", std::to_string(kMinPasswordLength)}});
  } else if (auto problem = PasswordProblem(password, address, std::string(TrimWhitespace(display_name)))) {
    errors["password"] = *problem;
  }
  return errors;
}

}  // namespace diseasemaps::accounts
