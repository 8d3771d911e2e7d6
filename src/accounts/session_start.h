// Starting a session: what signing in and confirming an e-mail address share.
//
// A new session is a fresh random token: only its digest is stored, with its own CSRF
// token and the usual lifetime (app/limits.h kSessionSeconds); the browser gets it in an
// HttpOnly, SameSite=Lax cookie (Secure behind TLS). The session the request came with,
// if any, is ended first, so a token planted before signing in is worth nothing after.
#pragma once

#include "accounts/user_store.h"
#include "http/request.h"

namespace diseasemaps::accounts {

// Ends the request's session (if any), starts one for `user_id` and adds its cookie to
// `response`. Unavailable (and `response` unchanged) when the database refused.
Status StartSession(UserStore& users, const http::Request& request, long long user_id, long long now,
                    bool secure_cookies, http::Response& response);

}  // namespace diseasemaps::accounts
