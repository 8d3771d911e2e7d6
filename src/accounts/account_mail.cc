#include "accounts/account_mail.h"

#include <nlohmann/json.hpp>

#include "platform/templates.h"

namespace diseasemaps::accounts {
namespace {

mail::Mail Compose(const std::string& to, std::string subject, const std::string& template_name,
                   nlohmann::json view) {
  return {to, std::nullopt, std::move(subject), Templates::Render(template_name, view)};
}

}  // namespace

mail::Mail ConfirmAddressMail(const std::string& to, const std::string& display_name,
                              const std::string& public_url, const std::string& token) {
  return Compose(to, "Confirm your e-mail address for DiseaseMaps", "mail_confirm_address",
                 {{"name", display_name}, {"link", public_url + "/account/confirm?token=" + token}});
}

mail::Mail AddressAlreadyRegisteredMail(const std::string& to, const std::string& public_url) {
  return Compose(to, "Someone tried to register with your address", "mail_address_taken",
                 {{"login", public_url + "/login"}, {"forgot", public_url + "/password/forgot"}});
}

mail::Mail ResetPasswordMail(const std::string& to, const std::string& public_url, const std::string& token) {
  return Compose(to, "Set a new password for DiseaseMaps", "mail_reset_password",
                 {{"link", public_url + "/password/reset?token=" + token}});
}

mail::Mail NoAccountForResetMail(const std::string& to, const std::string& public_url) {
  return Compose(to, "About your password reset request", "mail_reset_no_account",
                 {{"register", public_url + "/register"}});
}

mail::Mail AccountLockedMail(const std::string& to, const std::string& public_url, long long minutes) {
  return Compose(to, "Your DiseaseMaps account was locked for a while", "mail_account_locked",
                 {{"minutes", minutes}, {"forgot", public_url + "/password/forgot"}});
}

}  // namespace diseasemaps::accounts
