// The digest e-mail (see digest_mail.h).
#include "notifications/digest_mail.h"

#include <nlohmann/json.hpp>

#include "notifications/notification_mail.h"
#include "platform/i18n.h"
#include "platform/templates.h"

namespace diseasemaps::notifications {

mail::Mail DigestMail(const DigestFacts& facts) {
  i18n::ScopedLanguage in(facts.language);
  const long long count = static_cast<long long>(facts.topics.size()) + facts.more;
  const std::string subject = i18n::Plural("{count} new topic in the forums you watch",
                                           "{count} new topics in the forums you watch", count);
  nlohmann::json topics = nlohmann::json::array();
  for (const DigestTopic& topic : facts.topics) {
    topics.push_back({{"title", topic.title},
                      {"forum", topic.forum},
                      {"link", facts.public_url + i18n::PrefixPath(facts.language, topic.path)}});
  }
  nlohmann::json view = {
      {"intro", facts.weekly ? i18n::Tr("New topics this week in the forums you watch:")
                             : i18n::Tr("New topics since yesterday in the forums you watch:")},
      {"topics", topics},
      {"more", facts.more > 0 ? nlohmann::json(i18n::Plural("… and {count} more on the site.",
                                                            "… and {count} more on the site.", facts.more))
                              : nlohmann::json(nullptr)},
      {"preferences", facts.public_url + i18n::PrefixPath(facts.language, "/account/notifications")},
      {"unsubscribe", facts.public_url + UnsubscribePath(facts.token)}};
  return {facts.to, facts.user_id, subject, Templates::Render("mail_forum_digest", view)};
}

}  // namespace diseasemaps::notifications
