// Several nodes, one PostgreSQL (issue 15): two `diseasemaps serve` processes on one
// private PostgreSQL database behave as one site. A session made on one node holds on
// the other; a limit counts the attempts made on both; a change made on one reaches the
// other's community map within a second (the nodes poll only every 30 s and re-sync
// their maps every 10 minutes here, so only the change notices can do it); a node
// killed with SIGKILL under a write load loses no write it acknowledged, and the other
// goes on serving.
//
// PostgreSQL only (SQLite has one server process). CTest runs the suite as one entry,
// cluster.Cluster, with the label `cluster` (tests/CMakeLists.txt).
#include <signal.h>

#include <atomic>
#include <chrono>
#include <optional>
#include <thread>

#include "map_fixture.h"

namespace diseasemaps::testing {
namespace {

using Clock = std::chrono::steady_clock;

class Cluster : public MapTest {
 protected:
  // A node's own search index, and polls slow enough that a change seen within a second
  // came by a notice.
  std::vector<std::string> Node(const std::string& name) {
    return {"--search-index", (database_.directory() / ("index-" + name)).string(), "--cache-check-interval", "30",
            "--map-resync-interval", "600"};
  }

  long long LyonCount(TestServer& server) {
    json map = Parse(server.Get("/api/v1/map?condition=900001&zoom=20"));
    const json lyon = Place(map, LyonId());
    return lyon.is_object() ? lyon["count"].get<long long>() : 0;
  }

  // Milliseconds until `server`'s map shows `count` in Lyon, or -1 after `limit`.
  long long MillisUntilLyonShows(TestServer& server, long long count, std::chrono::milliseconds limit) {
    const auto start = Clock::now();
    while (Clock::now() - start <= limit) {
      if (LyonCount(server) == count) {
        return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count();
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return -1;
  }
};

TEST_P(Cluster, ASessionMadeOnOneNodeHoldsOnTheOther) {
  AddUser(database_, "amy@example.org", "Amy", {"member"}, kPassword);
  TestServer a(database_, Node("a"));
  TestServer b(database_, Node("b"));
  ASSERT_TRUE(a.started() && b.started());
  SignedIn amy = SignIn(a, "amy@example.org", kPassword);

  HttpResult home = b.Get("/account", {{"Cookie", amy.cookie}});
  EXPECT_EQ(home.status, 200u) << home.body.substr(0, 300);
  EXPECT_TRUE(Has(home.body, "Amy"));
  // The CSRF token of node A's session is good on node B.
  EXPECT_EQ(PostAs(b, amy, "/account/profile", "display_name=Amy+B&city=&city_id=&country=&visibility=members").status,
            303u);
  // Signing out on B ends the session on A too.
  EXPECT_EQ(PostAs(b, amy, "/logout", "").status, 303u);
  EXPECT_NE(a.Get("/account", {{"Cookie", amy.cookie}}).status, 200u);
}

// A limit of 8 failed sign-ins per account is 8 across the cluster: alternating nodes,
// the 9th attempt is refused on both (with one node per process counting, it would
// take 16).
TEST_P(Cluster, FailedSignInsAreCountedAcrossNodes) {
  TestServer a(database_, Node("a"));
  TestServer b(database_, Node("b"));
  ASSERT_TRUE(a.started() && b.started());
  SignedIn anonymous = OpenForm(a, "/login");
  const std::string attempt = "csrf=" + anonymous.csrf + "&email=nobody%40example.org&password=wrong&next=%2F";
  for (int i = 0; i < 8; ++i) {
    TestServer& node = i % 2 == 0 ? a : b;
    EXPECT_EQ(PostForm(node, "/login", anonymous.cookie, attempt).status, 422u) << "attempt " << i + 1;
  }
  for (TestServer* node : {&a, &b}) {
    HttpResult refused = PostForm(*node, "/login", anonymous.cookie, attempt);
    EXPECT_EQ(refused.status, 429u);
    EXPECT_FALSE(refused.Header("retry-after").empty());
  }
  // Another account is not held back by this one's count (the per-address limit, 20,
  // is not reached).
  EXPECT_EQ(PostForm(b, "/login", anonymous.cookie,
                     "csrf=" + anonymous.csrf + "&email=else%40example.org&password=wrong&next=%2F")
                .status,
            422u);
  EXPECT_GT(QueryNumber(database_.db(), "SELECT COUNT(*) FROM rate_limit_counts"), 0);
}

TEST_P(Cluster, AChangeOnOneNodeReachesTheOtherWithinASecond) {
  AddCommunity();
  AddUser(database_, "new@example.org", "Nina New", {"member"}, kPassword);
  AddUser(database_, "ada@example.org", "Ada Admin", {"admin"}, kPassword);
  TestServer a(database_, Node("a"));
  TestServer b(database_, Node("b"));
  ASSERT_TRUE(a.started() && b.started());
  ASSERT_EQ(LyonCount(b), 3);

  // Nina joins from Lyon on A: B's map shows 4 within a second.
  SignedIn nina = SignIn(a, "new@example.org", kPassword);
  JoinFromLyon(a, nina, "Nina");
  const long long joined = MillisUntilLyonShows(b, 4, std::chrono::seconds(1));
  EXPECT_GE(joined, 0) << "node B still shows " << LyonCount(b) << " in Lyon after 1 s";

  // An admin suspends a Lyon member on A: B's map drops them within a second.
  SignedIn ada = SignIn(a, "ada@example.org", kPassword);
  ASSERT_EQ(PostAs(a, ada, "/admin/users/" + std::to_string(lyon_ids_[1]) + "/suspend", "reason=Spam").status, 303u);
  const long long suspended = MillisUntilLyonShows(b, 3, std::chrono::seconds(1));
  EXPECT_GE(suspended, 0) << "node B still shows " << LyonCount(b) << " in Lyon after 1 s";
  std::cout << "[ cluster  ] a change reached the other node in " << joined << " ms and " << suspended << " ms"
            << std::endl;
}

// The status of a POST sent as raw bytes, or nullopt when the node does not answer.
std::optional<unsigned> RawPost(TestServer& server, const SignedIn& who, const std::string& path,
                                const std::string& fields) {
  const std::string body = "csrf=" + who.csrf + "&" + fields;
  const std::string request = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nCookie: " +
                              who.cookie + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " +
                              std::to_string(body.size()) + "\r\n\r\n" + body;
  try {
    const std::string answer = server.RawExchange(request, std::chrono::seconds(10));
    if (answer.rfind("HTTP/1.1 ", 0) != 0 || answer.size() < 12) return std::nullopt;
    return static_cast<unsigned>(std::stoul(answer.substr(9, 3)));
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

// Saves `who`'s display name "<prefix> <n>" with n = 1, 2, … on `server` until `stop`,
// and returns the highest n the node acknowledged (303).
long long SaveUntilStopped(TestServer& server, const SignedIn& who, const std::string& prefix,
                           const std::atomic<bool>& stop) {
  long long acknowledged = 0;
  for (long long n = 1; !stop; ++n) {
    auto status = RawPost(server, who, "/account/profile",
                          "display_name=" + prefix + "%20" + std::to_string(n) +
                              "&city=&city_id=&country=&visibility=members");
    if (!status) break;  // the node is gone
    if (*status == 303u) acknowledged = n;
  }
  return acknowledged;
}

TEST_P(Cluster, AKilledNodeLosesNoAcknowledgedWrite) {
  AddUser(database_, "amy@example.org", "Amy", {"member"}, kPassword);
  AddUser(database_, "ben@example.org", "Ben", {"member"}, kPassword);
  TestServer a(database_, Node("a"));
  TestServer b(database_, Node("b"));
  ASSERT_TRUE(a.started() && b.started());
  SignedIn amy = SignIn(a, "amy@example.org", kPassword);
  SignedIn ben = SignIn(b, "ben@example.org", kPassword);

  std::atomic<bool> stop_a{false}, stop_b{false};
  long long amy_acknowledged = 0, ben_acknowledged = 0;
  std::thread writer_a([&] { amy_acknowledged = SaveUntilStopped(a, amy, "Amy", stop_a); });
  std::thread writer_b([&] { ben_acknowledged = SaveUntilStopped(b, ben, "Ben", stop_b); });
  std::this_thread::sleep_for(std::chrono::seconds(2));
  ASSERT_EQ(kill(a.pid(), SIGKILL), 0);
  a.WaitForExit();
  writer_a.join();
  std::this_thread::sleep_for(std::chrono::seconds(1));  // B goes on alone
  stop_b = true;
  writer_b.join();

  auto stored = [&](const std::string& email) {
    auto name = database_.db().Run([&](soci::session& sql) {
      std::string display_name;
      sql << "SELECT display_name FROM users WHERE email = :e", soci::use(email), soci::into(display_name);
      return display_name;
    });
    EXPECT_TRUE(name.ok());
    const std::string text = name.ok() ? *name : "";
    const auto space = text.rfind(' ');
    return space == std::string::npos ? -1LL : std::stoll(text.substr(space + 1));
  };
  ASSERT_GT(amy_acknowledged, 0);
  ASSERT_GT(ben_acknowledged, 0);
  // A write in flight at the kill may have committed unacknowledged: never fewer.
  EXPECT_GE(stored("amy@example.org"), amy_acknowledged);
  EXPECT_LE(stored("amy@example.org"), amy_acknowledged + 1);
  EXPECT_EQ(stored("ben@example.org"), ben_acknowledged);
  // The survivor still serves, and knows the session made on the dead node.
  EXPECT_EQ(b.Get("/account", {{"Cookie", amy.cookie}}).status, 200u);
  std::cout << "[ cluster  ] acknowledged " << amy_acknowledged << " saves on the killed node, "
            << ben_acknowledged << " on the survivor" << std::endl;
}

INSTANTIATE_TEST_SUITE_P(Postgresql, Cluster, ::testing::Values(Backend::kPostgresql),
                         [](const auto& info) { return BackendName(info.param); });

}  // namespace
}  // namespace diseasemaps::testing
