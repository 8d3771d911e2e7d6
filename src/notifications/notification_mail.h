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

// The e-mails a member can stop with one click: those about replies, quotes and
// mentions, and the digest of new topics (digest_mail.h).
enum class MailStream { kReplies, kDigest };
struct UnsubscribeTarget {
  long long user_id = 0;
  MailStream stream = MailStream::kReplies;
};
// The unsubscribe token's payload for an account and stream ("u12", "d12"), and back
// (nullopt for any other text).
std::string UnsubscribePayload(long long user_id, MailStream stream = MailStream::kReplies);
std::optional<UnsubscribeTarget> ParseUnsubscribePayload(const std::string& payload);
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
