#include "admin/admin_home_page.h"

#include <algorithm>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "guard/guard.h"
#include "pages/access.h"
#include "pages/moment.h"
#include "platform/i18n.h"
#include "platform/templates.h"

namespace diseasemaps::admin {
namespace {

using i18n::Tr;
using nlohmann::json;

// An admin screen: where it is, what it is called, what it is for, and who may open it.
struct Screen {
  const char* href;
  const char* name;
  const char* purpose;
  guard::Action action;
};

// Every admin and staff screen, in the order the home lists them. A new screen joins here.
constexpr Screen kScreens[] = {
    {"/admin/users", i18n::N_("Accounts"),
     i18n::N_("Find members, give and take roles, suspend and reinstate accounts, verify professionals."),
     guard::Action::kManageRoles},
    {"/admin/audit", i18n::N_("Audit log"), i18n::N_("What was done to accounts, by whom and when."),
     guard::Action::kReadAuditLog},
    {"/admin/outbox", i18n::N_("Outbox"), i18n::N_("Every e-mail the site wrote, and whether it was sent."),
     guard::Action::kReadOutbox},
    {"/admin/reports", i18n::N_("Reports"), i18n::N_("Reported messages and forum posts waiting for a moderator."),
     guard::Action::kModerateReports},
    {"/admin/forums", i18n::N_("Forums"),
     i18n::N_("Create and edit the site-wide forums, and choose who may read any forum."),
     guard::Action::kManageForums},
    {"/editorial", i18n::N_("Editorial"),
     i18n::N_("Answers being written, and versions waiting for a medical reviewer."),
     guard::Action::kSeeEditorialQueues},
};

json ScreensView(const guard::Viewer& viewer) {
  json screens = json::array();
  for (const Screen& screen : kScreens) {
    if (!guard::Can(viewer, screen.action)) continue;
    screens.push_back({{"href", screen.href}, {"name", Tr(screen.name)}, {"purpose", Tr(screen.purpose)}});
  }
  return screens;
}

json NodesView(const std::vector<Node>& nodes, const std::string& this_node_id) {
  json rows = json::array();
  for (const Node& node : nodes) {
    rows.push_back({{"hostname", node.hostname},
                    {"pid", node.pid},
                    {"version", node.version},
                    {"started", pages::MomentView(node.started_at)},
                    {"seen", pages::MomentView(node.seen_at)},
                    {"this_node", node.id == this_node_id}});
  }
  return rows;
}

std::string OneDecimal(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", value);
  return text;
}

json StatusView(const SystemStatus& status) {
  json view = {{"database_reachable", status.database_reachable},
               {"database_backend", status.database_backend},
               {"database_description", status.database_description},
               {"replica", nullptr},
               {"outbox", nullptr},
               {"search", nullptr},
               {"map", nullptr},
               {"nodes", nullptr}};
  if (status.replica.configured) {
    view["replica"] = {{"reachable", status.replica.reachable},
                       {"in_use", status.replica.in_use},
                       {"description", status.replica_description},
                       {"lag_bytes", status.replica.lag_bytes},
                       {"lag_label", status.replica.lag_seconds < 0
                                         ? i18n::Tr("lag unknown")
                                         : i18n::Tr("{seconds} s behind ({bytes} bytes)",
                                                    {{"seconds", OneDecimal(status.replica.lag_seconds)},
                                                     {"bytes", std::to_string(status.replica.lag_bytes)}})},
                       {"problem", TextOrNull(status.replica.problem)}};
  }
  if (status.outbox) {
    view["outbox"] = {{"pending", status.outbox->pending},
                      {"failed", status.outbox->failed},
                      {"pending_label", i18n::Plural("{count} e-mail waiting to be sent",
                                                     "{count} e-mails waiting to be sent", status.outbox->pending)},
                      {"failed_label", i18n::Plural("{count} e-mail given up after every retry",
                                                    "{count} e-mails given up after every retry",
                                                    status.outbox->failed)}};
  }
  if (status.search_published_at > 0) {
    view["search"] = {{"conditions_label", i18n::Plural("{count} condition indexed", "{count} conditions indexed",
                                                        static_cast<long long>(status.search_conditions))},
                      {"refreshed_time", pages::MomentView(status.search_published_at)},
                      {"age_seconds", std::max(0LL, status.now - status.search_published_at)}};
  }
  if (status.map) {
    view["map"] = {{"members_label", i18n::Plural("{count} member", "{count} members",
                                                  static_cast<long long>(status.map->members))},
                   {"places_label", i18n::Plural("{count} place", "{count} places",
                                                 static_cast<long long>(status.map->places))},
                   {"scopes_label", i18n::Plural("{count} map built", "{count} maps built",
                                                 static_cast<long long>(status.map->scopes))}};
  }
  if (status.nodes) {
    view["nodes"] = {{"rows", NodesView(*status.nodes, status.this_node_id)},
                     {"count_label", i18n::Plural("{count} server seen in the last minute",
                                                  "{count} servers seen in the last minute",
                                                  static_cast<long long>(status.nodes->size()))}};
  }
  return view;
}

}  // namespace

http::Response AdminHomePage(const SystemParts& parts, const http::Request& request) {
  if (auto refused = pages::RequireAllowed(request, guard::Action::kSeeSystemStatus,
                                           Tr("Only administrators can see the system's state."))) {
    return *refused;
  }
  const SystemStatus status = GatherSystemStatus(parts, pages::NowSeconds());
  json view = {{"title", Tr("Administration")},
               {"noindex", true},
               {"screens", ScreensView(request.viewer)},
               {"status", StatusView(status)}};
  http::Response response = http::Response::Html(Templates::RenderPage("admin_home", view));
  response.NoStore();
  return response;
}

}  // namespace diseasemaps::admin
