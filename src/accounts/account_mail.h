// The e-mails the accounts feature sends, written once here from the templates
// web/templates/mail_*.mustache: plain text, in the site's voice, each saying why it
// came and what to do if the person did not ask for it. Each is written in `language`
// (the recipient's, platform/i18n.h), and its links are absolute, on the site's public
// URL under that language's prefix. Pure functions.
#pragma once

#include <string>

#include "mail/outbox_store.h"

namespace diseasemaps::accounts {

// For a new account: the link that confirms the address.
mail::Mail ConfirmAddressMail(const std::string& to, const std::string& language,
                              const std::string& display_name, const std::string& public_url,
                              const std::string& token);
// To the owner of an address someone tried to register again.
mail::Mail AddressAlreadyRegisteredMail(const std::string& to, const std::string& language,
                                        const std::string& public_url);
// The single-use link that sets a new password.
mail::Mail ResetPasswordMail(const std::string& to, const std::string& language, const std::string& public_url,
                             const std::string& token);
// To an address with no account, when someone asked to reset its password.
mail::Mail NoAccountForResetMail(const std::string& to, const std::string& language, const std::string& public_url);
// To the owner of an account locked after repeated failed sign-ins.
mail::Mail AccountLockedMail(const std::string& to, const std::string& language, const std::string& public_url,
                             long long minutes);

}  // namespace diseasemaps::accounts
