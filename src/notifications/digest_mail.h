// The digest e-mail, from web/templates/mail_forum_digest.mustache: plain text in the
// recipient's language, the titles of new topics in the forums they watch, each with an
// absolute link under that language's prefix, and the one-click unsubscribe of RFC 8058
// (a signed token for the digest stream, notification_mail.h). Pure functions.
//
// Like the other forum e-mails it carries titles and links, never what posts say.
#pragma once

#include <string>
#include <vector>

#include "mail/outbox_store.h"

namespace diseasemaps::notifications {

struct DigestTopic {
  std::string title;
  std::string forum;  // the forum's name, in the recipient's language
  std::string path;   // "/forums/general/t/3-x"
};

struct DigestFacts {
  std::string to;
  long long user_id = 0;
  std::string language;
  bool weekly = true;               // else daily: the e-mail's words say which
  std::vector<DigestTopic> topics;  // oldest first; REQUIRES: not empty
  long long more = 0;               // new topics beyond those listed
  std::string public_url;           // no trailing slash
  std::string token;                // signed unsubscribe token for the digest
};
mail::Mail DigestMail(const DigestFacts& facts);

}  // namespace diseasemaps::notifications
