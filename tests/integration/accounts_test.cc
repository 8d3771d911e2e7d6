// Signing in and out, sessions, CSRF and the account commands, end to end on both
// databases.
#include <gtest/gtest.h>

#include "test_server.h"

namespace diseasemaps::testing {
namespace {

constexpr const char* kPassword = "correct horse battery staple";

class AccountsTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override { AddUser(database_, "Edith@Example.org", "Edith Editor", {"editor"}, kPassword); }
  TestDatabase database_{GetParam()};
};

std::string Backends(const ::testing::TestParamInfo<Backend>& info) { return BackendName(info.param); }

bool Has(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

TEST_P(AccountsTest, SignInStartsASessionInAnHttpOnlyLaxCookie) {
  TestServer server(database_);
  HttpResult form = server.Get("/login");
  ASSERT_EQ(form.status, 200u);
  EXPECT_TRUE(Has(form.body, "autocomplete=\"current-password\""));
  const std::string csrf_cookie = CookiePair(form.Header("set-cookie"));
  HttpResult signed_in = PostForm(server, "/login", csrf_cookie,
                                  "csrf=" + CsrfFieldIn(form.body) +
                                      "&email=EDITH%40example.org&password=correct+horse+battery+staple"
                                      "&next=%2Fconditions%2Forpha%2F1183");
  ASSERT_EQ(signed_in.status, 303u) << signed_in.body;
  EXPECT_EQ(signed_in.Header("location"), "/conditions/orpha/1183");
  const std::string set_cookie = signed_in.Header("set-cookie");
  EXPECT_EQ(set_cookie.rfind("dm_session=", 0), 0u) << set_cookie;
  EXPECT_TRUE(Has(set_cookie, "HttpOnly"));
  EXPECT_TRUE(Has(set_cookie, "SameSite=Lax"));
  EXPECT_FALSE(Has(set_cookie, "Secure"));  // plain HTTP on loopback
  HttpResult home = server.Get("/", {{"Cookie", CookiePair(set_cookie)}});
  EXPECT_TRUE(Has(home.body, "Signed in as Edith Editor"));
  EXPECT_TRUE(Has(home.body, "href=\"/editorial\""));  // an editor sees the way in
  EXPECT_EQ(home.Header("cache-control"), "private, no-store");
  EXPECT_FALSE(Has(server.Get("/").body, "Signed in as"));  // others never see it
}

TEST_P(AccountsTest, SecureCookiesBehindTls) {
  TestServer server(database_, {"--public-url", "https://maps.example"});
  HttpResult form = server.Get("/login");
  EXPECT_TRUE(Has(form.Header("set-cookie"), "; Secure"));
}

TEST_P(AccountsTest, WrongPasswordAndUnknownAccountGetTheSameAnswer) {
  TestServer server(database_);
  HttpResult form = server.Get("/login");
  const std::string cookie = CookiePair(form.Header("set-cookie"));
  const std::string csrf = CsrfFieldIn(form.body);
  HttpResult wrong = PostForm(server, "/login", cookie, "csrf=" + csrf + "&email=edith%40example.org&password=nope-nope-nope");
  HttpResult unknown = PostForm(server, "/login", cookie, "csrf=" + csrf + "&email=nobody%40example.org&password=nope-nope-nope");
  EXPECT_EQ(wrong.status, 422u);
  EXPECT_EQ(unknown.status, 422u);
  EXPECT_TRUE(Has(wrong.body, "do not match an account"));
  EXPECT_TRUE(Has(unknown.body, "do not match an account"));
  EXPECT_TRUE(Has(wrong.body, "value=\"edith@example.org\""));  // the form keeps what was typed
  EXPECT_TRUE(wrong.Header("set-cookie").rfind("dm_session", 0) != 0);
  HttpResult empty = PostForm(server, "/login", cookie, "csrf=" + csrf + "&email=&password=");
  EXPECT_EQ(empty.status, 422u);
  EXPECT_TRUE(Has(empty.body, "Enter your e-mail address and your password."));
}

TEST_P(AccountsTest, FormsWithoutTheirCsrfTokenChangeNothing) {
  TestServer server(database_);
  HttpResult forged = PostForm(server, "/login", "", "email=edith%40example.org&password=correct+horse+battery+staple");
  EXPECT_EQ(forged.status, 403u);
  EXPECT_TRUE(Has(forged.body, "reload the page"));
  SignedIn edith = SignIn(server, "edith@example.org", kPassword);
  HttpResult forged_logout = PostForm(server, "/logout", edith.cookie, "csrf=not-the-token");
  EXPECT_EQ(forged_logout.status, 403u);
  EXPECT_TRUE(Has(server.Get("/", {{"Cookie", edith.cookie}}).body, "Signed in as Edith Editor"));
}

TEST_P(AccountsTest, SignOutEndsTheSessionForGood) {
  TestServer server(database_);
  SignedIn edith = SignIn(server, "edith@example.org", kPassword);
  HttpResult out = PostForm(server, "/logout", edith.cookie, "csrf=" + edith.csrf);
  EXPECT_EQ(out.status, 303u);
  EXPECT_TRUE(Has(out.Header("set-cookie"), "dm_session=; Path=/; Max-Age=0"));
  EXPECT_FALSE(Has(server.Get("/", {{"Cookie", edith.cookie}}).body, "Signed in as"));
}

TEST_P(AccountsTest, RepeatedFailuresAreSlowedWith429) {
  TestServer server(database_);
  HttpResult form = server.Get("/login");
  const std::string cookie = CookiePair(form.Header("set-cookie"));
  const std::string body = "csrf=" + CsrfFieldIn(form.body) + "&email=edith%40example.org&password=guess-guess";
  unsigned last = 0;
  for (int i = 0; i < 12 && last != 429; ++i) last = PostForm(server, "/login", cookie, body).status;
  ASSERT_EQ(last, 429u);
  HttpResult limited = PostForm(server, "/login", cookie, body);
  EXPECT_EQ(limited.status, 429u);
  EXPECT_FALSE(limited.Header("retry-after").empty());
  EXPECT_TRUE(Has(limited.body, "Too many attempts"));
}

// Sign-in failures from one client until the per-address limit answers 429; each attempt
// names another (unknown) account, so only the address's count can be reached.
unsigned FailUntilLimited(TestServer& server, const std::string& forwarded_for) {
  HttpResult form = server.Get("/login");
  const std::string cookie = CookiePair(form.Header("set-cookie"));
  const std::string csrf = CsrfFieldIn(form.body);
  unsigned last = 0;
  for (int i = 0; i < 40 && last != 429; ++i) {
    last = server
               .Request("POST", "/login",
                        {{"Cookie", cookie},
                         {"Content-Type", "application/x-www-form-urlencoded"},
                         {"X-Forwarded-For", forwarded_for}},
                        "csrf=" + csrf + "&email=nobody-" + std::to_string(i) + "%40example.org&password=guess-guess")
               .status;
  }
  return last;
}

unsigned OneAttempt(TestServer& server, const std::string& forwarded_for) {
  HttpResult form = server.Get("/login");
  return server
      .Request("POST", "/login",
               {{"Cookie", CookiePair(form.Header("set-cookie"))},
                {"Content-Type", "application/x-www-form-urlencoded"},
                {"X-Forwarded-For", forwarded_for}},
               "csrf=" + CsrfFieldIn(form.body) + "&email=someone-else%40example.org&password=guess-guess")
      .status;
}

TEST_P(AccountsTest, LimitsCountTheClientBehindATrustedProxyOnly) {
  {
    // Behind a listed proxy, each client has its own count.
    TestServer server(database_, {"--trust-proxy", "127.0.0.1, ::1"});
    ASSERT_EQ(FailUntilLimited(server, "198.51.100.1"), 429u);
    EXPECT_EQ(OneAttempt(server, "198.51.100.1"), 429u);
    EXPECT_NE(OneAttempt(server, "198.51.100.2"), 429u);
    EXPECT_NE(OneAttempt(server, "198.51.100.1, 198.51.100.3"), 429u);  // the right-most untrusted hop
    EXPECT_EQ(OneAttempt(server, "203.0.113.5, 198.51.100.1"), 429u);   // a forgery on the left changes nothing
  }
  {
    // Without --trust-proxy the header is nobody's word: every request is the socket's peer.
    TestServer server(database_);
    ASSERT_EQ(FailUntilLimited(server, "198.51.100.1"), 429u);
    EXPECT_EQ(OneAttempt(server, "198.51.100.2"), 429u);
  }
}

TEST_P(AccountsTest, AnUnreadableTrustProxyListIsRefusedByName) {
  auto [code, output] = RunBinary({"--database", database_.url(), "serve", "--port", "0", "--trust-proxy", "10.0.0.0/40"});
  EXPECT_NE(code, 0);
  EXPECT_NE(output.find("10.0.0.0/40"), std::string::npos) << output;
}

TEST_P(AccountsTest, NextNeverLeavesTheSite) {
  TestServer server(database_);
  HttpResult form = server.Get("/login");
  HttpResult signed_in = PostForm(server, "/login", CookiePair(form.Header("set-cookie")),
                                  "csrf=" + CsrfFieldIn(form.body) +
                                      "&email=edith%40example.org&password=correct+horse+battery+staple"
                                      "&next=%2F%2Fevil.example%2F");
  EXPECT_EQ(signed_in.Header("location"), "/");
}

TEST_P(AccountsTest, AccountCommandsRefuseMistakesClearly) {
  auto [dup, dup_output] = RunBinary({"--database", database_.url(), "user", "add", "--email",
                                      "edith@EXAMPLE.org", "--name", "Again", "--password-stdin"},
                                     {}, "another long password\n");
  EXPECT_EQ(dup, 1);
  EXPECT_TRUE(Has(dup_output, "already exists")) << dup_output;
  auto [weak, weak_output] = RunBinary({"--database", database_.url(), "user", "add", "--email",
                                        "new@example.org", "--name", "New", "--password-stdin"},
                                       {}, "short\n");
  EXPECT_EQ(weak, 1);
  EXPECT_TRUE(Has(weak_output, "at least 10 characters")) << weak_output;
  auto [role, role_output] = RunBinary({"--database", database_.url(), "user", "role", "--email",
                                        "edith@example.org", "--role", "wizard"});
  EXPECT_NE(role, 0);
  EXPECT_TRUE(Has(role_output, "wizard")) << role_output;
}

TEST_P(AccountsTest, APasswordResetSignsOutEverySession) {
  TestServer server(database_);
  SignedIn edith = SignIn(server, "edith@example.org", kPassword);
  auto [code, output] = RunBinary({"--database", database_.url(), "user", "reset", "--email",
                                   "edith@example.org", "--password-stdin"},
                                  {}, "a brand new password\n");
  ASSERT_EQ(code, 0) << output;
  EXPECT_FALSE(Has(server.Get("/", {{"Cookie", edith.cookie}}).body, "Signed in as"));
  SignIn(server, "edith@example.org", "a brand new password");
}

INSTANTIATE_TEST_SUITE_P(Backends, AccountsTest, ::testing::ValuesIn(AllBackends()), Backends);

}  // namespace
}  // namespace diseasemaps::testing
