// `demo-data --forum-topics/--forum-posts/--forum-long-topic` through the real binary, on
// SQLite and PostgreSQL: the synthetic topics and posts land in condition and site-wide
// forums with every counter the pages read true, their words come from the catalogue
// (found by forum search, the index rebuilt by the command), the topic page marks each
// post as synthetic, its members have read positions and watches as posting and reading
// leave them (a real member's reply in a watched demo topic notifies its watchers in the
// app, never by e-mail to their .invalid addresses), and `demo-data --remove` deletes
// exactly them: a real member's topic and the forums' counters stay true, and a condition's
// forum row goes only when demo data made it and nothing real holds it.
#include <gtest/gtest.h>

#include <ctime>
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
  // The one text the query selects ("" when none).
  std::string Text(const std::string& query) {
    auto text = database_.db().Run([&](soci::session& sql) {
      std::string value;
      sql << query, soci::into(value);
      return value;
    });
    EXPECT_TRUE(text.ok()) << text.status().message();
    return text.ok() ? *text : "";
  }
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
  // Their read positions, watches and settings went with them.
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_topic_reads"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM topic_watches"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_watches"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM notifications"), 0);
  const std::string real = "(SELECT id FROM users WHERE email = 'amy@example.org')";
  EXPECT_EQ(Count("SELECT COUNT(*) FROM member_digests WHERE user_id NOT IN " + real), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM notification_settings WHERE user_id NOT IN " + real), 0);
  // The condition's forum row was made for the demo topics alone: it went too.
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forums WHERE orphacode IS NOT NULL"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM site_state WHERE name LIKE 'synthetic_forum:%'"), 0);
}

// Read positions and watches as members leave them: every writer has read a topic at least
// to their last post and tracks it (or watches or muted it); some read on to the end, some
// stopped before it (so unread counts are not all zero), some read without writing; forum
// watches exist; the synthetic members receive no e-mail. A real member's reply in a demo
// topic that synthetic members watch notifies them in the app.
TEST_P(ForumDemoData, GivesDemoMembersReadPositionsAndWatchesThatNotifyInTheAppOnly) {
  auto [code, output] = DemoData({"--members", "60", "--forum-topics", "30", "--forum-posts", "300", "--seed", "7"});
  ASSERT_EQ(code, 0) << output;
  EXPECT_TRUE(Has(output, " read positions and ")) << output;
  const std::string synthetic = "(SELECT user_id FROM synthetic_members)";
  // Every writer read at least to their last post, and watches the topic at some level.
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_posts p WHERE p.author_id IN " + synthetic +
                  " AND NOT EXISTS (SELECT 1 FROM forum_topic_reads r WHERE r.user_id = p.author_id"
                  " AND r.topic_id = p.topic_id AND r.last_read_number >= p.number)"),
            0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_posts p WHERE p.author_id IN " + synthetic +
                  " AND NOT EXISTS (SELECT 1 FROM topic_watches w WHERE w.user_id = p.author_id"
                  " AND w.topic_id = p.topic_id)"),
            0);
  EXPECT_GT(Count("SELECT COUNT(*) FROM forum_posts p WHERE p.author_id IN " + synthetic), 290);
  // Positions within their topics, read after the post they reached and never in the future.
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_topic_reads r JOIN forum_topics t ON t.id = r.topic_id"
                  " JOIN forum_posts p ON p.topic_id = r.topic_id AND p.number = r.last_read_number"
                  " WHERE r.read_at < p.created_at"),
            0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_topic_reads r JOIN forum_topics t ON t.id = r.topic_id"
                  " WHERE r.last_read_number < 1 OR r.last_read_number > t.post_count"),
            0);
  EXPECT_LE(Count("SELECT MAX(read_at) FROM forum_topic_reads"), static_cast<long long>(std::time(nullptr)));
  // Some read to the end, some have unread posts, some read without writing.
  EXPECT_GT(Count("SELECT COUNT(*) FROM forum_topic_reads r JOIN forum_topics t ON t.id = r.topic_id"
                  " WHERE r.last_read_number = t.post_count"),
            0);
  EXPECT_GT(Count("SELECT COUNT(*) FROM forum_topic_reads r JOIN forum_topics t ON t.id = r.topic_id"
                  " WHERE r.last_read_number < t.post_count"),
            0);
  EXPECT_GT(Count("SELECT COUNT(*) FROM forum_topic_reads r WHERE NOT EXISTS (SELECT 1 FROM forum_posts p"
                  " WHERE p.topic_id = r.topic_id AND p.author_id = r.user_id)"),
            0);
  // Every level but "normal" (which is no row), on topics and on forums.
  EXPECT_GT(Count("SELECT COUNT(*) FROM topic_watches WHERE level = 'tracking'"), 0);
  EXPECT_GT(Count("SELECT COUNT(*) FROM topic_watches WHERE level = 'watching'"), 0);
  EXPECT_GT(Count("SELECT COUNT(*) FROM topic_watches WHERE level = 'muted'"), 0);
  EXPECT_GT(Count("SELECT COUNT(*) FROM forum_watches WHERE user_id IN " + synthetic), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM topic_watches WHERE user_id NOT IN " + synthetic), 0);
  // No e-mail for them: digests never, replies and mentions off.
  EXPECT_EQ(Count("SELECT COUNT(*) FROM member_digests WHERE frequency = 'never' AND user_id IN " + synthetic), 60);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM notification_settings WHERE email_replies = 0 AND user_id IN " + synthetic),
            60);

  // Amy replies in the demo topic with the most synthetic watchers: they are notified in
  // the app; no e-mail is queued for a synthetic address.
  const long long topic = Count("SELECT topic_id FROM topic_watches WHERE level = 'watching'"
                                " GROUP BY topic_id ORDER BY COUNT(*) DESC, topic_id LIMIT 1");
  const long long watchers = Count("SELECT COUNT(*) FROM topic_watches WHERE level = 'watching' AND topic_id = " +
                                   std::to_string(topic));
  ASSERT_GT(watchers, 0);
  {
    TestServer server(database_);
    ASSERT_TRUE(server.started());
    SignedIn amy = SignIn(server, "amy@example.org", kPassword);
    const std::string forum = Text("SELECT COALESCE(f.slug, c.slug) FROM forum_topics t JOIN forums f ON f.id ="
                                   " t.forum_id LEFT JOIN conditions c ON c.orphacode = f.orphacode WHERE t.id = " +
                                   std::to_string(topic));
    HttpResult moved = server.Get("/forums/" + forum + "/t/" + std::to_string(topic), {{"Cookie", amy.cookie}});
    ASSERT_EQ(moved.status, 301u) << moved.body.substr(0, 300);
    const std::string location = moved.Header("location");
    const std::string path = location.substr(0, location.find_first_of("?#"));
    HttpResult replied = PostAs(server, amy, path, "body=Thank%20you%2C%20this%20helps%20us%20too.");
    ASSERT_EQ(replied.status, 303u) << replied.body.substr(0, 500);
  }
  // Each member watching the topic is told of the new post, in the app.
  EXPECT_GE(Count("SELECT COUNT(*) FROM notifications WHERE kind = 'watched' AND topic_id = " + std::to_string(topic) +
                  " AND recipient_id IN " + synthetic),
            watchers);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM outbox WHERE recipient LIKE '%.invalid'"), 0);

  auto [removed_code, removed] = DemoData({"--remove"});
  ASSERT_EQ(removed_code, 0) << removed;
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_topic_reads"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM topic_watches"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_watches"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM notifications"), 0);
}

// `--remove` takes away the condition forum rows demo data made, and only those: a forum
// that had a row before the demo data stays, and so does a demo-made one that a real member
// has since written in (with its counters true) or whose readers an admin chose.
TEST_P(ForumDemoData, RemovesOnlyTheForumRowsItMadeThatNothingRealHolds) {
  InsertCondition(database_.db(), 2001, "Second condition");
  InsertCondition(database_.db(), 2002, "Third condition");
  InsertCondition(database_.db(), 2003, "Fourth condition");
  Sql("INSERT INTO forums (orphacode) VALUES (2003)");  // existed before, empty
  const long long before = Count("SELECT id FROM forums WHERE orphacode = 2003");
  auto [code, output] = DemoData({"--members", "80", "--forum-topics", "60", "--forum-posts", "200", "--seed", "3"});
  ASSERT_EQ(code, 0) << output;
  auto topics_in = [&](int orphacode) {
    return Count("SELECT COUNT(*) FROM forum_topics t JOIN forums f ON f.id = t.forum_id WHERE f.orphacode = " +
                 std::to_string(orphacode));
  };
  for (int orphacode : {1183, 2001, 2002, 2003}) {
    ASSERT_GT(topics_in(orphacode), 0) << "seed 3 put no demo topic in the forum of " << orphacode;
  }
  EXPECT_EQ(Count("SELECT COUNT(*) FROM site_state WHERE name LIKE 'synthetic_forum:%'"), 3);
  // A real member writes in the forum demo data made for 2001; an admin opens 2002's.
  const long long amy = UserIdOf(database_, "amy@example.org");
  Sql("INSERT INTO forum_topics (forum_id, author_id, title, created_at, post_count, reply_count, last_post_at)"
      " SELECT id, " + std::to_string(amy) + ", 'Real in a demo-made forum', 1700000100, 1, 0, 1700000100 FROM forums"
      " WHERE orphacode = 2001");
  Sql("INSERT INTO forum_posts (topic_id, number, author_id, body, created_at) SELECT id, 1, author_id,"
      " 'Written by a person', 1700000100 FROM forum_topics WHERE title = 'Real in a demo-made forum'");
  Sql("UPDATE forums SET topic_count = topic_count + 1, post_count = post_count + 1 WHERE orphacode = 2001");
  Sql("UPDATE forums SET readers = 'everyone' WHERE orphacode = 2002");

  auto [removed_code, removed] = DemoData({"--remove"});
  ASSERT_EQ(removed_code, 0) << removed;
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forums WHERE orphacode = 1183"), 0);  // made by demo data, empty
  EXPECT_EQ(Count("SELECT topic_count FROM forums WHERE orphacode = 2001"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forums WHERE orphacode = 2002 AND readers = 'everyone'"), 1);
  EXPECT_EQ(Count("SELECT id FROM forums WHERE orphacode = 2003"), before);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forums WHERE slug IS NOT NULL"), 4);  // the site-wide ones
  EXPECT_EQ(Count("SELECT COUNT(*) FROM site_state WHERE name LIKE 'synthetic_forum:%'"), 0);
  EXPECT_EQ(WrongCounters(), 0);
  // Demo data again, then removed again: the kept rows stay, the new one goes.
  ASSERT_EQ(DemoData({"--members", "20", "--forum-topics", "10", "--forum-posts", "30", "--seed", "4"}).first, 0);
  ASSERT_EQ(DemoData({"--remove"}).first, 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forums WHERE orphacode IN (2001, 2002, 2003)"), 3);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forums WHERE orphacode = 1183"), 0);
  EXPECT_EQ(WrongCounters(), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, ForumDemoData, ::testing::ValuesIn(AllBackends()),
                         [](const ::testing::TestParamInfo<Backend>& info) { return BackendName(info.param); });

}  // namespace
}  // namespace diseasemaps::testing
