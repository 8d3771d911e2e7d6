// Forum search through the real binary, on SQLite and PostgreSQL: a visitor finds posts
// in public forums only, a member in members-only forums too; hidden, deleted and
// replaced words are not found; a moved topic obeys its new forum's readers; a deleted
// topic is gone; /api/v1/search takes `type` (400 for an unknown one) and /search shows
// conditions and discussions as two tabs with their counts. The index follows each
// write through the change log, polled every 0.1 s here.
#include <gtest/gtest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "forum_fixture.h"

namespace diseasemaps::testing {
namespace {

using nlohmann::json;

class ForumSearch : public ForumFixture {};

std::string Backends(const ::testing::TestParamInfo<Backend>& info) { return BackendName(info.param); }

TEST_P(ForumSearch, AVisitorFindsPublicPostsAndAMemberMembersOnlyOnesToo) {
  TestServer server(database_, {"--cache-check-interval", "0.1"});
  ASSERT_TRUE(server.started()) << server.Log();
  SignedIn amy = SignIn(server, "amy@example.org", kPassword);
  const std::string open = Topic(server, amy, "general", "Picnic ideas", "Our **quokkaword** picnic went well.");
  Topic(server, amy, "dancing-eyes-1183", "Private worries", "A quokkaword secret about our son.");

  ASSERT_TRUE(Eventually(server, "quokkaword", amy.cookie, Hits(2))) << server.Log();
  ASSERT_TRUE(Eventually(server, "quokkaword", "", Hits(1))) << server.Log();
  const json visitor = Discussions(server, "quokkaword")["results"][0];
  EXPECT_EQ(visitor["topic_title"], "Picnic ideas");
  EXPECT_EQ(visitor["forum"], "General");
  EXPECT_EQ(visitor["url"], open + "#post-1");
  EXPECT_TRUE(Has(visitor["excerpt_html"].get<std::string>(), "<mark>quokkaword</mark>"));

  // The page: two tabs that work without script, the current one marked.
  HttpResult page = server.Get("/search?q=quokkaword&type=discussions");
  ASSERT_EQ(page.status, 200u);
  EXPECT_TRUE(
      Has(page.body, "href=\"/search?q=quokkaword&amp;type=discussions\" aria-current=\"page\">Discussions (1)"))
      << page.body;
  EXPECT_TRUE(Has(page.body, "href=\"/search?q=quokkaword\">Conditions (0)")) << page.body;
  EXPECT_TRUE(Has(page.body, "Picnic ideas"));
  EXPECT_FALSE(Has(page.body, "Private worries"));
  EXPECT_FALSE(Has(page.body, "secret about our son"));
  HttpResult member = server.Get("/search?q=quokkaword&type=discussions", {{"Cookie", amy.cookie}});
  EXPECT_TRUE(Has(member.body, "Discussions (2)"));
  EXPECT_TRUE(Has(member.body, "Private worries"));
  EXPECT_TRUE(Has(member.body, "href=\"/forums/dancing-eyes-1183\">Dancing eyes</a>"));
  // The conditions tab stays the default and counts the discussions too.
  HttpResult conditions = server.Get("/search?q=quokkaword");
  EXPECT_TRUE(Has(conditions.body, "aria-current=\"page\">Conditions (0)"));
  EXPECT_TRUE(Has(conditions.body, "Discussions (1)"));

  // An unknown type: a clear 400, in JSON for the API.
  HttpResult bad = server.Get("/api/v1/search?type=posts&q=quokkaword");
  EXPECT_EQ(bad.status, 400u);
  EXPECT_TRUE(Has(bad.body, "“conditions” or “discussions”")) << bad.body;
  EXPECT_TRUE(json::parse(bad.body, nullptr, false).is_object()) << bad.body;
  EXPECT_EQ(server.Get("/search?q=quokkaword&type=posts").status, 400u);
  const json typed = json::parse(server.Get("/api/v1/search?type=conditions&q=dancing").body, nullptr, false);
  EXPECT_EQ(typed["type"], "conditions");
}

TEST_P(ForumSearch, HiddenDeletedAndReplacedWordsAreNotFoundAndAMovedTopicObeysItsNewForum) {
  TestServer server(database_, {"--cache-check-interval", "0.1"});
  ASSERT_TRUE(server.started()) << server.Log();
  SignedIn amy = SignIn(server, "amy@example.org", kPassword);
  SignedIn ben = SignIn(server, "ben@example.org", kPassword);
  SignedIn mo = SignIn(server, "mo@example.org", kPassword);
  const std::string path = Topic(server, amy, "general", "Garden", "The marmosetword grows.");
  ASSERT_EQ(PostAs(server, ben, path, "body=" + Enc("A rude betaword reply.")).status, 303u);
  ASSERT_EQ(PostAs(server, amy, path, "body=" + Enc("An epsilonword afterthought.")).status, 303u);
  ASSERT_TRUE(Eventually(server, "betaword", "", Hits(1))) << server.Log();
  ASSERT_TRUE(Eventually(server, "epsilonword", "", Hits(1))) << server.Log();

  // Hidden by a moderator: gone for everyone, back when restored.
  ASSERT_EQ(PostAs(server, mo, Base(path) + "/posts/2/hide", "reason=" + Enc("Unkind")).status, 303u);
  EXPECT_TRUE(Eventually(server, "betaword", amy.cookie, Hits(0))) << server.Log();
  ASSERT_EQ(PostAs(server, mo, Base(path) + "/posts/2/restore", "reason=").status, 303u);
  EXPECT_TRUE(Eventually(server, "betaword", "", Hits(1))) << server.Log();

  // Deleted by its author.
  ASSERT_EQ(PostAs(server, amy, Base(path) + "/posts/3/delete", "").status, 303u);
  EXPECT_TRUE(Eventually(server, "epsilonword", amy.cookie, Hits(0))) << server.Log();

  // Edited: found by its new words, not its old.
  ASSERT_EQ(PostAs(server, amy, Base(path) + "/posts/1/edit",
                   "title=" + Enc("Garden") + "&body=" + Enc("The gammaword blooms."))
                .status,
            303u);
  EXPECT_TRUE(Eventually(server, "gammaword", "", Hits(1))) << server.Log();
  EXPECT_TRUE(Eventually(server, "marmosetword", "", Hits(0))) << server.Log();

  // Moved to a members-only forum: a visitor no longer finds it, a member finds it there.
  ASSERT_EQ(PostAs(server, mo, Base(path) + "/move", "forum=dancing-eyes-1183&reason=" + Enc("About this condition"))
                .status,
            303u);
  EXPECT_TRUE(Eventually(server, "gammaword", "", Hits(0))) << server.Log();
  EXPECT_TRUE(Eventually(server, "gammaword", amy.cookie, [](const json& results) {
    return results.size() == 1 && results[0]["forum_url"] == "/forums/dancing-eyes-1183";
  })) << server.Log();

  // The topic deleted by a moderator: none of its posts are found.
  const std::string moved = "/forums/dancing-eyes-1183/t/" + Base(path).substr(Base(path).rfind('/') + 1);
  ASSERT_EQ(PostAs(server, mo, moved + "/delete", "reason=" + Enc("Duplicate")).status, 303u);
  EXPECT_TRUE(Eventually(server, "gammaword", amy.cookie, Hits(0))) << server.Log();
  EXPECT_TRUE(Eventually(server, "betaword", amy.cookie, Hits(0))) << server.Log();
  EXPECT_TRUE(Has(server.Log(), "topic(s) in the posts index")) << server.Log();
}

INSTANTIATE_TEST_SUITE_P(Backends, ForumSearch, ::testing::ValuesIn(AllBackends()), Backends);

}  // namespace
}  // namespace diseasemaps::testing
