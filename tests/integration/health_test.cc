// /healthz tells the truth about the database: 503 while PostgreSQL refuses
// connections, 200 again once it accepts them (the pool reconnects by itself).
#include <gtest/gtest.h>

#include <cstdlib>

#include "test_server.h"

namespace diseasemaps::testing {
namespace {

std::string DatabaseName(const std::string& url) { return url.substr(url.rfind('/') + 1); }

TEST(Healthz, Answers503WhileThePostgresqlDatabaseIsUnreachableAndRecovers) {
  ASSERT_NE(std::getenv("DISEASEMAPS_TEST_POSTGRES_URL"), nullptr) << "run through make test";
  TestDatabase database(Backend::kPostgresql);
  TestServer server(database, {"--db-pool", "2"});
  ASSERT_TRUE(server.started());
  ASSERT_EQ(server.Get("/healthz").status, 200u);

  const std::string name = DatabaseName(database.url());
  AdminStatement("ALTER DATABASE " + name + " ALLOW_CONNECTIONS false");
  AdminStatement("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'");
  // Each pooled connection finds out on its next use; within a few requests every
  // answer is 503 and none is a success.
  bool unhealthy = false;
  for (int i = 0; i < 10 && !unhealthy; ++i) unhealthy = server.Get("/healthz").status == 503;
  EXPECT_TRUE(unhealthy);
  EXPECT_EQ(server.Get("/healthz").status, 503u);

  AdminStatement("ALTER DATABASE " + name + " ALLOW_CONNECTIONS true");
  bool recovered = false;
  for (int i = 0; i < 10 && !recovered; ++i) recovered = server.Get("/healthz").status == 200;
  EXPECT_TRUE(recovered) << server.Log();
}

}  // namespace
}  // namespace diseasemaps::testing
