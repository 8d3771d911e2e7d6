// Signing: short texts (an account number and a purpose) turned into tokens that a link
// can carry and that nobody can forge or alter without the site's key: the text, a '.',
// and the HMAC-SHA-256 of the text under a named key, URL-safe base64. The keys live in
// the database (signing_keys, migration 0020), 32 random bytes each, made by the first
// process that asks, so every server process signs and checks alike.
//
// Thread-safe: pure functions apart from the key's one query, on the caller's session.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <soci/soci.h>

namespace diseasemaps {

// The key called `name`, made now when there is none.
std::string SigningKey(soci::session& sql, const std::string& name, long long now);

// "payload.signature". REQUIRES: payload holds only URL-safe characters.
std::string SignToken(std::string_view key, std::string_view payload);
// The payload of a token SignToken made with `key`; nullopt for any other text (a
// changed payload or signature, another key, no '.').
std::optional<std::string> VerifyToken(std::string_view key, std::string_view token);

}  // namespace diseasemaps
