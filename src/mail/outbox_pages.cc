#include "mail/outbox_pages.h"


#include <nlohmann/json.hpp>

#include "pages/access.h"
#include "pages/error_pages.h"
#include "pages/moment.h"
#include "pages/paging.h"
#include "platform/i18n.h"
#include "platform/templates.h"
#include "platform/text.h"

namespace diseasemaps::mail {
namespace {

using i18n::Tr;

// What became of a mail that is not sent yet (a sent one's words are in the template,
// around its <time>).
std::string StateOf(const OutboxMail& mail) {
  if (mail.status == "failed") return Tr("not sent: gave up");
  if (mail.status == "sending") return Tr("being sent");
  return mail.attempts > 0 ? Tr("waiting to retry") : Tr("waiting");
}

}  // namespace

http::Response OutboxPage(OutboxStore& outbox, const std::string& smtp_description,
                          const http::Request& request) {
  if (auto refused = pages::RequireAllowed(request, guard::Action::kReadOutbox,
                                           Tr("Only administrators can read the outbox."))) {
    return *refused;
  }
  auto page = pages::ParsePageNumber(request.Query("page"));
  if (!page.ok()) return pages::ErrorPage(&request, 400, page.status().message());
  auto total = outbox.Count();
  if (!total.ok()) return pages::ErrorPage(&request, 503, Tr("The outbox is unavailable right now."));
  const pages::Paging paging(*page, kMailsPerPage, *total);
  auto mails = outbox.List(paging.offset(), kMailsPerPage);
  if (!mails.ok()) return pages::ErrorPage(&request, 503, Tr("The outbox is unavailable right now."));
  nlohmann::json rows = nlohmann::json::array();
  for (const OutboxMail& mail : *mails) {
    rows.push_back({{"subject", mail.mail.subject},
                    {"recipient", mail.mail.recipient},
                    {"created_time", pages::MomentView(mail.created_at)},
                    {"sent", mail.status == "sent" && mail.delivered_by != "console"},
                    {"shown", mail.status == "sent" && mail.delivered_by == "console"},
                    {"sent_time", pages::MomentView(mail.sent_at)},
                    {"state", mail.status == "sent" ? nlohmann::json(nullptr) : nlohmann::json(StateOf(mail))},
                    {"attempts_label", mail.delivered_by == "console" || mail.attempts == 0
                                           ? nlohmann::json(nullptr)
                                           : nlohmann::json(i18n::Plural("{count} attempt", "{count} attempts", mail.attempts))},
                    {"last_error", TextOrNull(mail.last_error)},
                    {"body", mail.mail.body}});
  }
  nlohmann::json view = {{"title", Tr("Outbox")}, {"noindex", true}, {"mails", rows}, {"total", *total},
                         {"total_label", i18n::Plural("{count} e-mail", "{count} e-mails", *total)},
                         {"has_transport", !smtp_description.empty()}, {"transport", smtp_description}, {"paging", paging.ToView("/admin/outbox")}};
  http::Response response = http::Response::Html(Templates::RenderPage("admin_outbox", view));
  response.NoStore();
  return response;
}

}  // namespace diseasemaps::mail
