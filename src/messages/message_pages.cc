// The handlers of relayed contact (see message_pages.h); the moderators' queue is in
// report_pages.cc.
#include "messages/message_pages.h"

#include <algorithm>

#include "accounts/user_store.h"
#include "app/limits.h"
#include "pages/access.h"
#include "pages/error_pages.h"
#include "pages/moment.h"
#include "platform/i18n.h"
#include "platform/templates.h"
#include "platform/text.h"

namespace diseasemaps::messages {
namespace {

using nlohmann::json;

constexpr const char* kSuspended = i18n::N_("This account is suspended, so it cannot send or read messages.");
constexpr const char* kUnavailable = i18n::N_("Messages are unavailable right now. Please try again in a moment.");
constexpr const char* kNoConversation = i18n::N_(
    "We have no conversation at this address that you can see. It may have been left or never existed.");

http::Response Unavailable(const http::Request& request) { return pages::ErrorPage(&request, 503, i18n::Tr(kUnavailable)); }

http::Response Throttled(const http::Request& request, const Sent& sent, int per_day) {
  if (sent.outcome == Sent::Outcome::kTooManyConversations) {
    return pages::TooManyRequests(request, sent.retry_after,
                   i18n::Tr("New accounts can start at most {limit} conversations a day, to keep members safe from "
                            "unwanted messages. Nothing was sent. Replies in your existing conversations are not "
                            "limited this way.",
                            {{"limit", std::to_string(per_day)}}));
  }
  return pages::TooManyRequests(request, sent.retry_after,
                 i18n::Tr("You have sent {limit} messages in the last hour, the most we allow. Nothing was sent.",
                          {{"limit", std::to_string(limits::kMessagesPerHour)}}));
}

// Where a block or unblock goes back to: a member's page, a conversation or the list
// of blocked members; anything else goes to the member's page.
std::string BackTo(const std::string& back, long long member_id) {
  const auto parts = SplitOn(back, "/");
  if (back == "/messages/blocked") return back;
  if (parts.size() == 3 && parts[0].empty() && (parts[1] == "members" || parts[1] == "messages") &&
      ParsePositiveInteger(parts[2])) {
    return back;
  }
  return "/members/" + std::to_string(member_id);
}

}  // namespace

void MessagePages::AddHeaderFields(const guard::Viewer& viewer, json& layout) {
  if (!guard::Can(viewer, guard::Action::kUseMessages)) return;
  auto unread = store_.UnreadCount(*viewer.user_id);
  const long long n = unread.ok() ? *unread : 0;
  layout["messages_link"] = true;
  layout["messages_unread"] = n > 0 ? json(i18n::FormatNumber(i18n::CurrentLanguage(), n)) : json(nullptr);
  layout["messages_label"] = i18n::Plural("Messages, {count} unread conversation", "Messages, {count} unread conversations", n);
  layout["can_moderate"] = guard::Can(viewer, guard::Action::kModerateReports);
}

void MessagePages::AddMemberPageFields(const http::Request& request, long long member_id, json& view) {
  if (!guard::Can(request.viewer, guard::Action::kUseMessages) || *request.viewer.user_id == member_id) return;
  auto other = store_.FindCounterpart(*request.viewer.user_id, member_id);
  if (!other.ok()) return;
  if (!guard::CanStartConversation(request.viewer, other->Target())) {
    // The guard's whole answer, blocks either way included: the button shows only when
    // a message would go through. To a member they blocked, the page reads exactly as
    // for a member who does not accept messages: nothing tells a block apart.
    view["can_contact"] = false;
    view["accepts_contact"] = false;
  }
  view["can_block"] = true;
  view["i_blocked"] = other->i_blocked;
  view["block_csrf"] = request.csrf_token;
  view["member_href"] = "/members/" + std::to_string(member_id);
}

http::Response MessagePages::Refused(const http::Request& request, const Counterpart* to) {
  if (to != nullptr && guard::NeverContactable(to->Target())) {
    return pages::ErrorPage(&request, 403,
                            i18n::Tr("{name} is a synthetic demo member, not a person: nobody would read your "
                                     "message, so it cannot be sent. Nothing was sent.",
                                     {{"name", to->display_name}}));
  }
  return pages::ErrorPage(&request, 403, kCannotContact);
}

http::Response MessagePages::ComposePage(const http::Request& request, const Counterpart& to, const FormState& form,
                                         unsigned status) {
  // A conversation with them already open: the form says so, and sending adds to it.
  const auto found = store_.OpenConversationWith(*request.viewer.user_id, to.user_id);
  const long long open = found.ok() ? *found : 0;  // unknown: the form works without the note
  json view = {{"title", i18n::Tr("Write to {name}", {{"name", to.display_name}})},
               {"noindex", true},
               {"form_csrf", request.csrf_token},
               {"to_id", std::to_string(to.user_id)},
               {"to_name", to.display_name},
               {"existing_href", open == 0 ? json(nullptr) : json("/messages/" + std::to_string(open))},
               {"body", form.body},
               {"error", form.error.empty() ? json(nullptr) : json(form.error)},
               {"limit", i18n::FormatNumber(i18n::CurrentLanguage(), kMaxMessageCharacters)},
               {"max_length", kMaxMessageCharacters}};
  return http::Response::Html(Templates::RenderPage("message_new", view), status).NoStore();
}

http::Response MessagePages::NewForm(const http::Request& request) {
  if (auto refused = pages::RequireAllowed(request, guard::Action::kUseMessages, kSuspended)) return *refused;
  const auto to = ParsePositiveInteger(request.Query("to").value_or(""));
  if (!to) return Refused(request);
  auto other = store_.FindCounterpart(*request.viewer.user_id, *to);
  if (!other.ok() && other.status().code() != Status::Code::kNotFound) return Unavailable(request);
  if (!other.ok()) return Refused(request);
  if (!guard::CanStartConversation(request.viewer, other->Target())) return Refused(request, &*other);
  return ComposePage(request, *other, {}, 200);
}

http::Response MessagePages::Send(const http::Request& request) {
  if (auto refused = pages::RequireAllowed(request, guard::Action::kUseMessages, kSuspended)) return *refused;
  const auto to = ParsePositiveInteger(request.FormField("to"));
  if (!to) return Refused(request);
  auto other = store_.FindCounterpart(*request.viewer.user_id, *to);
  if (!other.ok() && other.status().code() != Status::Code::kNotFound) return Unavailable(request);
  if (!other.ok()) return Refused(request);
  if (!guard::CanStartConversation(request.viewer, other->Target())) return Refused(request, &*other);
  const std::string typed = request.FormField("body");
  const BodyCheck check = CheckMessageBody(typed);
  if (!check.ok()) return ComposePage(request, *other, {typed, check.error, 0, "", ""}, 422);
  SendContext ctx{*request.viewer.user_id, request.viewer.display_name, pages::NowSeconds(),
                  settings_.max_new_conversations_per_day, settings_.public_url};
  auto sent = store_.Start(ctx, *to, check.body, [&](const Counterpart& c) {
    return guard::CanStartConversation(request.viewer, c.Target());
  });
  if (!sent.ok()) return Unavailable(request);
  if (sent->outcome == Sent::Outcome::kRefused) return Refused(request);
  if (sent->outcome != Sent::Outcome::kSent) return Throttled(request, *sent, settings_.max_new_conversations_per_day);
  return http::Response::Redirect(
      "/messages/" + std::to_string(sent->conversation_id) + "#message-" + std::to_string(sent->message_id), 303);
}

http::Response MessagePages::Inbox(const http::Request& request) {
  if (auto refused = pages::RequireAllowed(request, guard::Action::kUseMessages, kSuspended)) return *refused;
  auto list = store_.Inbox(*request.viewer.user_id);
  if (!list.ok()) return Unavailable(request);
  json conversations = json::array();
  for (const ConversationSummary& c : *list) {
    conversations.push_back({{"href", "/messages/" + std::to_string(c.id)},
                             {"other_name", c.other.display_name},
                             {"excerpt", c.last_excerpt},
                             {"mine", c.last_is_mine},
                             {"when", pages::MomentView(c.last_message_at)},
                             {"unread", c.unread},
                             {"other_left", c.other_left}});
  }
  const std::string done = request.Query("done").value_or("");
  json view = {{"title", "Messages"},
               {"noindex", true},
               {"conversations", conversations},
               {"has_conversations", !list->empty()},
               {"notice", done == "left"     ? json(i18n::Tr("You left the conversation."))
                          : done == "unread" ? json(i18n::Tr("The conversation is marked as unread."))
                                             : json(nullptr)}};
  return http::Response::Html(Templates::RenderPage("message_inbox", view)).NoStore();
}

http::Response MessagePages::ThreadPage(const http::Request& request, long long id, const FormState& form,
                                        unsigned status) {
  const long long me = *request.viewer.user_id;
  // Only a plain visit reads the thread: a form sent back with an error changes nothing.
  auto thread = store_.OpenThread(id, me, /*mark_read=*/status == 200);
  if (!thread.ok()) {
    return thread.status().code() == Status::Code::kNotFound ? pages::ErrorPage(&request, 404, i18n::Tr(kNoConversation))
                                                             : Unavailable(request);
  }
  const Counterpart& other = thread->other;
  json messages = json::array();
  for (const ThreadMessage& m : thread->messages) {
    const bool report_error = form.report_message == m.id;
    messages.push_back({{"id", std::to_string(m.id)},
                        {"author", m.mine ? std::string("You") : m.author_name},
                        {"mine", m.mine},
                        {"body", m.body},
                        {"when", pages::MomentView(m.created_at)},
                        {"unread", m.unread},
                        {"report_open", report_error},
                        {"reason", report_error ? json(form.reason) : json("")},
                        {"reason_error", report_error && !form.reason_error.empty() ? json(form.reason_error)
                                                                                    : json(nullptr)}});
  }
  const bool can_reply = guard::CanReply(request.viewer, true, thread->other_left, other.Target());
  std::string cannot_reply;
  if (!can_reply) {
    const i18n::Args name = {{"name", other.display_name}};
    if (thread->other_left) cannot_reply = i18n::Tr("{name} left the conversation, so you cannot reply here.", name);
    else if (other.i_blocked) cannot_reply = i18n::Tr("You blocked {name}. Unblock them to write here.", name);
    else cannot_reply = i18n::Tr("{name} is not accepting messages from you, so you cannot reply here.", name);
  }
  const std::string done = request.Query("done").value_or("");
  const std::string here = "/messages/" + std::to_string(id);
  json view = {{"title", i18n::Tr("Conversation with {name}", {{"name", other.display_name}})},
               {"noindex", true},
               {"form_csrf", request.csrf_token},
               {"thread_id", std::to_string(id)},
               {"here", here},
               {"other_name", other.display_name},
               {"other_id", std::to_string(other.user_id)},
               {"other_href", other.deleted ? json(nullptr) : json("/members/" + std::to_string(other.user_id))},
               {"other_left", thread->other_left},
               {"messages", messages},
               {"can_reply", can_reply},
               {"cannot_reply", cannot_reply.empty() ? json(nullptr) : json(cannot_reply)},
               {"can_block", !other.deleted},
               {"i_blocked", other.i_blocked},
               {"body", form.body},
               {"error", form.error.empty() ? json(nullptr) : json(form.error)},
               {"limit", i18n::FormatNumber(i18n::CurrentLanguage(), kMaxMessageCharacters)},
               {"max_length", kMaxMessageCharacters},
               {"notice", done == "reported"    ? json(i18n::Tr("Thank you. Moderators will look at the message you reported."))
                          : done == "blocked"   ? json(i18n::Tr("{name} is blocked.", {{"name", other.display_name}}))
                          : done == "unblocked" ? json(i18n::Tr("{name} is no longer blocked.", {{"name", other.display_name}}))
                                                : json(nullptr)}};
  return http::Response::Html(Templates::RenderPage("message_thread", view), status).NoStore();
}

http::Response MessagePages::Thread(const http::Request& request) {
  if (auto refused = pages::RequireAllowed(request, guard::Action::kUseMessages, kSuspended)) return *refused;
  const auto id = ParsePositiveInteger(request.Param("id"));
  if (!id) return pages::ErrorPage(&request, 404, i18n::Tr(kNoConversation));
  return ThreadPage(request, *id, {}, 200);
}

http::Response MessagePages::Reply(const http::Request& request) {
  if (auto refused = pages::RequireAllowed(request, guard::Action::kUseMessages, kSuspended)) return *refused;
  const auto id = ParsePositiveInteger(request.Param("id"));
  if (!id) return pages::ErrorPage(&request, 404, i18n::Tr(kNoConversation));
  const std::string typed = request.FormField("body");
  const BodyCheck check = CheckMessageBody(typed);
  if (!check.ok()) return ThreadPage(request, *id, {typed, check.error, 0, "", ""}, 422);
  SendContext ctx{*request.viewer.user_id, request.viewer.display_name, pages::NowSeconds(),
                  settings_.max_new_conversations_per_day, settings_.public_url};
  auto sent = store_.Reply(ctx, *id, check.body, [&](const Counterpart& other, bool anyone_left) {
    return guard::CanReply(request.viewer, true, anyone_left, other.Target());
  });
  if (!sent.ok()) {
    return sent.status().code() == Status::Code::kNotFound ? pages::ErrorPage(&request, 404, i18n::Tr(kNoConversation))
                                                           : Unavailable(request);
  }
  if (sent->outcome == Sent::Outcome::kRefused) return Refused(request);
  if (sent->outcome != Sent::Outcome::kSent) return Throttled(request, *sent, settings_.max_new_conversations_per_day);
  return http::Response::Redirect("/messages/" + std::to_string(*id) + "#message-" + std::to_string(sent->message_id),
                                  303);
}

http::Response MessagePages::MarkUnread(const http::Request& request) {
  if (auto refused = pages::RequireAllowed(request, guard::Action::kUseMessages, kSuspended)) return *refused;
  const auto id = ParsePositiveInteger(request.Param("id"));
  if (!id) return pages::ErrorPage(&request, 404, i18n::Tr(kNoConversation));
  Status s = store_.MarkUnread(*id, *request.viewer.user_id);
  if (s.code() == Status::Code::kNotFound) return pages::ErrorPage(&request, 404, i18n::Tr(kNoConversation));
  if (!s.ok()) return Unavailable(request);
  return http::Response::Redirect("/messages?done=unread", 303);
}

http::Response MessagePages::Leave(const http::Request& request) {
  if (auto refused = pages::RequireAllowed(request, guard::Action::kUseMessages, kSuspended)) return *refused;
  const auto id = ParsePositiveInteger(request.Param("id"));
  if (!id) return pages::ErrorPage(&request, 404, i18n::Tr(kNoConversation));
  Status s = store_.Leave(*id, *request.viewer.user_id, pages::NowSeconds());
  if (s.code() == Status::Code::kNotFound) return pages::ErrorPage(&request, 404, i18n::Tr(kNoConversation));
  if (!s.ok()) return Unavailable(request);
  return http::Response::Redirect("/messages?done=left", 303);
}

http::Response MessagePages::Report(const http::Request& request) {
  if (auto refused = pages::RequireAllowed(request, guard::Action::kUseMessages, kSuspended)) return *refused;
  const auto id = ParsePositiveInteger(request.Param("id"));
  if (!id) return pages::ErrorPage(&request, 404, i18n::Tr(kNoConversation));
  const auto message = ParsePositiveInteger(request.FormField("message"));
  if (!message) return pages::ErrorPage(&request, 400, i18n::Tr("Choose the message to report, from its own form."));
  const std::string typed = request.FormField("reason");
  const BodyCheck check = CheckReportReason(typed);
  if (!check.ok()) return ThreadPage(request, *id, {"", "", *message, typed, check.error}, 422);
  auto report = store_.AddReport(*id, *message, *request.viewer.user_id, check.body, pages::NowSeconds());
  if (!report.ok()) {
    return report.status().code() == Status::Code::kNotFound
               ? pages::ErrorPage(&request, 404, i18n::Tr("There is no message of the other member with this number here."))
               : Unavailable(request);
  }
  return http::Response::Redirect("/messages/" + std::to_string(*id) + "?done=reported", 303);
}

http::Response MessagePages::Block(const http::Request& request) {
  if (auto refused = pages::RequireAllowed(request, guard::Action::kUseMessages, kSuspended)) return *refused;
  const auto id = ParsePositiveInteger(request.Param("id"));
  if (!id || *id == *request.viewer.user_id) {
    return pages::ErrorPage(&request, 404, i18n::Tr("There is no other member with this number to block."));
  }
  Status s = store_.Block(*request.viewer.user_id, *id, pages::NowSeconds());
  if (s.code() == Status::Code::kNotFound) {
    return pages::ErrorPage(&request, 404, i18n::Tr("There is no other member with this number to block."));
  }
  if (!s.ok()) return Unavailable(request);
  return http::Response::Redirect(BackTo(request.FormField("back"), *id) + "?done=blocked", 303);
}

http::Response MessagePages::Unblock(const http::Request& request) {
  if (auto refused = pages::RequireAllowed(request, guard::Action::kUseMessages, kSuspended)) return *refused;
  const auto id = ParsePositiveInteger(request.Param("id"));
  if (!id) return pages::ErrorPage(&request, 404, i18n::Tr("There is no member with this number to unblock."));
  if (Status s = store_.Unblock(*request.viewer.user_id, *id); !s.ok()) return Unavailable(request);
  return http::Response::Redirect(BackTo(request.FormField("back"), *id) + "?done=unblocked", 303);
}

http::Response MessagePages::Blocked(const http::Request& request) {
  if (auto refused = pages::RequireAllowed(request, guard::Action::kUseMessages, kSuspended)) return *refused;
  auto list = store_.BlockedBy(*request.viewer.user_id);
  if (!list.ok()) return Unavailable(request);
  json members = json::array();
  for (const BlockedMember& b : *list) {
    members.push_back({{"id", std::to_string(b.user_id)}, {"name", b.display_name}, {"since_time", pages::DayView(b.since)}});
  }
  json view = {{"title", i18n::Tr("Members you blocked")},
               {"noindex", true},
               {"form_csrf", request.csrf_token},
               {"members", members},
               {"has_members", !list->empty()},
               {"notice", request.Query("done").value_or("") == "unblocked" ? json(i18n::Tr("The member is no longer blocked."))
                                                                             : json(nullptr)}};
  return http::Response::Html(Templates::RenderPage("message_blocked", view)).NoStore();
}

}  // namespace diseasemaps::messages
