// Forums through the real binary, on SQLite and PostgreSQL: reading rights (a public
// site-wide forum for visitors, cached; a condition's members-only forum never shown
// to them), starting topics and replying (in reply to, 20 posts a page, permanent
// links, read positions and unread counts), editing with a visible history after five
// minutes, deleting one's own post, "this helped me", bad input and CSRF failures that
// change nothing, the data-rights export, and a deleted account's posts.
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "established_member.h"
#include "forum_fixture.h"

namespace diseasemaps::testing {
namespace {

class ForumsTest : public ForumFixture {
 protected:
  // Makes `email` an established member, past the new members' limits
  // (established_member.h).
  void Establish(const std::string& email) { EstablishForumMember(database_, email); }
};

std::string Backends(const ::testing::TestParamInfo<Backend>& info) { return BackendName(info.param); }

TEST_P(ForumsTest, APublicForumIsReadByVisitorsAndAMemberStartsATopic) {
  TestServer server(database_);
  HttpResult index = server.Get("/forums");
  ASSERT_EQ(index.status, 200u);
  for (const char* name : {"General", "Caregivers", "Research news", "About this site"}) {
    EXPECT_TRUE(Has(index.body, name)) << name;
  }
  HttpResult general = server.Get("/forums/general");
  ASSERT_EQ(general.status, 200u);
  EXPECT_TRUE(Has(general.body, "Everyone can read this forum, without signing in."));
  EXPECT_TRUE(Has(general.body, "No topics yet."));
  EXPECT_TRUE(Has(general.body, "href=\"/login?next=%2Fforums%2Fgeneral\">Sign in</a> to start a topic"));
  EXPECT_FALSE(Has(general.body, "Start a new topic"));

  // A visitor's form is the sign-in page.
  HttpResult form = server.Get("/forums/general/new");
  EXPECT_EQ(form.status, 303u);
  EXPECT_EQ(form.Header("location"), "/login?next=" + Enc("/forums/general/new"));

  SignedIn amy = SignIn(server, "amy@example.org", kPassword);
  HttpResult blank = Get(server, amy, "/forums/general/new");
  ASSERT_EQ(blank.status, 200u);
  EXPECT_TRUE(Has(blank.body, "New topic in General"));
  const std::string path = Topic(server, amy, "general", "Sleep <b>problems</b> at night?",
                                 "We tried **melatonin**. See [this](https://example.org/sleep) "
                                 "and <script>alert(1)</script>.");
  EXPECT_EQ(path, "/forums/general/t/" + std::to_string(Count("SELECT MAX(id) FROM forum_topics")) +
                      "-sleep-b-problems-b-at-night");
  EXPECT_EQ(Count("SELECT topic_count FROM forums WHERE slug = 'general'"), 1);
  EXPECT_EQ(Count("SELECT post_count FROM forum_topics"), 1);

  // The visitor reads it; markup in the title is text, the post is safe Markdown.
  HttpResult page = server.Get(path);
  ASSERT_EQ(page.status, 200u);
  EXPECT_TRUE(Has(page.body, "Sleep &lt;b&gt;problems&lt;/b&gt; at night?"));
  EXPECT_FALSE(Has(page.body, "<b>problems</b>"));
  EXPECT_TRUE(Has(page.body, "<strong>melatonin</strong>"));
  EXPECT_TRUE(Has(page.body, "<a rel=\"nofollow ugc\" href=\"https://example.org/sleep\">this</a>"));
  EXPECT_FALSE(Has(page.body, "<script>alert(1)</script>"));
  EXPECT_TRUE(Has(page.body, "id=\"post-1\""));
  EXPECT_TRUE(Has(page.body, "Amy wrote post 1"));
  EXPECT_TRUE(Has(page.body, "Sign in</a> to reply."));
  EXPECT_FALSE(Has(page.body, "name=\"csrf\""));  // a cached page carries no one's token
  // The visitor's lists show it; the cached index moved with the write.
  EXPECT_TRUE(Has(server.Get("/forums/general").body, "Sleep &lt;b&gt;problems&lt;/b&gt; at night?"));
  EXPECT_TRUE(Has(server.Get("/forums").body, "1 topic"));
  // Other title words, or none, lead to the topic's own address.
  HttpResult moved = server.Get(Base(path) + "-old-words?page=1");
  EXPECT_EQ(moved.status, 301u);
  EXPECT_EQ(moved.Header("location"), path + "?page=1");
}

TEST_P(ForumsTest, AConditionsForumIsForMembersAndNeverShownToVisitors) {
  TestServer server(database_);
  const std::string forum = "/forums/dancing-eyes-1183";
  HttpResult before = server.Get(forum);
  EXPECT_EQ(before.status, 303u);
  EXPECT_EQ(before.Header("location"), "/login?next=" + Enc(forum));

  SignedIn amy = SignIn(server, "amy@example.org", kPassword);
  HttpResult empty = Get(server, amy, forum);
  ASSERT_EQ(empty.status, 200u);
  EXPECT_TRUE(Has(empty.body, "Dancing eyes"));
  EXPECT_TRUE(Has(empty.body, "Only signed-in members can read this forum"));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forums WHERE orphacode = 1183"), 0);  // made on the first write
  const std::string path = Topic(server, amy, "dancing-eyes-1183", "Private worries", "Our son's secret symptoms");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forums WHERE orphacode = 1183 AND readers = 'members'"), 1);

  // Nothing of it reaches a visitor: not the forum, the topic, a post's link, nor counts.
  for (const std::string& target : {forum, path, Base(path) + "/posts/1", forum + "?list=top"}) {
    HttpResult seen = server.Get(target);
    EXPECT_EQ(seen.status, 303u) << target;
    EXPECT_EQ(seen.Header("location").rfind("/login?next=", 0), 0u) << target;
    EXPECT_FALSE(Has(seen.body, "Private worries")) << target;
  }
  HttpResult index = server.Get("/forums");
  ASSERT_EQ(index.status, 200u);
  EXPECT_TRUE(Has(index.body, "Members only"));
  EXPECT_FALSE(Has(index.body, "Private worries"));
  EXPECT_FALSE(Has(index.body, "1 topic"));
  // A visitor's reply is sent to sign in, and nothing is written.
  SignedIn visitor = OpenForm(server, "/login");
  HttpResult reply = PostForm(server, path, visitor.cookie, "csrf=" + visitor.csrf + "&body=hello");
  EXPECT_EQ(reply.status, 303u);
  EXPECT_EQ(reply.Header("location"), "/login?next=" + Enc(path));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_posts"), 1);

  // Another member reads it and sees the forum's count.
  SignedIn ben = SignIn(server, "ben@example.org", kPassword);
  HttpResult read = Get(server, ben, path);
  ASSERT_EQ(read.status, 200u);
  EXPECT_TRUE(Has(read.body, "Our son&#39;s secret symptoms") || Has(read.body, "Our son’s secret symptoms") ||
              Has(read.body, "Our son's secret symptoms"))
      << read.body;
  EXPECT_TRUE(Has(Get(server, ben, "/forums").body, "1 topic"));
}

TEST_P(ForumsTest, RepliesShowWhatTheyAnswerAndTopicsArePagedByTwenty) {
  TestServer server(database_);
  SignedIn amy = SignIn(server, "amy@example.org", kPassword);
  SignedIn ben = SignIn(server, "ben@example.org", kPassword);
  const std::string path = Topic(server, amy, "caregivers", "Respite care", "Where do you find respite care?");

  // Ben opens the reply link of post 1: the form says what it answers.
  HttpResult form = Get(server, ben, path + "?reply_to=1");
  ASSERT_EQ(form.status, 200u);
  EXPECT_TRUE(Has(form.body, "name=\"reply_to\" value=\"1\""));
  HttpResult reply = PostAs(server, ben, path, "reply_to=1&body=" + Enc("Our council has a list."));
  ASSERT_EQ(reply.status, 303u) << reply.body;
  EXPECT_EQ(reply.Header("location"), path + "#post-2");
  HttpResult page = Get(server, amy, path);
  EXPECT_TRUE(Has(page.body, "in reply to <a href=\"" + path + "#post-1\">Amy&#39;s post 1</a>") ||
              Has(page.body, "in reply to <a href=\"" + path + "#post-1\">Amy's post 1</a>"))
      << page.body;

  // Amy read up to Ben's reply; his next ones are new to her until she opens the topic.
  // (Ben writes more than a new member may in a day.)
  Establish("ben@example.org");
  for (int i = 3; i <= 22; ++i) {
    ASSERT_EQ(PostAs(server, ben, path, "body=" + Enc("Reply number " + std::to_string(i))).status, 303u);
  }
  EXPECT_EQ(Count("SELECT post_count FROM forum_topics WHERE title = 'Respite care'"), 22);
  EXPECT_EQ(Count("SELECT reply_count FROM forum_topics WHERE title = 'Respite care'"), 21);
  HttpResult list = Get(server, amy, "/forums/caregivers");
  EXPECT_TRUE(Has(list.body, "20 new posts")) << list.body;
  EXPECT_TRUE(Has(Get(server, amy, "/forums").body, "1 topic with posts you have not read"));
  HttpResult first = Get(server, amy, path);
  ASSERT_EQ(first.status, 200u);
  EXPECT_TRUE(Has(first.body, "id=\"post-20\""));
  EXPECT_FALSE(Has(first.body, "id=\"post-21\""));
  EXPECT_TRUE(Has(first.body, "Page 1 of 2"));
  EXPECT_TRUE(Has(first.body, "href=\"" + path + "?page=2\""));
  EXPECT_TRUE(Has(first.body, "Go to the first post you have not read"));
  HttpResult second = Get(server, amy, path + "?page=2");
  EXPECT_TRUE(Has(second.body, "id=\"post-22\""));
  EXPECT_EQ(Count("SELECT last_read_number FROM forum_topic_reads WHERE user_id = (SELECT id FROM users WHERE "
                  "email_key = 'amy@example.org')"),
            22);
  EXPECT_FALSE(Has(Get(server, amy, "/forums").body, "posts you have not read"));
  EXPECT_EQ(server.Get(path + "?page=3").status, 404u);

  // A post's permanent link finds its page.
  HttpResult link = server.Get(Base(path) + "/posts/21");
  EXPECT_EQ(link.status, 303u);
  EXPECT_EQ(link.Header("location"), path + "?page=2#post-21");
  EXPECT_EQ(server.Get(Base(path) + "/posts/23").status, 404u);

  // Lists: unanswered leaves it out, top has it (posts this week).
  SignedIn mo = SignIn(server, "mo@example.org", kPassword);
  Topic(server, mo, "caregivers", "Nobody answered me", "Anyone?");
  HttpResult unanswered = server.Get("/forums/caregivers?list=unanswered");
  ASSERT_EQ(unanswered.status, 200u);
  EXPECT_TRUE(Has(unanswered.body, "Nobody answered me"));
  EXPECT_FALSE(Has(unanswered.body, "Respite care"));
  HttpResult top = server.Get("/forums/caregivers?list=top&period=week");
  ASSERT_EQ(top.status, 200u);
  ASSERT_TRUE(Has(top.body, "Respite care"));
  ASSERT_TRUE(Has(top.body, "Nobody answered me"));
  EXPECT_LT(top.body.find("Respite care"), top.body.find("Nobody answered me"));
}

TEST_P(ForumsTest, EditsAfterFiveMinutesKeepAVisibleHistory) {
  TestServer server(database_);
  SignedIn amy = SignIn(server, "amy@example.org", kPassword);
  SignedIn ben = SignIn(server, "ben@example.org", kPassword);
  const std::string path = Topic(server, amy, "general", "First title", "First words");
  const std::string post = Base(path) + "/posts/1";

  // At once: a typo fixed, no history.
  ASSERT_EQ(Get(server, amy, post + "/edit").status, 200u);
  HttpResult quick = PostAs(server, amy, post + "/edit", "title=" + Enc("First title") + "&body=" + Enc("First word"));
  ASSERT_EQ(quick.status, 303u) << quick.body;
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_post_revisions"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_posts WHERE edited_at IS NOT NULL"), 0);

  // Ten minutes later the words it replaces stay visible, and so does the old title.
  Sql("UPDATE forum_posts SET created_at = created_at - 600");
  HttpResult form = Get(server, amy, post + "/edit");
  EXPECT_TRUE(Has(form.body, "stays visible under it as an earlier version"));
  HttpResult later =
      PostAs(server, amy, post + "/edit", "title=" + Enc("Better title") + "&body=" + Enc("Second words"));
  ASSERT_EQ(later.status, 303u) << later.body;
  const std::string renamed = PathOf(later);
  EXPECT_EQ(renamed, Base(path) + "-better-title");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_post_revisions"), 1);
  HttpResult page = server.Get(renamed);
  ASSERT_EQ(page.status, 200u);
  EXPECT_TRUE(Has(page.body, "Second words"));
  EXPECT_TRUE(Has(page.body, "Edited: show 1 earlier version"));
  EXPECT_TRUE(Has(page.body, "First word"));
  EXPECT_TRUE(Has(page.body, "Title then: First title"));

  // Ben cannot edit Amy's post; nothing changes.
  EXPECT_EQ(Get(server, ben, post + "/edit").status, 403u);
  HttpResult theirs = PostAs(server, ben, post + "/edit", "title=Mine&body=Mine");
  EXPECT_EQ(theirs.status, 403u);
  EXPECT_TRUE(Has(theirs.body, "You can edit or delete only your own posts."));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_posts WHERE body = 'Mine'"), 0);
  // A bad edit comes back with what was typed.
  HttpResult empty = PostAs(server, amy, post + "/edit", "title=&body=" + Enc("kept text"));
  EXPECT_EQ(empty.status, 422u);
  EXPECT_TRUE(Has(empty.body, "Give your topic a title"));
  EXPECT_TRUE(Has(empty.body, "kept text"));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_post_revisions"), 1);
}

TEST_P(ForumsTest, AnAuthorDeletesTheirPostAndItReadsDeletedByItsAuthor) {
  TestServer server(database_);
  SignedIn amy = SignIn(server, "amy@example.org", kPassword);
  SignedIn ben = SignIn(server, "ben@example.org", kPassword);
  const std::string path = Topic(server, amy, "general", "A question", "Question text");
  ASSERT_EQ(PostAs(server, ben, path, "body=" + Enc("Regrettable answer")).status, 303u);
  ASSERT_EQ(PostAs(server, amy, path, "reply_to=2&body=" + Enc("Thanks")).status, 303u);
  const std::string post2 = Base(path) + "/posts/2";

  EXPECT_EQ(PostAs(server, amy, post2 + "/delete", "").status, 403u);  // not hers
  HttpResult gone = PostAs(server, ben, post2 + "/delete", "");
  ASSERT_EQ(gone.status, 303u) << gone.body;
  HttpResult page = server.Get(path);
  EXPECT_TRUE(Has(page.body, "This post was deleted by its author."));
  EXPECT_FALSE(Has(page.body, "Regrettable answer"));
  EXPECT_TRUE(Has(page.body, "id=\"post-3\""));  // the reply to it stays
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_posts WHERE body LIKE '%Regrettable%'"), 0);
  EXPECT_EQ(Count("SELECT reply_count FROM forum_topics"), 1);
  // Twice, or an edit after: 409, nothing changes.
  EXPECT_EQ(PostAs(server, ben, post2 + "/delete", "").status, 409u);
  EXPECT_EQ(PostAs(server, ben, post2 + "/edit", "body=Back").status, 409u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_posts WHERE deleted_at IS NOT NULL"), 1);
}

TEST_P(ForumsTest, ThisHelpedMeCountsEachMemberOnce) {
  TestServer server(database_);
  SignedIn amy = SignIn(server, "amy@example.org", kPassword);
  SignedIn ben = SignIn(server, "ben@example.org", kPassword);
  SignedIn mo = SignIn(server, "mo@example.org", kPassword);
  const std::string path = Topic(server, amy, "general", "Useful tip", "Write symptoms down daily.");
  const std::string helped = Base(path) + "/posts/1/helped";

  EXPECT_TRUE(Has(Get(server, ben, path).body, "aria-pressed=\"false\""));
  ASSERT_EQ(PostAs(server, ben, helped, "helped=1").status, 303u);
  ASSERT_EQ(PostAs(server, ben, helped, "helped=1").status, 303u);
  ASSERT_EQ(PostAs(server, mo, helped, "helped=1").status, 303u);
  EXPECT_EQ(Count("SELECT helped_count FROM forum_posts"), 2);
  EXPECT_TRUE(Has(server.Get(path).body, "This helped 2 members"));
  EXPECT_TRUE(Has(Get(server, ben, path).body, "aria-pressed=\"true\""));
  ASSERT_EQ(PostAs(server, mo, helped, "helped=0").status, 303u);
  EXPECT_EQ(Count("SELECT helped_count FROM forum_posts"), 1);
  EXPECT_TRUE(Has(server.Get(path).body, "This helped 1 member"));

  HttpResult own = PostAs(server, amy, helped, "helped=1");
  EXPECT_EQ(own.status, 403u);
  EXPECT_EQ(PostAs(server, ben, helped, "helped=maybe").status, 400u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_post_helped"), 1);
  // Top of all time ranks it by what helped.
  EXPECT_TRUE(Has(server.Get("/forums/general?list=top").body, "helped 1 member"));
}

TEST_P(ForumsTest, BadInputGetsAClearAnswerAndChangesNothing) {
  TestServer server(database_);
  SignedIn amy = SignIn(server, "amy@example.org", kPassword);
  const std::string path = Topic(server, amy, "general", "Existing", "Existing post");
  const long long posts = Count("SELECT COUNT(*) FROM forum_posts");

  HttpResult untitled = StartTopic(server, amy, "general", "   ", "Body kept <here>");
  EXPECT_EQ(untitled.status, 422u);
  EXPECT_TRUE(Has(untitled.body, "Give your topic a title, so others know what it is about."));
  EXPECT_TRUE(Has(untitled.body, "Body kept &lt;here&gt;"));
  HttpResult long_title = StartTopic(server, amy, "general", std::string(201, 't'), "Body");
  EXPECT_EQ(long_title.status, 422u);
  EXPECT_TRUE(Has(long_title.body, "Titles can be at most 200 characters (this one has 201)."));
  HttpResult empty = StartTopic(server, amy, "general", "A title", " ");
  EXPECT_EQ(empty.status, 422u);
  EXPECT_TRUE(Has(empty.body, "Write your post before sending it."));
  HttpResult long_reply = PostAs(server, amy, path, "body=" + std::string(20001, 'x'));
  EXPECT_EQ(long_reply.status, 422u);
  EXPECT_TRUE(Has(long_reply.body, "Posts can be at most 20,000 characters (this one has 20,001)."));
  EXPECT_TRUE(Has(long_reply.body, "aria-invalid=\"true\""));
  EXPECT_EQ(PostAs(server, amy, path, "reply_to=999&body=hi").status, 422u);
  EXPECT_EQ(PostAs(server, amy, path, "reply_to=abc&body=hi").status, 400u);

  EXPECT_EQ(server.Get("/forums/no-such-forum").status, 404u);
  EXPECT_EQ(StartTopic(server, amy, "no-such-forum", "Title", "Body").status, 404u);
  EXPECT_EQ(server.Get("/forums/general/t/999-nothing").status, 404u);
  EXPECT_EQ(server.Get("/forums/general/t/abc").status, 404u);
  EXPECT_EQ(server.Get("/forums/caregivers/t/" + Base(path).substr(Base(path).rfind('/') + 1)).status, 404u);
  EXPECT_EQ(PostAs(server, amy, "/forums/general/t/999", "body=hi").status, 404u);
  EXPECT_EQ(PostAs(server, amy, Base(path) + "/posts/7/edit", "body=hi").status, 404u);
  EXPECT_EQ(server.Get(path + "?page=0").status, 400u);
  EXPECT_EQ(server.Get("/forums/general?list=newest").status, 400u);
  EXPECT_EQ(server.Get("/forums/general?list=latest&period=week").status, 400u);
  EXPECT_EQ(server.Get("/forums/general?page=2").status, 404u);

  // A closed topic takes no reply.
  Sql("UPDATE forum_topics SET closed = 1");
  HttpResult closed = PostAs(server, amy, path, "body=" + Enc("Late reply"));
  EXPECT_EQ(closed.status, 409u);
  EXPECT_TRUE(Has(closed.body, "This topic is closed"));
  EXPECT_TRUE(Has(server.Get(path).body, "This topic is closed: it takes no more replies."));

  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_posts"), posts);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_topics"), 1);
}

TEST_P(ForumsTest, AFormWithoutItsCsrfTokenChangesNothing) {
  TestServer server(database_);
  SignedIn amy = SignIn(server, "amy@example.org", kPassword);
  const std::string path = Topic(server, amy, "general", "Guarded", "Text");
  for (const std::string& token : {std::string(""), std::string("not-the-token")}) {
    HttpResult topic = PostForm(server, "/forums/general/new", amy.cookie,
                                "csrf=" + token + "&title=Forged&body=Forged");
    EXPECT_EQ(topic.status, 403u);
    EXPECT_TRUE(Has(topic.body, "This form has expired or did not come from this site"));
    EXPECT_EQ(PostForm(server, path, amy.cookie, "csrf=" + token + "&body=Forged").status, 403u);
    EXPECT_EQ(PostForm(server, Base(path) + "/posts/1/delete", amy.cookie, "csrf=" + token).status, 403u);
  }
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_posts"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_posts WHERE deleted_at IS NOT NULL"), 0);
}

TEST_P(ForumsTest, ExportHoldsMyPostsAndADeletedAccountsPostsStaySignedDeletedMember) {
  TestServer server(database_);
  SignedIn amy = SignIn(server, "amy@example.org", kPassword);
  SignedIn ben = SignIn(server, "ben@example.org", kPassword);
  const std::string path = Topic(server, amy, "general", "Amy asks", "Amy's own words");
  ASSERT_EQ(PostAs(server, ben, path, "reply_to=1&body=" + Enc("Ben answers")).status, 303u);
  ASSERT_EQ(PostAs(server, amy, Base(path) + "/posts/2/helped", "helped=1").status, 303u);

  HttpResult file = PostForm(server, "/account/export", amy.cookie, "csrf=" + amy.csrf);
  ASSERT_EQ(file.status, 200u);
  EXPECT_TRUE(Has(file.body, "posts_you_wrote"));
  EXPECT_TRUE(Has(file.body, "Amy's own words"));
  EXPECT_TRUE(Has(file.body, "posts_that_helped_you"));
  EXPECT_FALSE(Has(file.body, "Ben answers"));

  HttpResult deleted = PostForm(server, "/account/delete", amy.cookie,
                                "csrf=" + amy.csrf + "&password=" + Enc(kPassword) + "&confirm=yes");
  ASSERT_EQ(deleted.status, 303u) << deleted.body;
  HttpResult page = server.Get(path);
  ASSERT_EQ(page.status, 200u);
  EXPECT_TRUE(Has(page.body, "Deleted member wrote post 1"));
  EXPECT_TRUE(Has(page.body, "Amy&#39;s own words") || Has(page.body, "Amy’s own words") ||
              Has(page.body, "Amy's own words"));
  EXPECT_TRUE(Has(page.body, "Deleted member&#39;s post 1") || Has(page.body, "Deleted member's post 1"));
  EXPECT_FALSE(Has(page.body, "Amy wrote"));
  EXPECT_EQ(Count("SELECT helped_count FROM forum_posts WHERE number = 2"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_topic_reads"), 1);  // Ben's only
  EXPECT_TRUE(Has(server.Get("/forums/general").body, "Started by Deleted member"));
}

TEST_P(ForumsTest, NewMembersLimitsAreExplainedWhenReached) {
  TestServer server(database_);
  SignedIn amy = SignIn(server, "amy@example.org", kPassword);  // confirmed today, no posts: new
  std::string path;
  for (int i = 1; i <= 3; ++i) path = Topic(server, amy, "general", "Question " + std::to_string(i), "Text");
  HttpResult fourth = StartTopic(server, amy, "general", "Question 4", "Text");
  EXPECT_EQ(fourth.status, 429u);
  EXPECT_TRUE(Has(fourth.body, "members can start at most 3 topics a day")) << fourth.body;
  EXPECT_TRUE(Has(fourth.body, "You can try again in"));
  EXPECT_GT(std::stoll(fourth.Header("retry-after")), 24 * 60 * 60 - 120);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_topics"), 3);

  // Links and mentions are limited per post: the form comes back with what was typed.
  const std::string three_links = "[a](https://a.example) [b](https://b.example) https://c.example";
  HttpResult links = PostAs(server, amy, path, "body=" + Enc(three_links));
  EXPECT_EQ(links.status, 422u);
  EXPECT_TRUE(Has(links.body, "members can put at most 2 links in a post, to keep the forums free of spam. This "
                              "one has 3."))
      << links.body;
  EXPECT_TRUE(Has(links.body, "https://c.example"));
  HttpResult mentions = PostAs(server, amy, path, "body=" + Enc("Thanks @ben @cat @dan"));
  EXPECT_EQ(mentions.status, 422u);
  EXPECT_TRUE(Has(mentions.body, "members can mention at most 2 members in a post. This one mentions 3."));
  HttpResult edit = PostAs(server, amy, Base(path) + "/posts/1/edit", "title=Question+3&body=" + Enc(three_links));
  EXPECT_EQ(edit.status, 422u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_posts WHERE body LIKE '%example%'"), 0);

  // Ten posts a day (her three topics count): the eleventh waits.
  for (int i = 4; i <= 10; ++i) {
    ASSERT_EQ(PostAs(server, amy, path, "body=" + Enc("Reply " + std::to_string(i))).status, 303u) << i;
  }
  HttpResult eleventh = PostAs(server, amy, path, "body=" + Enc("One too many"));
  EXPECT_EQ(eleventh.status, 429u);
  EXPECT_TRUE(Has(eleventh.body, "members can write at most 10 posts a day"));
  EXPECT_FALSE(eleventh.Header("retry-after").empty());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_posts"), 10);

  // An established member is held to none of these.
  Establish("ben@example.org");
  SignedIn ben = SignIn(server, "ben@example.org", kPassword);
  EXPECT_EQ(PostAs(server, ben, path, "body=" + Enc(three_links + " @amy @cat @dan")).status, 303u);
  for (int i = 1; i <= 4; ++i) Topic(server, ben, "caregivers", "Ben's topic " + std::to_string(i), "Text");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_topics WHERE title LIKE 'Ben%'"), 4);
}

TEST_P(ForumsTest, AFlaggedPostGoesToTheReportsQueueWhereAModeratorWarnsOrSuspends) {
  AddUser(database_, "ann@example.org", "Ann Admin", {"admin"}, kPassword);
  TestServer server(database_);
  SignedIn amy = SignIn(server, "amy@example.org", kPassword);
  SignedIn ben = SignIn(server, "ben@example.org", kPassword);
  SignedIn mo = SignIn(server, "mo@example.org", kPassword);
  const std::string path = Topic(server, amy, "general", "Miracle cure", "Stop all treatment, drink this instead.");
  const std::string post = Base(path) + "/posts/1";

  // The form is offered to others, never on one's own post.
  EXPECT_TRUE(Has(Get(server, ben, path).body, "action=\"" + post + "/flag\""));
  EXPECT_FALSE(Has(Get(server, amy, path).body, "action=\"" + post + "/flag\""));
  EXPECT_EQ(PostAs(server, amy, post + "/flag", "reason=spam").status, 403u);
  EXPECT_EQ(PostAs(server, ben, post + "/flag", "reason=rude").status, 422u);
  HttpResult no_note = PostAs(server, ben, post + "/flag", "reason=other&note=");
  EXPECT_EQ(no_note.status, 422u);
  EXPECT_TRUE(Has(no_note.body, "Please say what is wrong with this post"));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_post_flags"), 0);

  HttpResult flagged = PostAs(server, ben, post + "/flag", "reason=misinformation&note=" + Enc("Dangerous advice"));
  ASSERT_EQ(flagged.status, 303u) << flagged.body;
  EXPECT_EQ(flagged.Header("location"), path + "?done=flagged#post-1");
  EXPECT_TRUE(Has(Get(server, ben, path + "?done=flagged").body, "Moderators will look at the post you flagged"));
  ASSERT_EQ(PostAs(server, ben, post + "/flag", "reason=spam").status, 303u);  // waits already: nothing added
  ASSERT_EQ(PostAs(server, mo, post + "/flag", "reason=unkind").status, 303u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_post_flags WHERE status = 'open'"), 2);

  // Members do not see the queue; moderators see the post beside reported messages.
  EXPECT_EQ(Get(server, ben, "/admin/reports").status, 403u);
  HttpResult queue = Get(server, mo, "/admin/reports");
  ASSERT_EQ(queue.status, 200u);
  EXPECT_TRUE(Has(queue.body, "Flagged forum posts"));
  EXPECT_TRUE(Has(queue.body, "Stop all treatment, drink this instead."));
  EXPECT_TRUE(Has(queue.body, "Medical misinformation — Dangerous advice"));
  EXPECT_TRUE(Has(queue.body, "href=\"" + path + "#post-1\""));
  // Nothing of the queue reaches the author's page.
  EXPECT_FALSE(Has(Get(server, amy, path).body, "Dangerous advice"));

  // A warning answers both flags, e-mails Amy without naming who flagged, and is audited.
  const std::string first = std::to_string(Count("SELECT MIN(id) FROM forum_post_flags"));
  HttpResult warned = PostAs(server, mo, "/admin/reports/posts/" + first, "action=warn&note=" + Enc("Please cite sources"));
  ASSERT_EQ(warned.status, 303u) << warned.body;
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_post_flags WHERE status = 'warned'"), 2);
  EXPECT_EQ(LatestSubjectTo(database_, "amy@example.org"), "A warning about a post you wrote on DiseaseMaps");
  const std::string mail = LatestMailTo(database_, "amy@example.org");
  EXPECT_TRUE(Has(mail, "Please cite sources"));
  EXPECT_TRUE(Has(mail, path + "#post-1"));
  EXPECT_FALSE(Has(mail, "Ben"));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'forum_flag.warned'"), 1);
  EXPECT_EQ(PostAs(server, mo, "/admin/reports/posts/" + first, "action=dismiss").status, 409u);
  EXPECT_EQ(PostAs(server, mo, "/admin/reports/posts/999", "action=dismiss").status, 404u);

  // A second flag: suspension needs a reason, and nobody handles a flag on their own post.
  ASSERT_EQ(PostAs(server, ben, post + "/flag", "reason=spam").status, 303u);
  const std::string second = std::to_string(Count("SELECT MAX(id) FROM forum_post_flags"));
  EXPECT_EQ(PostAs(server, mo, "/admin/reports/posts/" + second, "action=suspend&note=").status, 422u);
  EXPECT_EQ(PostAs(server, mo, "/admin/reports/posts/" + second, "action=banish").status, 400u);
  const std::string mo_path = Topic(server, mo, "general", "Moderator's own", "Words");
  ASSERT_EQ(PostAs(server, ben, Base(mo_path) + "/posts/1/flag", "reason=spam").status, 303u);
  const std::string on_mo = std::to_string(Count("SELECT MAX(id) FROM forum_post_flags"));
  EXPECT_EQ(PostAs(server, mo, "/admin/reports/posts/" + on_mo, "action=dismiss").status, 403u);
  HttpResult suspended =
      PostAs(server, mo, "/admin/reports/posts/" + second, "action=suspend&note=" + Enc("Repeated misinformation"));
  ASSERT_EQ(suspended.status, 303u) << suspended.body;
  EXPECT_EQ(Count("SELECT COUNT(*) FROM users WHERE email_key = 'amy@example.org' AND status = 'suspended'"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'forum_flag.suspended'"), 1);
  // Only an administrator handles the flag on Mo's post; she dismisses it.
  SignedIn ann = SignIn(server, "ann@example.org", kPassword);
  ASSERT_EQ(PostAs(server, ann, "/admin/reports/posts/" + on_mo, "action=dismiss").status, 303u);
  EXPECT_TRUE(Has(Get(server, ann, "/admin/reports").body, "No flagged posts are waiting."));
}

TEST_P(ForumsTest, ThreeEstablishedMembersFlagsHideAPostUntilAModeratorDecides) {
  for (const char* name : {"cat", "dan", "eve"}) {
    AddUser(database_, std::string(name) + "@example.org", name, {"member"}, kPassword);
  }
  for (const char* email : {"ben@example.org", "cat@example.org", "dan@example.org"}) Establish(email);
  TestServer server(database_);
  SignedIn amy = SignIn(server, "amy@example.org", kPassword);
  const std::string path = Topic(server, amy, "general", "Buy now", "Cheap pills at spam.example");
  const std::string flag = Base(path) + "/posts/1/flag";
  auto flag_as = [&](const char* email) {
    EXPECT_EQ(PostAs(server, SignIn(server, email, kPassword), flag, "reason=spam").status, 303u) << email;
  };
  flag_as("ben@example.org");
  flag_as("cat@example.org");
  flag_as("eve@example.org");  // new: does not count toward hiding
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_posts WHERE hidden_at IS NOT NULL"), 0);
  EXPECT_TRUE(Has(server.Get(path).body, "Cheap pills"));
  flag_as("dan@example.org");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_posts WHERE hidden_at IS NOT NULL"), 1);

  // Hidden from visitors (the cached page moved) and members; its author and moderators still read it.
  HttpResult visitor = server.Get(path);
  EXPECT_TRUE(Has(visitor.body, "This post is hidden: members flagged it"));
  EXPECT_FALSE(Has(visitor.body, "Cheap pills"));
  EXPECT_FALSE(Has(Get(server, SignIn(server, "ben@example.org", kPassword), path).body, "Cheap pills"));
  HttpResult author = Get(server, amy, path);
  EXPECT_TRUE(Has(author.body, "Cheap pills"));
  EXPECT_TRUE(Has(author.body, "Hidden from readers: members flagged this post"));
  SignedIn mo = SignIn(server, "mo@example.org", kPassword);
  EXPECT_TRUE(Has(Get(server, mo, path).body, "Cheap pills"));
  HttpResult queue = Get(server, mo, "/admin/reports");
  EXPECT_TRUE(Has(queue.body, "Hidden from readers by members&#39;") || Has(queue.body, "Hidden from readers by members'"));

  // Dismissed: nothing wrong with it, it shows again.
  const std::string first = std::to_string(Count("SELECT MIN(id) FROM forum_post_flags"));
  ASSERT_EQ(PostAs(server, mo, "/admin/reports/posts/" + first, "action=dismiss").status, 303u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_post_flags WHERE status = 'open'"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_posts WHERE hidden_at IS NOT NULL"), 0);
  EXPECT_TRUE(Has(server.Get(path).body, "Cheap pills"));
}

INSTANTIATE_TEST_SUITE_P(Backends, ForumsTest, ::testing::ValuesIn(AllBackends()), Backends);

}  // namespace
}  // namespace diseasemaps::testing
