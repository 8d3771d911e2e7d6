// The forums' e-mails (see forum_mail.h).
#include "forums/forum_mail.h"

#include <nlohmann/json.hpp>

#include "platform/i18n.h"
#include "platform/templates.h"

namespace diseasemaps::forums {

mail::Mail FlagWarningMail(const std::string& to, long long user_id, const std::string& language,
                           const std::string& public_url, const std::string& post_path, const std::string& note) {
  i18n::ScopedLanguage in(language);
  nlohmann::json view = {{"note", note},
                         {"has_note", !note.empty()},
                         {"post", public_url + i18n::PrefixPath(language, post_path)}};
  return {to, user_id, i18n::Tr("A warning about a post you wrote on DiseaseMaps"),
          Templates::Render("mail_forum_warning", view)};
}

}  // namespace diseasemaps::forums
