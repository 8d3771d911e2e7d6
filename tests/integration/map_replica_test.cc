// The community map on a read replica (issue 15): its full re-reads come from the hot
// standby (hot_standby.h), but a re-read never undoes a change the node was told of: it
// asks the standby for everything up to the last member change, and reads the primary
// while the standby is older than that. Replay is paused to tell the servers apart; the
// map re-reads every second here.
//
// PostgreSQL only. CTest runs the suite within cluster.Replica, label `cluster`.
#include <chrono>
#include <optional>

#include "hot_standby.h"
#include "map_fixture.h"

namespace diseasemaps::testing {
namespace {

class MapOnReplica : public MapTest {
 protected:
  void SetUp() override {
    MapTest::SetUp();
    standby_.emplace(database_);
    ASSERT_TRUE(standby_->started());
  }
  void TearDown() override { standby_.reset(); }

  long long LyonCount(TestServer& server) {
    json map = Parse(server.Get("/api/v1/map?condition=" + std::to_string(kOrphacode) + "&zoom=20"));
    const json lyon = Place(map, LyonId());
    return lyon.is_object() ? lyon["count"].get<long long>() : 0;
  }

  std::optional<HotStandby> standby_;
};

TEST_P(MapOnReplica, AReReadNeverUndoesAChangeTheStandbyHasNotReplayed) {
  AddCommunity();
  AddUser(database_, "nina@example.org", "Nina", {"member"}, kPassword);
  TestServer node(database_, {"--database-replica", standby_->url(), "--replica-max-lag", "120",
                              "--map-resync-interval", "1", "--cache-check-interval", "30"});
  ASSERT_TRUE(node.started()) << node.Log();
  ASSERT_TRUE(Within(std::chrono::seconds(10), [&] { return MetricIs(node, "diseasemaps_replica_in_use", 1); }));
  ASSERT_TRUE(standby_->CaughtUp(std::chrono::seconds(10)));
  ASSERT_EQ(LyonCount(node), 3);
  // The re-reads use the standby while it holds every change.
  const double reads_before = Metric(node, "diseasemaps_replica_reads_total").value_or(-1);
  EXPECT_TRUE(Within(std::chrono::seconds(5), [&] {
    return Metric(node, "diseasemaps_replica_reads_total").value_or(-1) > reads_before;
  }));

  standby_->Pause();
  // Nina joins from Lyon: the node is told (MemberChanged reads the primary)...
  SignedIn nina = SignIn(node, "nina@example.org", kPassword);
  JoinFromLyon(node, nina, "Nina");
  EXPECT_TRUE(Within(std::chrono::seconds(2), [&] { return LyonCount(node) == 4; }));
  // ...and a member written straight into the database, of whom no node is told, appears
  // by a re-read: from the primary, since the standby is older than Nina's change (a
  // re-read from the paused standby would show neither of them).
  AddMember("lyon-direct", "public", lyon_, "", "affected");
  EXPECT_TRUE(Within(std::chrono::seconds(5), [&] { return LyonCount(node) == 5; })) << LyonCount(node);
  // Several re-reads later, still both.
  const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(2500);
  while (std::chrono::steady_clock::now() < until) {
    ASSERT_EQ(LyonCount(node), 5);
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  standby_->Resume();
  ASSERT_TRUE(standby_->CaughtUp(std::chrono::seconds(10)));
  EXPECT_EQ(LyonCount(node), 5);
}

INSTANTIATE_TEST_SUITE_P(Postgresql, MapOnReplica, ::testing::Values(Backend::kPostgresql),
                         [](const auto& info) { return BackendName(info.param); });

}  // namespace
}  // namespace diseasemaps::testing
