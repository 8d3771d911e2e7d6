#include <gtest/gtest.h>

#include "mail/courier.h"
#include "mail/smtp_sender.h"

namespace diseasemaps::mail {
namespace {

OutboxMail Sample(const std::string& subject, const std::string& body) {
  OutboxMail mail;
  mail.id = 42;
  mail.created_at = 1'780'000'000;
  mail.mail = {"pat@example.org", 7, subject, body};
  return mail;
}

TEST(SmtpMessage, HasTheHeadersMailClientsExpectAndCrlfLines) {
  SmtpSettings settings;
  settings.from = "DiseaseMaps <hello@diseasemaps.example>";
  const std::string message = FormatMessage(settings, Sample("Hello", "line one\nline two\n"), 1'780'000'000);
  EXPECT_NE(message.find("From: DiseaseMaps <hello@diseasemaps.example>\r\n"), std::string::npos);
  EXPECT_NE(message.find("To: <pat@example.org>\r\n"), std::string::npos);
  EXPECT_NE(message.find("Subject: Hello\r\n"), std::string::npos);
  EXPECT_NE(message.find("Message-ID: <outbox-42-1780000000@diseasemaps.example>\r\n"), std::string::npos);
  EXPECT_NE(message.find("Date: "), std::string::npos);
  EXPECT_NE(message.find("\r\n\r\nline one\r\nline two\r\n"), std::string::npos);
  EXPECT_EQ(message.find("\n\n"), std::string::npos);  // no bare LF anywhere
}

TEST(SmtpMessage, NonAsciiSubjectsAreEncodedAndHeadersCannotBeInjected) {
  SmtpSettings settings;
  const std::string encoded = FormatMessage(settings, Sample("Zoë", "x"), 0);
  EXPECT_NE(encoded.find("Subject: =?UTF-8?B?Wm/Dqw==?=\r\n"), std::string::npos);
  const std::string injected = FormatMessage(settings, Sample("Hi\r\nBcc: evil@example.org", "x"), 0);
  EXPECT_EQ(injected.find("\r\nBcc:"), std::string::npos);
}

TEST(SmtpSettings, AreCheckedAndDescribedWithoutSecrets) {
  SmtpSettings settings;
  EXPECT_TRUE(CheckSmtpSettings(settings).ok());  // none configured
  settings.url = "http://mail.example.org";
  EXPECT_FALSE(CheckSmtpSettings(settings).ok());
  settings.url = "smtps://user:secret@mail.example.org:465";
  EXPECT_TRUE(CheckSmtpSettings(settings).ok());
  EXPECT_EQ(DescribeSmtpServer(settings), "smtps://mail.example.org:465");
  settings.from = "no address";
  EXPECT_FALSE(CheckSmtpSettings(settings).ok());
}

TEST(Courier, RetriesWithGrowingWaitsThenGivesUp) {
  EXPECT_EQ(NextAttemptAt(1, 1000), 1060);
  EXPECT_EQ(NextAttemptAt(2, 1000), 1120);
  EXPECT_EQ(NextAttemptAt(3, 1000), 1240);
  EXPECT_EQ(NextAttemptAt(kMaxAttempts - 1, 0), 60LL << (kMaxAttempts - 2));
  EXPECT_EQ(NextAttemptAt(kMaxAttempts, 1000), std::nullopt);
}

}  // namespace
}  // namespace diseasemaps::mail
