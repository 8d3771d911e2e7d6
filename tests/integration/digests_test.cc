// Digests of new forum topics through the real binary, on SQLite and PostgreSQL: who gets
// one and when (daily and weekly, never, not after a visit since the last one, not when
// there is nothing new), what it lists (topics in forums watched or tracked; never muted
// forums or topics, hidden topics, one's own), in the member's language with the one-click
// unsubscribe of RFC 8058; two passes at once send each digest once; the preferences page
// and its bad input; unsubscribing from the digest and subscribing again.
//
// Time: every pass is `diseasemaps digests --now T`, with T days after the accounts and
// topics were made (the servers' own passes, every 10 minutes at the real time, find
// nothing due meanwhile).
#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <thread>

#include "established_member.h"
#include "forum_fixture.h"

namespace diseasemaps::testing {
namespace {

constexpr const char* kSite = "https://maps.example.org";
constexpr long long kDay = 24 * 60 * 60;

long long RealNow() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// The forum fixture's Amy, Ben and Mo, with Cy and Dee; Amy and Ben are established.
class DigestsTest : public ForumFixture {
 protected:
  void SetUp() override {
    start_ = RealNow();
    ForumFixture::SetUp();
    AddUser(database_, "cy@example.org", "Cy", {"member"}, kPassword);
    AddUser(database_, "dee@example.org", "Dee", {"member"}, kPassword);
    EstablishForumMember(database_, "amy@example.org");
    EstablishForumMember(database_, "ben@example.org");
    ben_id_ = UserIdOf(database_, "ben@example.org");
  }

  std::string Text(const std::string& query) {
    std::string value;
    Status s = database_.db().Run([&](soci::session& sql) {
      sql << query, soci::into(value);
      return Status::Ok();
    });
    EXPECT_TRUE(s.ok()) << s.message();
    return value;
  }

  // One pass of the digest job, `days` after the test began.
  std::string Pass(double days) {
    auto [code, output] = RunBinary({"--database", database_.url(), "digests", "--public-url", kSite, "--now",
                                     std::to_string(start_ + static_cast<long long>(days * kDay))});
    EXPECT_EQ(code, 0) << output;
    return output;
  }

  // SignIn opens the home page, a visit; these tests' members signed in long before.
  void SignInsWereLongAgo() { Sql("UPDATE member_visits SET visited_at = visited_at - 3600"); }

  // A topic whose first post says "Words about TITLE"; returns its path.
  static std::string Topic(TestServer& server, const SignedIn& who, const std::string& forum,
                           const std::string& title) {
    return ForumFixture::Topic(server, who, forum, title, "Words about " + title);
  }
  static void Watch(TestServer& server, const SignedIn& who, const std::string& forum, const std::string& level) {
    EXPECT_EQ(PostAs(server, who, "/forums/" + forum + "/watch", "level=" + level).status, 303u);
  }
  static void Choose(TestServer& server, const SignedIn& who, const std::string& digest) {
    HttpResult saved = PostAs(server, who, "/account/notifications", "digest=" + digest + "&email_replies=on");
    EXPECT_EQ(saved.status, 303u) << saved.body;
    EXPECT_EQ(saved.Header("location"), "/account/notifications?done=saved");
  }

  long long start_ = 0;
  long long ben_id_ = 0;
};

std::string Backends(const ::testing::TestParamInfo<Backend>& info) { return BackendName(info.param); }

TEST_P(DigestsTest, DailyAndWeeklyDigestsListNewTopicsInWatchedForumsTheMemberMayRead) {
  TestServer server(database_);
  SignedIn amy = SignIn(server, "amy@example.org", kPassword);
  SignedIn ben = SignIn(server, "ben@example.org", kPassword);
  SignedIn cy = SignIn(server, "cy@example.org", kPassword);
  SignedIn dee = SignIn(server, "dee@example.org", kPassword);
  SignInsWereLongAgo();
  Watch(server, ben, "general", "tracking");
  Watch(server, ben, "research-news", "muted");
  Watch(server, cy, "general", "watching");
  Watch(server, dee, "general", "watching");
  Choose(server, cy, "daily");
  Choose(server, dee, "never");
  Topic(server, amy, "general", "Sleep at three");
  Topic(server, amy, "dancing-eyes-1183", "Our first neurologist");  // makes the members' forum's row
  Watch(server, ben, "dancing-eyes-1183", "watching");
  Topic(server, amy, "caregivers", "Not watched by anyone");
  Topic(server, amy, "research-news", "In a muted forum");
  const std::string hidden = Topic(server, amy, "general", "Hidden by flags");
  Sql("UPDATE forum_posts SET hidden_at = 1 WHERE number = 1 AND topic_id = (SELECT id FROM forum_topics"
      " WHERE title = 'Hidden by flags')");
  const std::string muted = Topic(server, amy, "general", "A topic Ben muted");
  ASSERT_EQ(PostAs(server, ben, muted.substr(0, muted.find('-', muted.find("/t/"))) + "/watch", "level=muted").status,
            303u);
  Topic(server, ben, "general", "Ben's own topic");
  Sql("UPDATE users SET language = 'es' WHERE email = 'ben@example.org'");

  // Two days on: the daily digest for Cy; Ben's is weekly, Dee chose never.
  EXPECT_TRUE(Has(Pass(2), "1 sent")) << server.Log();
  EXPECT_EQ(MailCount(database_, "cy@example.org"), 1);
  EXPECT_EQ(MailCount(database_, "ben@example.org"), 0);
  EXPECT_EQ(MailCount(database_, "dee@example.org"), 0);
  const std::string cys = LatestMailTo(database_, "cy@example.org");
  EXPECT_TRUE(Has(cys, "Sleep at three")) << cys;
  EXPECT_TRUE(Has(cys, std::string(kSite) + "/forums/general/t/")) << cys;
  EXPECT_TRUE(Has(cys, "Ben's own topic")) << cys;
  EXPECT_FALSE(Has(cys, "Our first neurologist"));  // Cy does not watch that forum
  EXPECT_EQ(LatestSubjectTo(database_, "cy@example.org"), "3 new topics in the forums you watch");

  // Eight days on: Ben's weekly digest, in Spanish; Cy's daily one has nothing new.
  Pass(8);
  EXPECT_EQ(MailCount(database_, "cy@example.org"), 1);
  ASSERT_EQ(MailCount(database_, "ben@example.org"), 1);
  const std::string bens = LatestMailTo(database_, "ben@example.org");
  EXPECT_TRUE(Has(bens, "Sleep at three")) << bens;
  EXPECT_TRUE(Has(bens, "Our first neurologist")) << bens;  // the members' forum: Ben may read it
  EXPECT_TRUE(Has(bens, std::string(kSite) + "/es/forums/dancing-eyes-1183/t/")) << bens;
  EXPECT_FALSE(Has(bens, "Not watched by anyone"));
  EXPECT_FALSE(Has(bens, "In a muted forum"));
  EXPECT_FALSE(Has(bens, "Hidden by flags"));
  EXPECT_FALSE(Has(bens, "A topic Ben muted"));
  EXPECT_FALSE(Has(bens, "Ben's own topic"));
  EXPECT_FALSE(Has(bens, "Words about"));  // titles only, never what posts say
  EXPECT_EQ(LatestSubjectTo(database_, "ben@example.org"), "2 temas nuevos en los foros que sigues");
  // The one-click unsubscribe for the digest, in the text and in the RFC 8058 headers.
  const std::size_t at = bens.find("/unsubscribe/d");
  ASSERT_NE(at, std::string::npos) << bens;
  const std::string link = bens.substr(at, bens.find_first_of(" \n", at) - at);
  const std::string headers = Text("SELECT headers FROM outbox WHERE recipient = 'ben@example.org'");
  EXPECT_TRUE(Has(headers, "List-Unsubscribe: <" + std::string(kSite) + link + ">\n")) << headers;
  EXPECT_TRUE(Has(headers, "List-Unsubscribe-Post: List-Unsubscribe=One-Click")) << headers;

  // A week later with nothing new: nothing at all; a suspended member gets none.
  Topic(server, amy, "general", "After the digest");
  Sql("UPDATE forum_topics SET created_at = " + std::to_string(start_ + 9 * kDay) +
      " WHERE title = 'After the digest'");
  Sql("UPDATE users SET status = 'suspended' WHERE email = 'cy@example.org'");
  Pass(16);
  EXPECT_EQ(MailCount(database_, "cy@example.org"), 1);
  ASSERT_EQ(MailCount(database_, "ben@example.org"), 2);
  EXPECT_TRUE(Has(LatestMailTo(database_, "ben@example.org"), "After the digest"));
  EXPECT_FALSE(Has(LatestMailTo(database_, "ben@example.org"), "Sleep at three"));
  Pass(24);
  EXPECT_EQ(MailCount(database_, "ben@example.org"), 2);
  EXPECT_EQ(MailCount(database_, "dee@example.org"), 0);
  (void)hidden;
}

TEST_P(DigestsTest, AMemberWhoVisitedSinceTheLastDigestGetsNone) {
  TestServer server(database_);
  SignedIn amy = SignIn(server, "amy@example.org", kPassword);
  SignedIn ben = SignIn(server, "ben@example.org", kPassword);
  Watch(server, ben, "general", "watching");
  Sql("UPDATE users SET created_at = created_at - 100 WHERE email = 'ben@example.org'");
  Topic(server, amy, "general", "Before the visit");
  // Ben opened a page when he signed in (SignIn opens the home page): a visit.
  ASSERT_EQ(server.Get("/forums", {{"Cookie", ben.cookie}}).status, 200u);
  ASSERT_EQ(Count("SELECT COUNT(*) FROM member_visits WHERE user_id = " + std::to_string(ben_id_)), 1);
  Pass(8);
  EXPECT_EQ(MailCount(database_, "ben@example.org"), 0);
  // The next digest starts at the visit.
  EXPECT_EQ(Count("SELECT digest_from FROM member_digests WHERE user_id = " + std::to_string(ben_id_)),
            Count("SELECT visited_at FROM member_visits WHERE user_id = " + std::to_string(ben_id_)));
  Topic(server, amy, "general", "After the visit");
  Sql("UPDATE forum_topics SET created_at = " + std::to_string(start_ + kDay) + " WHERE title = 'After the visit'");
  Pass(16);
  ASSERT_EQ(MailCount(database_, "ben@example.org"), 1);
  EXPECT_TRUE(Has(LatestMailTo(database_, "ben@example.org"), "After the visit"));
}

TEST_P(DigestsTest, DemoMembersAreNeverSentADigest) {
  TestServer server(database_);
  SignedIn amy = SignIn(server, "amy@example.org", kPassword);
  SignedIn ben = SignIn(server, "ben@example.org", kPassword);
  SignedIn cy = SignIn(server, "cy@example.org", kPassword);
  SignInsWereLongAgo();
  for (SignedIn* member : {&ben, &cy}) {
    Watch(server, *member, "general", "watching");
    Choose(server, *member, "daily");
  }
  // Cy is one of demo-data's members: a made-up address.
  Sql("INSERT INTO synthetic_members (user_id, seed) SELECT id, 7 FROM users WHERE email = 'cy@example.org'");
  Topic(server, amy, "general", "Sleep at three");
  EXPECT_TRUE(Has(Pass(2), "1 sent")) << server.Log();
  EXPECT_EQ(MailCount(database_, "ben@example.org"), 1);
  EXPECT_EQ(MailCount(database_, "cy@example.org"), 0);
}

TEST_P(DigestsTest, TwoPassesAtOnceSendEachDigestOnce) {
  TestServer server(database_);
  SignedIn amy = SignIn(server, "amy@example.org", kPassword);
  for (const char* email : {"ben@example.org", "cy@example.org", "dee@example.org"}) {
    SignedIn member = SignIn(server, email, kPassword);
    Watch(server, member, "general", "tracking");
  }
  SignInsWereLongAgo();
  Topic(server, amy, "general", "Claimed once");
  std::string first;
  std::string second;
  std::thread one([&] { first = Pass(8); });
  std::thread two([&] { second = Pass(8); });
  one.join();
  two.join();
  Pass(8);
  for (const char* email : {"ben@example.org", "cy@example.org", "dee@example.org"}) {
    EXPECT_EQ(MailCount(database_, email), 1) << email << "\n" << first << second;
  }
  EXPECT_EQ(Count("SELECT COUNT(*) FROM outbox WHERE subject = '1 new topic in the forums you watch'"), 3);
}

TEST_P(DigestsTest, ThePreferencesPageChoosesTheDigestAndRefusesBadInput) {
  TestServer server(database_);
  SignedIn ben = SignIn(server, "ben@example.org", kPassword);
  EXPECT_EQ(server.Get("/account/notifications").status, 303u);  // sign in first
  HttpResult account = server.Get("/account", {{"Cookie", ben.cookie}});
  EXPECT_TRUE(Has(account.body, "href=\"/account/notifications\""));
  HttpResult page = server.Get("/account/notifications", {{"Cookie", ben.cookie}});
  ASSERT_EQ(page.status, 200u);
  EXPECT_TRUE(Has(page.body, "id=\"digest-weekly\" name=\"digest\" value=\"weekly\" checked")) << page.body;
  EXPECT_TRUE(Has(page.body, "name=\"email_replies\" value=\"on\" checked"));
  EXPECT_EQ(PostAs(server, ben, "/account/notifications", "digest=hourly&email_replies=on").status, 400u);
  EXPECT_EQ(PostAs(server, ben, "/account/notifications", "digest=daily&email_replies=maybe").status, 400u);
  EXPECT_EQ(PostForm(server, "/account/notifications", ben.cookie, "digest=daily").status, 403u);  // no CSRF token
  EXPECT_EQ(Count("SELECT COUNT(*) FROM member_digests"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM notification_settings"), 0);
  ASSERT_EQ(PostAs(server, ben, "/account/notifications", "digest=daily").status, 303u);
  page = server.Get("/account/notifications?done=saved", {{"Cookie", ben.cookie}});
  EXPECT_TRUE(Has(page.body, "Your choices are saved."));
  EXPECT_TRUE(Has(page.body, "value=\"daily\" checked"));
  EXPECT_FALSE(Has(page.body, "value=\"on\" checked"));
  EXPECT_EQ(Text("SELECT frequency FROM member_digests WHERE user_id = " + std::to_string(ben_id_)), "daily");
  EXPECT_EQ(Count("SELECT email_replies FROM notification_settings WHERE user_id = " + std::to_string(ben_id_)), 0);
}

TEST_P(DigestsTest, UnsubscribingFromTheDigestStopsItAndSubscribingAgainRestoresIt) {
  TestServer server(database_);
  SignedIn amy = SignIn(server, "amy@example.org", kPassword);
  SignedIn ben = SignIn(server, "ben@example.org", kPassword);
  SignInsWereLongAgo();
  Watch(server, ben, "general", "watching");
  Choose(server, ben, "daily");
  Topic(server, amy, "general", "First news");
  Pass(2);
  const std::string mail = LatestMailTo(database_, "ben@example.org");
  const std::size_t at = mail.find("/unsubscribe/");
  ASSERT_NE(at, std::string::npos) << mail;
  const std::string link = mail.substr(at, mail.find_first_of(" \n", at) - at);

  HttpResult form = server.Get(link);
  ASSERT_EQ(form.status, 200u);
  EXPECT_TRUE(Has(form.body, "Stop the digest"));
  EXPECT_EQ(server.Get(link + "x").status, 400u);
  // The one-click POST of RFC 8058: no session, no CSRF token.
  HttpResult done = server.Request("POST", link, {{"Content-Type", "application/x-www-form-urlencoded"}},
                                   "List-Unsubscribe=One-Click");
  ASSERT_EQ(done.status, 200u) << done.body;
  EXPECT_TRUE(Has(done.body, "we will send you no more digests"));
  EXPECT_TRUE(Has(done.body, "action=\"" + link + "/again\""));
  EXPECT_TRUE(Has(done.body, "href=\"/account/notifications\""));
  EXPECT_EQ(Text("SELECT frequency FROM member_digests WHERE user_id = " + std::to_string(ben_id_)), "never");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM notification_settings WHERE email_replies = 0"), 0);  // replies untouched
  Topic(server, amy, "general", "Second news");
  Sql("UPDATE forum_topics SET created_at = " + std::to_string(start_ + 3 * kDay) + " WHERE title = 'Second news'");
  Pass(4);
  EXPECT_EQ(MailCount(database_, "ben@example.org"), 1);

  // A changed token restores nothing; the right one restores the daily digest.
  EXPECT_EQ(server.Request("POST", link + "x/again", {{"Content-Type", "application/x-www-form-urlencoded"}}, "").status,
            400u);
  EXPECT_EQ(Text("SELECT frequency FROM member_digests WHERE user_id = " + std::to_string(ben_id_)), "never");
  HttpResult again = server.Request("POST", link + "/again", {{"Content-Type", "application/x-www-form-urlencoded"}}, "");
  ASSERT_EQ(again.status, 200u) << again.body;
  EXPECT_TRUE(Has(again.body, "you will get the daily digest of new topics again"));
  EXPECT_EQ(Text("SELECT frequency FROM member_digests WHERE user_id = " + std::to_string(ben_id_)), "daily");
}

INSTANTIATE_TEST_SUITE_P(Backends, DigestsTest, ::testing::ValuesIn(AllBackends()), Backends);

}  // namespace
}  // namespace diseasemaps::testing
