// SessionGate: the request hooks that say who is asking and guard every form.
//
// Before a handler runs (on the worker pool): the dm_session cookie is looked up (only
// its digest is stored); a live session of an active user becomes request.viewer and
// its CSRF token request.csrf_token. An anonymous visitor's CSRF token is the dm_csrf
// cookie (made when missing: double submit). Every POST must carry that token in its
// form field `csrf` (or the X-CSRF-Token header); a missing or wrong token is answered
// 403 with a way back, before any handler sees the request. After the handler: the
// dm_csrf cookie is set when it was new, and a dead session cookie is cleared.
#pragma once

#include <functional>
#include <optional>
#include <vector>

#include <nlohmann/json.hpp>

#include "accounts/user_store.h"
#include "http/dispatcher.h"
#include "http/request.h"

namespace diseasemaps::accounts {

class SessionGate {
 public:
  SessionGate(UserStore& users, bool secure_cookies) : users_(users), secure_cookies_(secure_cookies) {}

  std::optional<http::Response> Before(http::Request& request);
  void After(const http::Request& request, http::Response& response);

  // Both, as the dispatcher's hooks. REQUIRES: this gate outlives the dispatcher.
  http::RequestHooks Hooks();

  bool secure_cookies() const { return secure_cookies_; }

  // Adds per-member fields to the site header of signed-in viewers' pages (messages/:
  // the unread count), computed only when a page is rendered. REQUIRES: called before
  // serving starts.
  using LayoutFields = std::function<void(const guard::Viewer&, nlohmann::json&)>;
  void AddLayoutFields(LayoutFields fields) { layout_fields_.push_back(std::move(fields)); }

  // POSTs to paths under `prefix` ("/unsubscribe/") carry no CSRF token: they are proven
  // by a signed token in their address (RFC 8058's one-click unsubscribe comes from a
  // mail program, with no session and no form). REQUIRES: called before serving starts.
  void AllowWithoutCsrf(std::string prefix) { csrf_exempt_.push_back(std::move(prefix)); }

 private:
  UserStore& users_;
  bool secure_cookies_;
  std::vector<LayoutFields> layout_fields_;
  std::vector<std::string> csrf_exempt_;
};

inline constexpr const char* kSessionCookie = "dm_session";
inline constexpr const char* kCsrfCookie = "dm_csrf";

}  // namespace diseasemaps::accounts
