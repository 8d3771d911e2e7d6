// Every limit on how often people may do things, in one place, with why.
#pragma once

namespace diseasemaps::limits {

// Failed sign-ins per IP address in 15 minutes: enough for a person who mistypes, too
// few for guessing passwords. Over it: 429 with Retry-After.
inline constexpr int kLoginFailuresPerIp = 20;
// Failed sign-ins per account in 15 minutes, from anywhere: slows guessing one account
// from many addresses.
inline constexpr int kLoginFailuresPerAccount = 8;
inline constexpr long long kLoginWindowSeconds = 15 * 60;

// How long a session lasts without signing in again.
inline constexpr long long kSessionSeconds = 30LL * 24 * 60 * 60;

// Password hashes at once (each ~64 MiB of memory).
inline constexpr int kConcurrentPasswordHashes = 2;

}  // namespace diseasemaps::limits
