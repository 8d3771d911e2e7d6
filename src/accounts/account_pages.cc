#include "accounts/account_pages.h"

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include "accounts/registration_pages.h"
#include "accounts/session_gate.h"
#include "http/cookies.h"
#include "pages/access.h"
#include "pages/error_pages.h"
#include "platform/i18n.h"
#include "platform/json_text.h"
#include "platform/templates.h"

namespace diseasemaps::accounts {
namespace {

using nlohmann::json;

constexpr const char* kRefusal = i18n::N_("Your account cannot do this right now.");

http::Response Page(const std::string& name, json view, unsigned status = 200) {
  http::Response response = http::Response::Html(Templates::RenderPage(name, view), status);
  response.NoStore();
  return response;
}

}  // namespace

http::Response AccountPages::Home(const http::Request& request) {
  if (auto refused = pages::RequireAllowed(request, guard::Action::kManageOwnAccount, kRefusal)) return *refused;
  auto me = users_.FindById(*request.viewer.user_id);
  if (!me.ok()) return pages::ErrorPage(&request, 503, i18n::Tr("Please try again in a moment."));
  json languages = json::array();
  for (const auto& language : i18n::Languages()) {
    if (!language.interface) continue;  // e-mails are written in the interface languages
    languages.push_back({{"code", language.code}, {"name", language.native_name}, {"selected", language.code == me->language}});
  }
  json view = {{"title", i18n::Tr("My account")},
               {"noindex", true},
               {"display_name", request.viewer.display_name},
               {"form_csrf", request.csrf_token},
               {"language_options", languages},
               {"language_saved", request.Query("done").value_or("") == "language"},
               {"confirmed", request.Query("done").value_or("") == "confirmed"}};
  return Page("account", view);
}

http::Response AccountPages::SetLanguage(const http::Request& request) {
  if (auto refused = pages::RequireAllowed(request, guard::Action::kManageOwnAccount, kRefusal)) return *refused;
  const std::string language = request.FormField("language");
  if (!i18n::IsSupported(language) || i18n::InterfaceLanguage(language) != language) {
    return pages::ErrorPage(&request, 422, i18n::Tr("Choose one of the languages in the list."));
  }
  if (!users_.SetLanguage(*request.viewer.user_id, language).ok()) {
    return pages::ErrorPage(&request, 503, i18n::Tr("Please try again in a moment."));
  }
  // To the account page in the language just chosen.
  return http::Response::Redirect(i18n::PrefixPath(language, "/account?done=language"), 303);
}

http::Response AccountPages::SignOutEverywhere(const http::Request& request) {
  if (auto refused = pages::RequireAllowed(request, guard::Action::kManageOwnAccount, kRefusal)) return *refused;
  const long long me = *request.viewer.user_id;
  if (!users_.DeleteSessionsOf(me).ok() || !users_.Audit(me, "user.sign_out_everywhere", "user:" + std::to_string(me), "").ok()) {
    return pages::ErrorPage(&request, 503, i18n::Tr("Please try again in a moment."));
  }
  http::Response response = http::Response::Redirect("/login?signed_out=everywhere", 303);
  response.With("Set-Cookie", http::SetCookieValue(kSessionCookie, "", 0, secure_cookies_));
  return response;
}

http::Response AccountPages::Export(const http::Request& request) {
  if (auto refused = pages::RequireAllowed(request, guard::Action::kManageOwnAccount, kRefusal)) return *refused;
  const long long me = *request.viewer.user_id;
  auto data = users_.ExportData(me);
  if (!data.ok()) spdlog::error("export of user {} failed: {}", me, data.status().message());
  if (!data.ok()) return pages::ErrorPage(&request, 503, i18n::Tr("Your data cannot be gathered right now. Please try again soon."));
  for (const auto& [name, exporter] : hooks_.exporters) {
    auto more = exporter(me);
    if (!more.ok()) {
      spdlog::error("export of user {} ({}) failed: {}", me, name, more.status().message());
      return pages::ErrorPage(&request, 503, i18n::Tr("Your data cannot be gathered right now. Please try again soon."));
    }
    (*data)[name] = std::move(*more);
  }
  if (!users_.Audit(me, "user.export", "user:" + std::to_string(me), "").ok()) {
    return pages::ErrorPage(&request, 503, i18n::Tr("Please try again in a moment."));
  }
  json document = {{"about", i18n::Tr("Everything DiseaseMaps holds about you, table by table. Times are seconds since "
                             "1 January 1970 (UTC). Passwords and link tokens are stored only as one-way "
                             "hashes and are left out.")},
                   {"exported_at", pages::NowSeconds()},
                   {"data", *data}};
  http::Response response = http::Response::Json(JsonText(document, 2) + "\n");
  response.With("Content-Disposition", "attachment; filename=\"diseasemaps-my-data.json\"");
  response.NoStore();
  return response;
}

http::Response AccountPages::Deleted(const http::Request& request) {
  return MessagePage(request, 200, i18n::Tr("Your account was deleted"),
                     i18n::Tr("Your profile, memberships, sessions and private data are gone. Anything you wrote that others "
                     "rely on now shows \"Deleted member\". Thank you for having been part of DiseaseMaps."),
                     "/", i18n::Tr("Go to the home page"));
}

http::Response AccountPages::DeleteForm(const http::Request& request, const std::string& error, unsigned status) {
  json view = {{"title", i18n::Tr("Delete my account")}, {"noindex", true}, {"error", error},
               {"form_csrf", request.csrf_token}};
  return Page("account_delete", view, status);
}

http::Response AccountPages::ShowDelete(const http::Request& request) {
  if (auto refused = pages::RequireAllowed(request, guard::Action::kManageOwnAccount, kRefusal)) return *refused;
  return DeleteForm(request, "", 200);
}

http::Response AccountPages::Delete(const http::Request& request) {
  if (auto refused = pages::RequireAllowed(request, guard::Action::kManageOwnAccount, kRefusal)) return *refused;
  const long long me = *request.viewer.user_id;
  const std::string password = request.FormField("password");
  if (request.FormField("confirm") != "yes") {
    return DeleteForm(request, i18n::Tr("Tick the box to confirm that you want your account deleted."), 422);
  }
  auto user = users_.FindById(me);
  if (!user.ok()) return pages::ErrorPage(&request, 503, i18n::Tr("Please try again in a moment."));
  if (password.empty() || password.size() > 1024 || !hasher_.Verify(password, user->password_hash)) {
    return DeleteForm(request, i18n::Tr("That is not your password. Nothing was deleted."), 422);
  }
  const auto delete_feature_data = [this](soci::session& sql, long long user_id) {
    for (const auto& deleter : hooks_.deleters) deleter(sql, user_id);
  };
  if (!users_.DeleteAccount(me, pages::NowSeconds(), delete_feature_data).ok()) {
    return pages::ErrorPage(&request, 503, i18n::Tr("Your account could not be deleted right now. Nothing was changed; "
                                           "please try again soon."));
  }
  Notify(hooks_.deleted, me);
  // On to a page rendered for nobody: this request's header still shows the old session.
  http::Response response = http::Response::Redirect("/account/deleted", 303);
  response.With("Set-Cookie", http::SetCookieValue(kSessionCookie, "", 0, secure_cookies_));
  return response;
}

}  // namespace diseasemaps::accounts
