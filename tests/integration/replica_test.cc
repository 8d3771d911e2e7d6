// Reads from the replica (issue 15): `serve --database-replica` on a real hot standby
// (hot_standby.h: pg_basebackup -R from the test's PostgreSQL, streaming). Pausing
// the standby's replay (pg_wal_replay_pause) makes its reads visibly older than the
// primary's, so each test can tell which server answered:
// - a signed-in reader of a forum topic reads the standby; the member who just wrote
//   reads the primary (the signed dm_primary cookie), on whichever node answers; a forged
//   cookie changes nothing;
// - an anonymous page the cache keeps is never rendered from a standby older than the
//   change that emptied the cache;
// - the lag is in /metrics, and falls back once replay resumes;
// - a stopped standby leaves every request answered (from the primary), /admin says it
//   does not answer, and the node uses the standby again once it is back.
// The community map's reads from the standby: map_replica_test.cc.
//
// PostgreSQL only. CTest runs the suite as cluster.Replica, label `cluster`.
#include <chrono>
#include <optional>

#include "established_member.h"
#include "forum_fixture.h"
#include "hot_standby.h"

namespace diseasemaps::testing {
namespace {

using Clock = std::chrono::steady_clock;

class Replica : public ForumFixture {
 protected:
  void SetUp() override {
    ForumFixture::SetUp();
    EstablishForumMember(database_, "amy@example.org");
    standby_.emplace(database_);
    ASSERT_TRUE(standby_->started());
  }
  void TearDown() override { standby_.reset(); }

  // A node reading from the standby; polls slow enough that only notices and the replica
  // check matter, and a lag allowance longer than any pause here.
  std::vector<std::string> Node(const std::string& name) {
    return {"--database-replica", standby_->url(), "--replica-max-lag", "120", "--search-index",
            (database_.directory() / ("index-" + name)).string(), "--cache-check-interval", "30"};
  }

  // The member's Cookie header with the dm_primary cookie a write of theirs was answered with.
  static std::string WithPrimaryCookie(const SignedIn& who, const HttpResult& write) {
    const std::string primary = CookieSetBy(write, "dm_primary");
    EXPECT_FALSE(primary.empty()) << "the write set no dm_primary cookie";
    return who.cookie + "; " + primary;
  }

  // The replica's part of the admin home.
  static std::string ReplicaStatus(const HttpResult& admin) {
    EXPECT_EQ(admin.status, 200u);
    const std::size_t start = admin.body.find("id=\"status-replica\"");
    const std::size_t end = admin.body.find("id=\"status-outbox\"");
    return start == std::string::npos || end == std::string::npos ? "" : admin.body.substr(start, end - start);
  }

  std::optional<HotStandby> standby_;
};

TEST_P(Replica, ReadersSeeTheStandbyAndAWriterSeesTheirOwnPost) {
  TestServer node(database_, Node("a"));
  ASSERT_TRUE(node.started()) << node.Log();
  ASSERT_TRUE(Within(std::chrono::seconds(10), [&] { return MetricIs(node, "diseasemaps_replica_up", 1); }));
  SignedIn amy = SignIn(node, "amy@example.org", kPassword);
  SignedIn ben = SignIn(node, "ben@example.org", kPassword);
  const std::string topic = Topic(node, amy, "general", "Sleep and melatonin", "What helped your child sleep?");
  ASSERT_TRUE(standby_->CaughtUp(std::chrono::seconds(10)));
  ASSERT_TRUE(Within(std::chrono::seconds(5), [&] { return Has(node.Get(topic).body, "What helped your child sleep?"); }));

  standby_->Pause();
  HttpResult reply = Reply(node, amy, topic, "A warm bath an hour before bed.");
  ASSERT_EQ(reply.status, 303u) << reply.body.substr(0, 300);
  const std::string amy_after_write = WithPrimaryCookie(amy, reply);

  // Amy, who just wrote, reads the primary.
  EXPECT_TRUE(Has(node.Get(topic, {{"Cookie", amy_after_write}}).body, "A warm bath an hour before bed."));
  // Ben reads the paused standby: the reply is not there yet.
  const double reads_before = Metric(node, "diseasemaps_replica_reads_total").value_or(-1);
  HttpResult ben_reads = node.Get(topic, {{"Cookie", ben.cookie}});
  EXPECT_EQ(ben_reads.status, 200u);
  EXPECT_TRUE(Has(ben_reads.body, "What helped your child sleep?"));
  EXPECT_FALSE(Has(ben_reads.body, "A warm bath an hour before bed."));
  EXPECT_GT(Metric(node, "diseasemaps_replica_reads_total").value_or(-1), reads_before);
  // A forged or altered dm_primary cookie is ignored.
  const std::string primary = CookieSetBy(reply, "dm_primary");
  const std::string forged = "dm_primary=99999999999" + primary.substr(primary.find('.'));
  EXPECT_FALSE(Has(node.Get(topic, {{"Cookie", ben.cookie + "; " + forged}}).body, "A warm bath an hour before bed."));
  // The reply emptied the page cache; the standby is older than that, so a visitor's page
  // (which the cache keeps) comes from the primary.
  EXPECT_TRUE(Has(node.Get(topic).body, "A warm bath an hour before bed."));
  // The lag shows in /metrics.
  EXPECT_TRUE(Within(std::chrono::seconds(5), [&] {
    return Metric(node, "diseasemaps_replica_lag_bytes").value_or(0) > 0 &&
           Metric(node, "diseasemaps_replica_lag_seconds").value_or(0) > 0;
  }));

  standby_->Resume();
  ASSERT_TRUE(standby_->CaughtUp(std::chrono::seconds(10)));
  EXPECT_TRUE(Within(std::chrono::seconds(5), [&] {
    return Has(node.Get(topic, {{"Cookie", ben.cookie}}).body, "A warm bath an hour before bed.");
  }));
  // Caught up to the test's writes: the lag the node reports falls back (other tests on
  // this server keep writing, so not necessarily to exactly 0).
  EXPECT_TRUE(Within(std::chrono::seconds(5), [&] {
    const double lag = Metric(node, "diseasemaps_replica_lag_seconds").value_or(-1);
    return lag >= 0 && lag < 2;
  }));
}

TEST_P(Replica, AProfileSavedOnOneNodeIsSeenByItsAuthorOnTheOther) {
  TestServer a(database_, Node("a"));
  TestServer b(database_, Node("b"));
  ASSERT_TRUE(a.started() && b.started());
  for (TestServer* node : {&a, &b}) {
    ASSERT_TRUE(Within(std::chrono::seconds(10), [&] { return MetricIs(*node, "diseasemaps_replica_up", 1); }));
  }
  SignedIn amy = SignIn(a, "amy@example.org", kPassword);
  SignedIn ben = SignIn(b, "ben@example.org", kPassword);
  const std::string topic = Topic(a, amy, "general", "Finding a specialist", "Who did you see first?");
  ASSERT_TRUE(standby_->CaughtUp(std::chrono::seconds(10)));

  standby_->Pause();
  HttpResult saved = PostAs(a, amy, "/account/profile",
                            "display_name=Amelia+Renamed&city=&city_id=&country=&visibility=members");
  ASSERT_EQ(saved.status, 303u) << saved.body.substr(0, 300);
  // On node B, Amy (with the cookie node A gave her) sees her new name on her post...
  EXPECT_TRUE(Has(b.Get(topic, {{"Cookie", WithPrimaryCookie(amy, saved)}}).body, "Amelia Renamed"));
  // ...while Ben, reading the paused standby through B, still sees the old one.
  HttpResult ben_reads = b.Get(topic, {{"Cookie", ben.cookie}});
  EXPECT_TRUE(Has(ben_reads.body, "Who did you see first?"));
  EXPECT_FALSE(Has(ben_reads.body, "Amelia Renamed"));
  standby_->Resume();
  ASSERT_TRUE(standby_->CaughtUp(std::chrono::seconds(10)));
  EXPECT_TRUE(Within(std::chrono::seconds(5), [&] {
    return Has(b.Get(topic, {{"Cookie", ben.cookie}}).body, "Amelia Renamed");
  }));
}

TEST_P(Replica, AStoppedStandbyLeavesEveryRequestAnswered) {
  TestServer node(database_, Node("a"));
  ASSERT_TRUE(node.started()) << node.Log();
  ASSERT_TRUE(Within(std::chrono::seconds(10), [&] { return MetricIs(node, "diseasemaps_replica_up", 1); }));
  AddUser(database_, "ada@example.org", "Ada Admin", {"admin"}, kPassword);
  SignedIn ben = SignIn(node, "ben@example.org", kPassword);
  SignedIn ada = SignIn(node, "ada@example.org", kPassword);
  const std::string answering = ReplicaStatus(Get(node, ada, "/admin"));
  EXPECT_TRUE(Has(answering, "answers")) << answering;
  EXPECT_TRUE(Has(answering, "data-lag-bytes=")) << answering;
  const std::vector<std::string> pages = {"/forums/general", "/search?q=dancing", "/api/v1/search?q=eyes", "/forums"};

  standby_->Stop();
  int answered = 0, failed = 0;
  const auto until = Clock::now() + std::chrono::seconds(3);
  for (int i = 0; Clock::now() < until; ++i) {
    const std::string& page = pages[static_cast<std::size_t>(i) % pages.size()];
    HttpResult result = i % 2 == 0 ? node.Get(page) : node.Get(page, {{"Cookie", ben.cookie}});
    (result.status == 200u ? answered : failed) += 1;
    if (result.status != 200u) ADD_FAILURE() << page << " answered " << result.status;
  }
  EXPECT_GT(answered, 10);
  EXPECT_EQ(failed, 0);
  EXPECT_TRUE(Within(std::chrono::seconds(5), [&] { return MetricIs(node, "diseasemaps_replica_up", 0); }));
  EXPECT_TRUE(MetricIs(node, "diseasemaps_replica_in_use", 0));
  // The admin home says so, and where reads go.
  const std::string replica_status = ReplicaStatus(Get(node, ada, "/admin"));
  EXPECT_TRUE(Has(replica_status, "does not answer")) << replica_status;
  EXPECT_TRUE(Has(replica_status, "reads go to the database above")) << replica_status;
  // The log says once that the standby cannot be reached, not once a check.
  const std::string log = node.Log();
  std::size_t told = 0;
  for (std::size_t at = log.find("cannot reconnect"); at != std::string::npos; at = log.find("cannot reconnect", at + 1)) {
    ++told;
  }
  EXPECT_EQ(told, 1u) << log;

  standby_->Restart();
  ASSERT_TRUE(Within(std::chrono::seconds(15), [&] { return MetricIs(node, "diseasemaps_replica_in_use", 1); }));
  // Reads go to it again (a dropped connection costs one read on the primary at most).
  const double reads_before = Metric(node, "diseasemaps_replica_reads_total").value_or(-1);
  EXPECT_TRUE(Within(std::chrono::seconds(5), [&] {
    EXPECT_EQ(node.Get("/forums/general", {{"Cookie", ben.cookie}}).status, 200u);
    return Metric(node, "diseasemaps_replica_reads_total").value_or(-1) > reads_before;
  }));
  std::cout << "[ replica  ] " << answered << " requests answered while the standby was down" << std::endl;
}

INSTANTIATE_TEST_SUITE_P(Postgresql, Replica, ::testing::Values(Backend::kPostgresql),
                         [](const auto& info) { return BackendName(info.param); });

}  // namespace
}  // namespace diseasemaps::testing
