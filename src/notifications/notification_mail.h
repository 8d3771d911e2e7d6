// The e-mails of notifications, from web/templates/mail_forum_notification.mustache: plain
// text in the recipient's language, links absolute on the site's public URL under that
// language's prefix, and the one-click unsubscribe of RFC 8058. Pure functions.
//
// Like the "new message" e-mail (messages/message_mail.h), it names who wrote and links
// to the post but never carries its text: people write about their health in the forums,
// and e-mail leaves our hands. Every such e-mail has a link that stops them, carrying a
// signed token (platform/signing.h), and the headers `List-Unsubscribe` and
// `List-Unsubscribe-Post: List-Unsubscribe=One-Click`, so a mail program's own button
// works with one POST and no session.
#pragma once

#include <optional>
#include <string>

#include "mail/outbox_store.h"
#include "notifications/notification_rules.h"

namespace diseasemaps::notifications {

// "{actor} replied to your post in “{topic}”" and the like, in the current language.
std::string NotificationSentence(Kind kind, const std::string& actor, const std::string& topic);

// The unsubscribe token's payload for an account ("u12"), and back (nullopt for any other).
std::string UnsubscribePayload(long long user_id);
std::optional<long long> UnsubscribedUser(const std::string& payload);
// "/unsubscribe/{token}".
std::string UnsubscribePath(const std::string& token);

struct MailFacts {
  std::string to;
  long long user_id = 0;
  std::string language;
  Kind kind = Kind::kReply;
  std::string actor;
  std::string topic_title;
  std::string post_path;   // "/forums/general/t/3-x#post-2"
  std::string public_url;  // no trailing slash
  std::string token;       // signed unsubscribe token
};
mail::Mail NotificationMail(const MailFacts& facts);
// The header lines that go with it (outbox_store.h EnqueueIn).
std::string UnsubscribeHeaders(const std::string& public_url, const std::string& token);

}  // namespace diseasemaps::notifications
