// Several nodes behind HAProxy (issue 15): the settings of scripts/cluster-haproxy.cfg.in
// (the ones scripts/cluster-up runs) keep the site answering while nodes come and go.
//   - A rolling restart of every node (each in turn: SIGTERM, out of the rotation while
//     it drains, exited, started again, back in the rotation) under a steady load of
//     reads and writes through HAProxy fails no request: every answer is 2xx or 3xx and
//     no connection fails.
//   - A node killed with SIGKILL under a write load loses no write it acknowledged, and
//     HAProxy sends the traffic to the survivor: writes succeed again within 2 s.
// Each test starts HAProxy itself, with the repository's configuration on free loopback
// ports plus a stats page (to see which nodes are in the rotation), and stops it when
// the test ends, passed or failed.
//
// PostgreSQL only (SQLite has one server process). CTest runs the suite as one entry,
// cluster.ClusterProxy, with the label `cluster` (tests/CMakeLists.txt).
#include <signal.h>

#include <utility>  // before asio: Boost 1.74 needs it

#include <algorithm>
#include <atomic>
#include <chrono>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <sstream>
#include <thread>
#include <vector>

#include <boost/asio.hpp>
#include <gtest/gtest.h>

#include "test_tools.h"

namespace diseasemaps::testing {
namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

constexpr const char* kPassword = "correct horse battery staple";
constexpr const char* kHaproxy = "/usr/sbin/haproxy";

// A loopback port nothing listens on at the time of asking.
unsigned short FreePort() {
  boost::asio::io_context io;
  boost::asio::ip::tcp::acceptor acceptor(io, {boost::asio::ip::make_address("127.0.0.1"), 0});
  return acceptor.local_endpoint().port();
}

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void ReplaceAll(std::string& text, const std::string& from, const std::string& to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
}

// HAProxy in front of nodes on the given loopback ports ("node1", "node2", … in order),
// with scripts/cluster-haproxy.cfg.in, each answer naming its node in X-Served-By, and
// a stats page. Stopped (SIGTERM, then SIGKILL) when destroyed.
class Proxy {
 public:
  Proxy(const std::filesystem::path& directory, const std::vector<unsigned short>& nodes)
      : port_(FreePort()), stats_port_(FreePort()) {
    std::string servers;
    for (std::size_t i = 0; i < nodes.size(); ++i) {
      servers += "  server node" + std::to_string(i + 1) + " 127.0.0.1:" + std::to_string(nodes[i]) + "\n";
    }
    servers += "  http-response set-header X-Served-By %s\n";
    std::string config = ReadFile(std::filesystem::path(DISEASEMAPS_SOURCE_DIR) / "scripts/cluster-haproxy.cfg.in");
    ReplaceAll(config, "@BIND@", "127.0.0.1:" + std::to_string(port_));
    ReplaceAll(config, "@SERVERS@", servers);
    config += "listen stats\n  bind 127.0.0.1:" + std::to_string(stats_port_) + "\n  stats enable\n  stats uri /stats\n";
    const auto config_path = directory / "haproxy.cfg";
    std::ofstream(config_path) << config;
    log_path_ = directory / "haproxy.log";
    pid_ = StartProgram(kHaproxy, {"-db", "-f", config_path.string()}, log_path_);
  }
  ~Proxy() { StopProgram(pid_); }
  Proxy(const Proxy&) = delete;
  Proxy& operator=(const Proxy&) = delete;

  unsigned short port() const { return port_; }
  std::string Log() const { return ReadFile(log_path_); }

  // The state HAProxy gives a server ("UP", "DOWN", "UP 1/2" while going down, …), or ""
  // when the stats page does not answer.
  std::string StateOf(const std::string& server) {
    HttpResult stats;
    try {
      stats = HttpExchange(stats_port_, "GET", "/stats;csv");
    } catch (const std::exception&) {
      return "";
    }
    std::istringstream lines(stats.body);
    std::string line;
    std::size_t status_column = std::string::npos;
    while (std::getline(lines, line)) {
      std::vector<std::string> fields;
      std::istringstream cells(line);
      for (std::string cell; std::getline(cells, cell, ',');) fields.push_back(cell);
      if (line.rfind("# ", 0) == 0) {
        status_column = std::find(fields.begin(), fields.end(), "status") - fields.begin();
      } else if (fields.size() > status_column && fields[0] == "nodes" && fields[1] == server) {
        return fields[status_column];
      }
    }
    return "";
  }

  // Milliseconds until `server` is in `state`, or -1 after `limit`.
  long long MillisUntil(const std::string& server, const std::string& state, milliseconds limit) {
    const auto start = Clock::now();
    while (Clock::now() - start <= limit) {
      if (StateOf(server) == state) {
        return std::chrono::duration_cast<milliseconds>(Clock::now() - start).count();
      }
      std::this_thread::sleep_for(milliseconds(20));
    }
    return -1;
  }

 private:
  unsigned short port_;
  unsigned short stats_port_;
  std::filesystem::path log_path_;
  pid_t pid_ = -1;
};

// Everything a load thread saw: each answer by class, and connections that failed.
struct Tally {
  std::atomic<long long> ok{0};          // 2xx and 3xx
  std::atomic<long long> refused{0};     // any other status
  std::atomic<long long> failed{0};      // no answer (connection refused, reset, timeout)
  std::mutex mutex;
  std::vector<std::string> examples;     // the first few failures, for the report

  void Count(const std::string& what, const std::optional<HttpResult>& answer) {
    if (answer && answer->status >= 200 && answer->status < 400) {
      ++ok;
      return;
    }
    ++(answer ? refused : failed);
    std::lock_guard lock(mutex);
    if (examples.size() < 5) {
      examples.push_back(what + ": " + (answer ? std::to_string(answer->status) + " " + answer->body.substr(0, 120)
                                               : std::string("no answer")));
    }
  }
  std::string Report() {
    std::lock_guard lock(mutex);
    std::string text;
    for (const auto& e : examples) text += "\n  " + e;
    return text;
  }
};

std::optional<HttpResult> Exchange(unsigned short port, const std::string& method, const std::string& target,
                                   const std::map<std::string, std::string>& headers, const std::string& body = "") {
  try {
    return HttpExchange(port, method, target, headers, body);
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

// One member saving their profile again and again with display names "<name> 1",
// "<name> 2", …: how many were sent, and the highest number acknowledged (303).
struct Writer {
  std::string email;
  SignedIn session;
  long long attempted = 0;
  long long acknowledged = 0;

  std::optional<HttpResult> SaveNext(unsigned short port) {
    ++attempted;
    const std::string name = email.substr(0, email.find('@'));
    auto answer = Exchange(port, "POST", "/account/profile",
                           {{"Cookie", session.cookie}, {"Content-Type", "application/x-www-form-urlencoded"}},
                           "csrf=" + session.csrf + "&display_name=" + name + "%20" + std::to_string(attempted) +
                               "&city=&city_id=&country=&visibility=members");
    if (answer && answer->status == 303u) acknowledged = attempted;
    return answer;
  }
};

class ClusterProxy : public ::testing::TestWithParam<Backend> {
 protected:
  // Node `i` (0-based) on its own port, its own search index, draining 2 s after SIGTERM
  // (HAProxy takes it out after two failed checks 250 ms apart).
  std::unique_ptr<TestServer> StartNode(std::size_t i) {
    return std::make_unique<TestServer>(
        database_, std::vector<std::string>{"--port", std::to_string(ports_[i]), "--search-index",
                                            (database_.directory() / ("index-" + std::to_string(i))).string(),
                                            "--drain-delay", "2", "--trust-proxy", "127.0.0.1", "--no-access-log"});
  }

  // Starts both nodes and the proxy, and waits until HAProxy has both in the rotation.
  void StartCluster() {
    ports_ = {FreePort(), FreePort()};
    for (std::size_t i = 0; i < ports_.size(); ++i) {
      nodes_.push_back(StartNode(i));
      ASSERT_TRUE(nodes_.back()->started());
    }
    proxy_ = std::make_unique<Proxy>(database_.directory(), ports_);
    for (const char* server : {"node1", "node2"}) {
      ASSERT_GE(proxy_->MillisUntil(server, "UP", std::chrono::seconds(20)), 0)
          << server << " never came into the rotation; HAProxy's log:\n" << proxy_->Log();
    }
  }

  Writer NewWriter(const std::string& email) {
    AddUser(database_, email, email.substr(0, email.find('@')), {"member"}, kPassword);
    Writer writer;
    writer.email = email;
    writer.session = SignIn(*nodes_[0], email, kPassword);
    return writer;
  }

  // The number at the end of the member's stored display name.
  long long Stored(const Writer& writer) {
    auto name = database_.db().Run([&](soci::session& sql) {
      std::string display_name;
      sql << "SELECT display_name FROM users WHERE email = :e", soci::use(writer.email), soci::into(display_name);
      return display_name;
    });
    if (!name.ok()) return -1;
    const auto space = name->rfind(' ');
    return space == std::string::npos ? 0 : std::stoll(name->substr(space + 1));
  }

  TestDatabase database_{GetParam()};
  std::vector<unsigned short> ports_;
  std::vector<std::unique_ptr<TestServer>> nodes_;
  std::unique_ptr<Proxy> proxy_;  // declared last: stopped before the nodes
};

// The load of the rolling restart: each reader and writer on its own thread, one
// request after another with a short pause, until stopped.
class SteadyLoad {
 public:
  SteadyLoad(unsigned short port, const SignedIn& reader, std::vector<Writer>& writers, Tally& tally)
      : tally_(tally) {
    for (int i = 0; i < 2; ++i) {
      threads_.emplace_back([this, port, reader, i] {
        const char* targets[] = {"/", "/conditions/a-z", "/api/v1/conditions", "/account"};
        for (int n = i; !stop_; ++n) {
          const std::string target = targets[n % 4];
          tally_.Count("GET " + target, Exchange(port, "GET", target, {{"Cookie", reader.cookie}}));
          std::this_thread::sleep_for(milliseconds(5));
        }
      });
    }
    for (Writer& writer : writers) {
      threads_.emplace_back([this, port, &writer] {
        while (!stop_) {
          tally_.Count("POST /account/profile", writer.SaveNext(port));
          std::this_thread::sleep_for(milliseconds(5));
        }
      });
    }
  }
  ~SteadyLoad() { Stop(); }
  void Stop() {
    stop_ = true;
    for (auto& thread : threads_) {
      if (thread.joinable()) thread.join();
    }
  }

 private:
  Tally& tally_;
  std::atomic<bool> stop_{false};
  std::vector<std::thread> threads_;
};

TEST_P(ClusterProxy, ARollingRestartUnderLoadFailsNoRequest) {
  ASSERT_NO_FATAL_FAILURE(StartCluster());
  AddUser(database_, "rita@example.org", "Rita", {"member"}, kPassword);
  const SignedIn reader = SignIn(*nodes_[0], "rita@example.org", kPassword);
  std::vector<Writer> writers = {NewWriter("wanda@example.org"), NewWriter("walt@example.org")};

  Tally tally;
  SteadyLoad load(proxy_->port(), reader, writers, tally);
  std::this_thread::sleep_for(std::chrono::seconds(1));
  for (std::size_t i = 0; i < nodes_.size(); ++i) {
    const std::string server = "node" + std::to_string(i + 1);
    const long long before = tally.ok;
    ASSERT_EQ(kill(nodes_[i]->pid(), SIGTERM), 0);
    const long long out = proxy_->MillisUntil(server, "DOWN", std::chrono::seconds(5));
    EXPECT_GE(out, 0) << server << " stayed in the rotation while draining";
    EXPECT_EQ(nodes_[i]->WaitForExit(), 0) << nodes_[i]->Log();
    nodes_[i] = StartNode(i);
    ASSERT_TRUE(nodes_[i]->started());
    const long long back = proxy_->MillisUntil(server, "UP", std::chrono::seconds(20));
    ASSERT_GE(back, 0) << server << " did not come back; HAProxy's log:\n" << proxy_->Log();
    std::cout << "[ proxy    ] " << server << ": out of the rotation " << out << " ms after SIGTERM, back "
              << back << " ms after its restart; " << tally.ok - before << " requests answered meanwhile"
              << std::endl;
    std::this_thread::sleep_for(milliseconds(500));  // both nodes serve again
  }
  load.Stop();

  EXPECT_EQ(tally.refused.load(), 0) << "answers other than 2xx/3xx:" << tally.Report();
  EXPECT_EQ(tally.failed.load(), 0) << "requests without an answer:" << tally.Report();
  EXPECT_GT(tally.ok.load(), 100);
  for (const Writer& writer : writers) {
    EXPECT_GT(writer.acknowledged, 0);
    EXPECT_EQ(Stored(writer), writer.acknowledged) << writer.email;
  }
  std::cout << "[ proxy    ] rolling restart: " << tally.ok << " requests answered, " << tally.refused
            << " refused, " << tally.failed << " without an answer" << std::endl;
}

TEST_P(ClusterProxy, AKilledNodesTrafficMovesToTheSurvivorAndNoAcknowledgedWriteIsLost) {
  ASSERT_NO_FATAL_FAILURE(StartCluster());
  // Two groups of members save their profiles through HAProxy. The first stops at the
  // kill (the stop is asked for just before it, so saves are in flight when it lands):
  // what they were told is kept must be in the database. The second goes on through
  // the kill and after it: the traffic must move to the survivor.
  std::vector<Writer> stopping = {NewWriter("wanda@example.org"), NewWriter("walt@example.org"),
                                  NewWriter("wes@example.org")};
  std::vector<Writer> going_on = {NewWriter("gina@example.org"), NewWriter("gus@example.org")};
  const unsigned short port = proxy_->port();

  std::atomic<bool> stop_stopping{false}, stop_going_on{false};
  std::atomic<long long> by_node1{0};
  Tally at_kill;
  Clock::time_point killed_at = Clock::time_point::max();
  std::mutex after_mutex;
  struct Save {
    long long began_ms, answered_ms;  // after the kill
    bool acknowledged;
  };
  std::vector<Save> after_kill;
  std::vector<std::thread> threads;
  for (Writer& writer : stopping) {
    threads.emplace_back([&, w = &writer] {
      while (!stop_stopping) {
        auto answer = w->SaveNext(port);
        at_kill.Count("POST /account/profile", answer);
        if (answer && answer->status == 303u && answer->Header("x-served-by") == "node1") ++by_node1;
      }
    });
  }
  std::atomic<bool> killed{false};
  for (Writer& writer : going_on) {
    threads.emplace_back([&, w = &writer] {
      while (!stop_going_on) {
        const bool after = killed;
        const auto started = Clock::now();
        auto answer = w->SaveNext(port);
        if (!after) continue;
        const auto since_kill = [&](Clock::time_point t) {
          return std::chrono::duration_cast<milliseconds>(t - killed_at).count();
        };
        std::lock_guard lock(after_mutex);
        after_kill.push_back({since_kill(started), since_kill(Clock::now()), answer && answer->status == 303u});
      }
    });
  }
  std::this_thread::sleep_for(std::chrono::seconds(2));
  stop_stopping = true;
  killed_at = Clock::now();
  const int kill_status = kill(nodes_[0]->pid(), SIGKILL);
  // kill() returns before the process is gone: a save begun in between may still be
  // accepted by node 1 and die with it (a 502, as in flight). "After the kill" starts
  // once the process is reaped.
  nodes_[0]->WaitForExit();
  killed = true;
  std::this_thread::sleep_for(std::chrono::seconds(3));
  stop_going_on = true;
  for (auto& thread : threads) thread.join();
  ASSERT_EQ(kill_status, 0);

  EXPECT_GT(by_node1.load(), 0) << "node 1 acknowledged nothing before the kill";
  // A save in flight at the kill may have committed without an acknowledgement: never
  // fewer than acknowledged, and never more than attempted.
  for (const Writer& writer : stopping) {
    EXPECT_GE(Stored(writer), writer.acknowledged) << writer.email << " lost an acknowledged write";
    EXPECT_LE(Stored(writer), writer.attempted) << writer.email;
  }
  // Saves begun after the kill: those that reach the dead node are refused a connection
  // and sent to the survivor, until HAProxy's checks take the dead one out.
  long long first_success_ms = -1, failed_after_kill = 0;
  for (const Save& save : after_kill) {
    if (save.acknowledged && (first_success_ms < 0 || save.answered_ms < first_success_ms)) {
      first_success_ms = save.answered_ms;
    }
    if (!save.acknowledged) ++failed_after_kill;
  }
  EXPECT_GE(first_success_ms, 0) << "no save succeeded after the kill";
  EXPECT_LE(first_success_ms, 2000);
  EXPECT_EQ(failed_after_kill, 0) << "of " << after_kill.size() << " saves begun after the kill";
  EXPECT_EQ(proxy_->StateOf("node1"), "DOWN");
  for (const Writer& writer : going_on) {
    EXPECT_EQ(Stored(writer), writer.acknowledged) << writer.email;
  }
  std::cout << "[ proxy    ] before the kill: " << at_kill.ok << " saves acknowledged (" << by_node1
            << " by the killed node), " << at_kill.refused + at_kill.failed << " failed as it died; "
            << after_kill.size() << " saves begun after the kill, the first acknowledged "
            << first_success_ms << " ms after it, " << failed_after_kill << " failed" << std::endl;
}

INSTANTIATE_TEST_SUITE_P(Postgresql, ClusterProxy, ::testing::Values(Backend::kPostgresql),
                         [](const auto& info) { return BackendName(info.param); });

}  // namespace
}  // namespace diseasemaps::testing
