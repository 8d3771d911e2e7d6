// Joining, confirming the address and the answers that never tell who has an account,
// on both databases, through the real binary. E-mail is read from the outbox table.
#include <gtest/gtest.h>

#include "http/url.h"
#include "test_server.h"

namespace diseasemaps::testing {
namespace {

constexpr const char* kPassword = "violet harbour kettle";

bool Has(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

std::string Form(const SignedIn& form, const std::string& email, const std::string& name,
                 const std::string& password) {
  return "csrf=" + form.csrf + "&email=" + http::PercentEncode(email) + "&display_name=" +
         http::PercentEncode(name) + "&password=" + http::PercentEncode(password);
}

class RegistrationTest : public ::testing::TestWithParam<Backend> {
 protected:
  long long Users() { return QueryNumber(database_.db(), "SELECT COUNT(*) FROM users"); }
  HttpResult Register(TestServer& server, const std::string& email, const std::string& name,
                      const std::string& password) {
    SignedIn form = OpenForm(server, "/register");
    return PostForm(server, "/register", form.cookie, Form(form, email, name, password));
  }
  HttpResult SignInAttempt(TestServer& server, const std::string& email, const std::string& password) {
    SignedIn form = OpenForm(server, "/login");
    return PostForm(server, "/login", form.cookie,
                    "csrf=" + form.csrf + "&email=" + http::PercentEncode(email) +
                        "&password=" + http::PercentEncode(password));
  }
  TestDatabase database_{GetParam()};
};

std::string Backends(const ::testing::TestParamInfo<Backend>& info) { return BackendName(info.param); }

TEST_P(RegistrationTest, APersonJoinsConfirmsTheirAddressAndSignsIn) {
  TestServer server(database_);
  HttpResult joined = Register(server, "Pat@Example.org", "Pat", kPassword);
  // Post/Redirect/Get: reloading the page that says "check your e-mail" sends nothing.
  ASSERT_EQ(joined.status, 303u) << joined.body;
  EXPECT_EQ(joined.Header("location"), "/register/sent");
  HttpResult sent = server.Get("/register/sent");
  EXPECT_EQ(sent.status, 200u);
  EXPECT_TRUE(Has(sent.body, "Check your e-mail"));
  EXPECT_FALSE(Has(sent.body, "Pat@Example.org"));
  EXPECT_EQ(MailCount(database_, "Pat@Example.org"), 1);
  const std::string mail = LatestMailTo(database_, "Pat@Example.org");
  EXPECT_TRUE(Has(mail, "Hello Pat"));
  const std::string token = TokenInLink(mail, "/account/confirm");
  ASSERT_EQ(token.size(), 43u) << mail;

  // Not confirmed yet: the right password is not enough.
  HttpResult early = SignInAttempt(server, "pat@example.org", kPassword);
  EXPECT_EQ(early.status, 403u);
  EXPECT_TRUE(Has(early.body, "confirm your e-mail address first"));

  // The link shows a button; only the POST uses the token (mail scanners follow links).
  HttpResult page = server.Get("/account/confirm?token=" + token);
  ASSERT_EQ(page.status, 200u);
  EXPECT_TRUE(Has(page.body, "Confirm my address"));
  SignedIn form = OpenForm(server, "/account/confirm?token=" + token);
  HttpResult confirmed = PostForm(server, "/account/confirm", form.cookie, "csrf=" + form.csrf + "&token=" + token);
  EXPECT_EQ(confirmed.status, 303u) << confirmed.body;
  EXPECT_EQ(confirmed.Header("location"), "/account?done=confirmed");
  HttpResult again = PostForm(server, "/account/confirm", form.cookie, "csrf=" + form.csrf + "&token=" + token);
  EXPECT_EQ(again.status, 410u);  // single use
  EXPECT_FALSE(Has(again.Header("set-cookie"), "dm_session="));

  // Confirming signed Pat in: a session cookie with the usual rules.
  const std::string set_cookie = confirmed.Header("set-cookie");
  ASSERT_TRUE(Has(set_cookie, "dm_session=")) << set_cookie;
  EXPECT_TRUE(Has(set_cookie, "HttpOnly"));
  EXPECT_TRUE(Has(set_cookie, "SameSite=Lax"));
  EXPECT_EQ(QueryNumber(database_.db(), "SELECT COUNT(*) FROM sessions"), 1);
  HttpResult welcome = server.Get("/account?done=confirmed", {{"Cookie", CookiePair(set_cookie)}});
  EXPECT_EQ(welcome.status, 200u);
  EXPECT_TRUE(Has(welcome.body, "Signed in as <strong>Pat</strong>")) << welcome.body;
  EXPECT_TRUE(Has(welcome.body, "Your address is confirmed and you are signed in."));

  SignedIn pat = SignIn(server, "pat@example.org", kPassword);
  HttpResult account = server.Get("/account", {{"Cookie", pat.cookie}});
  EXPECT_EQ(account.status, 200u);
  EXPECT_TRUE(Has(account.body, "Signed in as Pat"));
}

TEST_P(RegistrationTest, ConfirmingEndsTheSessionTheBrowserHadAndASuspendedAccountIsNotSignedIn) {
  AddUser(database_, "other@example.org", "Other", {"member"}, kPassword);
  TestServer server(database_);
  SignedIn other = SignIn(server, "other@example.org", kPassword);
  Register(server, "kim@example.org", "Kim", kPassword);
  const std::string token = TokenInLink(LatestMailTo(database_, "kim@example.org"), "/account/confirm");
  HttpResult confirmed = PostAs(server, other, "/account/confirm", "token=" + token);
  ASSERT_EQ(confirmed.status, 303u) << confirmed.body;
  // The session the browser came with is over; the new one is Kim's.
  EXPECT_EQ(server.Get("/account", {{"Cookie", other.cookie}}).status, 303u);
  HttpResult kim = server.Get("/account", {{"Cookie", CookiePair(confirmed.Header("set-cookie"))}});
  EXPECT_TRUE(Has(kim.body, "<strong>Kim</strong>"));

  Register(server, "sus@example.org", "Sus", kPassword);
  const std::string second = TokenInLink(LatestMailTo(database_, "sus@example.org"), "/account/confirm");
  ASSERT_TRUE(database_.db().Run([](soci::session& sql) {
    sql << "UPDATE users SET status = 'suspended' WHERE display_name = 'Sus'";
    return true;
  }).ok());
  SignedIn form = OpenForm(server, "/account/confirm?token=" + second);
  HttpResult suspended = PostForm(server, "/account/confirm", form.cookie, "csrf=" + form.csrf + "&token=" + second);
  EXPECT_EQ(suspended.status, 200u);
  EXPECT_TRUE(Has(suspended.body, "Your address is confirmed"));
  EXPECT_FALSE(Has(suspended.Header("set-cookie"), "dm_session="));
}

TEST_P(RegistrationTest, AnAddressThatHasAnAccountLooksTheSameAndItsOwnerIsTold) {
  AddUser(database_, "owner@example.org", "Owner", {"member"}, kPassword);
  TestServer server(database_);
  const long long before = Users();
  HttpResult fresh = Register(server, "new@example.org", "Newcomer", kPassword);
  HttpResult taken = Register(server, "OWNER@example.org", "Newcomer", kPassword);
  EXPECT_EQ(fresh.status, taken.status);
  auto strip = [](std::string body, const std::string& email) {
    for (std::size_t at; (at = body.find(email)) != std::string::npos;) body.erase(at, email.size());
    return body;
  };
  EXPECT_EQ(strip(fresh.body, "new@example.org"), strip(taken.body, "OWNER@example.org"));
  EXPECT_EQ(Users(), before + 1);  // only the new address made an account
  EXPECT_EQ(LatestSubjectTo(database_, "OWNER@example.org"), "Someone tried to register with your address");
  EXPECT_EQ(TokenInLink(LatestMailTo(database_, "OWNER@example.org"), "/account/confirm"), "");
}

TEST_P(RegistrationTest, MistakesComeBackBesideTheirFieldsAndChangeNothing) {
  TestServer server(database_);
  const long long before = Users();
  HttpResult bad = Register(server, "not-an-address", "", "short");
  EXPECT_EQ(bad.status, 422u);
  EXPECT_TRUE(Has(bad.body, "value=\"not-an-address\""));  // what was typed comes back
  EXPECT_TRUE(Has(bad.body, "id=\"register-email-error\""));
  EXPECT_TRUE(Has(bad.body, "id=\"register-name-error\""));
  EXPECT_TRUE(Has(bad.body, "Use at least 10 characters"));
  EXPECT_TRUE(Has(bad.body, "aria-invalid=\"true\""));

  HttpResult common = Register(server, "a@example.org", "A", "Password123!");
  EXPECT_EQ(common.status, 422u);
  EXPECT_TRUE(Has(common.body, "one people often choose"));
  EXPECT_FALSE(Has(common.body, "Password123!"));  // a password is never echoed

  HttpResult long_name = Register(server, "b@example.org", std::string(61, 'x'), kPassword);
  EXPECT_EQ(long_name.status, 422u);
  EXPECT_TRUE(Has(long_name.body, "at most 60 characters"));

  HttpResult markup = Register(server, "c@example.org", "<script>alert(1)</script>", "x");
  EXPECT_EQ(markup.status, 422u);
  EXPECT_FALSE(Has(markup.body, "<script>alert(1)"));
  EXPECT_TRUE(Has(markup.body, "&lt;script&gt;alert(1)&lt;/script&gt;"));
  EXPECT_EQ(Users(), before);
  EXPECT_EQ(MailCount(database_, "a@example.org"), 0);
}

TEST_P(RegistrationTest, AFormWithoutItsTokenIsRefusedAndExplained) {
  TestServer server(database_);
  SignedIn form = OpenForm(server, "/register");
  HttpResult forged = PostForm(server, "/register", form.cookie,
                               "email=x%40example.org&display_name=X&password=violet+harbour+kettle");
  EXPECT_EQ(forged.status, 403u);
  EXPECT_TRUE(Has(forged.body, "nothing was changed"));
  EXPECT_EQ(Users(), 0);
}

TEST_P(RegistrationTest, ANewConfirmationLinkReplacesTheOldOne) {
  TestServer server(database_);
  Register(server, "sam@example.org", "Sam", kPassword);
  const std::string first = TokenInLink(LatestMailTo(database_, "sam@example.org"), "/account/confirm");
  SignedIn form = OpenForm(server, "/account/confirm/resend");
  HttpResult resent = PostForm(server, "/account/confirm/resend", form.cookie,
                               "csrf=" + form.csrf + "&email=sam%40example.org");
  EXPECT_EQ(resent.status, 200u);
  HttpResult unknown = PostForm(server, "/account/confirm/resend", form.cookie,
                                "csrf=" + form.csrf + "&email=nobody%40example.org");
  EXPECT_EQ(unknown.status, 200u);  // the same answer: nobody learns who has an account
  EXPECT_EQ(MailCount(database_, "nobody@example.org"), 0);
  const std::string second = TokenInLink(LatestMailTo(database_, "sam@example.org"), "/account/confirm");
  ASSERT_FALSE(second.empty());
  EXPECT_NE(first, second);
  EXPECT_EQ(PostForm(server, "/account/confirm", form.cookie, "csrf=" + form.csrf + "&token=" + first).status, 410u);
  EXPECT_EQ(PostForm(server, "/account/confirm", form.cookie, "csrf=" + form.csrf + "&token=" + second).status, 303u);
}

TEST_P(RegistrationTest, RegistrationsFromOneAddressAreLimited) {
  TestServer server(database_);
  HttpResult last;
  for (int i = 0; i < 11; ++i) {
    const std::string n = std::to_string(i);
    last = Register(server, std::string("p").append(n).append("@example.org"), std::string("P").append(n), kPassword);
  }
  EXPECT_EQ(last.status, 429u);
  EXPECT_FALSE(last.Header("retry-after").empty());
  EXPECT_TRUE(Has(last.body, "try again"));
  EXPECT_EQ(Users(), 10);
}

INSTANTIATE_TEST_SUITE_P(Backends, RegistrationTest, ::testing::ValuesIn(AllBackends()), Backends);

}  // namespace
}  // namespace diseasemaps::testing
