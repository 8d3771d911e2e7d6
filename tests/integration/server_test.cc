// The server end to end: the real binary on an ephemeral port, on SQLite and PostgreSQL.
#include <signal.h>

#include <utility>  // before asio: Boost 1.74 needs it

#include <boost/asio.hpp>
#include <gtest/gtest.h>

#include <future>
#include <regex>
#include <thread>

#include "test_server.h"

namespace diseasemaps::testing {
namespace {

class ServerTest : public ::testing::TestWithParam<Backend> {
 protected:
  TestDatabase database_{GetParam()};
};

std::string Backends(const ::testing::TestParamInfo<Backend>& info) {
  return BackendName(info.param);
}

void ExpectSecurityHeaders(const HttpResult& result) {
  const std::string csp = result.Header("content-security-policy");
  EXPECT_NE(csp.find("script-src 'self'"), std::string::npos) << csp;
  EXPECT_EQ(csp.find("unsafe-inline"), std::string::npos) << csp;
  EXPECT_NE(csp.find("frame-ancestors 'none'"), std::string::npos) << csp;
  EXPECT_EQ(result.Header("x-content-type-options"), "nosniff");
  EXPECT_FALSE(result.Header("referrer-policy").empty());
}

TEST_P(ServerTest, HomePageIsServedWithDisclaimerAndHeaders) {
  InsertCondition(database_.db(), 558, "Marfan syndrome");
  TestServer server(database_);
  ASSERT_TRUE(server.started());
  HttpResult home = server.Get("/");
  EXPECT_EQ(home.status, 200u);
  EXPECT_EQ(home.Header("content-type"), "text/html; charset=utf-8");
  EXPECT_NE(home.body.find("medical advice"), std::string::npos);  // the disclaimer
  EXPECT_NE(home.body.find("Orphanet (CC BY 4.0)"), std::string::npos);
  ExpectSecurityHeaders(home);
}

// The list of conditions moved to the A-Z index (home_page_test.cc); names stay escaped.
TEST_P(ServerTest, ConditionListEscapesMarkupInNames) {
  InsertCondition(database_.db(), 999001, "<script>alert(1)</script> syndrome");
  TestServer server(database_);
  HttpResult list = server.Get("/conditions/a-z/other");
  EXPECT_EQ(list.body.find("<script>alert(1)"), std::string::npos);
  EXPECT_NE(list.body.find("&lt;script&gt;alert(1)&lt;/script&gt; syndrome"), std::string::npos);
}

TEST_P(ServerTest, EmptyCatalogueSaysHowToImport) {
  TestServer server(database_, {"--no-starter-catalogue"});
  HttpResult home = server.Get("/");
  EXPECT_EQ(home.status, 200u);
  EXPECT_NE(home.body.find("diseasemaps import orphanet"), std::string::npos);
}

TEST_P(ServerTest, UnknownPathGetsAHelpful404) {
  TestServer server(database_);
  HttpResult missing = server.Get("/no/such/page");
  EXPECT_EQ(missing.status, 404u);
  EXPECT_NE(missing.body.find("Page not found"), std::string::npos);
  EXPECT_NE(missing.body.find("action=\"/search\""), std::string::npos);
  EXPECT_NE(missing.body.find("href=\"/\""), std::string::npos);
  ExpectSecurityHeaders(missing);
  HttpResult api = server.Get("/api/v0/nothing");
  EXPECT_EQ(api.status, 404u);
  EXPECT_EQ(api.Header("content-type"), "application/json");
  EXPECT_NE(api.body.find("\"status\":404"), std::string::npos);
}

TEST_P(ServerTest, WrongMethodGets405WithAllow) {
  TestServer server(database_);
  HttpResult result = server.Request("DELETE", "/");
  EXPECT_EQ(result.status, 405u);
  EXPECT_EQ(result.Header("allow"), "GET, HEAD");
  result = server.Request("POST", "/healthz", {}, "x=1");
  EXPECT_EQ(result.status, 405u);
}

TEST_P(ServerTest, HeadSendsHeadersWithoutBody) {
  InsertCondition(database_.db(), 558, "Marfan syndrome");
  TestServer server(database_);
  HttpResult get = server.Get("/");
  HttpResult head = server.Request("HEAD", "/");
  EXPECT_EQ(head.status, 200u);
  EXPECT_TRUE(head.body.empty());
  EXPECT_EQ(head.Header("content-length"), std::to_string(get.body.size()));
  // Nothing follows the header: a second request on a fresh connection still works.
  const std::string raw = server.RawExchange("HEAD / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(raw.substr(raw.find("\r\n\r\n") + 4), "");
}

TEST_P(ServerTest, KeepAliveServesSeveralRequestsOnOneConnection) {
  TestServer server(database_);
  const std::string raw = server.RawExchange(
      "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"
      "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"
      "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  std::size_t count = 0;
  for (std::size_t at = raw.find("HTTP/1.1 200"); at != std::string::npos;
       at = raw.find("HTTP/1.1 200", at + 1)) {
    ++count;
  }
  EXPECT_EQ(count, 3u) << raw;
}

TEST_P(ServerTest, OversizedBodyGets413) {
  TestServer server(database_, {"--body-limit", "4096"});
  const std::string raw = server.RawExchange(
      "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n" + std::string(5000, 'a'));
  EXPECT_EQ(raw.rfind("HTTP/1.1 413", 0), 0u) << raw.substr(0, 200);
  EXPECT_NE(raw.find("limit is 4 KiB"), std::string::npos);
  EXPECT_EQ(server.Get("/healthz").status, 200u);
}

TEST_P(ServerTest, OversizedHeaderGets431) {
  TestServer server(database_);
  const std::string raw = server.RawExchange(
      "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(40000, 'b') + "\r\n\r\n");
  EXPECT_EQ(raw.rfind("HTTP/1.1 431", 0), 0u) << raw.substr(0, 200);
  EXPECT_EQ(server.Get("/healthz").status, 200u);
}

TEST_P(ServerTest, MalformedRequestGets400AndTheConnectionCloses) {
  TestServer server(database_);
  for (const std::string& garbage : {std::string("GARBAGE\r\n\r\n"),
                                    std::string("GET / HTTP/9.9\r\n\r\n"),
                                    std::string("GET / HTTP/1.1\r\nBad Header\r\n\r\n"),
                                    std::string("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03", 11)}) {
    const std::string raw = server.RawExchange(garbage);
    EXPECT_EQ(raw.rfind("HTTP/1.1 400", 0), 0u) << "for " << garbage << ": " << raw.substr(0, 120);
  }
  const std::string raw = server.RawExchange("GET http://evil.example/ HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(raw.rfind("HTTP/1.1 400", 0), 0u) << raw.substr(0, 120);
  EXPECT_EQ(server.Get("/healthz").status, 200u);
}

TEST_P(ServerTest, HalfSentRequestTimesOutWithoutHurtingOthers) {
  TestServer server(database_, {"--header-timeout", "0.3"});
  const auto started = std::chrono::steady_clock::now();
  const std::string raw = server.RawExchange("GET / HTTP/1.1\r\nHost: x\r\nX-Slow: ",
                                             std::chrono::seconds(10));
  const auto waited = std::chrono::steady_clock::now() - started;
  EXPECT_EQ(raw, "");  // closed without an answer
  EXPECT_LT(waited, std::chrono::seconds(5));
  EXPECT_EQ(server.Get("/healthz").status, 200u);
}

TEST_P(ServerTest, StaticPathTraversalIsRefused) {
  TestServer server(database_);
  EXPECT_EQ(server.Get("/static/css/site.css").status, 200u);
  for (const char* target :
       {"/static/../CMakeLists.txt", "/static/%2e%2e/CMakeLists.txt", "/static/..%2fCMakeLists.txt",
        "/static/css/../../CMakeLists.txt", "/static/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "/static//etc/passwd", "/static/css%5c..%5c..%5cCMakeLists.txt", "/static/./css/site.css"}) {
    const std::string raw = server.RawExchange("GET " + std::string(target) + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    EXPECT_EQ(raw.rfind("HTTP/1.1 404", 0), 0u) << target << ": " << raw.substr(0, 80);
  }
  EXPECT_EQ(server.Get("/static/%00").status, 400u);
}

TEST_P(ServerTest, StaticFilesHaveTypesEtagsAndGzip) {
  TestServer server(database_);
  HttpResult css = server.Get("/static/css/site.css");
  EXPECT_EQ(css.Header("content-type"), "text/css; charset=utf-8");
  EXPECT_FALSE(css.Header("cache-control").empty());
  const std::string etag = css.Header("etag");
  ASSERT_FALSE(etag.empty());
  HttpResult again = server.Get("/static/css/site.css", {{"If-None-Match", etag}});
  EXPECT_EQ(again.status, 304u);
  EXPECT_TRUE(again.body.empty());
  HttpResult gzip = server.Get("/static/css/site.css", {{"Accept-Encoding", "gzip, br"}});
  EXPECT_EQ(gzip.Header("content-encoding"), "gzip");
  EXPECT_LT(gzip.body.size(), css.body.size());
  EXPECT_EQ(static_cast<unsigned char>(gzip.body[0]), 0x1f);  // gzip magic
  EXPECT_EQ(server.Get("/static/favicon.svg").Header("content-type"), "image/svg+xml");
}

TEST_P(ServerTest, PagesAnswer304ToAMatchingEtag) {
  InsertCondition(database_.db(), 558, "Marfan syndrome");
  TestServer server(database_);
  HttpResult home = server.Get("/");
  const std::string etag = home.Header("etag");
  ASSERT_FALSE(etag.empty());
  EXPECT_EQ(server.Get("/", {{"If-None-Match", etag}}).status, 304u);
  EXPECT_EQ(server.Get("/", {{"If-None-Match", "\"other\""}}).status, 200u);
}

TEST_P(ServerTest, CachedPagesAreSentGzippedToClientsThatAcceptIt) {
  for (int code = 1; code <= 40; ++code) {  // a list long enough to be worth compressing
    InsertCondition(database_.db(), 900000 + code, "Condition number " + std::to_string(code));
  }
  TestServer server(database_);
  HttpResult plain = server.Get("/conditions/a-z/c");
  ASSERT_EQ(plain.status, 200u);
  ASSERT_GT(plain.body.size(), 1024u);
  EXPECT_TRUE(plain.Header("content-encoding").empty());
  for (int round = 0; round < 2; ++round) {  // rendered and stored, then from the cache
    HttpResult gzip = server.Get("/conditions/a-z/c", {{"Accept-Encoding", "br, gzip"}});
    ASSERT_EQ(gzip.status, 200u);
    EXPECT_EQ(gzip.Header("content-encoding"), "gzip");
    EXPECT_EQ(static_cast<unsigned char>(gzip.body[0]), 0x1f);
    EXPECT_LT(gzip.body.size(), plain.body.size());
    EXPECT_NE(gzip.Header("vary").find("Accept-Encoding"), std::string::npos) << gzip.Header("vary");
    EXPECT_NE(gzip.Header("vary").find("Accept-Language"), std::string::npos) << gzip.Header("vary");
    // Another representation, so another strong ETag; each answers 304 only to itself.
    const std::string etag = gzip.Header("etag");
    ASSERT_FALSE(etag.empty());
    EXPECT_NE(etag, plain.Header("etag"));
    EXPECT_EQ(server.Get("/conditions/a-z/c", {{"Accept-Encoding", "gzip"}, {"If-None-Match", etag}}).status, 304u);
    EXPECT_EQ(server.Get("/conditions/a-z/c", {{"If-None-Match", etag}}).status, 200u);
    EXPECT_EQ(server.Get("/conditions/a-z/c", {{"Accept-Encoding", "gzip;q=0"}}).Header("content-encoding"), "");
  }
}

TEST_P(ServerTest, HealthzAnswersWhenTheDatabaseDoes) {
  TestServer server(database_);
  HttpResult health = server.Get("/healthz");
  EXPECT_EQ(health.status, 200u);
  EXPECT_EQ(health.body, "ok\n");
}

TEST_P(ServerTest, MetricsCountRequestsByRouteAndStatus) {
  TestServer server(database_);
  server.Get("/");
  server.Get("/missing");
  // A request is counted just after its answer is written, so the count may trail the
  // client by a moment, each on its own I/O thread: ask until both show (bounded).
  HttpResult metrics;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  do {
    metrics = server.Get("/metrics");
  } while ((metrics.body.find("route=\"/\",status=\"200\"") == std::string::npos ||
            metrics.body.find("route=\"unmatched\",status=\"404\"") == std::string::npos) &&
           std::chrono::steady_clock::now() < deadline);
  EXPECT_EQ(metrics.status, 200u);
  EXPECT_NE(metrics.Header("content-type").find("text/plain; version=0.0.4"), std::string::npos);
  const std::string& body = metrics.body;
  EXPECT_NE(body.find("diseasemaps_http_requests_total{route=\"/\",status=\"200\"} 1"), std::string::npos) << body;
  EXPECT_NE(body.find("diseasemaps_http_requests_total{route=\"unmatched\",status=\"404\"} 1"), std::string::npos);
  std::smatch inf, count;
  ASSERT_TRUE(std::regex_search(body, inf, std::regex(R"(_bucket\{le="\+Inf"\} (\d+))")));
  ASSERT_TRUE(std::regex_search(body, count, std::regex(R"(_seconds_count (\d+))")));
  EXPECT_GE(std::stoi(inf[1]), 2);  // "/" and "/missing", plus any earlier /metrics
  EXPECT_EQ(inf[1], count[1]);      // the +Inf bucket holds every request
  EXPECT_NE(body.find("diseasemaps_worker_queue_length "), std::string::npos);
  EXPECT_NE(body.find("diseasemaps_db_pool_in_use "), std::string::npos);
  EXPECT_NE(body.find("diseasemaps_db_pool_size 8"), std::string::npos);
}

TEST_P(ServerTest, ManyIdleConnectionsDoNotStopService) {
  TestServer server(database_, {"--idle-timeout", "30"});
  namespace asio = boost::asio;
  asio::io_context io;
  std::vector<asio::ip::tcp::socket> idle;
  for (int i = 0; i < 1000; ++i) {
    idle.emplace_back(io);
    idle.back().connect({asio::ip::make_address("127.0.0.1"), server.port()});
  }
  const auto started = std::chrono::steady_clock::now();
  EXPECT_EQ(server.Get("/healthz").status, 200u);
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(2));
  // The server accepts the idle connections on its own time: ask until it counts them.
  HttpResult metrics;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  do {
    metrics = server.Get("/metrics");
  } while (metrics.body.find("diseasemaps_http_open_connections 10") == std::string::npos &&
           std::chrono::steady_clock::now() < deadline);
  EXPECT_NE(metrics.body.find("diseasemaps_http_open_connections 10"), std::string::npos)
      << "expected about 1001 open connections";
  // Shutting down closes idle connections at once instead of waiting for their timeout.
  const auto stopping = std::chrono::steady_clock::now();
  EXPECT_EQ(server.Stop(), 0);
  EXPECT_LT(std::chrono::steady_clock::now() - stopping, std::chrono::seconds(5));
}

TEST_P(ServerTest, IdleConnectionIsClosedAfterTheIdleTimeout) {
  TestServer server(database_, {"--idle-timeout", "0.3"});
  const auto started = std::chrono::steady_clock::now();
  EXPECT_EQ(server.RawExchange("", std::chrono::seconds(10)), "");
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5));
}

TEST_P(ServerTest, AfterSigtermHealthzSays503WhileTheDrainDelayLastsThenTheServerStops) {
  TestServer server(database_, {"--drain-delay", "3"});
  ASSERT_EQ(server.Get("/healthz").status, 200u);
  const auto signalled = std::chrono::steady_clock::now();
  kill(server.pid(), SIGTERM);
  // The load balancer's view: new connections are still served, but the node says it is
  // going away, so traffic moves elsewhere before the listener closes.
  HttpResult health;
  const auto deadline = signalled + std::chrono::seconds(2);
  do {
    health = server.Get("/healthz");
  } while (health.status == 200u && std::chrono::steady_clock::now() < deadline);
  EXPECT_EQ(health.status, 503u);
  EXPECT_NE(health.body.find("stopping"), std::string::npos) << health.body;
  EXPECT_EQ(server.Get("/").status, 200u);  // pages are still served meanwhile
  EXPECT_EQ(server.WaitForExit(), 0) << server.Log();
  EXPECT_GE(std::chrono::steady_clock::now() - signalled, std::chrono::milliseconds(2500));
}

TEST_P(ServerTest, GracefulShutdownFinishesTheRequestInFlight) {
  TestServer server(database_, {"--test-hooks", "--shutdown-grace", "20"});
  auto slow = std::async(std::launch::async, [&] {
    return server.RawExchange("GET /__test/slow?ms=1500 HTTP/1.1\r\nHost: x\r\n\r\n",
                              std::chrono::seconds(20));
  });
  // Wait until the server reports the slow request in flight (the metrics request
  // itself is the other one).
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  bool in_flight = false;
  while (!in_flight && std::chrono::steady_clock::now() < deadline) {
    in_flight = server.Get("/metrics").body.find("diseasemaps_http_requests_in_flight 2") !=
                std::string::npos;
  }
  ASSERT_TRUE(in_flight);
  kill(server.pid(), SIGTERM);
  kill(server.pid(), SIGTERM);  // an impatient second signal while draining changes nothing
  const std::string answer = slow.get();
  EXPECT_EQ(answer.rfind("HTTP/1.1 200", 0), 0u) << answer;
  EXPECT_NE(answer.find("slept 1500 ms"), std::string::npos);
  EXPECT_NE(answer.find("Connection: close"), std::string::npos);
  EXPECT_EQ(server.WaitForExit(), 0) << server.Log();
  EXPECT_NE(server.Log().find("stopped"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Backends, ServerTest, ::testing::ValuesIn(AllBackends()), Backends);

}  // namespace
}  // namespace diseasemaps::testing
