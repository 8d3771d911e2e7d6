// Forum moderation through the real binary, on SQLite and PostgreSQL: every moderator
// action (hide, restore, edit with a reason, close, reopen, pin, unpin, move, delete)
// with its audit entry, its message to the author and its line in the forum's public
// moderation log; members and visitors refused with nothing changed; CSRF failures
// changing nothing; replies to a closed topic refused; a moved topic under its new
// forum; a log that names neither who flagged nor which moderator acted.
#include <gtest/gtest.h>

#include <string>

#include "forum_fixture.h"

namespace diseasemaps::testing {
namespace {

class ForumModerationTest : public ForumFixture {
 protected:
  long long LogLines(const std::string& action) {
    return Count("SELECT COUNT(*) FROM forum_moderation_log WHERE action = '" + action + "'");
  }
};

std::string Backends(const ::testing::TestParamInfo<Backend>& info) { return BackendName(info.param); }

TEST_P(ForumModerationTest, AModeratorHidesRestoresAndEditsAPostEachWithAuditMessageAndLogLine) {
  TestServer server(database_);
  SignedIn amy = SignIn(server, "amy@example.org", kPassword);
  SignedIn ben = SignIn(server, "ben@example.org", kPassword);
  SignedIn mo = SignIn(server, "mo@example.org", kPassword);
  const std::string path = Topic(server, amy, "general", "Night feeds", "How do you manage night feeds?");
  ASSERT_EQ(PostAs(server, ben, path, "body=" + Enc("You are a terrible parent.")).status, 303u);
  const std::string post = Base(path) + "/posts/2";

  // Moderators see the controls on others' posts, with their labels; members never.
  HttpResult controls = Get(server, mo, path);
  EXPECT_TRUE(Has(controls.body, "action=\"" + post + "/hide\""));
  EXPECT_TRUE(Has(controls.body, "<label for=\"mod-2-hide-reason\">"));
  EXPECT_TRUE(Has(controls.body, "action=\"" + Base(path) + "/close\""));
  EXPECT_FALSE(Has(Get(server, ben, path).body, "/hide\""));

  // Hiding asks why; without a reason nothing changes.
  HttpResult no_reason = PostAs(server, mo, post + "/hide", "reason=");
  EXPECT_EQ(no_reason.status, 422u);
  EXPECT_TRUE(Has(no_reason.body, "Say why"));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_posts WHERE hidden_at IS NOT NULL"), 0);

  const long long ben_mail = MailCount(database_, "ben@example.org");
  HttpResult hidden = PostAs(server, mo, post + "/hide", "reason=" + Enc("Unkind to another parent"));
  ASSERT_EQ(hidden.status, 303u) << hidden.body;
  EXPECT_EQ(hidden.Header("location"), path + "#post-2");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_posts WHERE hidden_at IS NOT NULL AND moderator_hidden = 1"), 1);
  EXPECT_EQ(Audits("forum.hide"), 1);
  EXPECT_EQ(LogLines("hide"), 1);
  EXPECT_EQ(MailCount(database_, "ben@example.org"), ben_mail + 1);
  const std::string mail = LatestMailTo(database_, "ben@example.org");
  EXPECT_TRUE(Has(mail, "A moderator hid a post you wrote from readers."));
  EXPECT_TRUE(Has(mail, "Unkind to another parent"));
  EXPECT_TRUE(Has(mail, path + "#post-2"));
  EXPECT_TRUE(Has(mail, "/forums/general/moderation"));
  EXPECT_FALSE(Has(mail, "Mo Moderator"));

  // Readers (the cached page moved) read that a moderator hid it; the moderator still reads it.
  HttpResult visitor = server.Get(path);
  EXPECT_TRUE(Has(visitor.body, "This post was hidden by a moderator."));
  EXPECT_FALSE(Has(visitor.body, "terrible parent"));
  HttpResult moderator = Get(server, mo, path);
  EXPECT_TRUE(Has(moderator.body, "terrible parent"));
  EXPECT_TRUE(Has(moderator.body, "Hidden from readers by a moderator."));
  // Hiding it again changes nothing.
  EXPECT_EQ(PostAs(server, mo, post + "/hide", "reason=again").status, 409u);
  EXPECT_EQ(LogLines("hide"), 1);

  // Restored: shown again, audited, told, logged.
  ASSERT_EQ(PostAs(server, mo, post + "/restore", "reason=").status, 303u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_posts WHERE hidden_at IS NOT NULL"), 0);
  EXPECT_EQ(Audits("forum.restore"), 1);
  EXPECT_EQ(LogLines("restore"), 1);
  EXPECT_EQ(MailCount(database_, "ben@example.org"), ben_mail + 2);
  EXPECT_TRUE(Has(server.Get(path).body, "terrible parent"));
  EXPECT_EQ(PostAs(server, mo, post + "/restore", "").status, 409u);

  // Edited with a reason: the words before stay in the post's visible history, with why.
  EXPECT_EQ(PostAs(server, mo, post + "/moderate-edit", "body=" + Enc("[removed]") + "&reason=").status, 422u);
  EXPECT_EQ(PostAs(server, mo, post + "/moderate-edit", "body=&reason=x").status, 422u);
  ASSERT_EQ(PostAs(server, mo, post + "/moderate-edit",
                   "body=" + Enc("[Removed by a moderator]") + "&reason=" + Enc("Personal attack removed"))
                .status,
            303u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_post_revisions WHERE moderator_reason = 'Personal attack removed'"), 1);
  EXPECT_EQ(Audits("forum.edit"), 1);
  EXPECT_EQ(LogLines("edit"), 1);
  EXPECT_EQ(MailCount(database_, "ben@example.org"), ben_mail + 3);
  HttpResult edited = server.Get(path);
  EXPECT_TRUE(Has(edited.body, "[Removed by a moderator]"));
  EXPECT_TRUE(Has(edited.body, "Edited by a moderator. Reason: Personal attack removed"));
  EXPECT_TRUE(Has(edited.body, "terrible parent"));  // in the history

  // Nobody moderates their own post: Mo's reply.
  ASSERT_EQ(PostAs(server, mo, path, "body=" + Enc("Please be kind here.")).status, 303u);
  HttpResult own = PostAs(server, mo, Base(path) + "/posts/3/hide", "reason=mine");
  EXPECT_EQ(own.status, 403u);
  EXPECT_TRUE(Has(own.body, "Moderators do not moderate their own posts"));
  // Unknown posts and topics are 404s.
  EXPECT_EQ(PostAs(server, mo, Base(path) + "/posts/9/hide", "reason=x").status, 404u);
  EXPECT_EQ(PostAs(server, mo, "/forums/general/t/999/posts/1/hide", "reason=x").status, 404u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_moderation_log"), 3);
}

TEST_P(ForumModerationTest, ClosingReopeningAndPinningATopic) {
  TestServer server(database_);
  SignedIn amy = SignIn(server, "amy@example.org", kPassword);
  SignedIn ben = SignIn(server, "ben@example.org", kPassword);
  SignedIn mo = SignIn(server, "mo@example.org", kPassword);
  const std::string older = Topic(server, amy, "general", "House rules", "Please read before posting.");
  const std::string newer = Topic(server, ben, "general", "Hello all", "New here.");
  const long long amy_mail = MailCount(database_, "amy@example.org");

  // Closed: replies refused with a clear message, nothing written.
  EXPECT_EQ(PostAs(server, mo, Base(older) + "/close", "reason=").status, 422u);
  ASSERT_EQ(PostAs(server, mo, Base(older) + "/close", "reason=" + Enc("Kept as a reference")).status, 303u);
  EXPECT_EQ(Count("SELECT closed FROM forum_topics WHERE title = 'House rules'"), 1);
  EXPECT_EQ(Audits("forum.close"), 1);
  EXPECT_EQ(LogLines("close"), 1);
  EXPECT_EQ(MailCount(database_, "amy@example.org"), amy_mail + 1);
  EXPECT_TRUE(Has(LatestMailTo(database_, "amy@example.org"), "A moderator closed a topic you started"));
  HttpResult refused = PostAs(server, ben, older, "body=" + Enc("One more thing"));
  EXPECT_EQ(refused.status, 409u);
  EXPECT_TRUE(Has(refused.body, "This topic is closed"));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_posts WHERE body = 'One more thing'"), 0);
  EXPECT_EQ(PostAs(server, mo, Base(older) + "/close", "reason=again").status, 409u);

  // Reopened: replies again.
  ASSERT_EQ(PostAs(server, mo, Base(older) + "/reopen", "").status, 303u);
  EXPECT_EQ(Audits("forum.reopen"), 1);
  EXPECT_EQ(LogLines("reopen"), 1);
  EXPECT_EQ(PostAs(server, ben, older, "body=" + Enc("One more thing")).status, 303u);

  // Pinned: first in the latest list though another topic has a later post.
  ASSERT_EQ(PostAs(server, amy, newer, "body=" + Enc("Welcome!")).status, 303u);
  HttpResult before = server.Get("/forums/general");
  EXPECT_LT(before.body.find("Hello all"), before.body.find("House rules"));
  ASSERT_EQ(PostAs(server, mo, Base(older) + "/pin", "").status, 303u);
  EXPECT_EQ(Audits("forum.pin"), 1);
  EXPECT_EQ(LogLines("pin"), 1);
  HttpResult pinned = server.Get("/forums/general");
  EXPECT_LT(pinned.body.find("House rules"), pinned.body.find("Hello all"));
  EXPECT_TRUE(Has(pinned.body, "Pinned"));
  EXPECT_EQ(PostAs(server, mo, Base(older) + "/pin", "").status, 409u);
  ASSERT_EQ(PostAs(server, mo, Base(older) + "/unpin", "").status, 303u);
  EXPECT_EQ(Audits("forum.unpin"), 1);
  HttpResult unpinned = server.Get("/forums/general");
  EXPECT_LT(unpinned.body.find("Hello all"), unpinned.body.find("House rules"));
  EXPECT_EQ(MailCount(database_, "amy@example.org"), amy_mail + 4);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_moderation_log"), 4);
}

TEST_P(ForumModerationTest, AMovedTopicIsReachableUnderItsNewForumAndADeletedOneIsGone) {
  TestServer server(database_);
  SignedIn amy = SignIn(server, "amy@example.org", kPassword);
  SignedIn ben = SignIn(server, "ben@example.org", kPassword);
  SignedIn mo = SignIn(server, "mo@example.org", kPassword);
  const std::string path = Topic(server, amy, "general", "Respite for parents", "Where do you find respite?");
  ASSERT_EQ(PostAs(server, ben, path, "body=" + Enc("Ask your local council.")).status, 303u);

  EXPECT_EQ(PostAs(server, mo, Base(path) + "/move", "forum=nowhere&reason=x").status, 422u);
  EXPECT_EQ(PostAs(server, mo, Base(path) + "/move", "forum=general&reason=x").status, 409u);
  HttpResult moved = PostAs(server, mo, Base(path) + "/move", "forum=caregivers&reason=" + Enc("For caregivers"));
  ASSERT_EQ(moved.status, 303u) << moved.body;
  const std::string there = moved.Header("location");
  EXPECT_EQ(there.rfind("/forums/caregivers/t/", 0), 0u) << there;
  EXPECT_EQ(server.Get(there).status, 200u);
  EXPECT_TRUE(Has(server.Get(there).body, "Ask your local council."));
  HttpResult old_address = server.Get(path);  // the old address follows the topic
  EXPECT_EQ(old_address.status, 301u);
  EXPECT_EQ(old_address.Header("location"), there);
  EXPECT_EQ(Count("SELECT topic_count FROM forums WHERE slug = 'general'"), 0);
  EXPECT_EQ(Count("SELECT post_count FROM forums WHERE slug = 'general'"), 0);
  EXPECT_EQ(Count("SELECT topic_count FROM forums WHERE slug = 'caregivers'"), 1);
  EXPECT_EQ(Count("SELECT post_count FROM forums WHERE slug = 'caregivers'"), 2);
  EXPECT_EQ(Audits("forum.move"), 1);
  EXPECT_EQ(LogLines("move"), 1);
  EXPECT_TRUE(Has(LatestMailTo(database_, "amy@example.org"), "to the forum Caregivers"));
  // The source forum's log says where it went and links it there.
  HttpResult log = server.Get("/forums/general/moderation");
  ASSERT_EQ(log.status, 200u);
  EXPECT_TRUE(Has(log.body, "A moderator moved the topic to Caregivers."));
  EXPECT_TRUE(Has(log.body, "href=\"" + there + "\""));

  // Into a condition's forum that had no row yet: made, members-only.
  const std::string new_base = there.substr(0, there.find('-', there.find("/t/")));
  ASSERT_EQ(PostAs(server, mo, new_base + "/move", "forum=dancing-eyes-1183&reason=" + Enc("About this condition"))
                .status,
            303u);
  EXPECT_EQ(Count("SELECT topic_count FROM forums WHERE orphacode = 1183"), 1);
  EXPECT_EQ(Count("SELECT topic_count FROM forums WHERE slug = 'caregivers'"), 0);

  // Deleted: the topic, its posts and what hung on them go; the log keeps a line without the title.
  const std::string in_condition = "/forums/dancing-eyes-1183/t/" + new_base.substr(new_base.rfind('/') + 1);
  HttpResult deleted = PostAs(server, mo, in_condition + "/delete", "reason=" + Enc("Duplicate"));
  ASSERT_EQ(deleted.status, 303u) << deleted.body;
  EXPECT_EQ(deleted.Header("location"), "/forums/dancing-eyes-1183/moderation?done=delete");
  // The moderator reads what was done; a member following the same address is told nothing.
  EXPECT_TRUE(Has(Get(server, mo, deleted.Header("location")).body, "The topic and its posts were deleted"));
  EXPECT_FALSE(Has(Get(server, ben, deleted.Header("location")).body, "The topic and its posts were deleted"));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_topics"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_posts"), 0);
  EXPECT_EQ(Count("SELECT topic_count FROM forums WHERE orphacode = 1183"), 0);
  EXPECT_EQ(Count("SELECT post_count FROM forums WHERE orphacode = 1183"), 0);
  EXPECT_EQ(Audits("forum.delete"), 1);
  EXPECT_EQ(LogLines("delete"), 1);
  EXPECT_TRUE(Has(LatestMailTo(database_, "amy@example.org"), "A moderator deleted a topic you started"));
  HttpResult gone = Get(server, ben, "/forums/dancing-eyes-1183/moderation");
  ASSERT_EQ(gone.status, 200u);
  EXPECT_TRUE(Has(gone.body, "A moderator deleted the topic."));
  EXPECT_TRUE(Has(gone.body, "The topic has since been deleted."));
  EXPECT_FALSE(Has(gone.body, "Respite for parents"));
  EXPECT_EQ(server.Get(in_condition).status, 303u);  // members-only: a visitor signs in first
  EXPECT_EQ(Get(server, ben, in_condition).status, 404u);
}

TEST_P(ForumModerationTest, MembersAndVisitorsCannotModerateAndNothingChanges) {
  TestServer server(database_);
  SignedIn amy = SignIn(server, "amy@example.org", kPassword);
  SignedIn ben = SignIn(server, "ben@example.org", kPassword);
  const std::string path = Topic(server, amy, "general", "Guarded topic", "Nothing to see.");
  ASSERT_EQ(PostAs(server, ben, path, "body=" + Enc("A reply.")).status, 303u);
  const long long mails = Count("SELECT COUNT(*) FROM outbox");
  const std::string base = Base(path);
  const std::string fields = "reason=" + Enc("Because") + "&forum=caregivers&body=" + Enc("Changed");
  for (const std::string& action : {std::string("/posts/2/hide"), std::string("/posts/2/restore"),
                                    std::string("/posts/2/moderate-edit"), std::string("/close"),
                                    std::string("/reopen"), std::string("/pin"), std::string("/unpin"),
                                    std::string("/move"), std::string("/delete")}) {
    HttpResult member = PostAs(server, amy, base + action, fields);
    EXPECT_EQ(member.status, 403u) << action;
    EXPECT_TRUE(Has(member.body, "Only moderators and administrators can moderate the forums")) << action;
    SignedIn visitor = OpenForm(server, "/login");
    HttpResult anonymous = PostForm(server, base + action, visitor.cookie, "csrf=" + visitor.csrf + "&" + fields);
    EXPECT_EQ(anonymous.status, 303u) << action;
    EXPECT_EQ(anonymous.Header("location").rfind("/login?next=", 0), 0u) << action;
  }
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_moderation_log"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'forum.%'"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM outbox"), mails);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_posts WHERE hidden_at IS NOT NULL OR body = 'Changed'"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_topics WHERE closed = 1 OR pinned_at IS NOT NULL"), 0);
  EXPECT_EQ(Count("SELECT topic_count FROM forums WHERE slug = 'general'"), 1);
}

TEST_P(ForumModerationTest, AModeratorsFormWithoutItsCsrfTokenChangesNothing) {
  TestServer server(database_);
  SignedIn amy = SignIn(server, "amy@example.org", kPassword);
  SignedIn mo = SignIn(server, "mo@example.org", kPassword);
  const std::string path = Topic(server, amy, "general", "Forgery target", "Text.");
  for (const std::string& token : {std::string(""), std::string("not-the-token")}) {
    EXPECT_EQ(PostForm(server, Base(path) + "/posts/1/hide", mo.cookie, "csrf=" + token + "&reason=x").status, 403u);
    EXPECT_EQ(PostForm(server, Base(path) + "/close", mo.cookie, "csrf=" + token + "&reason=x").status, 403u);
    EXPECT_EQ(PostForm(server, Base(path) + "/delete", mo.cookie, "csrf=" + token + "&reason=x").status, 403u);
  }
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_topics WHERE closed = 0"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_posts WHERE hidden_at IS NULL"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_moderation_log"), 0);
}

TEST_P(ForumModerationTest, ThePublicLogNamesNeitherFlaggersNorTheModerator) {
  TestServer server(database_);
  SignedIn amy = SignIn(server, "amy@example.org", kPassword);
  SignedIn ben = SignIn(server, "ben@example.org", kPassword);
  SignedIn mo = SignIn(server, "mo@example.org", kPassword);
  const std::string path = Topic(server, amy, "general", "Miracle water", "Drink this instead of your medicine.");
  ASSERT_EQ(PostAs(server, ben, Base(path) + "/posts/1/flag", "reason=misinformation&note=" + Enc("Dangerous"))
                .status,
            303u);
  ASSERT_EQ(PostAs(server, mo, Base(path) + "/posts/1/hide", "reason=" + Enc("Dangerous medical advice")).status,
            303u);
  // The forum's page links to its log; a visitor reads it.
  EXPECT_TRUE(Has(server.Get("/forums/general").body, "href=\"/forums/general/moderation\""));
  HttpResult log = server.Get("/forums/general/moderation");
  ASSERT_EQ(log.status, 200u);
  EXPECT_TRUE(Has(log.body, "A moderator hid a post."));
  EXPECT_TRUE(Has(log.body, "Dangerous medical advice"));
  EXPECT_TRUE(Has(log.body, "href=\"" + path + "#post-1\""));
  EXPECT_FALSE(Has(log.body, "Mo Moderator"));
  EXPECT_FALSE(Has(log.body, "Ben"));
  const std::string mail = LatestMailTo(database_, "amy@example.org");
  EXPECT_FALSE(Has(mail, "Mo Moderator"));
  EXPECT_FALSE(Has(mail, "Ben"));
  // The audit log names the moderator for administrators.
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'forum.hide' AND actor_user_id = " +
                  std::to_string(UserIdOf(database_, "mo@example.org"))),
            1);
  // Paged, and a page past the end is a 404; a members-only forum's log is for members.
  EXPECT_EQ(server.Get("/forums/general/moderation?page=2").status, 404u);
  EXPECT_EQ(server.Get("/forums/general/moderation?page=x").status, 400u);
  EXPECT_EQ(server.Get("/forums/dancing-eyes-1183/moderation").status, 303u);
  EXPECT_EQ(Get(server, ben, "/forums/dancing-eyes-1183/moderation").status, 200u);
  EXPECT_EQ(server.Get("/forums/nowhere/moderation").status, 404u);
}

INSTANTIATE_TEST_SUITE_P(Backends, ForumModerationTest, ::testing::ValuesIn(AllBackends()), Backends);

}  // namespace
}  // namespace diseasemaps::testing
