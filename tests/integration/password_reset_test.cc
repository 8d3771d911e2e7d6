// A forgotten password and a locked account, on both databases: the reset link works
// once and for an hour, signs every device out; the "forgot" answer never tells who has
// an account; repeated failed sign-ins lock the account and tell its owner.
#include <gtest/gtest.h>

#include "http/url.h"
#include "test_server.h"

namespace diseasemaps::testing {
namespace {

constexpr const char* kPassword = "violet harbour kettle";
constexpr const char* kNewPassword = "amber lantern orchard";

bool Has(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

class PasswordResetTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override { AddUser(database_, "lee@example.org", "Lee", {"member"}, kPassword); }
  HttpResult Forgot(TestServer& server, const std::string& email) {
    SignedIn form = OpenForm(server, "/password/forgot");
    return PostForm(server, "/password/forgot", form.cookie, "csrf=" + form.csrf + "&email=" + http::PercentEncode(email));
  }
  HttpResult Reset(TestServer& server, const std::string& token, const std::string& password) {
    SignedIn form = OpenForm(server, "/login");
    return PostForm(server, "/password/reset", form.cookie,
                    "csrf=" + form.csrf + "&token=" + token + "&password=" + http::PercentEncode(password));
  }
  HttpResult SignInAttempt(TestServer& server, const std::string& email, const std::string& password) {
    SignedIn form = OpenForm(server, "/login");
    return PostForm(server, "/login", form.cookie,
                    "csrf=" + form.csrf + "&email=" + http::PercentEncode(email) + "&password=" + http::PercentEncode(password));
  }
  long long Count(const std::string& query) { return QueryNumber(database_.db(), query); }
  TestDatabase database_{GetParam()};
};

std::string Backends(const ::testing::TestParamInfo<Backend>& info) { return BackendName(info.param); }

TEST_P(PasswordResetTest, TheLinkSetsANewPasswordOnceAndSignsEveryDeviceOut) {
  TestServer server(database_);
  SignedIn phone = SignIn(server, "lee@example.org", kPassword);
  HttpResult asked = Forgot(server, "LEE@example.org");
  ASSERT_EQ(asked.status, 200u);
  const std::string token = TokenInLink(LatestMailTo(database_, "LEE@example.org"), "/password/reset");
  ASSERT_EQ(token.size(), 43u);
  HttpResult form = server.Get("/password/reset?token=" + token);
  EXPECT_EQ(form.status, 200u);
  EXPECT_TRUE(Has(form.body, "Choose a new password"));

  HttpResult weak = Reset(server, token, "qwertyuiop");
  EXPECT_EQ(weak.status, 422u);
  EXPECT_TRUE(Has(weak.body, "one people often choose"));
  HttpResult done = Reset(server, token, kNewPassword);
  EXPECT_EQ(done.status, 200u);
  EXPECT_TRUE(Has(done.body, "Your password was changed"));
  EXPECT_EQ(Reset(server, token, "another fine sentence").status, 410u);  // once only
  EXPECT_EQ(server.Get("/password/reset?token=" + token).status, 410u);

  EXPECT_FALSE(Has(server.Get("/", {{"Cookie", phone.cookie}}).body, "Signed in as"));  // signed out
  EXPECT_EQ(SignInAttempt(server, "lee@example.org", kPassword).status, 422u);
  SignIn(server, "lee@example.org", kNewPassword);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'user.password_reset'"), 1);
}

TEST_P(PasswordResetTest, AnExpiredLinkExplainsItselfAndChangesNothing) {
  TestServer server(database_);
  Forgot(server, "lee@example.org");
  const std::string token = TokenInLink(LatestMailTo(database_, "lee@example.org"), "/password/reset");
  ASSERT_TRUE(database_.db().Run([](soci::session& sql) {
    sql << "UPDATE account_tokens SET expires_at = 1";
    return true;
  }).ok());
  HttpResult expired = Reset(server, token, kNewPassword);
  EXPECT_EQ(expired.status, 410u);
  EXPECT_TRUE(Has(expired.body, "Ask for a new link"));
  SignIn(server, "lee@example.org", kPassword);  // the old password still works
  EXPECT_EQ(server.Get("/password/reset?token=not-a-token").status, 410u);
}

TEST_P(PasswordResetTest, TheAnswerIsTheSameWhetherOrNotTheAddressHasAnAccount) {
  TestServer server(database_);
  HttpResult known = Forgot(server, "lee@example.org");
  HttpResult unknown = Forgot(server, "stranger@example.org");
  EXPECT_EQ(known.status, unknown.status);
  auto strip = [](std::string body, const std::string& email) {
    for (std::size_t at; (at = body.find(email)) != std::string::npos;) body.erase(at, email.size());
    return body;
  };
  EXPECT_EQ(strip(known.body, "lee@example.org"), strip(unknown.body, "stranger@example.org"));
  EXPECT_EQ(LatestSubjectTo(database_, "stranger@example.org"), "About your password reset request");
  EXPECT_EQ(TokenInLink(LatestMailTo(database_, "stranger@example.org"), "/password/reset"), "");

  HttpResult bad = Forgot(server, "not an address");
  EXPECT_EQ(bad.status, 422u);
  EXPECT_TRUE(Has(bad.body, "value=\"not an address\""));
  EXPECT_TRUE(Has(bad.body, "id=\"forgot-email-error\""));
}

TEST_P(PasswordResetTest, RequestsForOneAddressAreLimited) {
  TestServer server(database_);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(Forgot(server, "lee@example.org").status, 200u);
  HttpResult over = Forgot(server, "lee@example.org");
  EXPECT_EQ(over.status, 429u);
  EXPECT_FALSE(over.Header("retry-after").empty());
  EXPECT_EQ(MailCount(database_, "lee@example.org"), 3);
}

TEST_P(PasswordResetTest, RepeatedFailuresLockTheAccountAndTellItsOwner) {
  TestServer server(database_);
  HttpResult last;
  for (int i = 0; i < 8; ++i) last = SignInAttempt(server, "lee@example.org", "wrong password " + std::to_string(i));
  EXPECT_EQ(last.status, 429u);
  EXPECT_FALSE(last.Header("retry-after").empty());
  EXPECT_EQ(LatestSubjectTo(database_, "lee@example.org"), "Your DiseaseMaps account was locked for a while");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM users WHERE locked_until IS NOT NULL"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'user.locked'"), 1);
  // The right password does not open a locked account, and the owner is told only once.
  EXPECT_EQ(SignInAttempt(server, "lee@example.org", kPassword).status, 429u);
  EXPECT_EQ(MailCount(database_, "lee@example.org"), 1);

  // Another server process on the same database sees the lock too.
  TestServer other(database_);
  EXPECT_EQ(SignInAttempt(other, "lee@example.org", kPassword).status, 429u);
  // Resetting the password lifts the lock.
  SignedIn form = OpenForm(other, "/password/forgot");
  PostForm(other, "/password/forgot", form.cookie, "csrf=" + form.csrf + "&email=lee%40example.org");
  const std::string token = TokenInLink(LatestMailTo(database_, "lee@example.org"), "/password/reset");
  EXPECT_EQ(Reset(other, token, kNewPassword).status, 200u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM users WHERE locked_until IS NOT NULL"), 0);
  SignIn(other, "lee@example.org", kNewPassword);
}

INSTANTIATE_TEST_SUITE_P(Backends, PasswordResetTest, ::testing::ValuesIn(AllBackends()), Backends);

}  // namespace
}  // namespace diseasemaps::testing
