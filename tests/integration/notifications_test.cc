// Notifications through the real binary, on SQLite and PostgreSQL: replies, quotes and
// mentions tell the member they concern (one notification a post), the header counts
// them and /notifications opens each at its post; nobody is told of their own post, of a
// forum they may not read, by a member they blocked, or in a topic they muted; watch
// levels per forum and topic; "Quote" without script fills the reply box; mentions link
// only to members who may read the forum; bad input and CSRF failures change nothing;
// the export holds the watch levels and account deletion removes what was the member's;
// replies, quotes and mentions are mailed at most once per topic an hour, with a signed
// one-click unsubscribe (RFC 8058) that a changed token cannot use.
#include <gtest/gtest.h>

#include <string>

#include "forum_fixture.h"

namespace diseasemaps::testing {
namespace {

class NotificationsTest : public ForumFixture {
 protected:
  void SetUp() override {
    AddUser(database_, "amy@example.org", "Amy Ames", {"member"}, kPassword);
    AddUser(database_, "ben@example.org", "Ben", {"member"}, kPassword);
    AddUser(database_, "cy@example.org", "Cy", {"member"}, kPassword);
    InsertCondition(database_.db(), 1183, "Dancing eyes");
    amy_id_ = UserIdOf(database_, "amy@example.org");
    ben_id_ = UserIdOf(database_, "ben@example.org");
    cy_id_ = UserIdOf(database_, "cy@example.org");
  }

  long long NotificationsOf(long long user, const std::string& kind = "") {
    return Count("SELECT COUNT(*) FROM notifications WHERE recipient_id = " + std::to_string(user) +
                 (kind.empty() ? "" : " AND kind = '" + kind + "'"));
  }

  long long amy_id_ = 0;
  long long ben_id_ = 0;
  long long cy_id_ = 0;
};

std::string Backends(const ::testing::TestParamInfo<Backend>& info) { return BackendName(info.param); }

TEST_P(NotificationsTest, RepliesQuotesAndMentionsNotifyOnceAndTheHeaderCountsThem) {
  TestServer server(database_);
  SignedIn amy = SignIn(server, "amy@example.org", kPassword);
  SignedIn ben = SignIn(server, "ben@example.org", kPassword);
  SignedIn cy = SignIn(server, "cy@example.org", kPassword);
  const std::string path = Topic(server, amy, "general", "Sleep at three", "Any ideas for sleep?");
  // Posting tracks the topic.
  EXPECT_EQ(Count("SELECT COUNT(*) FROM topic_watches WHERE level = 'tracking' AND user_id = " +
                  std::to_string(amy_id_)),
            1);

  // A reply that also mentions Amy is one notification: a reply.
  const std::string amy_handle = "@amy-ames-" + std::to_string(amy_id_);
  HttpResult first = Reply(server, ben, path, "Try a routine, " + amy_handle + ".", 1);
  ASSERT_EQ(first.status, 303u) << server.Log();
  EXPECT_EQ(NotificationsOf(amy_id_), 1);
  EXPECT_EQ(NotificationsOf(amy_id_, "reply"), 1);
  EXPECT_EQ(NotificationsOf(ben_id_), 0);  // never for one's own post

  // A mention by handle; a wrong name with the right number mentions nobody.
  const std::string ben_handle = "@ben-" + std::to_string(ben_id_);
  ASSERT_EQ(Reply(server, cy, path, "Ask " + ben_handle + " and @bob-" + std::to_string(ben_id_)).status, 303u);
  EXPECT_EQ(NotificationsOf(ben_id_, "mention"), 1);
  EXPECT_EQ(NotificationsOf(amy_id_), 1);  // Amy only tracks: no new notification

  // The mention links to Ben's page; the wrong one stays text.
  HttpResult page = Get(server, amy, path);
  ASSERT_EQ(page.status, 200u);
  EXPECT_TRUE(Has(page.body, "<a class=\"mention\" href=\"/members/" + std::to_string(ben_id_) + "\">" + ben_handle +
                                 "</a>"))
      << page.body;
  EXPECT_FALSE(Has(page.body, "href=\"/members/" + std::to_string(ben_id_) + "\">@bob"));
  EXPECT_TRUE(Has(page.body, ben_handle + "</span>"));  // each post shows its author's handle

  // The header counts Amy's unread notification; the page lists it; opening it reads it.
  EXPECT_TRUE(Has(page.body, "Notifications <span class=\"unread-count\">(1)</span>"));
  HttpResult list = Get(server, amy, "/notifications");
  ASSERT_EQ(list.status, 200u);
  EXPECT_TRUE(Has(list.body, "Ben replied to your post in “Sleep at three”, post 2"));
  const long long id = Count("SELECT id FROM notifications WHERE recipient_id = " + std::to_string(amy_id_));
  HttpResult open = Get(server, amy, "/notifications/" + std::to_string(id));
  EXPECT_EQ(open.status, 303u);
  EXPECT_EQ(open.Header("location"), path + "#post-2");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM notifications WHERE read_at IS NULL AND recipient_id = " +
                  std::to_string(amy_id_)),
            0);
  EXPECT_FALSE(Has(Get(server, amy, path).body, "unread-count\">(1)"));
  // Someone else's notification is not there for Amy.
  const long long bens = Count("SELECT id FROM notifications WHERE recipient_id = " + std::to_string(ben_id_));
  EXPECT_EQ(Get(server, amy, "/notifications/" + std::to_string(bens)).status, 404u);
  EXPECT_EQ(Get(server, amy, "/notifications/nope").status, 404u);

  // "Quote" without script: the reply box holds the whole post, answering it.
  HttpResult quoting = Get(server, amy, path + "?quote=2");
  ASSERT_EQ(quoting.status, 200u);
  EXPECT_TRUE(Has(quoting.body, "&gt; In [post 2](#post-2), Ben wrote:\n&gt;\n&gt; Try a routine, " + amy_handle))
      << quoting.body;
  EXPECT_TRUE(Has(quoting.body, "name=\"reply_to\" value=\"2\""));
  // Quoting Ben without replying to his post is a quote.
  ASSERT_EQ(Reply(server, amy, path, "> In [post 2](#post-2), Ben wrote:\n>\n> Try a routine\n\nThanks!").status,
            303u);
  EXPECT_EQ(NotificationsOf(ben_id_, "quote"), 1);
  // A quote link within the page is no link for the new members' limit.
  ASSERT_EQ(Reply(server, amy, path,
                  "> [post 1](#post-1)\n\n> [post 2](#post-2)\n\n> [post 3](#post-3)\n\nSee "
                  "[a](https://a.example) and [b](https://b.example)")
                .status,
            303u);
  // Mark all read.
  EXPECT_GT(Count("SELECT COUNT(*) FROM notifications WHERE read_at IS NULL AND recipient_id = " +
                  std::to_string(ben_id_)),
            0);
  ASSERT_EQ(PostAs(server, ben, "/notifications/read", "").status, 303u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM notifications WHERE read_at IS NULL AND recipient_id = " +
                  std::to_string(ben_id_)),
            0);
  // A visitor has no notifications page.
  EXPECT_EQ(server.Get("/notifications").status, 303u);
}

TEST_P(NotificationsTest, NoneForUnreadableForumsBlockedAuthorsOrMutedTopics) {
  TestServer server(database_);
  SignedIn amy = SignIn(server, "amy@example.org", kPassword);
  SignedIn ben = SignIn(server, "ben@example.org", kPassword);
  SignedIn cy = SignIn(server, "cy@example.org", kPassword);
  // A suspended member cannot read a members-only forum: a mention there tells them
  // nothing, and does not link.
  const std::string secret = Topic(server, amy, "dancing-eyes-1183", "Private", "Members only here");
  Sql("UPDATE users SET status = 'suspended' WHERE id = " + std::to_string(cy_id_));
  const std::string cy_handle = "@cy-" + std::to_string(cy_id_);
  ASSERT_EQ(Reply(server, ben, secret, "Hello " + cy_handle).status, 303u);
  EXPECT_EQ(NotificationsOf(cy_id_), 0);
  EXPECT_FALSE(Has(Get(server, amy, secret).body, "href=\"/members/" + std::to_string(cy_id_) + "\""));
  Sql("UPDATE users SET status = 'active' WHERE id = " + std::to_string(cy_id_));

  // Amy blocked Ben: his reply to her tells her nothing.
  const std::string path = Topic(server, amy, "general", "Blocked and muted", "First post");
  Sql("INSERT INTO blocks (blocker_id, blocked_id, created_at) VALUES (" + std::to_string(amy_id_) + ", " +
      std::to_string(ben_id_) + ", 1)");
  ASSERT_EQ(Reply(server, ben, path, "Ben answers", 1).status, 303u);
  EXPECT_EQ(NotificationsOf(amy_id_), 0);

  // Cy muted the topic: a reply to his post tells him nothing; normal again, it does.
  ASSERT_EQ(Reply(server, cy, path, "Cy answers").status, 303u);
  ASSERT_EQ(PostAs(server, cy, Base(path) + "/watch", "level=muted").status, 303u);
  ASSERT_EQ(Reply(server, amy, path, "To Cy", 3).status, 303u);
  EXPECT_EQ(NotificationsOf(cy_id_), 0);
  ASSERT_EQ(PostAs(server, cy, Base(path) + "/watch", "level=normal").status, 303u);
  ASSERT_EQ(Reply(server, amy, path, "To Cy again", 3).status, 303u);
  EXPECT_EQ(NotificationsOf(cy_id_, "reply"), 1);
}

TEST_P(NotificationsTest, WatchLevelsDecideWhoHearsOfNewPosts) {
  TestServer server(database_);
  SignedIn amy = SignIn(server, "amy@example.org", kPassword);
  SignedIn ben = SignIn(server, "ben@example.org", kPassword);
  SignedIn cy = SignIn(server, "cy@example.org", kPassword);
  const std::string path = Topic(server, amy, "general", "Watched", "First");
  // The control is on the forum's and the topic's page, for members only.
  HttpResult forum_page = Get(server, cy, "/forums/general");
  EXPECT_TRUE(Has(forum_page.body, "action=\"/forums/general/watch\""));
  EXPECT_TRUE(Has(Get(server, cy, path).body, "action=\"" + Base(path) + "/watch\""));
  EXPECT_FALSE(Has(server.Get(path).body, "/watch\""));

  // Cy watches the forum: every new post in it.
  ASSERT_EQ(PostAs(server, cy, "/forums/general/watch", "level=watching").status, 303u);
  ASSERT_EQ(Reply(server, ben, path, "Second").status, 303u);
  EXPECT_EQ(NotificationsOf(cy_id_, "watched"), 1);
  const std::string other = Topic(server, ben, "general", "Another topic", "New one");
  EXPECT_EQ(NotificationsOf(cy_id_, "watched"), 2);
  // The topic's own level wins: normal there means no more.
  ASSERT_EQ(PostAs(server, cy, Base(path) + "/watch", "level=normal").status, 303u);
  ASSERT_EQ(Reply(server, ben, path, "Third").status, 303u);
  EXPECT_EQ(NotificationsOf(cy_id_, "watched"), 2);
  // Amy, tracking her topic since she wrote it, is not told of posts in it.
  EXPECT_EQ(NotificationsOf(amy_id_), 0);
  ASSERT_EQ(PostAs(server, amy, Base(path) + "/watch", "level=watching").status, 303u);
  ASSERT_EQ(Reply(server, ben, path, "Fourth").status, 303u);
  EXPECT_EQ(NotificationsOf(amy_id_, "watched"), 1);
  EXPECT_TRUE(Has(Get(server, amy, path).body, "<option value=\"watching\" selected>"));

  // Bad input changes nothing: an unknown level, no CSRF token, an unknown topic or forum.
  const long long before = Count("SELECT COUNT(*) FROM topic_watches") + Count("SELECT COUNT(*) FROM forum_watches");
  HttpResult loud = PostAs(server, cy, Base(path) + "/watch", "level=loud");
  EXPECT_EQ(loud.status, 400u);
  EXPECT_TRUE(Has(loud.body, "watching, tracking, normal or muted"));
  EXPECT_EQ(PostForm(server, "/forums/general/watch", cy.cookie, "level=muted").status, 403u);
  EXPECT_EQ(PostAs(server, cy, "/forums/general/t/99999/watch", "level=muted").status, 404u);
  EXPECT_EQ(PostAs(server, cy, "/forums/nowhere/watch", "level=muted").status, 404u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_watches WHERE level = 'muted'"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM topic_watches") + Count("SELECT COUNT(*) FROM forum_watches"), before);
  // A visitor is sent to sign in.
  SignedIn visitor = OpenForm(server, "/login");
  EXPECT_EQ(PostForm(server, "/forums/general/watch", visitor.cookie, "csrf=" + visitor.csrf + "&level=muted").status,
            303u);
  (void)other;
}

TEST_P(NotificationsTest, TheExportHoldsWatchLevelsAndDeletionRemovesThem) {
  TestServer server(database_);
  SignedIn amy = SignIn(server, "amy@example.org", kPassword);
  SignedIn ben = SignIn(server, "ben@example.org", kPassword);
  const std::string path = Topic(server, amy, "general", "Mine to export", "First");
  ASSERT_EQ(PostAs(server, amy, "/forums/general/watch", "level=watching").status, 303u);
  ASSERT_EQ(Reply(server, ben, path, "Reply", 1).status, 303u);
  EXPECT_EQ(NotificationsOf(amy_id_), 1);
  HttpResult file = PostForm(server, "/account/export", amy.cookie, "csrf=" + amy.csrf);
  ASSERT_EQ(file.status, 200u);
  EXPECT_TRUE(Has(file.body, "forum_watches"));
  EXPECT_TRUE(Has(file.body, "Mine to export"));
  EXPECT_TRUE(Has(file.body, "\"watching\""));
  HttpResult deleted = PostForm(server, "/account/delete", amy.cookie,
                                "csrf=" + amy.csrf + "&password=" + Enc(kPassword) + "&confirm=yes");
  ASSERT_EQ(deleted.status, 303u) << deleted.body;
  EXPECT_EQ(NotificationsOf(amy_id_), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM topic_watches WHERE user_id = " + std::to_string(amy_id_)), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_watches WHERE user_id = " + std::to_string(amy_id_)), 0);
  // A deleted account is told nothing more.
  ASSERT_EQ(Reply(server, ben, path, "Again", 1).status, 303u);
  EXPECT_EQ(NotificationsOf(amy_id_), 0);
}

TEST_P(NotificationsTest, RepliesAreMailedOncePerTopicAnHourWithAOneClickUnsubscribe) {
  TestServer server(database_);
  SignedIn amy = SignIn(server, "amy@example.org", kPassword);
  SignedIn ben = SignIn(server, "ben@example.org", kPassword);
  const long long before = MailCount(database_, "amy@example.org");
  const std::string path = Topic(server, amy, "caregivers", "Respite at weekends", "Where do you find help?");
  ASSERT_EQ(Reply(server, ben, path, "A local charity helps us.", 1).status, 303u);
  EXPECT_EQ(MailCount(database_, "amy@example.org"), before + 1);
  EXPECT_EQ(LatestSubjectTo(database_, "amy@example.org"), "Ben replied to your post in “Respite at weekends”");
  const std::string mail = LatestMailTo(database_, "amy@example.org");
  EXPECT_TRUE(Has(mail, path + "#post-2")) << mail;
  EXPECT_FALSE(Has(mail, "A local charity"));  // the post's words stay on the site
  // The unsubscribe link and the RFC 8058 headers carry the same signed token.
  const std::size_t at = mail.find("/unsubscribe/");
  ASSERT_NE(at, std::string::npos) << mail;
  const std::size_t end = mail.find_first_of(" \n", at);
  const std::string unsubscribe = mail.substr(at, end == std::string::npos ? std::string::npos : end - at);
  std::string headers;
  Status read = database_.db().Run([&](soci::session& sql) {
    sql << "SELECT headers FROM outbox WHERE recipient = 'amy@example.org' ORDER BY id DESC LIMIT 1", soci::into(headers);
    return Status::Ok();
  });
  ASSERT_TRUE(read.ok());
  EXPECT_TRUE(Has(headers, "List-Unsubscribe: <")) << headers;
  EXPECT_TRUE(Has(headers, unsubscribe + ">\nList-Unsubscribe-Post: List-Unsubscribe=One-Click")) << headers;

  // A second reply within the hour is a notification, not another e-mail.
  ASSERT_EQ(Reply(server, ben, path, "And the council too.", 1).status, 303u);
  EXPECT_EQ(NotificationsOf(amy_id_), 2);
  EXPECT_EQ(MailCount(database_, "amy@example.org"), before + 1);
  // An hour later it is mailed again.
  Sql("UPDATE notification_mail_log SET sent_at = sent_at - 3601");
  ASSERT_EQ(Reply(server, ben, path, "One more idea.", 1).status, 303u);
  EXPECT_EQ(MailCount(database_, "amy@example.org"), before + 2);
  // Watching is no reason to mail.
  ASSERT_EQ(PostAs(server, ben, "/forums/caregivers/watch", "level=watching").status, 303u);
  const long long bens = MailCount(database_, "ben@example.org");
  const std::string other = Topic(server, amy, "caregivers", "Another one", "Watched, not mailed");
  EXPECT_EQ(NotificationsOf(ben_id_, "watched"), 1);
  EXPECT_EQ(MailCount(database_, "ben@example.org"), bens);

  // A token that is changed, cut or made up changes nothing.
  const std::string token = unsubscribe.substr(std::string("/unsubscribe/").size());
  const std::string other_user = "u" + std::to_string(ben_id_) + token.substr(token.find('.'));
  for (const std::string& bad : {other_user, token.substr(0, token.size() - 1), std::string("u1.nonsense"),
                                 std::string("nothing")}) {
    HttpResult refused = server.Request("POST", "/unsubscribe/" + bad,
                                        {{"Content-Type", "application/x-www-form-urlencoded"}},
                                        "List-Unsubscribe=One-Click");
    EXPECT_EQ(refused.status, 400u) << bad;
    EXPECT_EQ(server.Get("/unsubscribe/" + bad).status, 400u) << bad;
  }
  EXPECT_EQ(Count("SELECT COUNT(*) FROM notification_settings"), 0);
  // The link shows a button; the one-click POST needs no session and no CSRF token.
  HttpResult form = server.Get(unsubscribe);
  ASSERT_EQ(form.status, 200u);
  EXPECT_TRUE(Has(form.body, "Stop these e-mails"));
  HttpResult done = server.Request("POST", unsubscribe, {{"Content-Type", "application/x-www-form-urlencoded"}},
                                   "List-Unsubscribe=One-Click");
  ASSERT_EQ(done.status, 200u) << done.body;
  EXPECT_TRUE(Has(done.body, "we will send you no more e-mails"));
  EXPECT_EQ(Count("SELECT email_replies FROM notification_settings WHERE user_id = " + std::to_string(amy_id_)), 0);
  // No more e-mails for Amy, though the notifications go on.
  Sql("UPDATE notification_mail_log SET sent_at = sent_at - 7200");
  ASSERT_EQ(Reply(server, ben, path, "Still here.", 1).status, 303u);
  EXPECT_EQ(MailCount(database_, "amy@example.org"), before + 2);
  EXPECT_EQ(NotificationsOf(amy_id_), 4);
  (void)other;
}

TEST_P(NotificationsTest, DemoMembersAreToldInTheSiteButNeverMailed) {
  // demo-data's members have made-up addresses: a reply or a mention reaches them only
  // as a notification.
  Sql("INSERT INTO synthetic_members (user_id, seed) VALUES (" + std::to_string(cy_id_) + ", 7)");
  TestServer server(database_);
  SignedIn cy = SignIn(server, "cy@example.org", kPassword);
  SignedIn ben = SignIn(server, "ben@example.org", kPassword);
  const long long cys = MailCount(database_, "cy@example.org");
  const std::string path = Topic(server, cy, "caregivers", "Respite for demo", "Where do you find help?");
  ASSERT_EQ(Reply(server, ben, path, "A local charity helps us, @cy-" + std::to_string(cy_id_) + ".", 1).status,
            303u)
      << server.Log();
  EXPECT_EQ(NotificationsOf(cy_id_, "reply"), 1);
  EXPECT_EQ(MailCount(database_, "cy@example.org"), cys);
  // A real member in the same topic still is mailed.
  const long long bens = MailCount(database_, "ben@example.org");
  ASSERT_EQ(Reply(server, cy, path, "Thank you, Ben.", 2).status, 303u);
  EXPECT_EQ(MailCount(database_, "ben@example.org"), bens + 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, NotificationsTest, ::testing::ValuesIn(AllBackends()), Backends);

}  // namespace
}  // namespace diseasemaps::testing
