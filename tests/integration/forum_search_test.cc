// Forum search through the real binary, on SQLite and PostgreSQL: a visitor finds posts
// in public forums only, a member in members-only forums too; hidden, deleted and
// replaced words are not found; a moved topic obeys its new forum's readers; a deleted
// topic is gone; /api/v1/search takes `type` (400 for an unknown one) and /search shows
// conditions and discussions as two tabs with their counts. The index follows each
// write through the change log, polled every 0.1 s here.
#include <gtest/gtest.h>

#include <chrono>
#include <functional>
#include <string>
#include <thread>

#include <nlohmann/json.hpp>

#include "http/url.h"
#include "test_server.h"

namespace diseasemaps::testing {
namespace {

using nlohmann::json;

constexpr const char* kPassword = "correct horse battery staple";

bool Has(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

std::string Enc(const std::string& text) { return http::PercentEncode(text); }

class ForumSearch : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    AddUser(database_, "amy@example.org", "Amy", {"member"}, kPassword);
    AddUser(database_, "ben@example.org", "Ben", {"member"}, kPassword);
    AddUser(database_, "mo@example.org", "Mo Moderator", {"moderator"}, kPassword);
    InsertCondition(database_.db(), 1183, "Dancing eyes");
  }

  // The discussions the API returns for `query`, as `cookie` ("" for a visitor).
  static json Discussions(TestServer& server, const std::string& query, const std::string& cookie = "") {
    std::map<std::string, std::string> headers;
    if (!cookie.empty()) headers["Cookie"] = cookie;
    HttpResult r = server.Get("/api/v1/search?type=discussions&q=" + Enc(query), headers);
    EXPECT_EQ(r.status, 200u) << r.body;
    return json::parse(r.body, nullptr, false);
  }
  // Polls for up to 20 s until the results for `query` satisfy `want`.
  static bool Eventually(TestServer& server, const std::string& query, const std::string& cookie,
                         const std::function<bool(const json&)>& want) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (std::chrono::steady_clock::now() < deadline) {
      const json body = Discussions(server, query, cookie);
      if (body.is_object() && want(body["results"])) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
  }
  static std::function<bool(const json&)> Count(std::size_t n) {
    return [n](const json& results) { return results.size() == n; };
  }
  static std::string Topic(TestServer& server, const SignedIn& who, const std::string& forum,
                           const std::string& title, const std::string& body) {
    HttpResult started =
        PostAs(server, who, "/forums/" + forum + "/new", "title=" + Enc(title) + "&body=" + Enc(body));
    EXPECT_EQ(started.status, 303u) << started.body;
    const std::string location = started.Header("location");
    return location.substr(0, location.find_first_of("?#"));
  }
  // "/forums/general/t/1-hello" -> "/forums/general/t/1".
  static std::string Base(const std::string& topic_path) {
    return topic_path.substr(0, topic_path.find('-', topic_path.find("/t/")));
  }

  TestDatabase database_{GetParam()};
};

std::string Backends(const ::testing::TestParamInfo<Backend>& info) { return BackendName(info.param); }

TEST_P(ForumSearch, AVisitorFindsPublicPostsAndAMemberMembersOnlyOnesToo) {
  TestServer server(database_, {"--cache-check-interval", "0.1"});
  ASSERT_TRUE(server.started()) << server.Log();
  SignedIn amy = SignIn(server, "amy@example.org", kPassword);
  const std::string open = Topic(server, amy, "general", "Picnic ideas", "Our **quokkaword** picnic went well.");
  Topic(server, amy, "dancing-eyes-1183", "Private worries", "A quokkaword secret about our son.");

  ASSERT_TRUE(Eventually(server, "quokkaword", amy.cookie, Count(2))) << server.Log();
  ASSERT_TRUE(Eventually(server, "quokkaword", "", Count(1))) << server.Log();
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
  ASSERT_TRUE(Eventually(server, "betaword", "", Count(1))) << server.Log();
  ASSERT_TRUE(Eventually(server, "epsilonword", "", Count(1))) << server.Log();

  // Hidden by a moderator: gone for everyone, back when restored.
  ASSERT_EQ(PostAs(server, mo, Base(path) + "/posts/2/hide", "reason=" + Enc("Unkind")).status, 303u);
  EXPECT_TRUE(Eventually(server, "betaword", amy.cookie, Count(0))) << server.Log();
  ASSERT_EQ(PostAs(server, mo, Base(path) + "/posts/2/restore", "reason=").status, 303u);
  EXPECT_TRUE(Eventually(server, "betaword", "", Count(1))) << server.Log();

  // Deleted by its author.
  ASSERT_EQ(PostAs(server, amy, Base(path) + "/posts/3/delete", "").status, 303u);
  EXPECT_TRUE(Eventually(server, "epsilonword", amy.cookie, Count(0))) << server.Log();

  // Edited: found by its new words, not its old.
  ASSERT_EQ(PostAs(server, amy, Base(path) + "/posts/1/edit",
                   "title=" + Enc("Garden") + "&body=" + Enc("The gammaword blooms."))
                .status,
            303u);
  EXPECT_TRUE(Eventually(server, "gammaword", "", Count(1))) << server.Log();
  EXPECT_TRUE(Eventually(server, "marmosetword", "", Count(0))) << server.Log();

  // Moved to a members-only forum: a visitor no longer finds it, a member finds it there.
  ASSERT_EQ(PostAs(server, mo, Base(path) + "/move", "forum=dancing-eyes-1183&reason=" + Enc("About this condition"))
                .status,
            303u);
  EXPECT_TRUE(Eventually(server, "gammaword", "", Count(0))) << server.Log();
  EXPECT_TRUE(Eventually(server, "gammaword", amy.cookie, [](const json& results) {
    return results.size() == 1 && results[0]["forum_url"] == "/forums/dancing-eyes-1183";
  })) << server.Log();

  // The topic deleted by a moderator: none of its posts are found.
  const std::string moved = "/forums/dancing-eyes-1183/t/" + Base(path).substr(Base(path).rfind('/') + 1);
  ASSERT_EQ(PostAs(server, mo, moved + "/delete", "reason=" + Enc("Duplicate")).status, 303u);
  EXPECT_TRUE(Eventually(server, "gammaword", amy.cookie, Count(0))) << server.Log();
  EXPECT_TRUE(Eventually(server, "betaword", amy.cookie, Count(0))) << server.Log();
  EXPECT_TRUE(Has(server.Log(), "topic(s) in the posts index")) << server.Log();
}

INSTANTIATE_TEST_SUITE_P(Backends, ForumSearch, ::testing::ValuesIn(AllBackends()), Backends);

}  // namespace
}  // namespace diseasemaps::testing
