// The forums' follow-ups of issue 14 through the real binary, on SQLite and PostgreSQL: a
// mention added by editing a post tells only the newly mentioned members who may read the
// forum (with the same throttled e-mail as mentions in new posts); a topic a moderator
// moved answers at its old address with a 301 to its new one for those who may read the
// new forum (a 404 for others), and an address with outdated title words goes to the
// canonical one; "Download my data" holds the member's topics, posts, reactions, watch
// levels and e-mail choices, and account deletion removes the choices and visits.
#include <gtest/gtest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "established_member.h"
#include "forum_fixture.h"

namespace diseasemaps::testing {
namespace {

bool Holds(const nlohmann::json& rows, const std::string& key, const std::string& value) {
  for (const nlohmann::json& row : rows) {
    if (row.contains(key) && row[key] == value) return true;
  }
  return false;
}

// The forum fixture's Amy, Ben and Mo, with Cy and Dee; Amy and Ben are established.
class ForumFollowupsTest : public ForumFixture {
 protected:
  void SetUp() override {
    ForumFixture::SetUp();
    AddUser(database_, "cy@example.org", "Cy", {"member"}, kPassword);
    AddUser(database_, "dee@example.org", "Dee", {"member"}, kPassword);
    EstablishForumMember(database_, "amy@example.org");
    EstablishForumMember(database_, "ben@example.org");
    ben_id_ = UserIdOf(database_, "ben@example.org");
    cy_id_ = UserIdOf(database_, "cy@example.org");
    dee_id_ = UserIdOf(database_, "dee@example.org");
  }

  long long MentionsOf(long long user) {
    return Count("SELECT COUNT(*) FROM notifications WHERE kind = 'mention' AND recipient_id = " + std::to_string(user));
  }

  // Edits post `number`; a topic's first post also sends its title.
  static HttpResult Edit(TestServer& server, const SignedIn& who, const std::string& path, int number,
                         const std::string& body, const std::string& title = "") {
    return PostAs(server, who, Base(path) + "/posts/" + std::to_string(number) + "/edit",
                  "body=" + Enc(body) + (title.empty() ? "" : "&title=" + Enc(title)));
  }

  long long ben_id_ = 0;
  long long cy_id_ = 0;
  long long dee_id_ = 0;
};

std::string Backends(const ::testing::TestParamInfo<Backend>& info) { return BackendName(info.param); }

TEST_P(ForumFollowupsTest, AMentionAddedByAnEditTellsOnlyTheNewlyMentioned) {
  TestServer server(database_);
  SignedIn amy = SignIn(server, "amy@example.org", kPassword);
  const std::string ben = "@ben-" + std::to_string(ben_id_);
  const std::string cy = "@cy-" + std::to_string(cy_id_);
  const std::string kTitle = "Sleep at three";
  const std::string path = Topic(server, amy, "general", kTitle, "Ask " + ben + ".");
  EXPECT_EQ(MentionsOf(ben_id_), 1);
  EXPECT_EQ(MailCount(database_, "ben@example.org"), 1);

  // Adding Cy tells Cy (on the site and by e-mail), and not Ben again.
  ASSERT_EQ(Edit(server, amy, path, 1, "Ask " + ben + " and " + cy + ".", kTitle).status, 303u) << server.Log();
  EXPECT_EQ(MentionsOf(cy_id_), 1);
  EXPECT_EQ(MailCount(database_, "cy@example.org"), 1);
  EXPECT_EQ(LatestSubjectTo(database_, "cy@example.org"), "Amy mentioned you in “Sleep at three”");
  EXPECT_EQ(MentionsOf(ben_id_), 1);
  EXPECT_EQ(MailCount(database_, "ben@example.org"), 1);
  // Another edit with the same mentions, or one that drops a mention, tells nobody.
  ASSERT_EQ(Edit(server, amy, path, 1, "Please ask " + ben + " and " + cy + ".", kTitle).status, 303u);
  ASSERT_EQ(Edit(server, amy, path, 1, "Please ask " + cy + ".", kTitle).status, 303u);
  EXPECT_EQ(MentionsOf(cy_id_), 1);
  EXPECT_EQ(MentionsOf(ben_id_), 1);
  // Adding back a member mentioned in an earlier version: told of this post already.
  ASSERT_EQ(Edit(server, amy, path, 1, "Please ask " + cy + " or " + ben + ".", kTitle).status, 303u);
  EXPECT_EQ(MentionsOf(ben_id_), 1);
  EXPECT_EQ(MailCount(database_, "ben@example.org"), 1);

  // A mention edited into a reply: a notification, but within the hour no second e-mail.
  SignedIn bens = SignIn(server, "ben@example.org", kPassword);
  ASSERT_EQ(PostAs(server, bens, path, "body=" + Enc("Thanks all.")).status, 303u);
  ASSERT_EQ(Edit(server, bens, path, 2, "Thanks all, " + cy + ".").status, 303u);
  EXPECT_EQ(MentionsOf(cy_id_), 2);
  EXPECT_EQ(MailCount(database_, "cy@example.org"), 1);

  // Nobody who may not read the forum, or who muted the topic, is told.
  Sql("UPDATE users SET status = 'suspended' WHERE id = " + std::to_string(dee_id_));
  const std::string secret = Topic(server, amy, "dancing-eyes-1183", "Private", "Members only here");
  ASSERT_EQ(Edit(server, amy, secret, 1, "Members only here, @dee-" + std::to_string(dee_id_), "Private").status, 303u);
  EXPECT_EQ(MentionsOf(dee_id_), 0);
  SignedIn cys = SignIn(server, "cy@example.org", kPassword);
  const std::string quiet = Topic(server, amy, "general", "Quiet one", "Nothing yet");
  ASSERT_EQ(PostAs(server, cys, Base(quiet) + "/watch", "level=muted").status, 303u);
  ASSERT_EQ(Edit(server, amy, quiet, 1, "Now " + cy, "Quiet one").status, 303u);
  EXPECT_EQ(MentionsOf(cy_id_), 2);
}

TEST_P(ForumFollowupsTest, AMovedTopicAnswersAtItsOldAddressWithItsNewOne) {
  TestServer server(database_);
  SignedIn amy = SignIn(server, "amy@example.org", kPassword);
  SignedIn ben = SignIn(server, "ben@example.org", kPassword);
  SignedIn mo = SignIn(server, "mo@example.org", kPassword);
  const std::string path = Topic(server, amy, "general", "Respite for parents", "Where do you find respite?");
  const std::string id = Base(path).substr(Base(path).rfind('/') + 1);

  // Outdated title words go to the canonical address.
  HttpResult words = server.Get("/forums/general/t/" + id + "-old-words");
  EXPECT_EQ(words.status, 301u);
  EXPECT_EQ(words.Header("location"), path);

  HttpResult moved = PostAs(server, mo, Base(path) + "/move", "forum=caregivers&reason=" + Enc("For caregivers"));
  ASSERT_EQ(moved.status, 303u) << moved.body;
  const std::string there = moved.Header("location");
  ASSERT_EQ(there, "/forums/caregivers/t/" + id + "-respite-for-parents");
  for (const std::string& old : {path, Base(path), "/forums/general/t/" + id + "-old-words"}) {
    HttpResult redirect = server.Get(old);
    EXPECT_EQ(redirect.status, 301u) << old;
    EXPECT_EQ(redirect.Header("location"), there) << old;
  }
  EXPECT_EQ(server.Get(path + "?page=1").Header("location"), there + "?page=1");
  EXPECT_EQ(server.Get(there).status, 200u);
  HttpResult stale = server.Get("/forums/caregivers/t/" + id + "-respite");
  EXPECT_EQ(stale.status, 301u);
  EXPECT_EQ(stale.Header("location"), there);
  // Another topic's number under the old forum is still no topic, and this one under a
  // forum it never was in is none either.
  EXPECT_EQ(server.Get("/forums/general/t/999999-nothing").status, 404u);
  EXPECT_EQ(server.Get("/forums/research-news/t/" + id).status, 404u);

  // Moved on into a members' forum: visitors find nothing at the old addresses; members
  // are sent there.
  ASSERT_EQ(PostAs(server, mo, Base(there) + "/move", "forum=dancing-eyes-1183&reason=" + Enc("Its community")).status,
            303u);
  EXPECT_EQ(server.Get(there).status, 404u);
  EXPECT_EQ(server.Get(path).status, 404u);
  HttpResult member = server.Get(there, {{"Cookie", ben.cookie}});
  EXPECT_EQ(member.status, 301u);
  EXPECT_EQ(member.Header("location"), "/forums/dancing-eyes-1183/t/" + id + "-respite-for-parents");
}

TEST_P(ForumFollowupsTest, TheExportHoldsTopicsPostsReactionsWatchesAndEmailChoices) {
  TestServer server(database_);
  SignedIn amy = SignIn(server, "amy@example.org", kPassword);
  SignedIn ben = SignIn(server, "ben@example.org", kPassword);
  const std::string path = Topic(server, amy, "general", "Mine to export", "My first words");
  ASSERT_EQ(PostAs(server, amy, path, "body=" + Enc("A reply of mine")).status, 303u);
  ASSERT_EQ(PostAs(server, ben, path, "body=" + Enc("Ben's answer")).status, 303u);
  ASSERT_EQ(PostAs(server, ben, Base(path) + "/posts/1/helped", "helped=1").status, 303u);
  ASSERT_EQ(PostAs(server, amy, Base(path) + "/posts/3/helped", "helped=1").status, 303u);
  ASSERT_EQ(PostAs(server, amy, "/forums/caregivers/watch", "level=watching").status, 303u);
  ASSERT_EQ(PostAs(server, amy, Base(path) + "/watch", "level=muted").status, 303u);
  ASSERT_EQ(PostAs(server, amy, "/account/notifications", "digest=daily").status, 303u);

  HttpResult file = PostForm(server, "/account/export", amy.cookie, "csrf=" + amy.csrf);
  ASSERT_EQ(file.status, 200u);
  const nlohmann::json data = nlohmann::json::parse(file.body)["data"];
  const nlohmann::json& forums = data["forums"];
  EXPECT_TRUE(Holds(forums["topics_you_started"], "title", "Mine to export")) << forums.dump(2);
  EXPECT_TRUE(Holds(forums["posts_you_wrote"], "body", "A reply of mine"));
  ASSERT_EQ(forums["posts_that_helped_you"].size(), 1u);  // the reaction Amy gave
  EXPECT_EQ(forums["posts_that_helped_you"][0]["number"], 3);
  const nlohmann::json& watches = data["forum_watches"];
  ASSERT_EQ(watches["forum_watches"].size(), 1u) << watches.dump(2);
  EXPECT_EQ(watches["forum_watches"][0]["forum"], "caregivers");
  EXPECT_EQ(watches["forum_watches"][0]["level"], "watching");
  ASSERT_EQ(watches["topic_watches"].size(), 1u);
  EXPECT_EQ(watches["topic_watches"][0]["level"], "muted");
  EXPECT_EQ(watches["digest"], "daily");
  ASSERT_EQ(watches["email_replies"].size(), 1u);
  EXPECT_EQ(watches["email_replies"][0]["email_replies"], 0);
  EXPECT_TRUE(watches["last_visit_at"].is_number()) << watches.dump(2);
  // Ben's export has the "helped" he gave, and the default digest.
  HttpResult bens = PostForm(server, "/account/export", ben.cookie, "csrf=" + ben.csrf);
  const nlohmann::json ben_data = nlohmann::json::parse(bens.body)["data"];
  EXPECT_EQ(ben_data["forums"]["posts_that_helped_you"].size(), 1u);
  EXPECT_EQ(ben_data["forum_watches"]["digest"], "weekly");

  // Deleting the account removes the e-mail choices and the visits.
  const std::string amy_id = std::to_string(UserIdOf(database_, "amy@example.org"));
  HttpResult deleted = PostForm(server, "/account/delete", amy.cookie,
                                "csrf=" + amy.csrf + "&password=" + Enc(kPassword) + "&confirm=yes");
  ASSERT_EQ(deleted.status, 303u) << deleted.body;
  EXPECT_EQ(Count("SELECT COUNT(*) FROM member_digests WHERE user_id = " + amy_id), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM member_visits WHERE user_id = " + amy_id), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, ForumFollowupsTest, ::testing::ValuesIn(AllBackends()), Backends);

}  // namespace
}  // namespace diseasemaps::testing
