#include "accounts/admin_pages.h"

#include <nlohmann/json.hpp>

#include "http/url.h"
#include "pages/access.h"
#include "pages/error_pages.h"
#include "pages/moment.h"
#include "pages/paging.h"
#include "platform/i18n.h"
#include "platform/templates.h"
#include "platform/text.h"

namespace diseasemaps::accounts {
namespace {

using nlohmann::json;
using i18n::Tr;

constexpr guard::Role kAllRoles[] = {guard::Role::kMember, guard::Role::kEditor, guard::Role::kReviewer,
                                     guard::Role::kModerator, guard::Role::kAdmin};

constexpr const char* kAdminsOnly = i18n::N_("Only administrators can manage accounts.");

// The site roles as an administrator reads them; the form sends RoleName's key.
std::string RoleWord(guard::Role role) {
  switch (role) {
    case guard::Role::kMember: return Tr("member");
    // TRANSLATORS: the site role of someone who writes the answers on condition pages.
    case guard::Role::kEditor: return Tr("editor");
    case guard::Role::kReviewer: return Tr("medical reviewer");
    case guard::Role::kModerator: return Tr("moderator");
    case guard::Role::kAdmin: return Tr("administrator");
  }
  return guard::RoleName(role);
}
constexpr std::size_t kMaxReasonBytes = 500;

// The account id in the path, or nullopt for anything that can never be one.
std::optional<long long> AccountId(const http::Request& request) {
  return ParsePositiveInteger(request.Param("id"));
}

}  // namespace

http::Response AdminPages::Users(const http::Request& request) {
  if (auto refused = pages::RequireAllowed(request, guard::Action::kManageRoles, Tr(kAdminsOnly))) return *refused;
  auto page = pages::ParsePageNumber(request.Query("page"));
  if (!page.ok()) return pages::ErrorPage(&request, 400, page.status().message());
  std::string query = request.Query("q").value_or("");
  if (query.size() > 100) query.resize(100);
  auto total = users_.Count(query);
  if (!total.ok()) return pages::ErrorPage(&request, 503, Tr("Accounts are unavailable right now."));
  const pages::Paging paging(*page, kUsersPerPage, *total);
  auto users = users_.List(query, paging.offset(), kUsersPerPage);
  if (!users.ok()) return pages::ErrorPage(&request, 503, Tr("Accounts are unavailable right now."));
  json rows = json::array();
  for (const User& user : *users) {
    json roles = json::array();
    for (guard::Role role : kAllRoles) {
      const std::string name = guard::RoleName(role);
      roles.push_back({{"name", name},
                       {"label", RoleWord(role)},
                       {"checked", user.roles.count(role) > 0},
                       {"field_id", "role-" + std::to_string(user.id) + "-" + name}});
    }
    auto verification = profiles_.VerificationOf(user.id);
    if (!verification.ok()) return pages::ErrorPage(&request, 503, Tr("Accounts are unavailable right now."));
    rows.push_back({{"id", user.id},
                    {"verifiable", verification->verifiable || verification->verified},
                    {"verified", verification->verified},
                    {"display_name", user.display_name},
                    {"credentials", user.credentials},
                    {"suspended", user.status != "active" && !user.deleted},
                    {"suspended_reason", user.suspended_reason},
                    {"deleted", user.deleted},
                    {"unconfirmed", !user.email_confirmed && !user.deleted},
                    {"roles", roles},
                    {"is_me", request.viewer.user_id == user.id}});
  }
  json view = {{"title", Tr("Accounts")},
               {"noindex", true},
               {"users", rows},
               {"total", *total},
               {"query", query},
               {"form_csrf", request.csrf_token},
               {"done", request.Query("done").value_or("") == "roles"},
               {"done_suspend", request.Query("done").value_or("") == "suspended"},
               {"done_reinstate", request.Query("done").value_or("") == "reinstated"},
               {"done_verified", request.Query("done").value_or("") == "verification"},
               {"paging", paging.ToView("/admin/users")}};
  http::Response response = http::Response::Html(Templates::RenderPage("admin_users", view));
  response.NoStore();
  return response;
}

http::Response AdminPages::SetRoles(const http::Request& request) {
  if (auto refused = pages::RequireAllowed(request, guard::Action::kManageRoles, Tr(kAdminsOnly))) return *refused;
  const std::optional<long long> account = AccountId(request);
  if (!account) return pages::ErrorPage(&request, 404, Tr("There is no such account."));
  const long long id = *account;
  std::set<guard::Role> roles;
  for (const auto& [key, value] : http::ParseQuery(request.raw ? request.raw->body() : "")) {
    if (key != "role") continue;
    auto role = guard::ParseRole(value);
    if (!role) return pages::ErrorPage(&request, 422, Tr("‘{role}’ is not a role.", {{"role", value}}));
    roles.insert(*role);
  }
  if (request.viewer.user_id == id && !roles.count(guard::Role::kAdmin)) {
    return pages::ErrorPage(&request, 409,
                            Tr("You cannot take away your own admin role. Ask another admin to do it."));
  }
  if (Status s = users_.SetRoles(id, roles, request.viewer.user_id); !s.ok()) {
    if (s.code() == Status::Code::kNotFound) return pages::ErrorPage(&request, 404, Tr("There is no such account."));
    return pages::ErrorPage(&request, 503, Tr("Accounts are unavailable right now."));
  }
  return http::Response::Redirect("/admin/users?done=roles", 303);
}

http::Response AdminPages::Suspend(const http::Request& request) {
  if (auto refused = pages::RequireAllowed(request, guard::Action::kSuspendAccounts, Tr(kAdminsOnly))) return *refused;
  const std::optional<long long> id = AccountId(request);
  if (!id) return pages::ErrorPage(&request, 404, Tr("There is no such account."));
  const std::string reason(TrimWhitespace(request.FormField("reason")));
  if (reason.empty() || reason.size() > kMaxReasonBytes) {
    return pages::ErrorPage(&request, 422,
                            "Give the reason for suspending this account (at most 500 characters); it is "
                            "kept in the audit log. Nothing was changed.");
  }
  if (request.viewer.user_id == *id) {
    return pages::ErrorPage(&request, 409, Tr("You cannot suspend your own account. Nothing was changed."));
  }
  if (Status s = users_.SetSuspended(*id, true, reason, *request.viewer.user_id); !s.ok()) {
    if (s.code() == Status::Code::kNotFound) return pages::ErrorPage(&request, 404, Tr("There is no such account."));
    return pages::ErrorPage(&request, 503, Tr("Accounts are unavailable right now."));
  }
  Notify(member_changed_, *id);
  return http::Response::Redirect("/admin/users?done=suspended", 303);
}

http::Response AdminPages::Reinstate(const http::Request& request) {
  if (auto refused = pages::RequireAllowed(request, guard::Action::kSuspendAccounts, Tr(kAdminsOnly))) return *refused;
  const std::optional<long long> id = AccountId(request);
  if (!id) return pages::ErrorPage(&request, 404, Tr("There is no such account."));
  if (Status s = users_.SetSuspended(*id, false, "", *request.viewer.user_id); !s.ok()) {
    if (s.code() == Status::Code::kNotFound) return pages::ErrorPage(&request, 404, Tr("There is no such account."));
    return pages::ErrorPage(&request, 503, Tr("Accounts are unavailable right now."));
  }
  Notify(member_changed_, *id);
  return http::Response::Redirect("/admin/users?done=reinstated", 303);
}

http::Response AdminPages::AuditLog(const http::Request& request) {
  if (auto refused = pages::RequireAllowed(request, guard::Action::kReadAuditLog, Tr(kAdminsOnly))) return *refused;
  auto page = pages::ParsePageNumber(request.Query("page"));
  if (!page.ok()) return pages::ErrorPage(&request, 400, page.status().message());
  auto total = users_.CountAudit();
  if (!total.ok()) return pages::ErrorPage(&request, 503, Tr("The audit log is unavailable right now."));
  const pages::Paging paging(*page, kAuditEntriesPerPage, *total);
  auto entries = users_.ListAudit(paging.offset(), kAuditEntriesPerPage);
  if (!entries.ok()) return pages::ErrorPage(&request, 503, Tr("The audit log is unavailable right now."));
  json rows = json::array();
  for (const AuditEntry& entry : *entries) {
    rows.push_back({{"at", pages::MomentView(entry.at)},
                    {"actor", entry.actor_name.empty() ? Tr("the system") : entry.actor_name},
                    {"action", entry.action},
                    {"subject", entry.subject},
                    {"detail", entry.detail}});
  }
  json view = {{"title", Tr("Audit log")}, {"noindex", true}, {"entries", rows}, {"total", *total},
               {"total_label", i18n::Plural("{count} entry", "{count} entries", *total)},
               {"paging", paging.ToView("/admin/audit")}};
  http::Response response = http::Response::Html(Templates::RenderPage("admin_audit", view));
  response.NoStore();
  return response;
}

http::Response AdminPages::SetVerified(const http::Request& request) {
  if (auto refused = pages::RequireAllowed(request, guard::Action::kVerifyMembers,
                                           Tr("Only administrators can verify members."))) {
    return *refused;
  }
  const auto id = AccountId(request);
  if (!id) return pages::ErrorPage(&request, 404, Tr("There is no such account."));
  const std::string verified =
      request.FormField("verified");
  if (verified != "1" && verified != "0") {
    return pages::ErrorPage(&request, 422, Tr("Say whether the member is verified (1) or not (0)."));
  }
  Status s = profiles_.SetVerified(*id, verified == "1", *request.viewer.user_id);
  if (s.code() == Status::Code::kNotFound) return pages::ErrorPage(&request, 404, Tr("There is no such account."));
  if (s.code() == Status::Code::kFailedPrecondition) return pages::ErrorPage(&request, 409, s.message());
  if (!s.ok()) return pages::ErrorPage(&request, 503, Tr("Accounts are unavailable right now."));
  return http::Response::Redirect("/admin/users?done=verification", 303);
}

}  // namespace diseasemaps::accounts
