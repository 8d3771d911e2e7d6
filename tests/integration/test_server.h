// Test support for integration tests: a fresh database on either backend, the real
// `diseasemaps` binary started on an ephemeral loopback port, and a small HTTP client.
//
// TestDatabase makes a new SQLite file or a new PostgreSQL database (on the server that
// scripts/with-postgres started; its URL is in DISEASEMAPS_TEST_POSTGRES_URL) and
// removes it afterwards. TestServer starts the binary with its output in a log file and
// always stops it (SIGTERM, then SIGKILL) when the test ends, passed or failed.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "platform/db/database.h"

namespace diseasemaps::testing {

// The backends every integration test runs against.
std::vector<Backend> AllBackends();
std::string BackendName(Backend backend);

class TestDatabase {
 public:
  // Fails the current test (and returns an unusable object) when PostgreSQL is wanted
  // but DISEASEMAPS_TEST_POSTGRES_URL is not set.
  explicit TestDatabase(Backend backend);
  ~TestDatabase();
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  Backend backend() const { return backend_; }
  const std::string& url() const { return url_; }
  const std::filesystem::path& directory() const { return directory_; }
  // A connection pool on this database, opened on first use, with the schema migrated.
  Database& db();

 private:
  Backend backend_;
  std::filesystem::path directory_;
  std::string url_;
  std::string pg_name_;
  std::unique_ptr<Database> db_;
};

struct HttpResult {
  unsigned status = 0;
  std::map<std::string, std::string> headers;  // names in lower case; of several Set-Cookie, the last
  std::vector<std::string> set_cookies;        // every Set-Cookie value, in order
  std::string body;
  std::string Header(const std::string& lower_name) const;
};

class TestServer {
 public:
  // Starts `diseasemaps --database URL serve --port 0 …extra_args` and waits until it
  // prints the address it serves on. Unless extra_args name one, the search index is
  // DIRECTORY/search-index in the database's test directory.
  TestServer(const TestDatabase& database, std::vector<std::string> extra_args = {},
             const std::map<std::string, std::string>& environment = {});
  ~TestServer();
  TestServer(const TestServer&) = delete;
  TestServer& operator=(const TestServer&) = delete;

  bool started() const { return port_ != 0; }
  unsigned short port() const { return port_; }
  std::string Log() const;

  HttpResult Get(const std::string& target, const std::map<std::string, std::string>& headers = {});
  HttpResult Request(const std::string& method, const std::string& target,
                     const std::map<std::string, std::string>& headers = {},
                     const std::string& body = "");

  // Sends bytes as they are and returns everything the server sends back until it
  // closes the connection or `timeout` passes.
  std::string RawExchange(const std::string& bytes,
                          std::chrono::milliseconds timeout = std::chrono::seconds(10));

  // Sends SIGTERM and waits for the exit; returns the exit code (or -signal).
  int Stop(std::chrono::milliseconds timeout = std::chrono::seconds(20));
  // Waits for an exit already under way (after a signal sent some other way).
  int WaitForExit(std::chrono::milliseconds timeout = std::chrono::seconds(20));
  pid_t pid() const { return pid_; }

 private:
  // Request without the failure report: throws on network errors.
  HttpResult Exchange(const std::string& method, const std::string& target,
                      const std::map<std::string, std::string>& headers, const std::string& body);

  std::filesystem::path log_path_;
  pid_t pid_ = -1;
  unsigned short port_ = 0;
};

// Runs the binary to completion with args; returns {exit code, stdout+stderr}.
// `input` is given on standard input.
std::pair<int, std::string> RunBinary(const std::vector<std::string>& args,
                                      const std::map<std::string, std::string>& env = {},
                                      const std::string& input = "");

// Runs one statement on the PostgreSQL server's maintenance database (the one in
// DISEASEMAPS_TEST_POSTGRES_URL), failing the test when it fails.
void AdminStatement(const std::string& statement);

// Creates an account through `diseasemaps user add` (password given on stdin).
// roles: "editor", "reviewer", "admin" …
void AddUser(const TestDatabase& database, const std::string& email, const std::string& name,
             const std::vector<std::string>& roles, const std::string& password,
             const std::string& credentials = "");

// A signed-in browser's state: the Cookie header to send, and the CSRF token its forms
// carry.
struct SignedIn {
  std::string cookie;
  std::string csrf;
};
// Signs in through GET and POST /login, as a browser would. Fails the test when it can't.
SignedIn SignIn(TestServer& server, const std::string& email, const std::string& password);

// The id of the account with that e-mail address, or 0 (failing the test) when none.
long long UserIdOf(TestDatabase& database, const std::string& email);

// The single integer a query such as "SELECT COUNT(*) FROM …" answers; fails the test
// (and returns -1) when the query fails.
long long QueryNumber(Database& db, const std::string& query);

// The value of the first hidden `csrf` field in an HTML page, or "".
std::string CsrfFieldIn(const std::string& html);
// "name=value" of the cookie set by a Set-Cookie header value.
std::string CookiePair(const std::string& set_cookie);
// "name=value" of the cookie called `name` that the response sets, or "".
std::string CookieSetBy(const HttpResult& result, const std::string& name);

// An anonymous browser's state on a page with a form: its dm_csrf cookie and the token.
SignedIn OpenForm(TestServer& server, const std::string& path);
// POSTs a urlencoded form body with the given Cookie header.
HttpResult PostForm(TestServer& server, const std::string& path, const std::string& cookie,
                    const std::string& body);
// POSTs a form as that member: their session cookie, their csrf token, then `fields`
// ("a=1&b=2", urlencoded; may be empty).
HttpResult PostAs(TestServer& server, const SignedIn& who, const std::string& path, const std::string& fields);

// The outbox as tests see it: how many e-mails went to `recipient`, and the body and
// subject of the newest ("" when none).
long long MailCount(TestDatabase& database, const std::string& recipient);
std::string LatestMailTo(TestDatabase& database, const std::string& recipient);
std::string LatestSubjectTo(TestDatabase& database, const std::string& recipient);
// The token of the first link to `path` ("/account/confirm") in an e-mail body, or "".
std::string TokenInLink(const std::string& body, const std::string& path);

// Inserts an active condition row (for pages that list conditions).
void InsertCondition(Database& db, int orphacode, const std::string& name,
                     const std::string& entry_type = "Disease");

}  // namespace diseasemaps::testing
