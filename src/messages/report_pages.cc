// The moderators' queue of reported messages (/admin/reports), part of MessagePages:
// each open report with the message, its author and the reason; dismiss, warn (an
// e-mail to the author through the outbox) or suspend the author (the accounts'
// suspension, with the moderator's reason). Each action is one transaction with its
// audit entry. The author is never told who reported them.
#include <optional>

#include "accounts/user_store.h"
#include "mail/outbox_store.h"
#include "messages/message_mail.h"
#include "messages/message_pages.h"
#include "messages/report_decision.h"
#include "pages/access.h"
#include "pages/error_pages.h"
#include "pages/moment.h"
#include "platform/i18n.h"
#include "platform/templates.h"
#include "platform/text.h"

namespace diseasemaps::messages {
namespace {

using nlohmann::json;

constexpr const char* kModeratorsOnly = i18n::N_("Only moderators and administrators can see reported messages.");
constexpr const char* kUnavailable = i18n::N_("Reports are unavailable right now. Please try again in a moment.");
constexpr const char* kNoReport = i18n::N_("There is no report with this number.");
constexpr int kOpenShown = 100;
constexpr int kHandledShown = 20;

// A report's status as the moderator reads it.
std::string StatusWords(const std::string& status) {
  if (status == "dismissed") return i18n::Tr("dismissed");
  if (status == "warned") return i18n::Tr("author warned");
  if (status == "suspended") return i18n::Tr("author suspended");
  if (status == "open") return i18n::Tr("open");
  return status;
}

json ReportView(const Report& r) {
  return {{"id", std::to_string(r.id)},
          {"reason", r.reason},
          {"reported_at_time", pages::MomentView(r.reported_at)},
          {"reporter", r.reporter_name.empty() ? i18n::Tr("a member who has since left") : r.reporter_name},
          {"author", r.author_name},
          {"author_suspended", r.author_suspended},
          {"author_deleted", r.author_deleted},
          {"body", r.body},
          {"written_at_time", pages::MomentView(r.written_at)},
          {"status", StatusWords(r.status)},
          {"handled_by", r.handled_by_name},
          {"handled_at_time", pages::MomentView(r.handled_at)},
          {"note", TextOrNull(r.note)}};
}

}  // namespace

http::Response MessagePages::ReportsPage(const http::Request& request, long long report_id, const std::string& note,
                                         const std::string& error, unsigned status) {
  auto open = store_.OpenReports(kOpenShown);
  auto handled = store_.HandledReports(kHandledShown);
  if (!open.ok() || !handled.ok()) {
    return pages::ErrorPage(&request, 503, i18n::Tr(kUnavailable));
  }
  json open_view = json::array();
  for (const messages::Report& r : *open) {
    json item = ReportView(r);
    const bool here = r.id == report_id;
    item["typed_note"] = here ? note : "";
    item["error"] = here && !error.empty() ? json(error) : json(nullptr);
    open_view.push_back(std::move(item));
  }
  json handled_view = json::array();
  for (const messages::Report& r : *handled) handled_view.push_back(ReportView(r));
  const std::string done = request.Query("done").value_or("");
  json view = {{"title", i18n::Tr("Reported messages")},
               {"noindex", true},
               {"form_csrf", request.csrf_token},
               {"open", open_view},
               {"has_open", !open->empty()},
               {"handled", handled_view},
               {"has_handled", !handled->empty()},
               {"notice", done == "dismissed"   ? json(i18n::Tr("The report was dismissed."))
                          : done == "warned"    ? json(i18n::Tr("The author was warned by e-mail."))
                          : done == "suspended" ? json(i18n::Tr("The author's account was suspended."))
                                                : json(nullptr)}};
  for (const QueueExtras& extras : queue_extras_) extras(request, view);
  return http::Response::Html(Templates::RenderPage("admin_reports", view), status).NoStore();
}

http::Response MessagePages::Reports(const http::Request& request) {
  if (auto refused = pages::RequireAllowed(request, guard::Action::kModerateReports, kModeratorsOnly)) {
    return *refused;
  }
  return ReportsPage(request, 0, "", "", 200);
}

http::Response MessagePages::HandleReport(const http::Request& request) {
  if (auto refused = pages::RequireAllowed(request, guard::Action::kModerateReports, kModeratorsOnly)) {
    return *refused;
  }
  const auto id = ParsePositiveInteger(request.Param("id"));
  if (!id) return pages::ErrorPage(&request, 404, i18n::Tr(kNoReport));
  const DecisionForm form =
      ReadDecision(request, i18n::Tr("Choose to dismiss the report, warn the author or suspend them."));
  if (!form.decision && form.status == 400) return pages::ErrorPage(&request, 400, form.error);
  if (!form.decision) return ReportsPage(request, *id, form.typed_note, form.error, form.status);
  const Decision& decision = *form.decision;
  const long long now = pages::NowSeconds();
  const AuthorEffects effects{
      i18n::Tr("Nobody handles a report on their own message. Nothing was changed; another moderator or an "
               "administrator will."),
      [&](const ReportedAuthor& author) {
        return WarningMail(author.author_email, author.author_id, author.author_language, settings_.public_url,
                           decision.note);
      },
      "Reported message: " + decision.note};
  std::optional<long long> suspended;  // the author, once their suspension is committed
  Status s = store_.HandleReport(*id, decision.action, *request.viewer.user_id, decision.note, now,
                                 [&](soci::session& sql, const ReportedAuthor& author) {
                                   return ApplyToAuthor(sql, request.viewer, decision, author, effects, now,
                                                        suspended);
                                 });
  if (!s.ok()) {
    return DecisionRefused(request, s, i18n::Tr(kNoReport),
                           i18n::Tr("This report was handled already, by another moderator perhaps."),
                           i18n::Tr(kUnavailable));
  }
  if (suspended) accounts::Notify(settings_.member_changed, *suspended);
  return http::Response::Redirect("/admin/reports?done=" + ReportStatusAfter(decision.action), 303);
}

}  // namespace diseasemaps::messages
