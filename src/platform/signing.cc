// Signing (see signing.h).
#include "platform/signing.h"

#include <sodium.h>

#include "platform/crypto.h"

namespace diseasemaps {
namespace {

std::string Mac(std::string_view key, std::string_view payload) {
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_state state;
  crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(key.data()), key.size());
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(payload.data()), payload.size());
  crypto_auth_hmacsha256_final(&state, mac);
  char out[sodium_base64_ENCODED_LEN(sizeof mac, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
  sodium_bin2base64(out, sizeof out, mac, sizeof mac, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  return out;
}

}  // namespace

std::string SigningKey(soci::session& sql, const std::string& name, long long now) {
  const std::string fresh = RandomToken();
  sql << "INSERT INTO signing_keys (name, secret, created_at) VALUES (:n, :s, :now) ON CONFLICT (name) DO NOTHING",
      soci::use(name, "n"), soci::use(fresh, "s"), soci::use(now, "now");
  std::string secret;
  sql << "SELECT secret FROM signing_keys WHERE name = :n", soci::use(name, "n"), soci::into(secret);
  return secret;
}

std::string SignToken(std::string_view key, std::string_view payload) {
  return std::string(payload) + "." + Mac(key, payload);
}

std::optional<std::string> VerifyToken(std::string_view key, std::string_view token) {
  const std::size_t dot = token.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || key.empty()) return std::nullopt;
  const std::string_view payload = token.substr(0, dot);
  if (!ConstantTimeEquals(Mac(key, payload), token.substr(dot + 1))) return std::nullopt;
  return std::string(payload);
}

}  // namespace diseasemaps
