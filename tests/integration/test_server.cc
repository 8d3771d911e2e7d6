#include "test_server.h"

#include "test_tools.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <utility>  // before asio: Boost 1.74 needs it

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <fstream>
#include <random>
#include <regex>
#include <sstream>
#include <thread>

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <gtest/gtest.h>

#include "http/url.h"
#include "platform/db/migrations.h"

namespace diseasemaps::testing {
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;

namespace {

std::string UniqueName() {
  static std::atomic<int> counter{0};
  std::random_device random;
  std::ostringstream name;
  name << "dm_it_" << getpid() << "_" << counter.fetch_add(1) << "_" << (random() % 1000000);
  return name.str();
}

const char* PostgresAdminUrl() { return std::getenv("DISEASEMAPS_TEST_POSTGRES_URL"); }

std::string ReadAll(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

pid_t Spawn(const std::vector<std::string>& args, const std::filesystem::path& log,
            const std::map<std::string, std::string>& env,
            const std::filesystem::path& input = "/dev/null", std::string binary = DISEASEMAPS_BINARY) {
  std::vector<char*> argv;
  argv.push_back(binary.data());
  std::vector<std::string> copies = args;
  for (auto& arg : copies) argv.push_back(arg.data());
  argv.push_back(nullptr);
  const pid_t pid = fork();
  if (pid == 0) {
    const int fd = open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(fd, STDOUT_FILENO);
    dup2(fd, STDERR_FILENO);
    const int in = open(input.c_str(), O_RDONLY);
    dup2(in, STDIN_FILENO);
    for (const auto& [key, value] : env) setenv(key.c_str(), value.c_str(), 1);
    execv(argv[0], argv.data());
    _exit(127);
  }
  return pid;
}

constexpr std::chrono::seconds kStartTimeout{120};

int WaitFor(pid_t pid, std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  int status = 0;
  while (true) {
    const pid_t done = waitpid(pid, &status, WNOHANG);
    if (done == pid) break;
    if (std::chrono::steady_clock::now() >= deadline) {
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      return -SIGKILL;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  return -WTERMSIG(status);
}

}  // namespace

void AdminStatement(const std::string& statement) {
  DatabaseOptions options;
  options.url = PostgresAdminUrl();
  options.pool_size = 1;
  auto admin = Database::Open(options);
  ASSERT_TRUE(admin.ok()) << admin.status().message();
  auto done = (*admin)->Run([&](soci::session& sql) {
    sql << statement;
    return true;
  });
  ASSERT_TRUE(done.ok()) << statement;
}

std::vector<Backend> AllBackends() { return {Backend::kSqlite, Backend::kPostgresql}; }

std::string BackendName(Backend backend) {
  return backend == Backend::kSqlite ? "SQLite" : "PostgreSQL";
}

TestDatabase::TestDatabase(Backend backend) : backend_(backend) {
  directory_ = std::filesystem::temp_directory_path() / UniqueName();
  std::filesystem::create_directories(directory_);
  if (backend == Backend::kSqlite) {
    url_ = (directory_ / "diseasemaps.db").string();
    return;
  }
  const char* admin = PostgresAdminUrl();
  if (admin == nullptr) {
    ADD_FAILURE() << "DISEASEMAPS_TEST_POSTGRES_URL is not set: run the tests through "
                     "`make test` (scripts/with-postgres starts a server)";
    return;
  }
  pg_name_ = UniqueName();
  AdminStatement("CREATE DATABASE " + pg_name_);
  std::string base = admin;
  url_ = base.substr(0, base.rfind('/') + 1) + pg_name_;
}

TestDatabase::~TestDatabase() {
  db_.reset();
  if (!pg_name_.empty()) AdminStatement("DROP DATABASE IF EXISTS " + pg_name_ + " WITH (FORCE)");
  std::error_code ec;
  std::filesystem::remove_all(directory_, ec);
}

Database& TestDatabase::db() {
  if (!db_) {
    DatabaseOptions options;
    options.url = url_;
    options.pool_size = 2;
    auto opened = Database::Open(options);
    if (!opened.ok()) throw std::runtime_error(opened.status().message());
    db_ = std::move(*opened);
    auto migrations = EmbeddedMigrations();
    auto migrated = Migrate(*db_, *migrations);
    if (!migrated.ok()) throw std::runtime_error(migrated.status().message());
  }
  return *db_;
}

std::string HttpResult::Header(const std::string& lower_name) const {
  auto it = headers.find(lower_name);
  return it == headers.end() ? std::string() : it->second;
}

TestServer::TestServer(const TestDatabase& database, std::vector<std::string> extra_args,
                       const std::map<std::string, std::string>& environment) {
  if (database.url().empty()) return;
  log_path_ = database.directory() / ("server-" + UniqueName() + ".log");
  std::vector<std::string> args = {"--database", database.url(), "serve", "--static-dir", DISEASEMAPS_STATIC_DIR};
  // Any free port, unless the test chose one (to restart a node where a proxy expects it).
  if (std::find(extra_args.begin(), extra_args.end(), "--port") == extra_args.end()) {
    args.push_back("--port");
    args.push_back("0");
  }
  // The search index goes in the test's own directory (PostgreSQL's default is under var/).
  if (std::find(extra_args.begin(), extra_args.end(), "--search-index") == extra_args.end()) {
    args.push_back("--search-index");
    args.push_back((database.directory() / "search-index").string());
  }
  args.insert(args.end(), extra_args.begin(), extra_args.end());
  pid_ = Spawn(args, log_path_, environment);
  static const std::regex kServing(R"(serving on http://127\.0\.0\.1:(\d+)/)");
  // A bound against hangs, not a speed test: the full catalogue's index build and the
  // map's load take seconds alone, and much longer on a busy 2-core machine.
  const auto deadline = std::chrono::steady_clock::now() + kStartTimeout;
  while (std::chrono::steady_clock::now() < deadline) {
    std::smatch match;
    const std::string log = ReadAll(log_path_);
    if (std::regex_search(log, match, kServing)) {
      port_ = static_cast<unsigned short>(std::stoi(match[1]));
      return;
    }
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      ADD_FAILURE() << "diseasemaps exited before serving:\n" << log;
      return;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  ADD_FAILURE() << "diseasemaps did not start within " << kStartTimeout.count() << " s:\n" << ReadAll(log_path_);
}

TestServer::~TestServer() {
  if (pid_ > 0) Stop();
}

std::string TestServer::Log() const { return ReadAll(log_path_); }

int TestServer::WaitForExit(std::chrono::milliseconds timeout) {
  if (pid_ <= 0) return -1;
  const int code = WaitFor(pid_, timeout);
  pid_ = -1;
  return code;
}

int TestServer::Stop(std::chrono::milliseconds timeout) {
  const int code = StopProgram(pid_, timeout);
  pid_ = -1;
  return code;
}

HttpResult TestServer::Get(const std::string& target,
                           const std::map<std::string, std::string>& headers) {
  return Request("GET", target, headers);
}

HttpResult TestServer::Request(const std::string& method, const std::string& target,
                               const std::map<std::string, std::string>& headers,
                               const std::string& body) {
  try {
    return Exchange(method, target, headers, body);
  } catch (const std::exception& e) {
    // Say why, with what the server said: a server that died shows its last words here.
    int status = 0;
    const bool exited = pid_ > 0 && waitpid(pid_, &status, WNOHANG) == pid_;
    if (exited) pid_ = -1;
    ADD_FAILURE() << method << " " << target << ": " << e.what()
                  << (exited ? " (the server has exited, status " + std::to_string(status) + ")" : "")
                  << "\nserver log:\n" << Log();
    return {};
  }
}

HttpResult TestServer::Exchange(const std::string& method, const std::string& target,
                                const std::map<std::string, std::string>& headers,
                                const std::string& body) {
  return HttpExchange(port_, method, target, headers, body);
}

HttpResult HttpExchange(unsigned short port, const std::string& method, const std::string& target,
                        const std::map<std::string, std::string>& headers, const std::string& body) {
  asio::io_context io;
  beast::tcp_stream stream(io);
  stream.expires_after(std::chrono::seconds(30));
  stream.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
  bhttp::request<bhttp::string_body> request{bhttp::string_to_verb(method), target, 11};
  request.set(bhttp::field::host, "127.0.0.1");
  for (const auto& [name, value] : headers) request.set(name, value);
  if (!body.empty() || method == "POST") {
    request.body() = body;
    request.prepare_payload();
  }
  bhttp::write(stream, request);
  beast::flat_buffer buffer;
  bhttp::response_parser<bhttp::string_body> parser;
  parser.body_limit(64 * 1024 * 1024);
  parser.skip(method == "HEAD");
  bhttp::read(stream, buffer, parser);
  HttpResult result;
  const auto& response = parser.get();
  result.status = response.result_int();
  for (const auto& field : response) {
    std::string name(field.name_string());
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (name == "set-cookie") result.set_cookies.emplace_back(field.value());
    result.headers[name] = std::string(field.value());
  }
  result.body = response.body();
  beast::error_code ec;
  stream.socket().shutdown(tcp::socket::shutdown_both, ec);
  return result;
}

std::string TestServer::RawExchange(const std::string& bytes, std::chrono::milliseconds timeout) {
  asio::io_context io;
  beast::tcp_stream stream(io);
  stream.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port_));
  stream.expires_after(timeout);
  beast::error_code ec;
  asio::write(stream.socket(), asio::buffer(bytes), ec);
  std::string received;
  char chunk[4096];
  while (true) {
    stream.expires_after(timeout);
    const std::size_t n = stream.read_some(asio::buffer(chunk), ec);
    received.append(chunk, n);
    if (ec) break;
  }
  return received;
}

pid_t StartProgram(const std::string& program, const std::vector<std::string>& args,
                   const std::filesystem::path& log) {
  return Spawn(args, log, {}, "/dev/null", program);
}

int StopProgram(pid_t pid, std::chrono::milliseconds timeout) {
  if (pid <= 0) return -1;
  kill(pid, SIGTERM);
  return WaitFor(pid, timeout);
}

std::pair<int, std::string> RunBinary(const std::vector<std::string>& args,
                                      const std::map<std::string, std::string>& env,
                                      const std::string& input) {
  const auto log = std::filesystem::temp_directory_path() / (UniqueName() + ".log");
  const auto stdin_path = std::filesystem::temp_directory_path() / (UniqueName() + ".in");
  std::ofstream(stdin_path) << input;
  const pid_t pid = Spawn(args, log, env, stdin_path);
  // A bound against hangs: importing the full catalogue into PostgreSQL on a busy machine
  // has taken over a minute.
  const int code = WaitFor(pid, std::chrono::seconds(300));
  std::filesystem::remove(stdin_path);  // only now: the child opens it after the fork
  std::string output = ReadAll(log);
  std::filesystem::remove(log);
  return {code, output};
}

void AddUser(const TestDatabase& database, const std::string& email, const std::string& name,
             const std::vector<std::string>& roles, const std::string& password,
             const std::string& credentials) {
  std::vector<std::string> args = {"--database", database.url(), "user", "add", "--email", email,
                                   "--name", name, "--password-stdin"};
  for (const auto& role : roles) {
    args.push_back("--role");
    args.push_back(role);
  }
  if (!credentials.empty()) {
    args.push_back("--credentials");
    args.push_back(credentials);
  }
  auto [code, output] = RunBinary(args, {}, password + "\n");
  ASSERT_EQ(code, 0) << output;
}

long long UserIdOf(TestDatabase& database, const std::string& email) {
  auto id = database.db().Run([&](soci::session& sql) {
    long long value = 0;
    sql << "SELECT id FROM users WHERE email_key = :e", soci::use(email), soci::into(value);
    return value;
  });
  EXPECT_TRUE(id.ok() && *id > 0) << "no account for " << email;
  return id.ok() ? *id : 0;
}

std::string CsrfFieldIn(const std::string& html) {
  static const std::regex kField(R"re(name="csrf" value="([A-Za-z0-9_-]+)")re");
  std::smatch match;
  return std::regex_search(html, match, kField) ? std::string(match[1]) : std::string();
}

std::string CookiePair(const std::string& set_cookie) { return set_cookie.substr(0, set_cookie.find(';')); }

std::string CookieSetBy(const HttpResult& result, const std::string& name) {
  for (const std::string& set_cookie : result.set_cookies) {
    if (set_cookie.rfind(name + "=", 0) == 0) return CookiePair(set_cookie);
  }
  return "";
}

SignedIn SignIn(TestServer& server, const std::string& email, const std::string& password) {
  HttpResult form = server.Get("/login");
  EXPECT_EQ(form.status, 200u);
  const std::string csrf_cookie = CookiePair(form.Header("set-cookie"));
  const std::string csrf = CsrfFieldIn(form.body);
  HttpResult signed_in = server.Request(
      "POST", "/login",
      {{"Cookie", csrf_cookie}, {"Content-Type", "application/x-www-form-urlencoded"}},
      "csrf=" + csrf + "&email=" + http::PercentEncode(email) + "&password=" +
          http::PercentEncode(password) + "&next=%2F");
  EXPECT_EQ(signed_in.status, 303u) << signed_in.body.substr(0, 2000);
  SignedIn result;
  result.cookie = CookieSetBy(signed_in, "dm_session");
  HttpResult home = server.Get("/", {{"Cookie", result.cookie}});
  result.csrf = CsrfFieldIn(home.body);
  EXPECT_FALSE(result.csrf.empty()) << "no CSRF token on the signed-in home page";
  return result;
}

SignedIn OpenForm(TestServer& server, const std::string& path) {
  HttpResult form = server.Get(path);
  EXPECT_EQ(form.status, 200u) << path;
  return {CookiePair(form.Header("set-cookie")), CsrfFieldIn(form.body)};
}

HttpResult PostForm(TestServer& server, const std::string& path, const std::string& cookie,
                    const std::string& body) {
  return server.Request("POST", path,
                        {{"Cookie", cookie}, {"Content-Type", "application/x-www-form-urlencoded"}}, body);
}

HttpResult PostAs(TestServer& server, const SignedIn& who, const std::string& path, const std::string& fields) {
  return PostForm(server, path, who.cookie, "csrf=" + who.csrf + (fields.empty() ? "" : "&" + fields));
}

namespace {

std::string NewestMailColumn(TestDatabase& database, const std::string& column, const std::string& recipient) {
  auto value = database.db().Run([&](soci::session& sql) {
    std::string text;
    soci::indicator ind = soci::i_null;
    sql << "SELECT " + column + " FROM outbox WHERE recipient = :r ORDER BY id DESC LIMIT 1",
        soci::use(recipient), soci::into(text, ind);
    return sql.got_data() && ind == soci::i_ok ? text : std::string();
  });
  return value.ok() ? *value : "";
}

}  // namespace

long long QueryNumber(Database& db, const std::string& query) {
  auto number = db.Run([&](soci::session& sql) {
    long long n = -1;
    sql << query, soci::into(n);
    return n;
  });
  EXPECT_TRUE(number.ok()) << query << ": " << number.status().message();
  return number.ok() ? *number : -1;
}

long long MailCount(TestDatabase& database, const std::string& recipient) {
  auto count = database.db().Run([&](soci::session& sql) {
    long long n = 0;
    sql << "SELECT COUNT(*) FROM outbox WHERE recipient = :r", soci::use(recipient), soci::into(n);
    return n;
  });
  return count.ok() ? *count : -1;
}

std::string LatestMailTo(TestDatabase& database, const std::string& recipient) {
  return NewestMailColumn(database, "body", recipient);
}

std::string LatestSubjectTo(TestDatabase& database, const std::string& recipient) {
  return NewestMailColumn(database, "subject", recipient);
}

std::string TokenInLink(const std::string& body, const std::string& path) {
  const std::string marker = path + "?token=";
  const std::size_t at = body.find(marker);
  if (at == std::string::npos) return "";
  const std::size_t start = at + marker.size();
  std::size_t end = start;
  while (end < body.size() && (std::isalnum(static_cast<unsigned char>(body[end])) || body[end] == '-' ||
                               body[end] == '_')) {
    ++end;
  }
  return body.substr(start, end - start);
}

void InsertCondition(Database& db, int orphacode, const std::string& name,
                     const std::string& entry_type) {
  auto inserted = db.InTransaction([&](soci::session& sql) {
    std::string slug;
    for (char c : name) {
      if (std::isalnum(static_cast<unsigned char>(c))) {
        slug.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
      } else if (!slug.empty() && slug.back() != '-') {
        slug.push_back('-');
      }
    }
    slug += "-" + std::to_string(orphacode);
    std::string sort_name = name;
    for (char& c : sort_name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const long long now = 1700000000;
    sql << "INSERT INTO conditions (orphacode, slug, name, sort_name, entry_type, status,"
           " created_at, updated_at) VALUES (:code, :slug, :name, :sort, :type, 'active', :c, :u)",
        soci::use(orphacode), soci::use(slug), soci::use(name), soci::use(sort_name),
        soci::use(entry_type), soci::use(now), soci::use(now);
    return Status::Ok();
  });
  ASSERT_TRUE(inserted.ok()) << inserted.message();
}

}  // namespace diseasemaps::testing
