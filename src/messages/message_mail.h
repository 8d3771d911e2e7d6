// The e-mails of relayed contact, from web/templates/mail_message_*.mustache: plain
// text in the recipient's language, links absolute on the site's public URL under that
// language's prefix. Pure functions.
//
// The "new message" e-mail says who wrote and links to the conversation, but does NOT
// carry the message's text: e-mail leaves our hands (providers, shared inboxes, phone
// lock screens), a member writing about a diagnosis expects it to be read on the site
// only, and a notification without the text gives an abuser no way around a block or
// a moderator. Neither e-mail ever shows anyone's address.
#pragma once

#include <string>

#include "mail/outbox_store.h"

namespace diseasemaps::messages {

// "You have a new message from NAME on DiseaseMaps", linking to /messages/{id}.
mail::Mail NewMessageMail(const std::string& to, long long user_id, const std::string& language,
                          const std::string& sender_name, const std::string& public_url, long long conversation_id);

// To the author of a reported message a moderator warned about; never names the
// reporter. `note` is the moderator's (may be empty).
mail::Mail WarningMail(const std::string& to, long long user_id, const std::string& language,
                       const std::string& public_url, const std::string& note);

}  // namespace diseasemaps::messages
