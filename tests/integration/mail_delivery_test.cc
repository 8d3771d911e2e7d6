// The outbox's courier against a real SMTP conversation: a small SMTP server in this
// test (plain SMTP on loopback, as a local relay would be) receives what the binary
// sends; when no server answers, the mail stays in the outbox with the error and a
// later retry time. Runs on both databases.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <thread>

#include "http/url.h"
#include "mail/outbox_store.h"
#include "test_server.h"

namespace diseasemaps::testing {
namespace {

bool Has(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// Accepts SMTP connections on a free loopback port and records each message's DATA.
class FakeSmtpServer {
 public:
  // unavailable: greet every client with "421 service not available" and hang up, as a
  // server that is down for maintenance does.
  explicit FakeSmtpServer(bool unavailable = false) : unavailable_(unavailable) {
    listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(listener_, reinterpret_cast<sockaddr*>(&address), sizeof address);
    ::listen(listener_, 4);
    socklen_t length = sizeof address;
    ::getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &length);
    port_ = ntohs(address.sin_port);
    thread_ = std::thread([this] { Serve(); });
  }
  ~FakeSmtpServer() {
    stopping_ = true;
    ::shutdown(listener_, SHUT_RDWR);
    ::close(listener_);
    thread_.join();
  }
  unsigned short port() const { return port_; }
  std::vector<std::string> Messages() {
    std::lock_guard lock(mutex_);
    return messages_;
  }
  std::string Transcript() {
    std::lock_guard lock(mutex_);
    return transcript_;
  }

 private:
  void Serve() {
    while (!stopping_) {
      const int client = ::accept(listener_, nullptr, nullptr);
      if (client < 0) return;
      Converse(client);
      ::close(client);
    }
  }
  void Send(int client, const std::string& line) { (void)!::write(client, line.data(), line.size()); }
  void Converse(int client) {
    if (unavailable_) {
      Send(client, "421 4.3.2 fake.test not available\r\n");
      return;
    }
    Send(client, "220 fake.test ESMTP\r\n");
    std::string buffer;
    bool in_data = false;
    char chunk[4096];
    for (;;) {
      const ssize_t n = ::read(client, chunk, sizeof chunk);
      if (n <= 0) return;
      buffer.append(chunk, static_cast<std::size_t>(n));
      for (;;) {
        if (in_data) {
          const std::size_t end = buffer.find("\r\n.\r\n");
          if (end == std::string::npos) break;
          {
            std::lock_guard lock(mutex_);
            messages_.push_back(buffer.substr(0, end + 2));
          }
          buffer.erase(0, end + 5);
          in_data = false;
          Send(client, "250 2.0.0 queued\r\n");
          continue;
        }
        const std::size_t eol = buffer.find("\r\n");
        if (eol == std::string::npos) break;
        const std::string line = buffer.substr(0, eol);
        buffer.erase(0, eol + 2);
        {
          std::lock_guard lock(mutex_);
          transcript_ += line + "\n";
        }
        if (line.rfind("EHLO", 0) == 0) {
          Send(client, "250-fake.test\r\n250 8BITMIME\r\n");
        } else if (line.rfind("MAIL FROM", 0) == 0 || line.rfind("RCPT TO", 0) == 0) {
          Send(client, "250 2.1.0 ok\r\n");
        } else if (line == "DATA") {
          in_data = true;
          Send(client, "354 go ahead\r\n");
        } else if (line == "QUIT") {
          Send(client, "221 bye\r\n");
          return;
        } else {
          Send(client, "250 ok\r\n");
        }
      }
    }
  }

  bool unavailable_ = false;
  int listener_ = -1;
  unsigned short port_ = 0;
  std::atomic<bool> stopping_{false};
  std::thread thread_;
  std::mutex mutex_;
  std::vector<std::string> messages_;
  std::string transcript_;
};

class MailDeliveryTest : public ::testing::TestWithParam<Backend> {
 protected:
  std::string StatusOfNewestMail() {
    auto status = database_.db().Run([](soci::session& sql) {
      std::string text;
      sql << "SELECT status || '/' || CAST(attempts AS TEXT) || '/' || delivered_by FROM outbox ORDER BY id DESC LIMIT 1",
          soci::into(text);
      return text;
    });
    return status.ok() ? *status : "";
  }
  bool WaitForStatus(const std::string& prefix) {
    for (int i = 0; i < 100; ++i) {
      if (StatusOfNewestMail().rfind(prefix, 0) == 0) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return false;
  }
  void AskForReset(TestServer& server, const std::string& email) {
    SignedIn form = OpenForm(server, "/password/forgot");
    PostForm(server, "/password/forgot", form.cookie, "csrf=" + form.csrf + "&email=" + http::PercentEncode(email));
  }
  TestDatabase database_{GetParam()};
};

std::string Backends(const ::testing::TestParamInfo<Backend>& info) { return BackendName(info.param); }

TEST_P(MailDeliveryTest, MailInTheOutboxIsSentBySmtp) {
  AddUser(database_, "rosa@example.org", "Rosa", {"member"}, "violet harbour kettle");
  FakeSmtpServer smtp;
  TestServer server(database_, {"--smtp-url", "smtp://127.0.0.1:" + std::to_string(smtp.port()),
                                "--no-smtp-starttls", "--smtp-from", "DiseaseMaps <hello@diseasemaps.test>",
                                "--mail-check-interval", "0.1"});
  AskForReset(server, "rosa@example.org");
  ASSERT_TRUE(WaitForStatus("sent/1/smtp")) << StatusOfNewestMail() << "\n" << server.Log();
  const std::vector<std::string> messages = smtp.Messages();
  ASSERT_EQ(messages.size(), 1u);
  EXPECT_TRUE(Has(smtp.Transcript(), "MAIL FROM:<hello@diseasemaps.test>"));
  EXPECT_TRUE(Has(smtp.Transcript(), "RCPT TO:<rosa@example.org>"));
  EXPECT_TRUE(Has(messages[0], "Subject: Set a new password for DiseaseMaps\r\n"));
  EXPECT_TRUE(Has(messages[0], "To: <rosa@example.org>\r\n"));
  EXPECT_TRUE(Has(messages[0], "Content-Type: text/plain; charset=utf-8\r\n"));
  EXPECT_TRUE(Has(messages[0], "/password/reset?token="));
}

// Demo members' addresses are under .invalid (RFC 6761): whatever would write to them,
// the outbox never holds such a mail (it could only bounce).
TEST_P(MailDeliveryTest, NothingIsQueuedForAnAddressUnderInvalid) {
  AddUser(database_, "demo-1-2@synthetic.invalid", "Demo member", {"member"}, "violet harbour kettle");
  AddUser(database_, "rosa@example.org", "Rosa", {"member"}, "violet harbour kettle");
  TestServer server(database_);
  AskForReset(server, "demo-1-2@synthetic.invalid");
  AskForReset(server, "rosa@example.org");
  auto counts = database_.db().Run([](soci::session& sql) {
    long long invalid = -1, rosa = -1;
    sql << "SELECT COUNT(*) FROM outbox WHERE recipient LIKE '%.invalid'", soci::into(invalid);
    sql << "SELECT COUNT(*) FROM outbox WHERE recipient = 'rosa@example.org'", soci::into(rosa);
    return std::make_pair(invalid, rosa);
  });
  ASSERT_TRUE(counts.ok()) << counts.status().message();
  EXPECT_EQ(counts->first, 0);
  EXPECT_EQ(counts->second, 1) << server.Log();
  EXPECT_TRUE(mail::NeverDeliverable("someone@Example.INVALID"));
  EXPECT_TRUE(mail::NeverDeliverable("x@invalid."));
  EXPECT_FALSE(mail::NeverDeliverable("someone@invalid.example.org"));
  EXPECT_FALSE(mail::NeverDeliverable("someone@notinvalid"));
}

TEST_P(MailDeliveryTest, WhenTheServerRefusesTheMailWaitsForARetry) {
  AddUser(database_, "rosa@example.org", "Rosa", {"member"}, "violet harbour kettle");
  FakeSmtpServer down(/*unavailable=*/true);
  TestServer server(database_, {"--smtp-url", "smtp://127.0.0.1:" + std::to_string(down.port()),
                                "--no-smtp-starttls", "--mail-check-interval", "0.1"});
  AskForReset(server, "rosa@example.org");
  ASSERT_TRUE(WaitForStatus("pending/1/")) << StatusOfNewestMail();
  auto row = database_.db().Run([](soci::session& sql) {
    std::string error;
    long long due = 0, created = 0;
    sql << "SELECT last_error, next_attempt_at, created_at FROM outbox ORDER BY id DESC LIMIT 1", soci::into(error),
        soci::into(due), soci::into(created);
    return std::make_tuple(error, due, created);
  });
  ASSERT_TRUE(row.ok());
  EXPECT_FALSE(std::get<0>(*row).empty());                  // the reason is kept for admins
  EXPECT_GE(std::get<1>(*row) - std::get<2>(*row), 59);     // tried again in about a minute
}

TEST_P(MailDeliveryTest, ABadSmtpUrlStopsTheServerWithAMessage) {
  auto [code, output] = RunBinary({"--database", database_.url(), "serve", "--port", "0", "--smtp-url",
                                   "http://mail.example.org"});
  EXPECT_NE(code, 0);
  EXPECT_TRUE(Has(output, "--smtp-url must start with smtp:// or smtps://")) << output;
}

INSTANTIATE_TEST_SUITE_P(Backends, MailDeliveryTest, ::testing::ValuesIn(AllBackends()), Backends);

}  // namespace
}  // namespace diseasemaps::testing
