#include "mail/outbox_pages.h"


#include <nlohmann/json.hpp>

#include "pages/access.h"
#include "pages/error_pages.h"
#include "pages/paging.h"
#include "platform/templates.h"
#include "platform/text.h"

namespace diseasemaps::mail {
namespace {

std::string StateOf(const OutboxMail& mail) {
  if (mail.status == "sent") {
    return mail.delivered_by == "console" ? "shown on the console " + UtcMinute(mail.sent_at)
                                          : "sent " + UtcMinute(mail.sent_at);
  }
  if (mail.status == "failed") return "not sent: gave up";
  if (mail.status == "sending") return "being sent";
  return mail.attempts > 0 ? "waiting to retry" : "waiting";
}

}  // namespace

http::Response OutboxPage(OutboxStore& outbox, const std::string& smtp_description,
                          const http::Request& request) {
  if (auto refused = pages::RequireAllowed(request, guard::Action::kReadOutbox,
                                           "Only administrators can read the outbox.")) {
    return *refused;
  }
  auto page = pages::ParsePageNumber(request.Query("page"));
  if (!page.ok()) return pages::ErrorPage(&request, 400, page.status().message());
  auto total = outbox.Count();
  if (!total.ok()) return pages::ErrorPage(&request, 503, "The outbox is unavailable right now.");
  const pages::Paging paging(*page, kMailsPerPage, *total);
  auto mails = outbox.List(paging.offset(), kMailsPerPage);
  if (!mails.ok()) return pages::ErrorPage(&request, 503, "The outbox is unavailable right now.");
  nlohmann::json rows = nlohmann::json::array();
  for (const OutboxMail& mail : *mails) {
    rows.push_back({{"subject", mail.mail.subject},
                    {"recipient", mail.mail.recipient},
                    {"created", UtcMinute(mail.created_at)},
                    {"state", StateOf(mail)},
                    {"attempts", mail.delivered_by == "console" ? 0 : mail.attempts},
                    {"last_error", mail.last_error},
                    {"body", mail.mail.body}});
  }
  nlohmann::json view = {{"title", "Outbox"}, {"noindex", true}, {"mails", rows}, {"total", *total},
                         {"has_transport", !smtp_description.empty()}, {"transport", smtp_description}, {"paging", paging.ToView("/admin/outbox")}};
  http::Response response = http::Response::Html(Templates::RenderPage("admin_outbox", view));
  response.NoStore();
  return response;
}

}  // namespace diseasemaps::mail
