// /admin/outbox: every e-mail the site wrote, newest first, with its state (waiting,
// sent by SMTP, shown on the console, failed and why). Without an SMTP server this is
// where admins read mail (and can pass a link on by hand). Admins only (the guard's
// kReadOutbox).
#pragma once

#include <string>

#include "http/request.h"
#include "mail/outbox_store.h"

namespace diseasemaps::mail {

constexpr int kMailsPerPage = 50;

// smtp_description: where mail goes ("smtp://host:587"), "" when nowhere.
http::Response OutboxPage(OutboxStore& outbox, const std::string& smtp_description,
                          const http::Request& request);

}  // namespace diseasemaps::mail
