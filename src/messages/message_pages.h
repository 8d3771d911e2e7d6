// The handlers of relayed contact: writing a first message (/messages/new?to=ID, which
// the map and the list link to as "Send a message", and POST /messages), the inbox
// (/messages), a conversation (/messages/{id}: read, reply, mark unread, leave, report a
// message), blocking (/members/{id}/block and /unblock, /messages/blocked), and the
// moderators' queue of reported messages (/admin/reports).
//
// The guard decides every permission; the rules (message_rules.h) check every text; the
// store does each step in one transaction. What they guarantee: anyone not signed in
// goes to the sign-in page and comes back; a conversation the viewer is not in answers
// 404 exactly as one that does not exist; "you may not write to this member" is one
// answer whatever the reason, so nobody learns that they were blocked; a form with a
// mistake comes back (422) with what was typed and a message beside the field, and
// changes nothing; over a throttle: 429 with Retry-After. E-mail addresses never
// appear. Thread-safe: no state between requests.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "accounts/member_events.h"
#include "app/limits.h"
#include "http/request.h"
#include "messages/message_store.h"
#include "platform/db/database.h"

namespace diseasemaps::messages {

struct MessageSettings {
  std::string public_url;  // for the links in e-mails, no trailing slash
  int max_new_conversations_per_day = limits::kDefaultNewConversationsPerDay;  // for accounts confirmed less than a week ago
  // Told when a report suspends its author, after the commit (the map drops them).
  accounts::MemberChangedFn member_changed;
};

class MessagePages {
 public:
  MessagePages(Database& db, MessageSettings settings) : store_(db), settings_(std::move(settings)) {}

  http::Response NewForm(const http::Request& request);     // GET /messages/new?to=ID
  http::Response Send(const http::Request& request);        // POST /messages
  http::Response Inbox(const http::Request& request);       // GET /messages
  http::Response Thread(const http::Request& request);      // GET /messages/{id}
  http::Response Reply(const http::Request& request);       // POST /messages/{id}
  http::Response MarkUnread(const http::Request& request);  // POST /messages/{id}/unread
  http::Response Leave(const http::Request& request);       // POST /messages/{id}/leave
  http::Response Report(const http::Request& request);      // POST /messages/{id}/report
  http::Response Block(const http::Request& request);       // POST /members/{id}/block
  http::Response Unblock(const http::Request& request);     // POST /members/{id}/unblock
  http::Response Blocked(const http::Request& request);     // GET /messages/blocked
  http::Response Reports(const http::Request& request);     // GET /admin/reports
  http::Response HandleReport(const http::Request& request);  // POST /admin/reports/{id}

  // The header's fields for a signed-in viewer: messages_link, messages_unread (the
  // number of conversations with unread messages, absent when none) and
  // messages_label, the link's accessible name ("Messages, 3 unread conversations");
  // can_moderate. One indexed query.
  void AddHeaderFields(const guard::Viewer& viewer, nlohmann::json& layout);

  // The member page's fields for viewer about member_id: can_block, i_blocked,
  // block_csrf (signed in, not their own page). When member_id blocked the viewer, the
  // page says they do not accept messages, as it would for anyone who does not.
  void AddMemberPageFields(const http::Request& request, long long member_id, nlohmann::json& view);

  // Other features' items in the one reports queue (the forums' flagged posts, reported
  // stories): functions adding their fields to /admin/reports' view, rendered beside the
  // reported messages. Added before serving.
  using QueueExtras = std::function<void(const http::Request&, nlohmann::json&)>;
  void AddQueueExtras(QueueExtras extras) { queue_extras_.push_back(std::move(extras)); }

  MessageStore& store() { return store_; }

 private:
  struct FormState {
    std::string body;
    std::string error;
    long long report_message = 0;  // the message whose report form has the error
    std::string reason;
    std::string reason_error;
  };
  http::Response ComposePage(const http::Request& request, const Counterpart& to, const FormState& form,
                             unsigned status);
  http::Response ThreadPage(const http::Request& request, long long id, const FormState& form, unsigned status);
  // 403 with the one refusal (kCannotContact); to a demo member (guard::NeverContactable)
  // it says that instead, since there is nothing to hide and nobody to write to.
  http::Response Refused(const http::Request& request, const Counterpart* to = nullptr);
  // The queue; `error` and `note` beside report `report_id`'s form.
  http::Response ReportsPage(const http::Request& request, long long report_id, const std::string& note,
                             const std::string& error, unsigned status);

  MessageStore store_;
  MessageSettings settings_;
  std::vector<QueueExtras> queue_extras_;
};

}  // namespace diseasemaps::messages
