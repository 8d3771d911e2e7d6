// The admin home (/admin), on both databases: an admin sees every admin screen and the
// system's state with the real numbers (outbox backlog, search index, map, the nodes
// seen in the last minute); a member is refused, a visitor sent to sign in; /metrics
// carries the outbox backlog, the search index's age and the map's size.
#include <regex>

#include <gtest/gtest.h>

#include "mail/outbox_store.h"
#include "test_server.h"

namespace diseasemaps::testing {
namespace {

constexpr const char* kPassword = "correct horse battery staple";

class AdminHomeTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    AddUser(database_, "ada@example.org", "Ada Admin", {"admin"}, kPassword);
    AddUser(database_, "mo@example.org", "Mo Moderator", {"moderator"}, kPassword);
  }
  void Exec(const std::string& statement) {
    ASSERT_TRUE(database_.db().Run([&](soci::session& sql) {
      sql << statement;
      return Status::Ok();
    }).ok()) << statement;
  }
  TestDatabase database_{GetParam()};
};

std::string Backends(const ::testing::TestParamInfo<Backend>& info) { return BackendName(info.param); }

bool Has(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

long long Now() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

TEST_P(AdminHomeTest, AnAdminSeesEveryScreenAndTheSystemsStateWithRealValues) {
  mail::OutboxStore outbox(database_.db());
  ASSERT_TRUE(outbox.Enqueue({"rita@example.org", std::nullopt, "Waiting", "body"}).ok());
  ASSERT_TRUE(outbox.Enqueue({"sam@example.org", std::nullopt, "Given up", "body"}).ok());
  Exec("UPDATE outbox SET status = 'failed' WHERE subject = 'Given up'");
  // Another node: one seen just now is listed, one last seen two minutes ago is not.
  const std::string now = std::to_string(Now());
  const std::string then = std::to_string(Now() - 120);
  Exec("INSERT INTO nodes (id, hostname, pid, version, started_at, seen_at) VALUES "
       "('web2:77:1', 'web2.example', 77, '0.0.9', " + now + ", " + now + ")");
  Exec("INSERT INTO nodes (id, hostname, pid, version, started_at, seen_at) VALUES "
       "('web3:88:1', 'web3.example', 88, '0.0.8', " + then + ", " + then + ")");

  TestServer server(database_);
  ASSERT_TRUE(server.started()) << server.Log();
  SignedIn ada = SignIn(server, "ada@example.org", kPassword);
  HttpResult home = server.Get("/admin", {{"Cookie", ada.cookie}});
  ASSERT_EQ(home.status, 200u) << home.body;
  EXPECT_EQ(home.Header("cache-control").find("no-store") != std::string::npos, true);
  for (const char* screen : {"/admin/users", "/admin/audit", "/admin/outbox", "/admin/reports", "/editorial"}) {
    EXPECT_TRUE(Has(home.body, std::string("href=\"") + screen + "\"")) << screen;
  }
  EXPECT_TRUE(Has(home.body, GetParam() == Backend::kSqlite ? "SQLite" : "PostgreSQL"));
  EXPECT_TRUE(Has(home.body, "class=\"status-ok\">answers<"));
  EXPECT_TRUE(Has(home.body, "No replica configured"));
  EXPECT_TRUE(Has(home.body, "data-pending=\"1\">1 e-mail waiting to be sent"));
  EXPECT_TRUE(Has(home.body, "data-failed=\"1\">1 e-mail given up after every retry"));
  // The search index was published when the server started, a moment ago.
  std::smatch age;
  ASSERT_TRUE(std::regex_search(home.body, age, std::regex("data-age-seconds=\"([0-9]+)\""))) << home.body;
  EXPECT_LT(std::stoll(age[1]), 600);
  EXPECT_TRUE(std::regex_search(home.body, std::regex("[0-9,]+ conditions? indexed")));
  EXPECT_TRUE(std::regex_search(home.body, std::regex("[0-9,]+ members?; [0-9,]+ places?")));
  // This server and web2, not web3.
  EXPECT_TRUE(Has(home.body, "2 servers seen in the last minute")) << home.body;
  EXPECT_TRUE(Has(home.body, "<td>" + std::to_string(server.pid()) + "</td>"));
  EXPECT_TRUE(Has(home.body, "(this server)"));
  EXPECT_TRUE(Has(home.body, "web2.example"));
  EXPECT_FALSE(Has(home.body, "web3.example"));
  // The header leads admins here.
  EXPECT_TRUE(Has(home.body, "<a href=\"/admin\">Administration</a>"));

  const long long pid = server.pid();
  EXPECT_EQ(server.Stop(), 0);
  // A clean stop takes this node's row away.
  EXPECT_EQ(QueryNumber(database_.db(), "SELECT COUNT(*) FROM nodes WHERE pid = " + std::to_string(pid)), 0);
}

TEST_P(AdminHomeTest, OthersAreRefused) {
  TestServer server(database_);
  HttpResult anonymous = server.Get("/admin");
  EXPECT_EQ(anonymous.status, 303u);  // to the sign-in page
  EXPECT_TRUE(Has(anonymous.Header("location"), "/login"));
  SignedIn mo = SignIn(server, "mo@example.org", kPassword);
  HttpResult moderator = server.Get("/admin", {{"Cookie", mo.cookie}});
  EXPECT_EQ(moderator.status, 403u);
  EXPECT_FALSE(Has(moderator.body, "data-pending"));
}

TEST_P(AdminHomeTest, MetricsCarryTheOutboxTheSearchIndexAgeAndTheMapSize) {
  mail::OutboxStore outbox(database_.db());
  ASSERT_TRUE(outbox.Enqueue({"rita@example.org", std::nullopt, "Waiting", "body"}).ok());
  TestServer server(database_);
  HttpResult metrics = server.Get("/metrics");
  ASSERT_EQ(metrics.status, 200u);
  EXPECT_TRUE(std::regex_search(metrics.body, std::regex("\ndiseasemaps_search_index_age_seconds [0-9]")))
      << metrics.body;
  EXPECT_TRUE(Has(metrics.body, "\ndiseasemaps_map_members "));
  EXPECT_TRUE(Has(metrics.body, "\ndiseasemaps_map_places "));
  EXPECT_TRUE(Has(metrics.body, "\ndiseasemaps_outbox_pending 1\n")) << metrics.body;
  EXPECT_TRUE(Has(metrics.body, "\ndiseasemaps_outbox_failed 0\n"));
}

INSTANTIATE_TEST_SUITE_P(Backends, AdminHomeTest, ::testing::ValuesIn(AllBackends()), Backends);

}  // namespace
}  // namespace diseasemaps::testing
