// The outbox: every e-mail the platform sends is first a row here, written in the same
// transaction as whatever caused it (a new account, a reset request), so nothing
// acknowledged to a person is lost if the process stops before the mail goes out.
//
// A courier (mail/courier.h) claims due rows one at a time; a claim is an UPDATE that
// only one process can win, and a claim older than the stale limit is taken over, so
// several server processes on one database send each mail once (at least once if a
// process dies between sending and recording). All SQL of the mail feature is here.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <soci/soci.h>

#include "platform/db/database.h"
#include "platform/status.h"

namespace diseasemaps::mail {

struct Mail {
  std::string recipient;  // one address
  std::optional<long long> user_id;  // the account it is about, if any
  std::string subject;
  std::string body;  // plain text, UTF-8
};

struct OutboxMail {
  long long id = 0;
  long long created_at = 0;
  Mail mail;
  std::string status;  // pending, sending, sent, failed
  int attempts = 0;
  long long next_attempt_at = 0;
  long long sent_at = 0;  // 0 when not sent
  std::string last_error;
  std::string delivered_by;  // "smtp", "console" or ""
  std::string headers;       // extra header lines, "Name: value" one a line ("" for none)
};

// The outbox's backlog, for the admin home.
struct OutboxQueue {
  long long pending = 0;  // waiting, retrying or being sent
  long long failed = 0;   // given up after the last retry
};

// Writes mail to the outbox inside the caller's transaction; true when it did. Mail to an
// address that can never be delivered is not written: a domain under `.invalid`
// (RFC 6761), as demo-data's synthetic members have, whatever feature writes to them.
bool EnqueueIn(soci::session& sql, const Mail& mail, long long now);
// The same with extra header lines ("List-Unsubscribe: <…>"), one a line, sent as they are.
// REQUIRES: each line is "Name: value" in printable ASCII (no CR, no other LF).
bool EnqueueIn(soci::session& sql, const Mail& mail, long long now, const std::string& headers);

// True for an address whose domain is `invalid` or under it (RFC 6761), in any case.
bool NeverDeliverable(std::string_view address);

class OutboxStore {
 public:
  explicit OutboxStore(Database& db) : db_(db) {}

  Status Enqueue(const Mail& mail);

  // Claims the oldest mail due at `now` (pending, or claimed before `stale_before` by a
  // process that never finished). nullopt when nothing is due.
  Result<std::optional<OutboxMail>> ClaimDue(long long now, long long stale_before);
  Status MarkSent(long long id, long long now, const std::string& delivered_by);
  // Records a failed attempt: pending again from retry_at, or failed for good when
  // retry_at is nullopt.
  Status MarkAttemptFailed(long long id, const std::string& error, std::optional<long long> retry_at);

  // Newest first, for admins.
  Result<std::vector<OutboxMail>> List(long long offset, int limit);
  Result<long long> Count();
  // The mails not sent yet: waiting (or being sent), and given up for good.
  Result<OutboxQueue> Queue();

 private:
  Database& db_;
};

}  // namespace diseasemaps::mail
