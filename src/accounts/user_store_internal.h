// Helpers shared by the two files of UserStore (user_store.cc, user_store_lifecycle.cc).
// Not for use outside the accounts store.
#pragma once

#include <optional>
#include <string>

#include <soci/soci.h>

#include "accounts/user_store.h"

namespace diseasemaps::accounts::detail {

// Seconds since the epoch.
long long Now();

// Stores a token for user_id, after making earlier unused tokens of that purpose
// worthless (only the newest link works).
void InsertToken(soci::session& sql, long long user_id, TokenPurpose purpose, const TokenGrant& grant,
                 long long now);

}  // namespace diseasemaps::accounts::detail
