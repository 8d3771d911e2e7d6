// Sends one e-mail to an SMTP server through libcurl: smtp:// with STARTTLS (required
// unless turned off, e.g. for a relay on loopback) or smtps://, with optional
// credentials. The message is plain UTF-8 text with the headers mail clients expect
// (Date, From, To, Subject encoded per RFC 2047 when not ASCII, Message-ID). Blocking;
// call it from the courier's thread, never from an I/O thread. Thread-safe.
#pragma once

#include <chrono>
#include <string>

#include "mail/outbox_store.h"
#include "platform/status.h"

namespace diseasemaps::mail {

struct SmtpSettings {
  std::string url;  // "smtp://mail.example.org:587" or "smtps://mail.example.org:465"; empty: none
  std::string username;
  std::string password;
  std::string from = "DiseaseMaps <no-reply@localhost>";
  bool require_starttls = true;  // for smtp:// URLs
  std::chrono::seconds timeout{30};

  bool configured() const { return !url.empty(); }
};

// Checks the settings before a server starts: the URL's scheme and the From address.
Status CheckSmtpSettings(const SmtpSettings& settings);

// The server's URL without any user name or password in it, for pages and logs.
std::string DescribeSmtpServer(const SmtpSettings& settings);

// The RFC 5322 message (CRLF line ends) for mail, for the SMTP DATA phase.
std::string FormatMessage(const SmtpSettings& settings, const OutboxMail& mail, long long now);

// Sends mail; a failure names what the server or the network said.
Status SendBySmtp(const SmtpSettings& settings, const OutboxMail& mail);

}  // namespace diseasemaps::mail
