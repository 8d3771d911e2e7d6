// The e-mails of relayed contact (see message_mail.h for why the text is left out).
#include "messages/message_mail.h"

#include <nlohmann/json.hpp>

#include "platform/i18n.h"
#include "platform/templates.h"

namespace diseasemaps::messages {

mail::Mail NewMessageMail(const std::string& to, long long user_id, const std::string& language,
                          const std::string& sender_name, const std::string& public_url, long long conversation_id) {
  i18n::ScopedLanguage in(language);
  nlohmann::json view = {
      {"name", sender_name},
      {"link", public_url + i18n::PrefixPath(language, "/messages/" + std::to_string(conversation_id))},
      {"settings", public_url + i18n::PrefixPath(language, "/account/profile")}};
  return {to, user_id, i18n::Tr("You have a new message from {name} on DiseaseMaps", {{"name", sender_name}}),
          Templates::Render("mail_message_new", view)};
}

mail::Mail WarningMail(const std::string& to, long long user_id, const std::string& language,
                       const std::string& public_url, const std::string& note) {
  i18n::ScopedLanguage in(language);
  nlohmann::json view = {{"note", note},
                         {"has_note", !note.empty()},
                         {"inbox", public_url + i18n::PrefixPath(language, "/messages")}};
  return {to, user_id, i18n::Tr("A warning about a message you sent on DiseaseMaps"),
          Templates::Render("mail_message_warning", view)};
}

}  // namespace diseasemaps::messages
