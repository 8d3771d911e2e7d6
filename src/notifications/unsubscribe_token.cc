// Unsubscribe tokens (see unsubscribe_token.h).
#include "notifications/unsubscribe_token.h"

#include "platform/signing.h"

namespace diseasemaps::notifications {
namespace {

constexpr const char* kUnsubscribeKey = "unsubscribe";

}  // namespace

std::string SignUnsubscribeToken(soci::session& sql, const UnsubscribeTarget& target, long long now) {
  return SignToken(SigningKey(sql, kUnsubscribeKey, now), UnsubscribePayload(target.user_id, target.stream));
}

std::optional<UnsubscribeTarget> VerifyUnsubscribeToken(soci::session& sql, const std::string& token, long long now) {
  auto payload = VerifyToken(SigningKey(sql, kUnsubscribeKey, now), token);
  if (!payload) return std::nullopt;
  return ParseUnsubscribePayload(*payload);
}

}  // namespace diseasemaps::notifications
