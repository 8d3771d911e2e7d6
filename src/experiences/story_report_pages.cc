// Reported stories (see story_report_pages.h).
#include "experiences/story_report_pages.h"

#include <optional>

#include "mail/outbox_store.h"
#include "messages/report_decision.h"
#include "pages/access.h"
#include "pages/error_pages.h"
#include "pages/moment.h"
#include "platform/i18n.h"
#include "platform/templates.h"
#include "platform/text.h"

namespace diseasemaps::experiences {
namespace {

using nlohmann::json;
using i18n::Tr;

constexpr const char* kModeratorsOnly = i18n::N_("Only moderators and administrators can see reported stories.");
constexpr const char* kNoReport = i18n::N_("There is no report with this number.");
constexpr const char* kUnavailable =
    i18n::N_("Shared experiences are unavailable right now. Please try again in a moment.");
constexpr int kOpenShown = 100;
constexpr int kHandledShown = 20;

std::string ReasonWords(const std::string& reason) {
  if (reason == "identifying") return Tr("could identify someone");
  if (reason == "unkind") return Tr("unkind or hurtful");
  if (reason == "spam") return Tr("advertising or spam");
  if (reason == "misinformation") return Tr("medical misinformation");
  return Tr("something else");
}

std::string StatusWords(const std::string& status) {
  if (status == "dismissed") return Tr("dismissed");
  if (status == "warned") return Tr("story hidden, author told");
  if (status == "suspended") return Tr("story hidden, author suspended");
  return Tr("open");
}

json ReportView(const StoryReport& r) {
  return {{"id", std::to_string(r.id)},
          {"condition", r.condition_name},
          {"experiences_href", "/conditions/" + r.condition_slug + "/experiences"},
          {"reason", ReasonWords(r.reason)},
          {"note", TextOrNull(r.note)},
          {"reported_at_time", pages::MomentView(r.reported_at)},
          {"reporter", r.reporter_name.empty() ? Tr("a member who has since left") : r.reporter_name},
          {"author", r.author_name},
          {"author_suspended", r.author_suspended},
          {"story", r.story},
          {"story_hidden", r.story_hidden},
          {"status", StatusWords(r.status)},
          {"handled_by", r.handled_by_name},
          {"handled_at_time", pages::MomentView(r.handled_at)},
          {"moderator_note", TextOrNull(r.moderator_note)}};
}

// The warning names the story's condition (author.subject, read by the store).
mail::Mail StoryWarningMail(const messages::ReportedAuthor& author, const std::string& public_url,
                            const std::string& note) {
  i18n::ScopedLanguage in(author.author_language);
  const json view = {{"note", note},
                     {"has_note", !note.empty()},
                     {"condition", author.subject},
                     {"mine", public_url + i18n::PrefixPath(author.author_language, "/account/experiences")}};
  return {author.author_email, author.author_id, Tr("Your story on DiseaseMaps is no longer shown"),
          Templates::Render("mail_story_warning", view)};
}

}  // namespace

http::Response StoryReportPages::Report(const http::Request& request) {
  if (auto refused = pages::RequireAllowed(
          request, guard::CanReportStory(request.viewer),
          Tr("Confirm your e-mail address to report a story; an account that is suspended cannot report."))) {
    return *refused;
  }
  auto condition = conditions_.FindBySlug(request.Param("slug"));
  const auto id = ParsePositiveInteger(request.Param("id"));
  if ((!condition.ok() && condition.status().code() == Status::Code::kNotFound) || !id) {
    return pages::ErrorPage(&request, 404, Tr("There is no such story to report."));
  }
  if (!condition.ok()) return pages::ErrorPage(&request, 503, Tr(kUnavailable));
  const auto reason = ParseStoryReportReason(request.FormField("reason"));
  if (!reason) {
    return pages::ErrorPage(&request, 422, Tr("Please choose why you are reporting this story. Nothing was sent."));
  }
  const messages::BodyCheck note = messages::CheckModeratorNote(request.FormField("note"));
  if (!note.ok()) return pages::ErrorPage(&request, 422, note.error + " " + Tr("Nothing was sent."));
  if (*reason == StoryReportReason::kOther && note.body.empty()) {
    return pages::ErrorPage(&request, 422,
                            Tr("Please say what is wrong with this story, so moderators can act on it. Nothing was "
                               "sent."));
  }
  const Status s = store_.Report(*request.viewer.user_id, condition->orphacode, *id, *reason, note.body,
                                 pages::NowSeconds());
  if (s.code() == Status::Code::kNotFound) {
    return pages::ErrorPage(&request, 404,
                            Tr("This story is no longer shown here: its author may have taken it away, or "
                               "moderators have hidden it already."));
  }
  if (!s.ok()) return pages::ErrorPage(&request, 503, Tr(kUnavailable));
  return http::Response::Redirect("/conditions/" + condition->slug + "/experiences?reported=1#stories-title", 303);
}

void StoryReportPages::AddQueueFields(const http::Request& request, json& view) {
  if (!guard::Can(request.viewer, guard::Action::kModerateReports)) return;
  auto open = store_.Open(kOpenShown);
  auto handled = store_.Handled(kHandledShown);
  view["stories_shown"] = true;
  if (!open.ok() || !handled.ok()) {
    view["stories_unavailable"] = Tr("Reported stories are unavailable right now. Please reload in a moment.");
    return;
  }
  json open_view = json::array();
  for (const StoryReport& r : *open) open_view.push_back(ReportView(r));
  json handled_view = json::array();
  for (const StoryReport& r : *handled) handled_view.push_back(ReportView(r));
  view["stories_open"] = open_view;
  view["has_stories_open"] = !open->empty();
  view["stories_handled"] = handled_view;
  view["has_stories_handled"] = !handled->empty();
}

http::Response StoryReportPages::Handle(const http::Request& request) {
  if (auto refused = pages::RequireAllowed(request, guard::Action::kModerateReports, Tr(kModeratorsOnly))) {
    return *refused;
  }
  const auto id = ParsePositiveInteger(request.Param("id"));
  if (!id) return pages::ErrorPage(&request, 404, Tr(kNoReport));
  const messages::DecisionForm form =
      messages::ReadDecision(request, Tr("Choose to dismiss the report, hide the story or suspend its author."));
  if (!form.decision) return pages::ErrorPage(&request, form.status, form.error + " " + Tr("Nothing was changed."));
  const messages::Decision& decision = *form.decision;
  const long long now = pages::NowSeconds();
  const messages::AuthorEffects effects{
      Tr("Nobody handles a report on their own story. Nothing was changed; another moderator or an administrator "
         "will."),
      [&](const messages::ReportedAuthor& author) {
        return StoryWarningMail(author, public_url_, decision.note);
      },
      "Reported story: " + decision.note};
  std::optional<long long> suspended;
  const Status s = store_.Handle(*id, decision.action, *request.viewer.user_id, decision.note, now,
                                 [&](soci::session& sql, const messages::ReportedAuthor& author) {
                                   return messages::ApplyToAuthor(sql, request.viewer, decision, author, effects, now,
                                                                  suspended);
                                 });
  if (!s.ok()) {
    return messages::DecisionRefused(request, s, Tr(kNoReport),
                                     Tr("This report was handled already, by another moderator perhaps."),
                                     Tr(kUnavailable));
  }
  if (decision.action != messages::ReportAction::kDismiss && page_cache_ != nullptr) page_cache_->Invalidate();
  if (suspended) accounts::Notify(member_changed_, *suspended);
  return http::Response::Redirect("/admin/reports?done=" + messages::ReportStatusAfter(decision.action) +
                                      "#stories-title",
                                  303);
}

}  // namespace diseasemaps::experiences
