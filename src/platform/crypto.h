// Crypto: password hashing (argon2id through libsodium), random tokens, and token
// digests for storage.
//
// Thread-safe. A password hash costs about 50 ms and 64 MiB, so HashPassword() and
// VerifyPassword() block, belong on the worker pool, and let at most
// `max_concurrent_hashes` run at once (further callers wait), so a flood of logins cannot
// exhaust memory. Tokens are 32 random bytes, URL-safe base64; only their SHA-256 digest
// is stored, so a leaked database does not leak live sessions or reset links.
#pragma once

#include <condition_variable>
#include <mutex>
#include <string>
#include <string_view>

#include "platform/status.h"

namespace diseasemaps {

// Initialises libsodium; call once at start. Fails if the library cannot start.
Status InitCrypto();

class PasswordHasher {
 public:
  explicit PasswordHasher(int max_concurrent_hashes);

  // The argon2id string (with its salt and parameters) for password.
  Result<std::string> Hash(std::string_view password);
  // True when password matches the stored argon2id string.
  bool Verify(std::string_view password, const std::string& stored_hash);

 private:
  class Slot;
  std::mutex mutex_;
  std::condition_variable freed_;
  int available_;
};

// 32 random bytes as URL-safe base64 without padding (43 characters).
std::string RandomToken();

// True when text has the shape of a token from RandomToken() (checked before any lookup).
bool LooksLikeToken(std::string_view text);

// The hex SHA-256 of a token, for storage and lookup.
std::string TokenDigest(std::string_view token);

// Compares without leaking where two strings differ.
bool ConstantTimeEquals(std::string_view a, std::string_view b);

}  // namespace diseasemaps
