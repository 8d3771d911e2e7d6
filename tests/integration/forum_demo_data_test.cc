// `demo-data --forum-topics/--forum-posts/--forum-long-topic` through the real binary, on
// SQLite and PostgreSQL: the synthetic topics and posts land in condition and site-wide
// forums with every counter the pages read true, their words come from the catalogue
// (found by forum search, the index rebuilt by the command), the topic page marks each
// post as synthetic, and `demo-data --remove` deletes exactly them: a real member's topic
// and the forums' counters stay true.
#include <gtest/gtest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "test_server.h"

namespace diseasemaps::testing {
namespace {

constexpr const char* kPassword = "correct horse battery staple";

bool Has(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

class ForumDemoData : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    AddUser(database_, "amy@example.org", "Amy", {"member"}, kPassword);
    InsertCondition(database_.db(), 1183, "Dancing eyes syndrome");
    Sql("INSERT INTO hpo_lay_labels (hpo_id, label) VALUES ('HP:0000666', 'Wandering eye movements')");
    Sql("INSERT INTO condition_phenotypes (condition_id, hpo_id, hpo_term, frequency)"
        " SELECT id, 'HP:0000666', 'Opsoclonus', 'Very frequent (99-80%)' FROM conditions WHERE orphacode = 1183");
    // A real member's topic in General, which the demo data must leave alone.
    const long long amy = UserIdOf(database_, "amy@example.org");
    Sql("INSERT INTO forum_topics (forum_id, author_id, title, created_at, post_count, reply_count, last_post_at)"
        " SELECT id, " + std::to_string(amy) + ", 'A real question', 1700000000, 1, 0, 1700000000 FROM forums"
        " WHERE slug = 'general'");
    Sql("INSERT INTO forum_posts (topic_id, number, author_id, body, created_at) SELECT id, 1, author_id,"
        " 'Written by a person', 1700000000 FROM forum_topics WHERE title = 'A real question'");
    Sql("UPDATE forums SET topic_count = 1, post_count = 1, last_post_at = 1700000000 WHERE slug = 'general'");
  }

  long long Count(const std::string& query) { return QueryNumber(database_.db(), query); }
  void Sql(const std::string& statement) {
    Status s = database_.db().Run([&](soci::session& sql) {
      sql << statement;
      return Status::Ok();
    });
    ASSERT_TRUE(s.ok()) << s.message();
  }
  std::pair<int, std::string> DemoData(std::vector<std::string> args) {
    std::vector<std::string> all = {"--database", database_.url(), "demo-data", "--search-index",
                                    (database_.directory() / "search-index").string()};
    all.insert(all.end(), args.begin(), args.end());
    return RunBinary(all);
  }
  // Rows whose kept counters differ from a recount: 0 when the pages read the truth.
  long long WrongCounters() {
    return Count("SELECT COUNT(*) FROM forums f WHERE f.topic_count <> (SELECT COUNT(*) FROM forum_topics t"
                 " WHERE t.forum_id = f.id) OR f.post_count <> (SELECT COALESCE(SUM(t.post_count), 0)"
                 " FROM forum_topics t WHERE t.forum_id = f.id) OR f.last_post_at <> (SELECT"
                 " COALESCE(MAX(t.last_post_at), 0) FROM forum_topics t WHERE t.forum_id = f.id)") +
           Count("SELECT COUNT(*) FROM forum_topics t WHERE t.post_count <> (SELECT COUNT(*) FROM forum_posts p"
                 " WHERE p.topic_id = t.id) OR t.post_count <> (SELECT MAX(number) FROM forum_posts p"
                 " WHERE p.topic_id = t.id) OR t.reply_count <> t.post_count - 1 OR t.last_post_at <>"
                 " (SELECT MAX(created_at) FROM forum_posts p WHERE p.topic_id = t.id)") +
           Count("SELECT COUNT(*) FROM forum_posts p WHERE p.helped_count <> (SELECT COUNT(*)"
                 " FROM forum_post_helped h WHERE h.post_id = p.id)");
  }

  TestDatabase database_{GetParam()};
};

TEST_P(ForumDemoData, MakesConsistentSearchableMarkedTopicsAndRemovesExactlyThem) {
  auto [code, output] = DemoData({"--members", "60", "--forum-topics", "12", "--forum-posts", "80",
                                  "--forum-long-topic", "45", "--seed", "5"});
  ASSERT_EQ(code, 0) << output;
  EXPECT_TRUE(Has(output, "created 13 synthetic forum topics and 125 synthetic forum posts")) << output;
  EXPECT_TRUE(Has(output, "reindexed 126 forum posts")) << output;
  const std::string synthetic = "(SELECT user_id FROM synthetic_members)";
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_topics WHERE author_id IN " + synthetic), 13);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_posts WHERE author_id IN " + synthetic), 125);
  EXPECT_EQ(WrongCounters(), 0);
  // Condition forums and site-wide ones; replies, reactions; real words.
  EXPECT_GT(Count("SELECT COUNT(*) FROM forum_topics t JOIN forums f ON f.id = t.forum_id WHERE f.orphacode = 1183"), 0);
  EXPECT_GT(Count("SELECT COUNT(*) FROM forum_posts WHERE reply_to_number IS NOT NULL"), 0);
  EXPECT_GT(Count("SELECT COUNT(*) FROM forum_post_helped"), 0);
  EXPECT_GT(Count("SELECT COUNT(*) FROM forum_posts WHERE body LIKE '%wandering eye movements%'"
                  " OR body LIKE '%Dancing eyes syndrome%'"), 10);
  const long long now = Count("SELECT MAX(created_at) FROM forum_posts");
  EXPECT_GT(Count("SELECT MIN(created_at) FROM forum_posts WHERE author_id IN " + synthetic), now - 3 * 365 * 86400);
  const long long long_topic = Count("SELECT MAX(id) FROM forum_topics");  // made last
  EXPECT_EQ(Count("SELECT post_count FROM forum_topics WHERE id = " + std::to_string(long_topic)), 45);

  {
    TestServer server(database_);
    ASSERT_TRUE(server.started());
    HttpResult forum = server.Get("/forums/general");
    EXPECT_EQ(forum.status, 200u);
    EXPECT_TRUE(Has(forum.body, "A real question"));
    HttpResult moved = server.Get("/forums/general/t/" + std::to_string(long_topic) + "?page=3");
    ASSERT_EQ(moved.status, 301u) << moved.body.substr(0, 300);
    HttpResult last = server.Get(moved.Header("location"));
    ASSERT_EQ(last.status, 200u);
    EXPECT_TRUE(Has(last.body, "wrote post 45")) << last.body.substr(0, 2000);
    EXPECT_TRUE(Has(last.body, "Synthetic demo post"));
    EXPECT_TRUE(Has(last.body, "Demo data"));  // the banner of every page
    // Found by forum search: a member reads the condition's forum too.
    SignedIn amy = SignIn(server, "amy@example.org", kPassword);
    HttpResult found = server.Get("/api/v1/search?type=discussions&q=wandering%20eye%20movements",
                                  {{"Cookie", amy.cookie}});
    ASSERT_EQ(found.status, 200u);
    EXPECT_FALSE(nlohmann::json::parse(found.body)["results"].empty()) << found.body;
  }

  auto [removed_code, removed] = DemoData({"--remove"});
  ASSERT_EQ(removed_code, 0) << removed;
  EXPECT_TRUE(Has(removed, "removed 13 synthetic forum topics and 125 synthetic forum posts")) << removed;
  EXPECT_TRUE(Has(removed, "reindexed 1 forum posts")) << removed;
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_topics"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_posts"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_post_helped"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM synthetic_members"), 0);
  EXPECT_EQ(Count("SELECT topic_count FROM forums WHERE slug = 'general'"), 1);
  EXPECT_EQ(WrongCounters(), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, ForumDemoData, ::testing::ValuesIn(AllBackends()),
                         [](const ::testing::TestParamInfo<Backend>& info) { return BackendName(info.param); });

}  // namespace
}  // namespace diseasemaps::testing
