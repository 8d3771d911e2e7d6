#include "accounts/account_mail.h"

#include <nlohmann/json.hpp>

#include "platform/i18n.h"
#include "platform/templates.h"

namespace diseasemaps::accounts {
namespace {

using i18n::N_;

mail::Mail Compose(const std::string& to, const std::string& language, const char* subject,
                   const std::string& template_name, nlohmann::json view) {
  i18n::ScopedLanguage in(language);
  return {to, std::nullopt, i18n::Tr(subject), Templates::Render(template_name, view)};
}

}  // namespace

mail::Mail ConfirmAddressMail(const std::string& to, const std::string& language,
                              const std::string& display_name, const std::string& public_url,
                              const std::string& token) {
  return Compose(to, language, N_("Confirm your e-mail address for DiseaseMaps"), "mail_confirm_address",
                 {{"name", display_name}, {"link", public_url + i18n::PrefixPath(language, "/account/confirm?token=" + token)}});
}

mail::Mail AddressAlreadyRegisteredMail(const std::string& to, const std::string& language,
                                        const std::string& public_url) {
  return Compose(to, language, N_("Someone tried to register with your address"), "mail_address_taken",
                 {{"login", public_url + i18n::PrefixPath(language, "/login")},
                  {"forgot", public_url + i18n::PrefixPath(language, "/password/forgot")}});
}

mail::Mail ResetPasswordMail(const std::string& to, const std::string& language, const std::string& public_url,
                             const std::string& token) {
  return Compose(to, language, N_("Set a new password for DiseaseMaps"), "mail_reset_password",
                 {{"link", public_url + i18n::PrefixPath(language, "/password/reset?token=" + token)}});
}

mail::Mail NoAccountForResetMail(const std::string& to, const std::string& language, const std::string& public_url) {
  return Compose(to, language, N_("About your password reset request"), "mail_reset_no_account",
                 {{"register", public_url + i18n::PrefixPath(language, "/register")}});
}

mail::Mail AccountLockedMail(const std::string& to, const std::string& language, const std::string& public_url,
                             long long minutes) {
  return Compose(to, language, N_("Your DiseaseMaps account was locked for a while"), "mail_account_locked",
                 {{"minutes", i18n::FormatNumber(language, minutes)},
                  {"forgot", public_url + i18n::PrefixPath(language, "/password/forgot")}});
}

}  // namespace diseasemaps::accounts
