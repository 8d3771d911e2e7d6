// The e-mails of notifications (see notification_mail.h).
#include "notifications/notification_mail.h"

#include <nlohmann/json.hpp>

#include "platform/i18n.h"
#include "platform/templates.h"
#include "platform/text.h"

namespace diseasemaps::notifications {

std::string NotificationSentence(Kind kind, const std::string& actor, const std::string& topic) {
  switch (kind) {
    case Kind::kReply: return i18n::Tr("{actor} replied to your post in “{topic}”", {{"actor", actor}, {"topic", topic}});
    case Kind::kQuote: return i18n::Tr("{actor} quoted your post in “{topic}”", {{"actor", actor}, {"topic", topic}});
    case Kind::kMention: return i18n::Tr("{actor} mentioned you in “{topic}”", {{"actor", actor}, {"topic", topic}});
    case Kind::kWatched:
      return i18n::Tr("{actor} wrote a new post in “{topic}”, which you watch", {{"actor", actor}, {"topic", topic}});
  }
  return topic;
}

std::string UnsubscribePayload(long long user_id, MailStream stream) {
  std::string payload(1, stream == MailStream::kDigest ? 'd' : 'u');
  payload += std::to_string(user_id);
  return payload;
}

std::optional<UnsubscribeTarget> ParseUnsubscribePayload(const std::string& payload) {
  if (payload.size() < 2 || (payload[0] != 'u' && payload[0] != 'd')) return std::nullopt;
  auto user = ParsePositiveInteger(std::string_view(payload).substr(1));
  if (!user) return std::nullopt;
  return UnsubscribeTarget{*user, payload[0] == 'd' ? MailStream::kDigest : MailStream::kReplies};
}

std::string UnsubscribePath(const std::string& token) { return "/unsubscribe/" + token; }

mail::Mail NotificationMail(const MailFacts& facts) {
  i18n::ScopedLanguage in(facts.language);
  const std::string sentence = NotificationSentence(facts.kind, facts.actor, facts.topic_title);
  nlohmann::json view = {{"sentence", sentence},
                         {"link", facts.public_url + i18n::PrefixPath(facts.language, facts.post_path)},
                         {"unsubscribe", facts.public_url + UnsubscribePath(facts.token)}};
  return {facts.to, facts.user_id, sentence, Templates::Render("mail_forum_notification", view)};
}

std::string UnsubscribeHeaders(const std::string& public_url, const std::string& token) {
  return "List-Unsubscribe: <" + public_url + UnsubscribePath(token) +
         ">\nList-Unsubscribe-Post: List-Unsubscribe=One-Click";
}

}  // namespace diseasemaps::notifications
