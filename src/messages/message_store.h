// MessageStore: all the SQL of relayed contact, written once for SQLite and PostgreSQL:
// conversations and their two participants' state, messages, blocks, reports of
// messages and the moderators' handling of them, the unread count of the site header,
// and a member's export and deletion.
//
// What it guarantees: every write is one transaction; a message is stored together with
// its conversation's update, the sender's read marker, the throttles' checks and (at
// most once an hour per conversation and recipient) the notification e-mail in the
// outbox, so a refused message leaves nothing behind and an acknowledged one is never
// lost. Permission is the guard's: Start and Reply take the decision as a callback that
// runs inside the transaction on facts read there, so a block made a moment earlier
// is honoured. E-mail addresses are read only to address e-mail, never returned.
// Thread-safe: every method leases its own connection (blocking: run on the worker pool).
#pragma once

#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <soci/soci.h>

#include "app/limits.h"
#include "guard/guard.h"
#include "messages/message_rules.h"
#include "messages/reported_author.h"
#include "platform/db/database.h"
#include "platform/status.h"

namespace diseasemaps::messages {

// Another member as the viewer may need them for writing: never their address.
struct Counterpart {
  long long user_id = 0;
  std::string display_name;
  guard::Visibility visibility = guard::Visibility::kMembers;
  bool accepts_contact = false;
  bool active = true;      // not suspended, not deleted
  bool deleted = false;
  bool blocked_me = false;  // they blocked the viewer (never shown to the viewer)
  bool i_blocked = false;   // the viewer blocked them
  bool synthetic = false;   // a demo member (map/demo_data.h): never contactable

  guard::MessageTarget Target() const {
    guard::MessageTarget target;
    target.user_id = user_id;
    target.visibility = visibility;
    target.accepts_contact = accepts_contact;
    target.active = active;
    target.blocked = blocked_me || i_blocked;
    target.synthetic = synthetic;
    return target;
  }
};

// What sending needs besides the text.
struct SendContext {
  long long sender_id = 0;
  std::string sender_name;
  long long now = 0;
  int max_new_conversations_per_day = limits::kDefaultNewConversationsPerDay;  // for new accounts
  std::string public_url;                  // for the notification's link
};

struct Sent {
  enum class Outcome { kSent, kRefused, kTooManyConversations, kTooManyMessages };
  Outcome outcome = Outcome::kSent;
  long long conversation_id = 0;
  long long message_id = 0;
  long long retry_after = 0;  // seconds, when too many
};

struct ConversationSummary {
  long long id = 0;
  Counterpart other;
  bool other_left = false;
  std::string last_excerpt;
  bool last_is_mine = false;
  long long last_message_at = 0;
  bool unread = false;
};

struct ThreadMessage {
  long long id = 0;
  long long author_id = 0;
  std::string author_name;  // "Deleted member" once the author deleted their account
  std::string body;
  long long created_at = 0;
  bool mine = false;
  bool unread = false;  // arrived after the viewer last read the thread
};

struct Thread {
  long long id = 0;
  Counterpart other;
  bool other_left = false;
  std::vector<ThreadMessage> messages;  // oldest first, the last kThreadMessages
};
inline constexpr int kThreadMessages = 500;
inline constexpr int kInboxConversations = 200;

struct BlockedMember {
  long long user_id = 0;
  std::string display_name;
  long long since = 0;
};

struct Report {
  long long id = 0;
  long long message_id = 0;
  long long conversation_id = 0;
  std::string reason;
  long long reported_at = 0;
  std::string reporter_name;  // for moderators only; "" once the reporter deleted their account
  long long author_id = 0;
  std::string author_name;
  bool author_suspended = false;
  bool author_deleted = false;  // deletion also closes the account: not "suspended"
  std::string body;
  long long written_at = 0;
  std::string status;  // open, dismissed, warned, suspended
  std::string handled_by_name;
  long long handled_at = 0;
  std::string note;
};

// The author of a reported message, for the moderator's action.

class MessageStore {
 public:
  explicit MessageStore(Database& db) : db_(db) {}

  // The member `other_id` as `viewer_id` would write to them. NotFound when no such
  // account.
  Result<Counterpart> FindCounterpart(long long viewer_id, long long other_id);
  // The conversation between the two that neither has left, or 0.
  Result<long long> OpenConversationWith(long long viewer_id, long long other_id);

  // The first message from ctx.sender_id to recipient_id: appended to their open
  // conversation when one exists (neither left; counts as a reply), else a new
  // conversation (limited for new accounts). may_write decides on the facts read in the
  // transaction; when it says no, the outcome is kRefused and nothing is written.
  Result<Sent> Start(const SendContext& ctx, long long recipient_id, const std::string& body,
                     const std::function<bool(const Counterpart&)>& may_write);

  // A reply in conversation_id. NotFound when the sender is not a participant who
  // stayed; may_reply(other, anyone_left) decides as above.
  Result<Sent> Reply(const SendContext& ctx, long long conversation_id, const std::string& body,
                     const std::function<bool(const Counterpart&, bool anyone_left)>& may_reply);

  // The viewer's conversations (not left), newest first, at most kInboxConversations.
  Result<std::vector<ConversationSummary>> Inbox(long long user_id);
  // How many of the viewer's conversations have a message they have not read: one
  // indexed query, for the site header.
  Result<long long> UnreadCount(long long user_id);

  // The thread, for a participant who has not left (NotFound otherwise, exactly as for
  // a conversation that does not exist). mark_read: the viewer has now read it all.
  Result<Thread> OpenThread(long long conversation_id, long long user_id, bool mark_read);
  // Makes the newest message unread again. NotFound as above.
  Status MarkUnread(long long conversation_id, long long user_id);
  // The viewer leaves: the conversation leaves their inbox; the other sees that they
  // left and can no longer reply there. NotFound as above.
  Status Leave(long long conversation_id, long long user_id, long long now);

  // Blocks are idempotent. NotFound when `blocked_id` has no account.
  Status Block(long long blocker_id, long long blocked_id, long long now);
  Status Unblock(long long blocker_id, long long blocked_id);
  Result<std::vector<BlockedMember>> BlockedBy(long long blocker_id);

  // Reports message_id of conversation_id to moderators. NotFound when the reporter is
  // not a participant who stayed, or the message is not in that conversation or is
  // their own. A second report of a message by the same member while the first waits
  // returns the first.
  Result<long long> AddReport(long long conversation_id, long long message_id, long long reporter_id,
                              const std::string& reason, long long now);
  // Open reports oldest first, then the latest handled ones.
  Result<std::vector<Report>> OpenReports(int limit);
  Result<std::vector<Report>> HandledReports(int limit);
  // Handles an open report in one transaction: the report's new status, the moderator's
  // note, an audit entry, and `effect` (the warning e-mail, the suspension) run on the
  // same session with the message's author. NotFound for no such report; Conflict when
  // it was handled already.
  Status HandleReport(long long report_id, ReportAction action, long long moderator_id, const std::string& note,
                      long long now,
                      const std::function<Status(soci::session&, const ReportedAuthor&)>& effect);

  // Data rights: what the member wrote and did here, and (inside the account deletion's
  // transaction) the end of their participation. Their messages stay in the other
  // participant's conversations, shown under "Deleted member".
  Result<nlohmann::json> Export(long long user_id);
  static void DeleteMemberData(soci::session& sql, long long user_id);

 private:
  Database& db_;
};

}  // namespace diseasemaps::messages
