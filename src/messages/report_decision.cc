// A moderator's decision on a report (see report_decision.h).
#include "messages/report_decision.h"

#include "accounts/user_store.h"
#include "pages/error_pages.h"
#include "platform/i18n.h"

namespace diseasemaps::messages {

DecisionForm ReadDecision(const http::Request& request, const std::string& choose_words) {
  DecisionForm form;
  form.typed_note = request.FormField("note");
  const auto action = ParseReportAction(request.FormField("action"));
  if (!action) {
    form.status = 400;
    form.error = choose_words;
    return form;
  }
  const BodyCheck note = CheckModeratorNote(form.typed_note);
  if (!note.ok()) {
    form.status = 422;
    form.error = note.error;
    return form;
  }
  if (*action == ReportAction::kSuspend && note.body.empty()) {
    form.status = 422;
    form.error = i18n::Tr("Say why you suspend this account: the reason is kept with the account and in the audit log.");
    return form;
  }
  form.decision = Decision{*action, note.body};
  return form;
}

Status ApplyToAuthor(soci::session& sql, const guard::Viewer& moderator, const Decision& decision,
                     const ReportedAuthor& author, const AuthorEffects& effects, long long now,
                     std::optional<long long>& suspended) {
  if (!guard::CanHandleReportOn(moderator, author.author_id)) {
    return Status::FailedPrecondition(effects.own_content_refusal);
  }
  if (decision.action == ReportAction::kWarn && !author.author_email.empty() && effects.warning) {
    mail::EnqueueIn(sql, effects.warning(author), now);
  }
  if (decision.action == ReportAction::kSuspend) {
    if (!guard::CanSuspendReportedAuthor(moderator, author.author_roles)) {
      return Status::FailedPrecondition(
          i18n::Tr("Only an administrator may suspend a moderator or an administrator. Nothing was changed; "
                   "dismiss or warn instead, or ask an administrator."));
    }
    Status done = accounts::SuspendIn(sql, author.author_id, effects.suspension_reason, moderator.user_id);
    if (!done.ok() && done.code() != Status::Code::kNotFound) return done;
    if (done.ok()) suspended = author.author_id;
  }
  return Status::Ok();
}

http::Response DecisionRefused(const http::Request& request, const Status& status, const std::string& not_found,
                               const std::string& handled_already, const std::string& unavailable) {
  if (status.code() == Status::Code::kNotFound) return pages::ErrorPage(&request, 404, not_found);
  if (status.code() == Status::Code::kConflict) return pages::ErrorPage(&request, 409, handled_already);
  if (status.code() == Status::Code::kFailedPrecondition) return pages::ErrorPage(&request, 403, status.message());
  return pages::ErrorPage(&request, 503, unavailable);
}

}  // namespace diseasemaps::messages
