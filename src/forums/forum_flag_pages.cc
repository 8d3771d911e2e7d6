// Flagged forum posts in the one reports queue (part of ForumPages, see forum_pages.h):
// the fields /admin/reports shows beside the reported messages, and a moderator's
// decision on a flag: dismiss, warn the author (an e-mail through the outbox) or suspend
// them (the accounts' own suspension), through messages/report_decision.h as every
// item of the queue. Each decision is one transaction with its audit entry; it answers every waiting flag of the same post. Nobody handles a flag on their
// own post, only an administrator suspends a moderator or an administrator, and the
// author is never told who flagged them.
#include <optional>

#include "accounts/user_store.h"
#include "forums/forum_mail.h"
#include "forums/forum_pages.h"
#include "forums/forum_rules.h"
#include "forums/forum_view.h"
#include "mail/outbox_store.h"
#include "messages/report_decision.h"
#include "pages/access.h"
#include "pages/error_pages.h"
#include "pages/moment.h"
#include "platform/i18n.h"
#include "platform/templates.h"
#include "platform/text.h"

namespace diseasemaps::forums {
namespace {

using nlohmann::json;

constexpr const char* kModeratorsOnly = i18n::N_("Only moderators and administrators can see flagged posts.");
constexpr const char* kNoFlag = i18n::N_("There is no flag with this number.");
constexpr int kOpenShown = 100;
constexpr int kHandledShown = 20;

// A flag's status as the moderator reads it.
std::string StatusWords(const std::string& status) {
  if (status == "dismissed") return i18n::Tr("dismissed");
  if (status == "warned") return i18n::Tr("author warned");
  if (status == "suspended") return i18n::Tr("author suspended");
  if (status == "open") return i18n::Tr("open");
  return status;
}

std::string PostPath(const forums::Flag& g) {
  return PostHref(TopicPath(g.forum_slug, g.topic_id, g.topic_title), g.number);
}

json FlagView(const forums::Flag& g) {
  return {{"id", std::to_string(g.id)},
          {"reason", FlagReasonWords(g.reason)},
          {"note", TextOrNull(g.note)},
          {"flagged_at_time", pages::MomentView(g.flagged_at)},
          {"reporter", g.reporter_name.empty() ? i18n::Tr("a member who has since left") : g.reporter_name},
          {"author", AuthorName(g.author_name, g.author_deleted)},
          {"author_suspended", g.author_suspended},
          {"author_deleted", g.author_deleted},
          {"topic_title", g.topic_title},
          {"post_href", PostPath(g)},
          {"body", g.body},
          {"post_deleted", g.post_deleted},
          {"post_hidden", g.post_hidden && !g.post_deleted},
          {"written_at_time", pages::MomentView(g.written_at)},
          {"status", StatusWords(g.status)},
          {"handled_by", g.handled_by_name},
          {"handled_at_time", pages::MomentView(g.handled_at)},
          {"moderator_note", TextOrNull(g.moderator_note)}};
}

}  // namespace

void ForumPages::AddQueueFields(const http::Request& request, json& view) {
  if (!guard::Can(request.viewer, guard::Action::kModerateReports)) return;
  auto open = store_.OpenFlags(kOpenShown);
  auto handled = store_.HandledFlags(kHandledShown);
  view["flags_shown"] = true;
  if (!open.ok() || !handled.ok()) {
    view["flags_unavailable"] = i18n::Tr("Flagged posts are unavailable right now. Please reload in a moment.");
    return;
  }
  json open_view = json::array();
  for (const forums::Flag& g : *open) open_view.push_back(FlagView(g));
  json handled_view = json::array();
  for (const forums::Flag& g : *handled) handled_view.push_back(FlagView(g));
  view["flags_open"] = open_view;
  view["has_flags_open"] = !open->empty();
  view["flags_handled"] = handled_view;
  view["has_flags_handled"] = !handled->empty();
}

http::Response ForumPages::HandleFlag(const http::Request& request) {
  if (auto refused = pages::RequireAllowed(request, guard::Action::kModerateReports, kModeratorsOnly)) {
    return *refused;
  }
  const auto id = ParsePositiveInteger(request.Param("id"));
  if (!id) return pages::ErrorPage(&request, 404, i18n::Tr(kNoFlag));
  const messages::DecisionForm form =
      messages::ReadDecision(request, i18n::Tr("Choose to dismiss the flag, warn the author or suspend them."));
  if (!form.decision) {
    return pages::ErrorPage(&request, form.status,
                            form.status == 400 ? form.error : form.error + " " + i18n::Tr("Nothing was changed."));
  }
  const messages::Decision& decision = *form.decision;
  const long long now = pages::NowSeconds();
  const messages::AuthorEffects effects{
      i18n::Tr("Nobody handles a flag on their own post. Nothing was changed; another moderator or an administrator "
               "will."),
      [&](const messages::ReportedAuthor& author) {
        return FlagWarningMail(author.author_email, author.author_id, author.author_language, settings_.public_url,
                               author.subject, decision.note);  // the store's post path
      },
      "Flagged forum post: " + decision.note};
  std::optional<long long> suspended;  // the author, once their suspension is committed
  const Status s = store_.HandleFlag(*id, decision.action, *request.viewer.user_id, decision.note, now,
                                     [&](soci::session& sql, const messages::ReportedAuthor& author) {
                                       return messages::ApplyToAuthor(sql, request.viewer, decision, author, effects,
                                                                      now, suspended);
                                     });
  if (!s.ok()) {
    return messages::DecisionRefused(
        request, s, i18n::Tr(kNoFlag), i18n::Tr("This flag was handled already, by another moderator perhaps."),
        i18n::Tr("The forums are unavailable right now. Please try again in a moment."));
  }
  Invalidate();  // a dismissal may show a hidden post again
  if (suspended) accounts::Notify(settings_.member_changed, *suspended);
  return http::Response::Redirect("/admin/reports?done=" + messages::ReportStatusAfter(decision.action) + "#flags-title",
                                  303);
}

}  // namespace diseasemaps::forums
