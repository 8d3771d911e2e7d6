// The courier: a thread that takes due mail from the outbox and delivers it, by SMTP
// when a server is configured, or onto the console (standard output) when asked to (as
// `make run` does, so that a person trying the site locally can follow the links).
// With neither, mail stays pending and admins read it at /admin/outbox.
//
// Failed SMTP attempts are retried with growing waits (1, 2, 4 … minutes, at most six
// hours between tries) up to kMaxAttempts, then marked failed with the server's last
// answer. A database that does not answer is logged and retried; never fatal. Several
// processes may run couriers on one database: claims are exclusive (outbox_store.h).
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>

#include "mail/outbox_store.h"
#include "mail/smtp_sender.h"

namespace diseasemaps::mail {

inline constexpr int kMaxAttempts = 8;

// When to try again after `attempts` failed tries ending at `now`; nullopt: give up.
std::optional<long long> NextAttemptAt(int attempts, long long now);

struct CourierOptions {
  SmtpSettings smtp;
  bool to_console = false;  // used only when smtp is not configured
  std::chrono::milliseconds interval{5000};
};

class Courier {
 public:
  // Starts the thread when there is somewhere to deliver to; otherwise does nothing.
  Courier(OutboxStore& outbox, CourierOptions options);
  ~Courier();  // stops and joins; mail being delivered is finished first
  Courier(const Courier&) = delete;
  Courier& operator=(const Courier&) = delete;

  // Delivers everything due now, on the calling thread. Returns how many were delivered.
  int DeliverDue();

 private:
  void Loop();
  bool DeliverOne(const OutboxMail& mail, long long now);

  OutboxStore& outbox_;
  CourierOptions options_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace diseasemaps::mail
