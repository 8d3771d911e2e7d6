// Relayed contact through the real binary, on SQLite and PostgreSQL: starting a
// conversation and replying, the unread count in the header, refusals that look the
// same whether the member blocked you or does not accept contact, leaving, blocking,
// reporting and the moderators' queue (dismiss, warn, suspend, audited), the new
// accounts' daily limit (429), oversized and empty messages (422), the notification
// throttle, non-participants (404), CSRF, and the data-rights export and deletion.
#include <gtest/gtest.h>

#include <algorithm>
#include <thread>
#include <vector>

#include "http/url.h"
#include "test_server.h"

namespace diseasemaps::testing {
namespace {

constexpr const char* kPassword = "correct horse battery staple";
constexpr const char* kCannotContact = "This member is not accepting messages from you";

bool Has(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

std::string Enc(const std::string& text) { return http::PercentEncode(text); }

class MessagesTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    AddUser(database_, "mo@example.org", "Mo Moderator", {"moderator"}, kPassword);
    AddUser(database_, "amy@example.org", "Amy", {"member"}, kPassword);
    AddUser(database_, "ben@example.org", "Ben", {"member"}, kPassword);
    AddUser(database_, "cat@example.org", "Cat", {"member"}, kPassword);
    AddUser(database_, "dan@example.org", "Dan", {"member"}, kPassword);
    AddUser(database_, "eve@example.org", "Eve", {"member"}, kPassword);
    AddUser(database_, "hid@example.org", "Hid", {"member"}, kPassword);
    SetProfile("ben@example.org", "members", true);
    SetProfile("cat@example.org", "members", false);
    SetProfile("dan@example.org", "public", true);
    SetProfile("eve@example.org", "members", true);
    SetProfile("hid@example.org", "hidden", true);
  }

  void SetProfile(const std::string& email, const std::string& visibility, bool accepts) {
    const long long id = Id(email);
    Status s = database_.db().Run([&](soci::session& sql) {
      const int contact = accepts ? 1 : 0;
      sql << "INSERT INTO profiles (user_id, visibility, accepts_contact, updated_at) VALUES (:u, :v, :c, 1)",
          soci::use(id), soci::use(visibility), soci::use(contact);
      return Status::Ok();
    });
    ASSERT_TRUE(s.ok()) << s.message();
  }

  long long Id(const std::string& email) { return UserIdOf(database_, email); }
  std::string To(const std::string& email) { return std::to_string(Id(email)); }
  long long Count(const std::string& query) { return QueryNumber(database_.db(), query); }

  HttpResult Get(TestServer& server, const SignedIn& who, const std::string& path) {
    return server.Get(path, {{"Cookie", who.cookie}});
  }
  // Sends a first message; returns the response (303 to the conversation when sent).
  HttpResult Write(TestServer& server, const SignedIn& from, const std::string& to_email, const std::string& text) {
    return PostAs(server, from, "/messages", "to=" + To(to_email) + "&body=" + Enc(text));
  }
  // "/messages/12#message-3" -> "/messages/12".
  static std::string ConversationOf(const HttpResult& sent) {
    const std::string location = sent.Header("location");
    return location.substr(0, location.find('#'));
  }

  TestDatabase database_{GetParam()};
};

std::string Backends(const ::testing::TestParamInfo<Backend>& info) { return BackendName(info.param); }

TEST_P(MessagesTest, AMemberWritesFromAProfileAndTheOtherReadsAndReplies) {
  TestServer server(database_);
  SignedIn amy = SignIn(server, "amy@example.org", kPassword);
  SignedIn ben = SignIn(server, "ben@example.org", kPassword);

  HttpResult profile = Get(server, amy, "/members/" + To("ben@example.org"));
  ASSERT_EQ(profile.status, 200u);
  EXPECT_TRUE(Has(profile.body, "href=\"/messages/new?to=" + To("ben@example.org") + "\">Send a message</a>"));
  EXPECT_TRUE(Has(profile.body, "Block Ben"));

  HttpResult form = Get(server, amy, "/messages/new?to=" + To("ben@example.org"));
  ASSERT_EQ(form.status, 200u);
  EXPECT_TRUE(Has(form.body, "Write to Ben"));
  EXPECT_FALSE(Has(form.body, "ben@example.org"));

  HttpResult sent = Write(server, amy, "ben@example.org", "Hello Ben <b>hi</b>");
  ASSERT_EQ(sent.status, 303u) << sent.body;
  const std::string thread = ConversationOf(sent);
  EXPECT_EQ(thread.rfind("/messages/", 0), 0u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM messages"), 1);

  // Ben's header says one unread conversation, on any page.
  HttpResult home = Get(server, ben, "/");
  EXPECT_TRUE(Has(home.body, "<a class=\"messages-link\" href=\"/messages\" aria-label=\"Messages, 1 unread "
                             "conversation\">Messages <span class=\"unread-count\">(1)</span></a>"))
      << home.body;
  HttpResult inbox = Get(server, ben, "/messages");
  ASSERT_EQ(inbox.status, 200u);
  EXPECT_TRUE(Has(inbox.body, "Amy"));
  EXPECT_TRUE(Has(inbox.body, "Hello Ben &lt;b&gt;hi&lt;/b&gt;"));  // markup shown as text
  EXPECT_TRUE(Has(inbox.body, "Unread"));

  HttpResult opened = Get(server, ben, thread);
  ASSERT_EQ(opened.status, 200u);
  EXPECT_TRUE(Has(opened.body, "Hello Ben &lt;b&gt;hi&lt;/b&gt;"));
  EXPECT_FALSE(Has(opened.body, "<b>hi</b>"));
  EXPECT_FALSE(Has(Get(server, ben, "/").body, "unread-count"));  // read now
  // Anonymous visitors' (cached) pages carry no one's count.
  EXPECT_FALSE(Has(server.Get("/").body, "messages-link"));

  HttpResult reply = PostAs(server, ben, thread, "body=" + Enc("Hi Amy!\r\nGood to hear from you."));
  ASSERT_EQ(reply.status, 303u) << reply.body;
  EXPECT_EQ(ConversationOf(reply), thread);
  EXPECT_TRUE(Has(Get(server, amy, "/").body, "unread-count\">(1)"));
  EXPECT_TRUE(Has(Get(server, amy, thread).body, "Hi Amy!\nGood to hear from you."));

  // Mark as unread brings the count back.
  ASSERT_EQ(PostAs(server, ben, thread + "/unread", "").status, 303u);
  EXPECT_TRUE(Has(Get(server, ben, "/").body, "unread-count\">(1)"));

  // A second first message appends to the open conversation, as its form says.
  const HttpResult compose = Get(server, amy, "/messages/new?to=" + To("ben@example.org"));
  EXPECT_TRUE(Has(compose.body, "You already have a conversation with Ben")) << compose.body;
  EXPECT_TRUE(Has(compose.body, "href=\"" + thread + "\"")) << compose.body;
  HttpResult again = Write(server, amy, "ben@example.org", "One more thing");
  ASSERT_EQ(again.status, 303u);
  EXPECT_EQ(ConversationOf(again), thread);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM conversations"), 1);

  // Notifications: one e-mail per conversation and recipient per hour, without the text.
  EXPECT_EQ(MailCount(database_, "ben@example.org"), 1);
  EXPECT_EQ(MailCount(database_, "amy@example.org"), 1);
  EXPECT_EQ(LatestSubjectTo(database_, "ben@example.org"), "You have a new message from Amy on DiseaseMaps");
  const std::string mail = LatestMailTo(database_, "ben@example.org");
  EXPECT_TRUE(Has(mail, thread));
  EXPECT_FALSE(Has(mail, "Hello Ben"));
  EXPECT_FALSE(Has(mail, "amy@example.org"));
}

TEST_P(MessagesTest, AnonymousVisitorsAreSentToSignIn) {
  TestServer server(database_);
  HttpResult form = server.Get("/messages/new?to=" + To("ben@example.org"));
  EXPECT_EQ(form.status, 303u);
  EXPECT_EQ(form.Header("location"), "/login?next=" + Enc("/messages/new?to=" + To("ben@example.org")));
  EXPECT_EQ(server.Get("/messages").status, 303u);
  // A visitor sees no "Send a message" on a public profile.
  HttpResult profile = server.Get("/members/" + To("dan@example.org"));
  ASSERT_EQ(profile.status, 200u);
  EXPECT_FALSE(Has(profile.body, "Send a message"));
  EXPECT_FALSE(Has(profile.body, "Block Dan"));
}

TEST_P(MessagesTest, NoContactABlockAHiddenProfileAndNobodyGetTheSameAnswer) {
  TestServer server(database_);
  SignedIn amy = SignIn(server, "amy@example.org", kPassword);
  SignedIn ben = SignIn(server, "ben@example.org", kPassword);
  HttpResult started = Write(server, amy, "ben@example.org", "Before the block");
  ASSERT_EQ(started.status, 303u);
  const std::string thread = ConversationOf(started);

  ASSERT_EQ(PostAs(server, ben, "/members/" + To("amy@example.org") + "/block", "back=" + Enc(thread)).status, 303u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM blocks"), 1);

  // Ben's page reads to Amy as Cat's does: no button, "Does not accept messages."
  HttpResult ben_page = Get(server, amy, "/members/" + To("ben@example.org"));
  EXPECT_FALSE(Has(ben_page.body, "Send a message"));
  EXPECT_TRUE(Has(ben_page.body, "Does not accept messages."));
  EXPECT_TRUE(Has(Get(server, amy, "/members/" + To("cat@example.org")).body, "Does not accept messages."));

  HttpResult no_contact = Get(server, amy, "/messages/new?to=" + To("cat@example.org"));
  HttpResult blocked = Get(server, amy, "/messages/new?to=" + To("ben@example.org"));
  HttpResult hidden = Get(server, amy, "/messages/new?to=" + To("hid@example.org"));
  HttpResult nobody = Get(server, amy, "/messages/new?to=999999");
  EXPECT_EQ(no_contact.status, 403u);
  EXPECT_TRUE(Has(no_contact.body, kCannotContact));
  for (const HttpResult* other : {&blocked, &hidden, &nobody}) {
    EXPECT_EQ(other->status, no_contact.status);
    EXPECT_EQ(other->body, no_contact.body);  // word for word: nothing reveals the block
  }
  HttpResult post_no_contact = Write(server, amy, "cat@example.org", "Hello");
  HttpResult post_blocked = Write(server, amy, "ben@example.org", "Hello");
  EXPECT_EQ(post_no_contact.status, 403u);
  EXPECT_EQ(post_blocked.status, 403u);
  EXPECT_EQ(post_blocked.body, post_no_contact.body);
  // Replies in the existing conversation are refused the same way.
  HttpResult reply = PostAs(server, amy, thread, "body=Still+there%3F");
  EXPECT_EQ(reply.status, 403u);
  EXPECT_TRUE(Has(reply.body, kCannotContact));
  EXPECT_FALSE(Has(Get(server, amy, thread).body, "blocked"));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM messages"), 1);

  // Ben sees whom he blocked, and unblocks.
  HttpResult list = Get(server, ben, "/messages/blocked");
  EXPECT_TRUE(Has(list.body, "Unblock Amy"));
  EXPECT_TRUE(Has(Get(server, ben, thread).body, "You blocked Amy"));
  HttpResult unblocked = PostAs(server, ben, "/members/" + To("amy@example.org") + "/unblock", "back=%2Fmessages%2Fblocked");
  EXPECT_EQ(unblocked.status, 303u);
  EXPECT_EQ(unblocked.Header("location"), "/messages/blocked?done=unblocked");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM blocks"), 0);
  EXPECT_EQ(PostAs(server, amy, thread, "body=Still+there%3F").status, 303u);
}

TEST_P(MessagesTest, LeavingEndsTheConversationForBoth) {
  TestServer server(database_);
  SignedIn amy = SignIn(server, "amy@example.org", kPassword);
  SignedIn ben = SignIn(server, "ben@example.org", kPassword);
  HttpResult started = Write(server, amy, "ben@example.org", "Hello");
  const std::string thread = ConversationOf(started);
  HttpResult left = PostAs(server, amy, thread + "/leave", "");
  ASSERT_EQ(left.status, 303u);
  EXPECT_EQ(left.Header("location"), "/messages?done=left");
  EXPECT_FALSE(Has(Get(server, amy, "/messages").body, thread));
  EXPECT_EQ(Get(server, amy, thread).status, 404u);

  HttpResult seen = Get(server, ben, thread);
  ASSERT_EQ(seen.status, 200u);
  EXPECT_TRUE(Has(seen.body, "Amy left the conversation"));
  EXPECT_FALSE(Has(seen.body, "id=\"reply-body\""));
  EXPECT_EQ(PostAs(server, ben, thread, "body=Wait").status, 403u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM messages"), 1);

  // Writing again starts a new conversation.
  HttpResult fresh = Write(server, amy, "ben@example.org", "Hello again");
  ASSERT_EQ(fresh.status, 303u);
  EXPECT_NE(ConversationOf(fresh), thread);
}

TEST_P(MessagesTest, OnlyParticipantsSeeAConversation) {
  TestServer server(database_);
  SignedIn amy = SignIn(server, "amy@example.org", kPassword);
  SignedIn cat = SignIn(server, "cat@example.org", kPassword);
  const std::string thread = ConversationOf(Write(server, amy, "ben@example.org", "Private"));
  const long long message = Count("SELECT MAX(id) FROM messages");
  HttpResult peek = Get(server, cat, thread);
  EXPECT_EQ(peek.status, 404u);
  EXPECT_FALSE(Has(peek.body, "Private"));
  EXPECT_EQ(Get(server, cat, "/messages/999999").status, 404u);
  EXPECT_EQ(PostAs(server, cat, thread, "body=Hi").status, 404u);
  EXPECT_EQ(PostAs(server, cat, thread + "/report", "message=" + std::to_string(message) + "&reason=x").status, 404u);
  EXPECT_EQ(PostAs(server, cat, thread + "/leave", "").status, 404u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM messages"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM message_reports"), 0);
}

TEST_P(MessagesTest, BadMessagesComeBackWithTheTextKept) {
  TestServer server(database_);
  SignedIn amy = SignIn(server, "amy@example.org", kPassword);
  const std::string long_text = "START" + std::string(4996, 'x');  // 5,001 characters
  HttpResult oversized = Write(server, amy, "ben@example.org", long_text);
  EXPECT_EQ(oversized.status, 422u);
  EXPECT_TRUE(Has(oversized.body, "Messages can be at most 5,000 characters (this one has 5,001)."));
  EXPECT_TRUE(Has(oversized.body, long_text));
  HttpResult empty = Write(server, amy, "ben@example.org", "   ");
  EXPECT_EQ(empty.status, 422u);
  EXPECT_TRUE(Has(empty.body, "Write your message before sending it."));
  EXPECT_TRUE(Has(empty.body, "aria-invalid=\"true\""));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM messages"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM conversations"), 0);

  const std::string thread = ConversationOf(Write(server, amy, "ben@example.org", "Fine"));
  HttpResult reply = PostAs(server, amy, thread, "body=" + std::string(5001, 'y'));
  EXPECT_EQ(reply.status, 422u);
  EXPECT_TRUE(Has(reply.body, "this one has 5,001"));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM messages"), 1);

  // Ben's refused reply and refused report leave Amy's message unread for him.
  SignedIn ben = SignIn(server, "ben@example.org", kPassword);
  EXPECT_EQ(PostAs(server, ben, thread, "body=+").status, 422u);
  const std::string message = std::to_string(Count("SELECT MAX(id) FROM messages"));
  EXPECT_EQ(PostAs(server, ben, thread + "/report", "message=" + message + "&reason=+").status, 422u);
  EXPECT_TRUE(Has(Get(server, ben, "/").body, "unread-count\">(1)"));
}

TEST_P(MessagesTest, FormsWithoutTheCsrfTokenChangeNothing) {
  TestServer server(database_);
  SignedIn amy = SignIn(server, "amy@example.org", kPassword);
  HttpResult forged = server.Request("POST", "/messages",
                                     {{"Cookie", amy.cookie}, {"Content-Type", "application/x-www-form-urlencoded"}},
                                     "to=" + To("ben@example.org") + "&body=Hi");
  EXPECT_EQ(forged.status, 403u);
  HttpResult block = server.Request("POST", "/members/" + To("ben@example.org") + "/block",
                                    {{"Cookie", amy.cookie}, {"Content-Type", "application/x-www-form-urlencoded"}},
                                    "");
  EXPECT_EQ(block.status, 403u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM messages"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM blocks"), 0);
}

TEST_P(MessagesTest, NewAccountsStartALimitedNumberOfConversationsADay) {
  TestServer server(database_, {"--max-new-conversations-per-day", "2"});
  SignedIn amy = SignIn(server, "amy@example.org", kPassword);
  const std::string thread = ConversationOf(Write(server, amy, "ben@example.org", "One"));
  ASSERT_EQ(Write(server, amy, "dan@example.org", "Two").status, 303u);
  HttpResult third = Write(server, amy, "eve@example.org", "Three");
  EXPECT_EQ(third.status, 429u);
  EXPECT_TRUE(Has(third.body, "New accounts can start at most 2 conversations a day"));
  const long long retry = std::stoll(third.Header("retry-after"));
  EXPECT_GT(retry, 80000);
  EXPECT_LE(retry, 86400);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM conversations"), 2);
  // Replies and further messages in open conversations are not limited this way.
  EXPECT_EQ(PostAs(server, amy, thread, "body=Reply").status, 303u);
  EXPECT_EQ(Write(server, amy, "ben@example.org", "Appended").status, 303u);
  // An account confirmed more than a week ago is not new.
  ASSERT_TRUE(database_.db().Run([&](soci::session& sql) {
    sql << "UPDATE users SET email_confirmed_at = 1000 WHERE email_key = 'amy@example.org'";
    return Status::Ok();
  }).ok());
  EXPECT_EQ(Write(server, amy, "eve@example.org", "Three").status, 303u);
}

// Sends at the same moment (several tabs, a double click) are counted one after the
// other: the daily limit holds, and two members share one conversation.
TEST_P(MessagesTest, SendsAtTheSameMomentKeepTheLimitAndOneConversationAPair) {
  AddUser(database_, "fay@example.org", "Fay", {"member"}, kPassword);
  AddUser(database_, "gus@example.org", "Gus", {"member"}, kPassword);
  SetProfile("fay@example.org", "members", true);
  TestServer server(database_, {"--max-new-conversations-per-day", "2"});
  SignedIn amy = SignIn(server, "amy@example.org", kPassword);
  SignedIn gus = SignIn(server, "gus@example.org", kPassword);
  auto at_once = [&](const SignedIn& from, const std::vector<std::string>& to) {
    std::vector<unsigned> statuses(to.size());
    std::vector<std::thread> senders;
    for (size_t i = 0; i < to.size(); ++i) {
      senders.emplace_back([&, i] { statuses[i] = Write(server, from, to[i], "Hello " + std::to_string(i)).status; });
    }
    for (std::thread& t : senders) t.join();
    return statuses;
  };
  const auto started = at_once(amy, {"ben@example.org", "dan@example.org", "eve@example.org", "fay@example.org"});
  EXPECT_EQ(std::count(started.begin(), started.end(), 303u), 2);
  EXPECT_EQ(std::count(started.begin(), started.end(), 429u), 2);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM conversations WHERE started_by = " + To("amy@example.org")), 2);

  const auto same = at_once(gus, {"ben@example.org", "ben@example.org", "ben@example.org", "ben@example.org"});
  EXPECT_EQ(std::count(same.begin(), same.end(), 303u), 4);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM conversations WHERE started_by = " + To("gus@example.org")), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM messages WHERE author_id = " + To("gus@example.org")), 4);
}

TEST_P(MessagesTest, EveryoneSendsAtMost60MessagesAnHour) {
  TestServer server(database_);
  SignedIn amy = SignIn(server, "amy@example.org", kPassword);
  const std::string thread = ConversationOf(Write(server, amy, "ben@example.org", "1"));
  for (int i = 2; i <= 60; ++i) {
    ASSERT_EQ(PostAs(server, amy, thread, "body=" + std::to_string(i)).status, 303u) << "message " << i;
  }
  HttpResult over = PostAs(server, amy, thread, "body=61");
  EXPECT_EQ(over.status, 429u);
  EXPECT_TRUE(Has(over.body, "You have sent 60 messages in the last hour"));
  EXPECT_GT(std::stoll(over.Header("retry-after")), 3000);
  EXPECT_EQ(Write(server, amy, "dan@example.org", "Hello").status, 429u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM messages"), 60);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM conversations"), 1);
}

TEST_P(MessagesTest, AReportGoesToModeratorsWhoDismissWarnOrSuspend) {
  TestServer server(database_);
  SignedIn amy = SignIn(server, "amy@example.org", kPassword);
  SignedIn ben = SignIn(server, "ben@example.org", kPassword);
  SignedIn mo = SignIn(server, "mo@example.org", kPassword);
  const std::string thread = ConversationOf(Write(server, amy, "ben@example.org", "Rude words"));
  Write(server, amy, "ben@example.org", "More rude words");
  Write(server, amy, "ben@example.org", "Even more");
  const long long last = Count("SELECT MAX(id) FROM messages");

  HttpResult no_reason = PostAs(server, ben, thread + "/report", "message=" + std::to_string(last) + "&reason=+");
  EXPECT_EQ(no_reason.status, 422u);
  EXPECT_TRUE(Has(no_reason.body, "Please say why you are reporting this message"));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM message_reports"), 0);
  // Nobody reports their own message.
  EXPECT_EQ(PostAs(server, amy, thread + "/report", "message=" + std::to_string(last) + "&reason=x").status, 404u);

  for (long long id = last - 2; id <= last; ++id) {
    HttpResult reported = PostAs(server, ben, thread + "/report", "message=" + std::to_string(id) + "&reason=Insults");
    ASSERT_EQ(reported.status, 303u) << reported.body;
  }
  EXPECT_EQ(Count("SELECT COUNT(*) FROM message_reports WHERE status = 'open'"), 3);
  // The same report again adds nothing.
  EXPECT_EQ(PostAs(server, ben, thread + "/report", "message=" + std::to_string(last) + "&reason=Again").status, 303u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM message_reports"), 3);

  EXPECT_EQ(Get(server, amy, "/admin/reports").status, 403u);
  EXPECT_EQ(Get(server, ben, "/admin/reports").status, 403u);
  HttpResult queue = Get(server, mo, "/admin/reports");
  ASSERT_EQ(queue.status, 200u);
  EXPECT_TRUE(Has(queue.body, "Rude words"));
  EXPECT_TRUE(Has(queue.body, "Insults"));
  EXPECT_TRUE(Has(Get(server, mo, "/").body, "href=\"/admin/reports\""));

  const long long first = Count("SELECT MIN(id) FROM message_reports");
  const std::string report = "/admin/reports/";
  HttpResult dismissed = PostAs(server, mo, report + std::to_string(first), "action=dismiss");
  EXPECT_EQ(dismissed.status, 303u);
  EXPECT_EQ(PostAs(server, mo, report + std::to_string(first), "action=dismiss").status, 409u);  // done already

  const long long before = MailCount(database_, "amy@example.org");
  EXPECT_EQ(PostAs(server, mo, report + std::to_string(first + 1), "action=warn&note=" + Enc("Be kind.")).status, 303u);
  EXPECT_EQ(MailCount(database_, "amy@example.org"), before + 1);
  const std::string warning = LatestMailTo(database_, "amy@example.org");
  EXPECT_TRUE(Has(warning, "Be kind."));
  EXPECT_FALSE(Has(warning, "Ben"));  // the reporter is never revealed

  HttpResult no_note = PostAs(server, mo, report + std::to_string(first + 2), "action=suspend");
  EXPECT_EQ(no_note.status, 422u);
  EXPECT_TRUE(Has(no_note.body, "Say why you suspend this account"));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM users WHERE status = 'suspended'"), 0);
  EXPECT_EQ(PostAs(server, mo, report + std::to_string(first + 2), "action=suspend&note=Repeated+insults").status, 303u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM users WHERE status = 'suspended' AND email_key = 'amy@example.org'"), 1);
  EXPECT_EQ(Get(server, amy, "/messages").status, 303u);  // signed out everywhere

  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'message_report.dismissed'"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'message_report.warned'"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'message_report.suspended'"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'user.suspend'"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM message_reports WHERE status = 'open'"), 0);
}

// A moderator may not suspend a fellow moderator (or an administrator) over a reported
// message: the refusal says so and changes nothing; an administrator may.
TEST_P(MessagesTest, OnlyAnAdministratorSuspendsAReportedModerator) {
  AddUser(database_, "mia@example.org", "Mia Moderator", {"moderator"}, kPassword);
  AddUser(database_, "ada@example.org", "Ada Admin", {"admin"}, kPassword);
  TestServer server(database_);
  SignedIn mia = SignIn(server, "mia@example.org", kPassword);
  SignedIn ben = SignIn(server, "ben@example.org", kPassword);
  SignedIn mo = SignIn(server, "mo@example.org", kPassword);
  SignedIn ada = SignIn(server, "ada@example.org", kPassword);
  const std::string thread = ConversationOf(Write(server, mia, "ben@example.org", "Rude words from a moderator"));
  const long long message = Count("SELECT MAX(id) FROM messages");
  ASSERT_EQ(PostAs(server, ben, thread + "/report", "message=" + std::to_string(message) + "&reason=Insults").status,
            303u);
  const std::string report = "/admin/reports/" + std::to_string(Count("SELECT MAX(id) FROM message_reports"));

  // Mia may not handle the report on her own message, not even to dismiss it.
  HttpResult own = PostAs(server, mia, report, "action=dismiss");
  EXPECT_EQ(own.status, 403u);
  EXPECT_TRUE(Has(own.body, "Nobody handles a report on their own message"));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM message_reports WHERE status = 'open'"), 1);

  HttpResult refused = PostAs(server, mo, report, "action=suspend&note=Insults");
  EXPECT_EQ(refused.status, 403u);
  EXPECT_TRUE(Has(refused.body, "Only an administrator may suspend a moderator or an administrator"));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM users WHERE status = 'suspended'"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM message_reports WHERE status = 'open'"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'user.suspend'"), 0);
  EXPECT_EQ(Get(server, mia, "/messages").status, 200u);  // still signed in

  EXPECT_EQ(PostAs(server, ada, report, "action=suspend&note=Insults").status, 303u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM users WHERE status = 'suspended' AND email_key = 'mia@example.org'"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM message_reports WHERE status = 'open'"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'user.suspend'"), 1);
}

TEST_P(MessagesTest, ExportHoldsMyMessagesAndDeletionKeepsThemForOthers) {
  TestServer server(database_);
  SignedIn amy = SignIn(server, "amy@example.org", kPassword);
  SignedIn ben = SignIn(server, "ben@example.org", kPassword);
  const std::string thread = ConversationOf(Write(server, amy, "ben@example.org", "Remember this"));
  HttpResult file = PostForm(server, "/account/export", amy.cookie, "csrf=" + amy.csrf);
  ASSERT_EQ(file.status, 200u);
  EXPECT_TRUE(Has(file.body, "messages_you_wrote"));
  EXPECT_TRUE(Has(file.body, "Remember this"));

  HttpResult deleted = PostForm(server, "/account/delete", amy.cookie,
                                "csrf=" + amy.csrf + "&password=" + Enc(kPassword) + "&confirm=yes");
  ASSERT_EQ(deleted.status, 303u) << deleted.body;
  HttpResult seen = Get(server, ben, thread);
  ASSERT_EQ(seen.status, 200u);
  EXPECT_TRUE(Has(seen.body, "Remember this"));
  EXPECT_TRUE(Has(seen.body, "Deleted member"));
  EXPECT_TRUE(Has(seen.body, "Deleted member left the conversation"));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM conversation_members WHERE left_at IS NULL"), 1);

  // Reported after the deletion, the message's author shows as deleted, not suspended.
  const std::string message = std::to_string(Count("SELECT MAX(id) FROM messages"));
  ASSERT_EQ(PostAs(server, ben, thread + "/report", "message=" + message + "&reason=Spam").status, 303u);
  HttpResult queue = Get(server, SignIn(server, "mo@example.org", kPassword), "/admin/reports");
  ASSERT_EQ(queue.status, 200u);
  EXPECT_TRUE(Has(queue.body, "(account deleted)")) << queue.body;
  EXPECT_FALSE(Has(queue.body, "(account suspended)"));
}

// Regression (issue 16): a demo member (made by `diseasemaps demo-data`) was offered
// "Send a message", and a message and an e-mail to its `.invalid` address were queued.
// Its page says it is synthetic and offers no message; the route refuses it, saying
// why, and nothing is written.
TEST_P(MessagesTest, ADemoMemberIsNeverOfferedOrSentAMessage) {
  const long long dan = Id("dan@example.org");  // public, accepts contact
  Status marked = database_.db().Run([&](soci::session& sql) {
    sql << "INSERT INTO synthetic_members (user_id, seed) VALUES (:u, 7)", soci::use(dan);
    return Status::Ok();
  });
  ASSERT_TRUE(marked.ok()) << marked.message();
  TestServer server(database_);
  SignedIn amy = SignIn(server, "amy@example.org", kPassword);
  const HttpResult page = Get(server, amy, "/members/" + To("dan@example.org"));
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(Has(page.body, "A synthetic demo member.")) << page.body;
  EXPECT_TRUE(Has(page.body, "Cannot receive messages: a demo member."));
  EXPECT_FALSE(Has(page.body, "/messages/new?to=")) << page.body;
  const HttpResult anonymous = server.Get("/members/" + To("dan@example.org"));
  EXPECT_TRUE(Has(anonymous.body, "A synthetic demo member."));

  const HttpResult form = Get(server, amy, "/messages/new?to=" + To("dan@example.org"));
  EXPECT_EQ(form.status, 403);
  EXPECT_TRUE(Has(form.body, "Dan is a synthetic demo member, not a person")) << form.body;
  const long long outbox_before = Count("SELECT COUNT(*) FROM outbox");
  const HttpResult sent = Write(server, amy, "dan@example.org", "Hello there");
  EXPECT_EQ(sent.status, 403);
  EXPECT_TRUE(Has(sent.body, "Nothing was sent."));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM messages"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM conversations"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM outbox"), outbox_before);
  // A real member who accepts contact still gets the form.
  EXPECT_EQ(Get(server, amy, "/messages/new?to=" + To("ben@example.org")).status, 200);
}

INSTANTIATE_TEST_SUITE_P(Backends, MessagesTest, ::testing::ValuesIn(AllBackends()), Backends);

}  // namespace
}  // namespace diseasemaps::testing
