// MessageStore, first part: conversations, messages, read markers, blocks, and the
// throttles and notification of a send (see message_store.h for what it guarantees).
#include "messages/message_store.h"

#include <algorithm>

#include "app/limits.h"
#include "mail/outbox_store.h"
#include "messages/message_mail.h"
#include "messages/message_store_internal.h"
#include "platform/db/prepared.h"
#include "platform/db/row_text.h"

namespace diseasemaps::messages {
namespace {

using detail::MembershipOf;

// The users, profiles and blocks columns that make a Counterpart, for :viewer.
constexpr const char* kCounterpartColumns =
    "u.id, u.display_name, u.status, u.deleted_at, p.visibility, p.accepts_contact,"
    " (SELECT COUNT(*) FROM blocks b WHERE b.blocker_id = u.id AND b.blocked_id = :viewer),"
    " (SELECT COUNT(*) FROM blocks b WHERE b.blocker_id = :viewer AND b.blocked_id = u.id),"
    " (SELECT COUNT(*) FROM synthetic_members s WHERE s.user_id = u.id)";

Counterpart ReadCounterpart(const soci::row& row, std::size_t first) {
  Counterpart c;
  c.user_id = RowInteger(row, first);
  c.display_name = RowText(row, first + 1);
  c.deleted = row.get_indicator(first + 3) != soci::i_null;
  c.active = RowText(row, first + 2) == "active" && !c.deleted;
  c.visibility = guard::ParseVisibility(RowText(row, first + 4)).value_or(guard::Visibility::kMembers);
  c.accepts_contact = RowInteger(row, first + 5) == 1;
  c.blocked_me = RowInteger(row, first + 6) > 0;
  c.i_blocked = RowInteger(row, first + 7) > 0;
  c.synthetic = RowInteger(row, first + 8) > 0;
  return c;
}

std::optional<Counterpart> LoadCounterpart(soci::session& sql, long long viewer_id, long long other_id) {
  soci::row row;
  sql << std::string("SELECT ") + kCounterpartColumns +
             " FROM users u LEFT JOIN profiles p ON p.user_id = u.id WHERE u.id = :other",
      soci::use(viewer_id, "viewer"), soci::use(other_id, "other"), soci::into(row);
  if (!sql.got_data()) return std::nullopt;
  return ReadCounterpart(row, 0);
}

// Takes the users' rows for this transaction, in ascending id order (so two such
// transactions never wait on each other in a cycle). A sender's sends then run one after
// the other on PostgreSQL too, where a plain transaction would let two concurrent sends
// both count under a throttle, or both start a conversation between the same two
// members; SQLite's BEGIN IMMEDIATE serialises them already.
void LockUsers(soci::session& sql, std::initializer_list<long long> ids) {
  std::vector<long long> sorted(ids);
  std::sort(sorted.begin(), sorted.end());
  for (long long id : sorted) sql << "UPDATE users SET id = id WHERE id = :u", soci::use(id, "u");
}

// The newest conversation between the two that neither has left; 0 when none.
long long OpenConversationBetween(soci::session& sql, long long a, long long b) {
  const long long low = std::min(a, b);
  const long long high = std::max(a, b);
  long long existing = 0;
  soci::indicator existing_ind = soci::i_ok;
  sql << "SELECT MAX(c.id) FROM conversations c WHERE c.user_low = :low AND c.user_high = :high"
         " AND NOT EXISTS (SELECT 1 FROM conversation_members m WHERE m.conversation_id = c.id"
         " AND m.left_at IS NOT NULL)",
      soci::use(low, "low"), soci::use(high, "high"), soci::into(existing, existing_ind);
  return existing_ind == soci::i_null ? 0 : existing;
}

// Count and oldest time of rows a throttle counts.
struct Window {
  long long count = 0;
  long long oldest = 0;
};
Window CountSince(soci::session& sql, const std::string& query, long long user_id, long long since) {
  Window w;
  soci::indicator oldest_ind = soci::i_ok;
  sql << query, soci::use(user_id, "user"), soci::use(since, "since"), soci::into(w.count),
      soci::into(w.oldest, oldest_ind);
  if (oldest_ind == soci::i_null) w.oldest = 0;
  return w;
}

// Messages per hour per account (first messages and replies alike).
std::optional<long long> MessagesThrottled(soci::session& sql, long long user_id, long long now) {
  const Window w = CountSince(sql,
                              "SELECT COUNT(*), MIN(created_at) FROM messages"
                              " WHERE author_id = :user AND created_at > :since",
                              user_id, now - limits::kHourSeconds);
  const Throttle t = SlidingWindow(w.count, w.oldest, limits::kMessagesPerHour, limits::kHourSeconds, now);
  if (t.allowed) return std::nullopt;
  return t.retry_after;
}

long long InsertMessage(soci::session& sql, long long conversation_id, long long author_id,
                        const std::string& body, long long now) {
  long long id = 0;
  sql << "INSERT INTO messages (conversation_id, author_id, body, created_at)"
         " VALUES (:c, :a, :b, :t) RETURNING id",
      soci::use(conversation_id, "c"), soci::use(author_id, "a"), soci::use(body, "b"), soci::use(now, "t"),
      soci::into(id);
  sql << "UPDATE conversations SET last_message_id = :m, last_message_at = :t WHERE id = :c",
      soci::use(id, "m"), soci::use(now, "t"), soci::use(conversation_id, "c");
  sql << "UPDATE conversation_members SET last_read_message_id = :m WHERE conversation_id = :c AND user_id = :u",
      soci::use(id, "m"), soci::use(conversation_id, "c"), soci::use(author_id, "u");
  return id;
}

// Queues the "new message" e-mail to recipient_id unless they were e-mailed about this
// conversation within the hour, have left it, or their account is closed.
void Notify(soci::session& sql, const SendContext& ctx, long long conversation_id, long long recipient_id) {
  soci::row row;
  sql << "SELECT m.last_notified_at, m.left_at, u.email, u.status, u.deleted_at, u.language"
         " FROM conversation_members m JOIN users u ON u.id = m.user_id"
         " WHERE m.conversation_id = :c AND m.user_id = :u",
      soci::use(conversation_id, "c"), soci::use(recipient_id, "u"), soci::into(row);
  if (!sql.got_data()) return;
  std::optional<long long> last;
  if (row.get_indicator(0) != soci::i_null) last = RowInteger(row, 0);
  const bool left = row.get_indicator(1) != soci::i_null;
  const std::string email = RowText(row, 2);
  if (left || email.empty() || RowText(row, 3) != "active" || row.get_indicator(4) != soci::i_null) return;
  if (!ShouldNotify(last, ctx.now)) return;
  mail::EnqueueIn(sql, NewMessageMail(email, recipient_id, RowText(row, 5), ctx.sender_name, ctx.public_url, conversation_id),
                  ctx.now);
  sql << "UPDATE conversation_members SET last_notified_at = :t WHERE conversation_id = :c AND user_id = :u",
      soci::use(ctx.now, "t"), soci::use(conversation_id, "c"), soci::use(recipient_id, "u");
}

}  // namespace

namespace detail {

std::optional<Membership> MembershipOf(soci::session& sql, long long conversation_id, long long user_id) {
  soci::row row;
  sql << "SELECT CASE WHEN c.user_low = :u THEN c.user_high ELSE c.user_low END, me.left_at,"
         " other.left_at, me.last_read_message_id"
         " FROM conversations c JOIN conversation_members me ON me.conversation_id = c.id AND me.user_id = :u"
         " LEFT JOIN conversation_members other ON other.conversation_id = c.id AND other.user_id <> :u"
         " WHERE c.id = :c",
      soci::use(user_id, "u"), soci::use(conversation_id, "c"), soci::into(row);
  if (!sql.got_data()) return std::nullopt;
  Membership m;
  m.other_id = RowInteger(row, 0);
  m.i_left = row.get_indicator(1) != soci::i_null;
  m.other_left = row.get_indicator(2) != soci::i_null;
  m.my_last_read = RowInteger(row, 3);
  return m;
}

}  // namespace detail

Result<Counterpart> MessageStore::FindCounterpart(long long viewer_id, long long other_id) {
  return db_.Run([&](soci::session& sql) -> Result<Counterpart> {
    auto c = LoadCounterpart(sql, viewer_id, other_id);
    if (!c) return Status::NotFound("no such member");
    return *c;
  });
}

Result<long long> MessageStore::OpenConversationWith(long long viewer_id, long long other_id) {
  return db_.Run([&](soci::session& sql) -> Result<long long> { return OpenConversationBetween(sql, viewer_id, other_id); });
}

Result<Sent> MessageStore::Start(const SendContext& ctx, long long recipient_id, const std::string& body,
                                 const std::function<bool(const Counterpart&)>& may_write) {
  return db_.InTransaction([&](soci::session& sql) -> Result<Sent> {
    LockUsers(sql, {ctx.sender_id, recipient_id});
    Sent sent;
    auto other = LoadCounterpart(sql, ctx.sender_id, recipient_id);
    if (!other || !may_write(*other)) {
      sent.outcome = Sent::Outcome::kRefused;
      return sent;
    }
    const long long low = std::min(ctx.sender_id, recipient_id);
    const long long high = std::max(ctx.sender_id, recipient_id);
    long long existing = OpenConversationBetween(sql, low, high);
    if (auto wait = MessagesThrottled(sql, ctx.sender_id, ctx.now)) {
      sent.outcome = Sent::Outcome::kTooManyMessages;
      sent.retry_after = *wait;
      return sent;
    }
    if (existing == 0) {
      std::optional<long long> confirmed;
      long long confirmed_at = 0;
      soci::indicator confirmed_ind = soci::i_ok;
      sql << "SELECT email_confirmed_at FROM users WHERE id = :u", soci::use(ctx.sender_id, "u"),
          soci::into(confirmed_at, confirmed_ind);
      if (confirmed_ind != soci::i_null) confirmed = confirmed_at;
      if (IsNewAccount(confirmed, ctx.now)) {
        const Window w = CountSince(sql,
                                    "SELECT COUNT(*), MIN(created_at) FROM conversations"
                                    " WHERE started_by = :user AND created_at > :since",
                                    ctx.sender_id, ctx.now - limits::kDaySeconds);
        const Throttle t =
            SlidingWindow(w.count, w.oldest, ctx.max_new_conversations_per_day, limits::kDaySeconds, ctx.now);
        if (!t.allowed) {
          sent.outcome = Sent::Outcome::kTooManyConversations;
          sent.retry_after = t.retry_after;
          return sent;
        }
      }
      sql << "INSERT INTO conversations (user_low, user_high, started_by, created_at, last_message_at)"
             " VALUES (:low, :high, :by, :t, :t) RETURNING id",
          soci::use(low, "low"), soci::use(high, "high"), soci::use(ctx.sender_id, "by"), soci::use(ctx.now, "t"),
          soci::into(existing);
      for (long long member : {low, high}) {
        sql << "INSERT INTO conversation_members (conversation_id, user_id) VALUES (:c, :u)",
            soci::use(existing, "c"), soci::use(member, "u");
      }
    }
    sent.conversation_id = existing;
    sent.message_id = InsertMessage(sql, existing, ctx.sender_id, body, ctx.now);
    Notify(sql, ctx, existing, recipient_id);
    return sent;
  });
}

Result<Sent> MessageStore::Reply(const SendContext& ctx, long long conversation_id, const std::string& body,
                                 const std::function<bool(const Counterpart&, bool)>& may_reply) {
  return db_.InTransaction([&](soci::session& sql) -> Result<Sent> {
    LockUsers(sql, {ctx.sender_id});
    Sent sent;
    auto membership = MembershipOf(sql, conversation_id, ctx.sender_id);
    if (!membership || membership->i_left) return Status::NotFound("no such conversation");
    sent.conversation_id = conversation_id;
    auto other = LoadCounterpart(sql, ctx.sender_id, membership->other_id);
    if (!other || !may_reply(*other, membership->other_left)) {
      sent.outcome = Sent::Outcome::kRefused;
      return sent;
    }
    if (auto wait = MessagesThrottled(sql, ctx.sender_id, ctx.now)) {
      sent.outcome = Sent::Outcome::kTooManyMessages;
      sent.retry_after = *wait;
      return sent;
    }
    sent.message_id = InsertMessage(sql, conversation_id, ctx.sender_id, body, ctx.now);
    Notify(sql, ctx, conversation_id, membership->other_id);
    return sent;
  });
}

Result<std::vector<ConversationSummary>> MessageStore::Inbox(long long user_id) {
  return db_.Run([&](soci::session& sql) {
    std::vector<ConversationSummary> list;
    soci::rowset<soci::row> rows =
        (sql.prepare << std::string("SELECT c.id, c.last_message_at, c.last_message_id, me.last_read_message_id,"
                                    " other.left_at, lm.body, lm.author_id, ") +
                            kCounterpartColumns +
                            " FROM conversation_members me JOIN conversations c ON c.id = me.conversation_id"
                            " JOIN users u ON u.id = CASE WHEN c.user_low = :viewer THEN c.user_high"
                            " ELSE c.user_low END"
                            " LEFT JOIN profiles p ON p.user_id = u.id"
                            " LEFT JOIN conversation_members other ON other.conversation_id = c.id"
                            " AND other.user_id = u.id"
                            " LEFT JOIN messages lm ON lm.id = c.last_message_id"
                            " WHERE me.user_id = :viewer AND me.left_at IS NULL"
                            " ORDER BY c.last_message_at DESC, c.id DESC LIMIT :limit",
         soci::use(user_id, "viewer"), soci::use(kInboxConversations, "limit"));
    for (const soci::row& row : rows) {
      ConversationSummary s;
      s.id = RowInteger(row, 0);
      s.last_message_at = RowInteger(row, 1);
      s.unread = RowInteger(row, 2) > RowInteger(row, 3);
      s.other_left = row.get_indicator(4) != soci::i_null;
      s.last_excerpt = Excerpt(RowText(row, 5));
      s.last_is_mine = RowInteger(row, 6) == user_id;
      s.other = ReadCounterpart(row, 7);
      list.push_back(std::move(s));
    }
    return list;
  });
}

// Every signed-in page shows it in the header: kept prepared.
constexpr char kUnreadConversationsSql[] =
    "SELECT COUNT(*) FROM conversation_members m JOIN conversations c ON c.id = m.conversation_id"
    " WHERE m.user_id = :id AND m.left_at IS NULL AND c.last_message_id > m.last_read_message_id";

Result<long long> MessageStore::UnreadCount(long long user_id) {
  return db_.Run([&](soci::session& sql) { return PreparedNumberOf<kUnreadConversationsSql>(sql, user_id); });
}

Result<Thread> MessageStore::OpenThread(long long conversation_id, long long user_id, bool mark_read) {
  return db_.InTransaction([&](soci::session& sql) -> Result<Thread> {
    auto membership = MembershipOf(sql, conversation_id, user_id);
    if (!membership || membership->i_left) return Status::NotFound("no such conversation");
    Thread thread;
    thread.id = conversation_id;
    thread.other_left = membership->other_left;
    auto other = LoadCounterpart(sql, user_id, membership->other_id);
    if (!other) return Status::NotFound("no such conversation");
    thread.other = *other;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT id, author_id, display_name, body, created_at FROM ("
                        " SELECT m.id, m.author_id, u.display_name, m.body, m.created_at FROM messages m"
                        " JOIN users u ON u.id = m.author_id WHERE m.conversation_id = :c"
                        " ORDER BY m.id DESC LIMIT :limit) recent ORDER BY id",
         soci::use(conversation_id, "c"), soci::use(kThreadMessages, "limit"));
    long long last = 0;
    for (const soci::row& row : rows) {
      ThreadMessage m;
      m.id = RowInteger(row, 0);
      m.author_id = RowInteger(row, 1);
      m.author_name = RowText(row, 2);
      m.body = RowText(row, 3);
      m.created_at = RowInteger(row, 4);
      m.mine = m.author_id == user_id;
      m.unread = !m.mine && m.id > membership->my_last_read;
      last = std::max(last, m.id);
      thread.messages.push_back(std::move(m));
    }
    if (mark_read && last > membership->my_last_read) {
      sql << "UPDATE conversation_members SET last_read_message_id = :m WHERE conversation_id = :c AND user_id = :u",
          soci::use(last, "m"), soci::use(conversation_id, "c"), soci::use(user_id, "u");
    }
    return thread;
  });
}

Status MessageStore::MarkUnread(long long conversation_id, long long user_id) {
  return db_.InTransaction([&](soci::session& sql) -> Status {
    auto membership = MembershipOf(sql, conversation_id, user_id);
    if (!membership || membership->i_left) return Status::NotFound("no such conversation");
    long long before_last = 0;
    soci::indicator ind = soci::i_ok;
    sql << "SELECT MAX(m.id) FROM messages m JOIN conversations c ON c.id = m.conversation_id"
           " WHERE m.conversation_id = :c AND m.id < c.last_message_id",
        soci::use(conversation_id, "c"), soci::into(before_last, ind);
    if (ind == soci::i_null) before_last = 0;
    sql << "UPDATE conversation_members SET last_read_message_id = :m WHERE conversation_id = :c AND user_id = :u",
        soci::use(before_last, "m"), soci::use(conversation_id, "c"), soci::use(user_id, "u");
    return Status::Ok();
  });
}

Status MessageStore::Leave(long long conversation_id, long long user_id, long long now) {
  return db_.InTransaction([&](soci::session& sql) -> Status {
    auto membership = MembershipOf(sql, conversation_id, user_id);
    if (!membership || membership->i_left) return Status::NotFound("no such conversation");
    sql << "UPDATE conversation_members SET left_at = :t WHERE conversation_id = :c AND user_id = :u",
        soci::use(now, "t"), soci::use(conversation_id, "c"), soci::use(user_id, "u");
    return Status::Ok();
  });
}

Status MessageStore::Block(long long blocker_id, long long blocked_id, long long now) {
  return db_.InTransaction([&](soci::session& sql) -> Status {
    long long exists = 0;
    sql << "SELECT COUNT(*) FROM users WHERE id = :u", soci::use(blocked_id, "u"), soci::into(exists);
    if (exists == 0 || blocker_id == blocked_id) return Status::NotFound("no such member");
    // One statement, so two clicks at once both succeed and the first date stays.
    sql << "INSERT INTO blocks (blocker_id, blocked_id, created_at) VALUES (:a, :b, :t)"
           " ON CONFLICT (blocker_id, blocked_id) DO NOTHING",
        soci::use(blocker_id, "a"), soci::use(blocked_id, "b"), soci::use(now, "t");
    return Status::Ok();
  });
}

Status MessageStore::Unblock(long long blocker_id, long long blocked_id) {
  return db_.InTransaction([&](soci::session& sql) -> Status {
    sql << "DELETE FROM blocks WHERE blocker_id = :a AND blocked_id = :b", soci::use(blocker_id, "a"),
        soci::use(blocked_id, "b");
    return Status::Ok();
  });
}

Result<std::vector<BlockedMember>> MessageStore::BlockedBy(long long blocker_id) {
  return db_.Run([&](soci::session& sql) {
    std::vector<BlockedMember> list;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT b.blocked_id, u.display_name, b.created_at FROM blocks b"
                        " JOIN users u ON u.id = b.blocked_id WHERE b.blocker_id = :a"
                        " ORDER BY u.display_name, b.blocked_id",
         soci::use(blocker_id, "a"));
    for (const soci::row& row : rows) {
      list.push_back({RowInteger(row, 0), RowText(row, 1), RowInteger(row, 2)});
    }
    return list;
  });
}

}  // namespace diseasemaps::messages
