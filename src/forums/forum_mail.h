// The forums' e-mails, from web/templates/mail_forum_*.mustache: plain text in the
// recipient's language, links absolute on the site's public URL under that language's
// prefix. Pure functions.
#pragma once

#include <string>

#include "mail/outbox_store.h"

namespace diseasemaps::forums {

// To the author of a flagged post a moderator warned about, linking to the post; never
// names who flagged it. `note` is the moderator's (may be empty); `post_path` the post's
// address on the site ("/forums/general/t/3-x#post-2").
mail::Mail FlagWarningMail(const std::string& to, long long user_id, const std::string& language,
                           const std::string& public_url, const std::string& post_path, const std::string& note);

}  // namespace diseasemaps::forums
