// Unsubscribe tokens: the signed payload (notification_mail.h UnsubscribePayload) that
// every notification and digest e-mail carries in its one-click link, under the key
// "unsubscribe" (platform/signing.h). Thread-safe: one query on the caller's session.
#pragma once

#include <optional>
#include <string>

#include <soci/soci.h>

#include "notifications/notification_mail.h"

namespace diseasemaps::notifications {

// The token for the member's stream of e-mails.
std::string SignUnsubscribeToken(soci::session& sql, const UnsubscribeTarget& target, long long now);
// What a token names; nullopt when it is not one of ours or was altered.
std::optional<UnsubscribeTarget> VerifyUnsubscribeToken(soci::session& sql, const std::string& token, long long now);

}  // namespace diseasemaps::notifications
