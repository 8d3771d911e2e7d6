// Forum search on two nodes of one PostgreSQL (issue 14 with issue 15's cluster): what a
// member writes on node A, and what a moderator or an admin changes there, is what a
// search on node B shows within about a second. Both nodes poll the posts' change log only
// every 30 s here, so only the change notice the forum writers send in their transaction
// (`NOTIFY diseasemaps_changes, 'search'`, search/post_search_store.h) can bring it that
// fast: a new topic, a reply, an edit, a moderator's hiding, a forum opened to visitors.
//
// PostgreSQL only (SQLite has one server process). CTest runs the suite as one entry,
// cluster.ForumCluster, with the label `cluster` (tests/CMakeLists.txt).
#include <chrono>
#include <functional>
#include <iostream>
#include <thread>

#include "forum_fixture.h"

namespace diseasemaps::testing {
namespace {

using Clock = std::chrono::steady_clock;
using nlohmann::json;

constexpr auto kWithin = std::chrono::seconds(1);

class ForumCluster : public ForumFixture {
 protected:
  // A node's own search index, and polls slow enough that a change seen within a second
  // came by a notice.
  std::vector<std::string> Node(const std::string& name) {
    return {"--search-index", (database_.directory() / ("index-" + name)).string(), "--cache-check-interval", "30"};
  }

  // Milliseconds until `server`'s results for `query` (as `cookie`) satisfy `want`, or -1
  // after kWithin.
  static long long MillisUntil(TestServer& server, const std::string& query, const std::string& cookie,
                               const std::function<bool(const json&)>& want) {
    const auto start = Clock::now();
    while (Clock::now() - start <= kWithin) {
      const json body = Discussions(server, query, cookie);
      if (body.is_object() && want(body["results"])) {
        return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count();
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return -1;
  }
};

TEST_P(ForumCluster, APostWrittenOnOneNodeIsFoundOnTheOtherWithinASecond) {
  AddUser(database_, "ada@example.org", "Ada Admin", {"admin"}, kPassword);
  TestServer a(database_, Node("a"));
  TestServer b(database_, Node("b"));
  ASSERT_TRUE(a.started() && b.started()) << a.Log() << b.Log();
  SignedIn amy = SignIn(a, "amy@example.org", kPassword);
  SignedIn mo = SignIn(a, "mo@example.org", kPassword);
  SignedIn ada = SignIn(a, "ada@example.org", kPassword);
  std::vector<long long> took;
  auto expect_on_b = [&](const std::string& what, const std::string& query, const std::string& cookie,
                         const std::function<bool(const json&)>& want) {
    const long long ms = MillisUntil(b, query, cookie, want);
    EXPECT_GE(ms, 0) << what << ": node B still shows " << Discussions(b, query, cookie).dump() << " after "
                     << std::chrono::milliseconds(kWithin).count() << " ms\n"
                     << b.Log();
    took.push_back(ms);
  };
  ASSERT_TRUE(Discussions(b, "wombatword", "")["results"].empty());

  // A new topic on A: found on B.
  const std::string path = Topic(a, amy, "general", "Wombats", "Our wombatword story.");
  expect_on_b("a new topic", "wombatword", "", Hits(1));
  // A reply on A.
  ASSERT_EQ(Reply(a, amy, path, "A platypusword reply.").status, 303u);
  expect_on_b("a reply", "platypusword", "", Hits(1));
  // An edit on A: the new words found, the old gone.
  ASSERT_EQ(PostAs(a, amy, Base(path) + "/posts/1/edit", "title=" + Enc("Wombats") + "&body=" + Enc("A numbatword."))
                .status,
            303u);
  expect_on_b("an edit", "numbatword", "", Hits(1));
  EXPECT_TRUE(Discussions(b, "wombatword", "")["results"].empty());
  // Hidden by a moderator on A: gone on B.
  ASSERT_EQ(PostAs(a, mo, Base(path) + "/posts/2/hide", "reason=" + Enc("Unkind")).status, 303u);
  expect_on_b("a hidden post", "platypusword", amy.cookie, Hits(0));

  // A members-only forum opened to visitors by an admin on A: a visitor on B finds its post.
  Topic(a, amy, kConditionForum, "Night", "Our quollword nights.");
  expect_on_b("a members-only post", "quollword", amy.cookie, Hits(1));
  EXPECT_TRUE(Discussions(b, "quollword", "")["results"].empty());
  ASSERT_EQ(PostAs(a, ada, std::string("/admin/forums/") + kConditionForum, "readers=everyone").status, 303u);
  expect_on_b("a forum's readers", "quollword", "", Hits(1));

  std::cout << "[ cluster  ] forum changes reached the other node's search in";
  for (long long ms : took) std::cout << " " << ms;
  std::cout << " ms" << std::endl;
}

INSTANTIATE_TEST_SUITE_P(Postgresql, ForumCluster, ::testing::Values(Backend::kPostgresql),
                         [](const auto& info) { return BackendName(info.param); });

}  // namespace
}  // namespace diseasemaps::testing
