#include "accounts/session_gate.h"

#include <chrono>

#include "http/cookies.h"
#include "platform/i18n.h"
#include "pages/error_pages.h"
#include "platform/crypto.h"
#include "platform/templates.h"

namespace diseasemaps::accounts {
namespace {

long long Now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

bool ChangesState(const http::Request& request) {
  using boost::beast::http::verb;
  return request.method == verb::post || request.method == verb::put ||
         request.method == verb::patch || request.method == verb::delete_;
}

// The CSRF token the request sent back: the form field, or the header for scripts.
std::string SentCsrfToken(const http::Request& request) {
  const std::string_view header = request.Header("X-CSRF-Token");
  if (!header.empty()) return std::string(header);
  if (request.raw == nullptr) return {};
  const std::string_view type = request.Header(boost::beast::http::field::content_type);
  if (type.rfind("application/x-www-form-urlencoded", 0) != 0) return {};
  return http::QueryValue(http::ParseQuery(request.raw->body()), "csrf").value_or("");
}

}  // namespace

std::optional<http::Response> SessionGate::Before(http::Request& request) {
  const std::string_view cookies = request.Header(boost::beast::http::field::cookie);
  if (auto token = http::CookieValue(cookies, kSessionCookie); token && LooksLikeToken(*token)) {
    auto session = users_.FindSession(TokenDigest(*token), Now());
    if (session.ok()) {
      auto user = users_.FindById(session->user_id);
      if (user.ok() && user->status == "active") {
        request.viewer.user_id = user->id;
        request.viewer.display_name = user->display_name;
        request.viewer.credentials = user->credentials;
        request.viewer.roles = user->roles;
        request.viewer.email_confirmed = user->email_confirmed;
        request.csrf_token = session->csrf_token;
      }
    }
  }
  if (!request.viewer.signed_in()) {
    auto csrf = http::CookieValue(cookies, kCsrfCookie);
    request.csrf_token = csrf && LooksLikeToken(*csrf) ? *csrf : RandomToken();
  }
  nlohmann::json context = {{"csrf", request.csrf_token}};
  if (request.viewer.signed_in()) {
    context["signed_in"] = true;
    context["viewer_name"] = request.viewer.display_name;
    context["can_edit"] = guard::Can(request.viewer, guard::Action::kSeeEditorialQueues);
    context["can_admin"] = guard::Can(request.viewer, guard::Action::kManageRoles);
  }
  Templates::SetLayoutContext(std::move(context));
  if (request.viewer.signed_in() && !layout_fields_.empty()) {
    Templates::SetLayoutFiller([this, viewer = request.viewer](nlohmann::json& layout) {
      for (const LayoutFields& fields : layout_fields_) fields(viewer, layout);
    });
  }

  bool exempt = false;
  for (const std::string& prefix : csrf_exempt_) exempt = exempt || request.path.starts_with(prefix);
  if (ChangesState(request) && !exempt && !ConstantTimeEquals(SentCsrfToken(request), request.csrf_token)) {
    http::Response refused = pages::ErrorPage(
        &request, 403,
        i18n::Tr("This form has expired or did not come from this site, so nothing was changed. Go "
        "back, reload the page and send it again."));
    After(request, refused);
    return refused;
  }
  return std::nullopt;
}

void SessionGate::After(const http::Request& request, http::Response& response) {
  Templates::ClearLayoutContext();
  const std::string_view cookies = request.Header(boost::beast::http::field::cookie);
  if (!request.viewer.signed_in() && http::CookieValue(cookies, kCsrfCookie) != request.csrf_token &&
      response.HeaderValue("Set-Cookie").empty()) {
    response.With("Set-Cookie", http::SetCookieValue(kCsrfCookie, request.csrf_token,
                                                     60LL * 60 * 24 * 365, secure_cookies_));
  }
  if (!request.viewer.signed_in() && http::CookieValue(cookies, kSessionCookie) &&
      response.HeaderValue("Set-Cookie").empty()) {
    response.With("Set-Cookie", http::SetCookieValue(kSessionCookie, "", 0, secure_cookies_));
  }
  // Pages made for one person are never stored by shared caches.
  if (request.viewer.signed_in() && response.HeaderValue("Cache-Control").empty()) {
    response.With("Cache-Control", "private, no-store");
  }
}

http::RequestHooks SessionGate::Hooks() {
  return {[this](http::Request& request) { return Before(request); },
          [this](const http::Request& request, http::Response& response) { After(request, response); }};
}

}  // namespace diseasemaps::accounts
