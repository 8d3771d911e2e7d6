#include "mail/outbox_store.h"

#include <cctype>
#include <chrono>

#include "platform/db/row_text.h"

namespace diseasemaps::mail {
namespace {

constexpr const char* kColumns =
    "SELECT id, created_at, recipient, user_id, subject, body, status, attempts, next_attempt_at,"
    " sent_at, last_error, delivered_by, headers FROM outbox";

OutboxMail FromRow(const soci::row& row) {
  OutboxMail out;
  out.id = RowInteger(row, 0);
  out.created_at = RowInteger(row, 1);
  out.mail.recipient = RowText(row, 2);
  if (row.get_indicator(3) != soci::i_null) out.mail.user_id = RowInteger(row, 3);
  out.mail.subject = RowText(row, 4);
  out.mail.body = RowText(row, 5);
  out.status = RowText(row, 6);
  out.attempts = static_cast<int>(RowInteger(row, 7));
  out.next_attempt_at = RowInteger(row, 8);
  out.sent_at = RowInteger(row, 9);
  out.last_error = RowText(row, 10);
  out.delivered_by = RowText(row, 11);
  out.headers = RowText(row, 12);
  return out;
}

long long Now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

bool NeverDeliverable(std::string_view address) {
  const std::size_t at = address.rfind('@');
  std::string domain(address.substr(at == std::string_view::npos ? 0 : at + 1));
  while (!domain.empty() && (domain.back() == '.' || domain.back() == '>' || domain.back() == ' ')) domain.pop_back();
  for (char& c : domain) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return domain == "invalid" || domain.ends_with(".invalid");
}

bool EnqueueIn(soci::session& sql, const Mail& mail, long long now) { return EnqueueIn(sql, mail, now, ""); }

bool EnqueueIn(soci::session& sql, const Mail& mail, long long now, const std::string& headers) {
  if (NeverDeliverable(mail.recipient)) return false;
  soci::indicator user_ind = mail.user_id ? soci::i_ok : soci::i_null;
  long long user_id = mail.user_id.value_or(0);
  sql << "INSERT INTO outbox (created_at, recipient, user_id, subject, body, next_attempt_at, headers)"
         " VALUES (:at, :to, :user, :subject, :body, :due, :headers)",
      soci::use(now), soci::use(mail.recipient), soci::use(user_id, user_ind), soci::use(mail.subject),
      soci::use(mail.body), soci::use(now), soci::use(headers);
  return true;
}

Status OutboxStore::Enqueue(const Mail& mail) {
  return db_.InTransaction([&](soci::session& sql) -> Status {
    EnqueueIn(sql, mail, Now());
    return Status::Ok();
  });
}

Result<std::optional<OutboxMail>> OutboxStore::ClaimDue(long long now, long long stale_before) {
  return db_.InTransaction([&](soci::session& sql) -> Result<std::optional<OutboxMail>> {
    soci::rowset<soci::row> rows =
        (sql.prepare << std::string(kColumns) +
                            " WHERE (status = 'pending' AND next_attempt_at <= :now)"
                            " OR (status = 'sending' AND claimed_at < :stale)"
                            " ORDER BY next_attempt_at, id LIMIT 1",
         soci::use(now, "now"), soci::use(stale_before, "stale"));
    std::optional<OutboxMail> due;
    for (const soci::row& row : rows) due = FromRow(row);
    if (!due) return std::optional<OutboxMail>();
    // Only one process wins: the row must still be as it was read.
    soci::statement claim =
        (sql.prepare << "UPDATE outbox SET status = 'sending', claimed_at = :now, attempts = attempts + 1"
                        " WHERE id = :id AND status = :status AND attempts = :attempts",
         soci::use(now), soci::use(due->id), soci::use(due->status), soci::use(due->attempts));
    claim.execute(true);
    if (claim.get_affected_rows() == 0) return std::optional<OutboxMail>();
    due->status = "sending";
    due->attempts += 1;
    return due;
  });
}

Status OutboxStore::MarkSent(long long id, long long now, const std::string& delivered_by) {
  return db_.RunOnPrimary([&](soci::session& sql) -> Status {
    sql << "UPDATE outbox SET status = 'sent', sent_at = :now, delivered_by = :by, last_error = ''"
           " WHERE id = :id",
        soci::use(now), soci::use(delivered_by), soci::use(id);
    return Status::Ok();
  });
}

Status OutboxStore::MarkAttemptFailed(long long id, const std::string& error,
                                      std::optional<long long> retry_at) {
  return db_.RunOnPrimary([&](soci::session& sql) -> Status {
    const std::string status = retry_at ? "pending" : "failed";
    const long long due = retry_at.value_or(0);
    const std::string reason = error.substr(0, 500);  // bound by reference: must outlive the statement
    sql << "UPDATE outbox SET status = :status, last_error = :error, next_attempt_at = :due"
           " WHERE id = :id",
        soci::use(status), soci::use(reason), soci::use(due), soci::use(id);
    return Status::Ok();
  });
}

Result<std::vector<OutboxMail>> OutboxStore::List(long long offset, int limit) {
  return db_.Run([&](soci::session& sql) {
    std::vector<OutboxMail> mails;
    soci::rowset<soci::row> rows =
        (sql.prepare << std::string(kColumns) + " ORDER BY id DESC LIMIT :limit OFFSET :offset",
         soci::use(limit, "limit"), soci::use(offset, "offset"));
    for (const soci::row& row : rows) mails.push_back(FromRow(row));
    return mails;
  });
}

Result<long long> OutboxStore::Count() {
  return db_.Run([&](soci::session& sql) {
    long long n = 0;
    sql << "SELECT COUNT(*) FROM outbox", soci::into(n);
    return n;
  });
}

Result<OutboxQueue> OutboxStore::Queue() {
  return db_.Run([&](soci::session& sql) {
    OutboxQueue queue;
    sql << "SELECT COUNT(*) FROM outbox WHERE status IN ('pending', 'sending')", soci::into(queue.pending);
    sql << "SELECT COUNT(*) FROM outbox WHERE status = 'failed'", soci::into(queue.failed);
    return queue;
  });
}

}  // namespace diseasemaps::mail
