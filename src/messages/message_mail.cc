// The e-mails of relayed contact (see message_mail.h for why the text is left out).
#include "messages/message_mail.h"

#include <nlohmann/json.hpp>

#include "platform/templates.h"

namespace diseasemaps::messages {

mail::Mail NewMessageMail(const std::string& to, long long user_id, const std::string& sender_name,
                          const std::string& public_url, long long conversation_id) {
  nlohmann::json view = {{"name", sender_name},
                         {"link", public_url + "/messages/" + std::to_string(conversation_id)},
                         {"settings", public_url + "/account/profile"}};
  return {to, user_id, "You have a new message from " + sender_name + " on DiseaseMaps",
          Templates::Render("mail_message_new", view)};
}

mail::Mail WarningMail(const std::string& to, long long user_id, const std::string& public_url,
                       const std::string& note) {
  nlohmann::json view = {{"note", note}, {"has_note", !note.empty()}, {"inbox", public_url + "/messages"}};
  return {to, user_id, "A warning about a message you sent on DiseaseMaps",
          Templates::Render("mail_message_warning", view)};
}

}  // namespace diseasemaps::messages
