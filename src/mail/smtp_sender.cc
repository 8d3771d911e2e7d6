#include "mail/smtp_sender.h"

#include <curl/curl.h>
#include <sodium.h>

#include <chrono>
#include <cstring>
#include <ctime>
#include <mutex>

namespace diseasemaps::mail {
namespace {

// "<address>", built by appending (GCC 12 warns falsely on "<" + s + ">").
std::string Bracketed(const std::string& address) {
  std::string out;
  out.reserve(address.size() + 2);
  out.push_back('<');
  out.append(address);
  out.push_back('>');
  return out;
}

std::string AngleAddress(const std::string& from) {
  const std::size_t open = from.find('<');
  const std::size_t close = from.find('>', open == std::string::npos ? 0 : open);
  if (open != std::string::npos && close != std::string::npos) return from.substr(open, close - open + 1);
  return Bracketed(from);
}

bool IsAscii(const std::string& text) {
  for (unsigned char c : text) {
    if (c >= 0x80 || c < 0x20) return false;
  }
  return true;
}

// RFC 2047 "encoded-word" in base64 for a header value that is not plain ASCII.
std::string EncodedHeader(const std::string& value) {
  if (IsAscii(value)) return value;
  std::string encoded(sodium_base64_ENCODED_LEN(value.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(encoded.data(), encoded.size(), reinterpret_cast<const unsigned char*>(value.data()),
                    value.size(), sodium_base64_VARIANT_ORIGINAL);
  encoded.resize(std::strlen(encoded.c_str()));
  return "=?UTF-8?B?" + encoded + "?=";
}

std::string OneLine(const std::string& value) {
  std::string out;
  for (char c : value) out.push_back(c == '\r' || c == '\n' ? ' ' : c);
  return out;
}

struct Upload {
  const std::string* data;
  std::size_t sent = 0;
};

std::size_t ReadMessage(char* buffer, std::size_t size, std::size_t count, void* user) {
  auto* upload = static_cast<Upload*>(user);
  const std::size_t room = size * count;
  const std::size_t n = std::min(room, upload->data->size() - upload->sent);
  std::memcpy(buffer, upload->data->data() + upload->sent, n);
  upload->sent += n;
  return n;
}

void InitCurlOnce() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

}  // namespace

Status CheckSmtpSettings(const SmtpSettings& settings) {
  if (!settings.configured()) return Status::Ok();
  if (settings.url.rfind("smtp://", 0) != 0 && settings.url.rfind("smtps://", 0) != 0) {
    return Status::InvalidArgument("--smtp-url must start with smtp:// or smtps:// (got \"" + settings.url + "\")");
  }
  if (settings.from.find('@') == std::string::npos) {
    return Status::InvalidArgument("--smtp-from must contain an e-mail address, such as \"DiseaseMaps <no-reply@example.org>\"");
  }
  return Status::Ok();
}

std::string DescribeSmtpServer(const SmtpSettings& settings) {
  const std::size_t scheme_end = settings.url.find("://");
  if (scheme_end == std::string::npos) return settings.url;
  const std::size_t host_start = scheme_end + 3;
  const std::size_t at = settings.url.find('@', host_start);
  const std::size_t slash = settings.url.find('/', host_start);
  if (at == std::string::npos || (slash != std::string::npos && at > slash)) return settings.url;
  return settings.url.substr(0, host_start) + settings.url.substr(at + 1);
}

std::string FormatMessage(const SmtpSettings& settings, const OutboxMail& mail, long long now) {
  char date[64];
  const std::time_t t = static_cast<std::time_t>(now);
  std::tm tm{};
  gmtime_r(&t, &tm);
  std::strftime(date, sizeof date, "%a, %d %b %Y %H:%M:%S +0000", &tm);
  std::string domain = AngleAddress(settings.from);
  domain = domain.substr(domain.find('@') == std::string::npos ? 0 : domain.find('@') + 1);
  if (!domain.empty() && domain.back() == '>') domain.pop_back();
  std::string message;
  message += "Date: " + std::string(date) + "\r\n";
  message += "From: " + OneLine(settings.from) + "\r\n";
  message += "To: " + Bracketed(OneLine(mail.mail.recipient)) + "\r\n";
  message += "Subject: " + EncodedHeader(mail.mail.subject) + "\r\n";
  message += "Message-ID: <outbox-" + std::to_string(mail.id) + "-" + std::to_string(mail.created_at) +
             "@" + (domain.empty() ? "localhost" : domain) + ">\r\n";
  // The feature's own header lines (List-Unsubscribe …), each kept to one line.
  for (std::size_t start = 0; start < mail.headers.size();) {
    std::size_t end = mail.headers.find('\n', start);
    if (end == std::string::npos) end = mail.headers.size();
    const std::string line = OneLine(mail.headers.substr(start, end - start));
    if (!line.empty()) message += line + "\r\n";
    start = end + 1;
  }
  message += "MIME-Version: 1.0\r\n";
  message += "Content-Type: text/plain; charset=utf-8\r\n";
  message += "Content-Transfer-Encoding: 8bit\r\n\r\n";
  for (std::size_t i = 0; i < mail.mail.body.size(); ++i) {
    const char c = mail.mail.body[i];
    if (c == '\r') continue;
    if (c == '\n') {
      message += "\r\n";
    } else {
      message.push_back(c);
    }
  }
  if (message.size() < 2 || message.compare(message.size() - 2, 2, "\r\n") != 0) message += "\r\n";
  return message;
}

Status SendBySmtp(const SmtpSettings& settings, const OutboxMail& mail) {
  InitCurlOnce();
  CURL* curl = curl_easy_init();
  if (curl == nullptr) return Status::Unavailable("cannot start libcurl");
  const long long now = std::chrono::duration_cast<std::chrono::seconds>(
                            std::chrono::system_clock::now().time_since_epoch())
                            .count();
  const std::string message = FormatMessage(settings, mail, now);
  Upload upload{&message};
  const std::string from = AngleAddress(settings.from);
  const std::string to = Bracketed(OneLine(mail.mail.recipient));
  curl_slist* recipients = curl_slist_append(nullptr, to.c_str());
  char error[CURL_ERROR_SIZE] = {0};
  curl_easy_setopt(curl, CURLOPT_URL, settings.url.c_str());
  curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from.c_str());
  curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, recipients);
  curl_easy_setopt(curl, CURLOPT_READFUNCTION, ReadMessage);
  curl_easy_setopt(curl, CURLOPT_READDATA, &upload);
  curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, static_cast<long>(settings.timeout.count()));
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 10L);
  if (settings.url.rfind("smtp://", 0) == 0 && settings.require_starttls) {
    curl_easy_setopt(curl, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_ALL));
  }
  if (!settings.username.empty()) {
    curl_easy_setopt(curl, CURLOPT_USERNAME, settings.username.c_str());
    curl_easy_setopt(curl, CURLOPT_PASSWORD, settings.password.c_str());
  }
  const CURLcode code = curl_easy_perform(curl);
  curl_slist_free_all(recipients);
  curl_easy_cleanup(curl);
  if (code != CURLE_OK) {
    return Status::Unavailable(std::string(curl_easy_strerror(code)) + (error[0] ? std::string(": ") + error : ""));
  }
  return Status::Ok();
}

}  // namespace diseasemaps::mail
