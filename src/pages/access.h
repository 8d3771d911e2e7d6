// The one way a handler turns the guard's answer into a response: a visitor who is not
// signed in goes to the sign-in page and comes back afterwards (told that their session
// ended when their browser still carried one); a signed-in viewer without the right gets
// 403 with the reason. Handlers call RequireAllowed() first and return what it gives.
#pragma once

#include <optional>
#include <string>

#include "guard/guard.h"
#include "http/request.h"

namespace diseasemaps::pages {

// nullopt when request.viewer may do action; otherwise the response to send.
std::optional<http::Response> RequireAllowed(const http::Request& request, guard::Action action,
                                             const std::string& refusal);

// The same for a question the guard answers with more than an action (guard::CanReadForum
// and the like): `allowed` is the guard's answer for request.viewer.
std::optional<http::Response> RequireAllowed(const http::Request& request, bool allowed,
                                             const std::string& refusal);

// Seconds since the epoch.
long long NowSeconds();

// A 429 page (or JSON) with Retry-After. `sentence` is a whole message marked with
// i18n::N_, saying what was too many, with {wait} where the wait goes.
http::Response TooManyAttempts(const http::Request& request, long long retry_after_seconds,
                               const char* sentence);
// A 429 page (or JSON) with Retry-After: `reason` (already in the request's language),
// then when to try again.
http::Response TooManyRequests(const http::Request& request, long long retry_after_seconds,
                               const std::string& reason);
// A wait in words in the current language, rounded up: "1 minute", "45 minutes", "3 hours".
std::string WaitInWords(long long seconds);

}  // namespace diseasemaps::pages
