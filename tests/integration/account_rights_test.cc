// Data rights and account control, on both databases: "sign out everywhere", "download
// my data", "delete my account"; admins suspend and reinstate with a reason, and read
// the audit log and the outbox. Everyone else is refused.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "http/url.h"
#include "test_server.h"

namespace diseasemaps::testing {
namespace {

constexpr const char* kPassword = "violet harbour kettle";

bool Has(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

class AccountRightsTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    AddUser(database_, "ada@example.org", "Ada Admin", {"admin"}, kPassword);
    AddUser(database_, "kim@example.org", "Kim", {"member"}, kPassword);
  }
  long long Count(const std::string& query) { return QueryNumber(database_.db(), query); }
  long long IdOf(const std::string& email) {
    return Count("SELECT id FROM users WHERE email_key = '" + email + "'");
  }
  TestDatabase database_{GetParam()};
};

std::string Backends(const ::testing::TestParamInfo<Backend>& info) { return BackendName(info.param); }

TEST_P(AccountRightsTest, SignOutEverywhereEndsEverySession) {
  TestServer server(database_);
  SignedIn laptop = SignIn(server, "kim@example.org", kPassword);
  SignedIn phone = SignIn(server, "kim@example.org", kPassword);
  HttpResult done = PostForm(server, "/account/sign-out-everywhere", phone.cookie, "csrf=" + phone.csrf);
  EXPECT_EQ(done.status, 303u);
  EXPECT_TRUE(Has(done.Header("set-cookie"), "Max-Age=0"));
  EXPECT_FALSE(Has(server.Get("/", {{"Cookie", laptop.cookie}}).body, "Signed in as"));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM sessions"), 0);
  // Back on a page that needs the session, the person is told why.
  HttpResult later = server.Get("/account", {{"Cookie", laptop.cookie}});
  EXPECT_EQ(later.status, 303u);
  EXPECT_TRUE(Has(later.Header("location"), "expired=1"));
  EXPECT_TRUE(Has(server.Get(later.Header("location")).body, "Your session has ended"));
}

TEST_P(AccountRightsTest, DownloadMyDataHoldsWhatIsKeptAboutMeAndNoSecrets) {
  TestServer server(database_);
  SignedIn kim = SignIn(server, "kim@example.org", kPassword);
  HttpResult file = PostForm(server, "/account/export", kim.cookie, "csrf=" + kim.csrf);
  ASSERT_EQ(file.status, 200u) << file.body;
  EXPECT_TRUE(Has(file.Header("content-disposition"), "attachment"));
  EXPECT_TRUE(Has(file.Header("content-type"), "application/json"));
  const nlohmann::json data = nlohmann::json::parse(file.body)["data"];
  EXPECT_EQ(data["account"][0]["email"], "kim@example.org");
  EXPECT_EQ(data["account"][0]["display_name"], "Kim");
  EXPECT_EQ(data["site_roles"][0]["role"], "member");
  EXPECT_EQ(data["sessions"].size(), 1u);
  EXPECT_TRUE(data.contains("profile")) << data.dump();  // other features' data comes along
  EXPECT_FALSE(Has(file.body, "argon2"));         // no password hash
  EXPECT_FALSE(Has(file.body, "token_digest"));   // no token digests
  EXPECT_FALSE(Has(file.body, "Ada Admin"));      // nobody else's data
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'user.export'"), 1);
  // Without the form's token, nothing is handed out.
  EXPECT_EQ(PostForm(server, "/account/export", kim.cookie, "").status, 403u);
  // Anonymous visitors are sent to sign in.
  EXPECT_EQ(server.Request("POST", "/account/export").status, 403u);
}

TEST_P(AccountRightsTest, DeletingMyAccountNeedsMyPasswordAndLeavesADeletedMember) {
  TestServer server(database_);
  SignedIn kim = SignIn(server, "kim@example.org", kPassword);
  const long long id = IdOf("kim@example.org");
  ASSERT_TRUE(database_.db().Run([&](soci::session& sql) {
    sql << "INSERT INTO profiles (user_id, bio, updated_at) VALUES (:id, 'My story', 1)", soci::use(id);
    sql << "INSERT INTO memberships (user_id, orphacode, role, joined_at) VALUES (:id, 1183, 'affected', 1)",
        soci::use(id);
    return true;
  }).ok());
  HttpResult unticked = PostForm(server, "/account/delete", kim.cookie,
                                 "csrf=" + kim.csrf + "&password=" + http::PercentEncode(kPassword));
  EXPECT_EQ(unticked.status, 422u);
  HttpResult wrong = PostForm(server, "/account/delete", kim.cookie, "csrf=" + kim.csrf + "&password=nope&confirm=yes");
  EXPECT_EQ(wrong.status, 422u);
  EXPECT_TRUE(Has(wrong.body, "Nothing was deleted"));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM users WHERE deleted_at IS NULL"), 2);

  HttpResult deleted = PostForm(server, "/account/delete", kim.cookie,
                                "csrf=" + kim.csrf + "&password=" + http::PercentEncode(kPassword) + "&confirm=yes");
  EXPECT_EQ(deleted.status, 303u);
  EXPECT_TRUE(Has(deleted.Header("set-cookie"), "Max-Age=0"));
  EXPECT_TRUE(Has(server.Get(deleted.Header("location")).body, "Your account was deleted"));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM users WHERE email_key = 'kim@example.org'"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM users WHERE id = " + std::to_string(id) +
                  " AND display_name = 'Deleted member' AND email = '' AND password_hash = ''"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM sessions WHERE user_id = " + std::to_string(id)), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM user_roles WHERE user_id = " + std::to_string(id)), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM profiles WHERE user_id = " + std::to_string(id)), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM memberships WHERE user_id = " + std::to_string(id)), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'user.delete'"), 1);
  EXPECT_FALSE(Has(server.Get("/", {{"Cookie", kim.cookie}}).body, "Signed in as"));
  // The address is free again, and the old password opens nothing.
  SignedIn form = OpenForm(server, "/login");
  EXPECT_EQ(PostForm(server, "/login", form.cookie, "csrf=" + form.csrf + "&email=kim%40example.org&password=" +
                                                         http::PercentEncode(kPassword)).status,
            422u);
}

TEST_P(AccountRightsTest, AnAdminSuspendsWithAReasonAndReinstates) {
  TestServer server(database_);
  SignedIn kim = SignIn(server, "kim@example.org", kPassword);
  SignedIn ada = SignIn(server, "ada@example.org", kPassword);
  const std::string kim_id = std::to_string(IdOf("kim@example.org"));
  EXPECT_EQ(PostForm(server, "/admin/users/" + kim_id + "/suspend", ada.cookie, "csrf=" + ada.csrf + "&reason=").status,
            422u);
  HttpResult suspended = PostForm(server, "/admin/users/" + kim_id + "/suspend", ada.cookie,
                                  "csrf=" + ada.csrf + "&reason=" + http::PercentEncode("Spam <b>links</b>"));
  EXPECT_EQ(suspended.status, 303u);
  EXPECT_FALSE(Has(server.Get("/", {{"Cookie", kim.cookie}}).body, "Signed in as"));  // signed out at once
  SignedIn form = OpenForm(server, "/login");
  HttpResult refused = PostForm(server, "/login", form.cookie,
                                "csrf=" + form.csrf + "&email=kim%40example.org&password=" + http::PercentEncode(kPassword));
  EXPECT_EQ(refused.status, 403u);
  EXPECT_TRUE(Has(refused.body, "suspended"));
  HttpResult list = server.Get("/admin/users?q=kim", {{"Cookie", ada.cookie}});
  EXPECT_TRUE(Has(list.body, "Reason: Spam &lt;b&gt;links&lt;/b&gt;"));

  HttpResult audit = server.Get("/admin/audit", {{"Cookie", ada.cookie}});
  EXPECT_EQ(audit.status, 200u);
  EXPECT_TRUE(Has(audit.body, "user.suspend"));
  EXPECT_TRUE(Has(audit.body, "Ada Admin"));

  EXPECT_EQ(PostForm(server, "/admin/users/" + kim_id + "/reinstate", ada.cookie, "csrf=" + ada.csrf).status, 303u);
  SignIn(server, "kim@example.org", kPassword);
  // An admin cannot suspend themselves.
  EXPECT_EQ(PostForm(server, "/admin/users/" + std::to_string(IdOf("ada@example.org")) + "/suspend", ada.cookie,
                     "csrf=" + ada.csrf + "&reason=oops").status,
            409u);
}

TEST_P(AccountRightsTest, OnlyAdminsReachTheAuditLogTheOutboxAndSuspension) {
  TestServer server(database_);
  SignedIn kim = SignIn(server, "kim@example.org", kPassword);
  const std::string ada_id = std::to_string(IdOf("ada@example.org"));
  EXPECT_EQ(server.Get("/admin/audit", {{"Cookie", kim.cookie}}).status, 403u);
  EXPECT_EQ(server.Get("/admin/outbox", {{"Cookie", kim.cookie}}).status, 403u);
  EXPECT_EQ(PostForm(server, "/admin/users/" + ada_id + "/suspend", kim.cookie, "csrf=" + kim.csrf + "&reason=x").status,
            403u);
  EXPECT_EQ(server.Get("/admin/outbox").status, 303u);  // anonymous: to the sign-in page
  EXPECT_EQ(Count("SELECT COUNT(*) FROM users WHERE status = 'suspended'"), 0);
}

TEST_P(AccountRightsTest, WithoutSmtpAdminsReadTheMailInTheOutbox) {
  TestServer server(database_);
  SignedIn form = OpenForm(server, "/password/forgot");
  PostForm(server, "/password/forgot", form.cookie, "csrf=" + form.csrf + "&email=kim%40example.org");
  SignedIn ada = SignIn(server, "ada@example.org", kPassword);
  HttpResult outbox = server.Get("/admin/outbox", {{"Cookie", ada.cookie}});
  EXPECT_EQ(outbox.status, 200u);
  EXPECT_TRUE(Has(outbox.body, "No SMTP server is configured"));
  EXPECT_TRUE(Has(outbox.body, "Set a new password for DiseaseMaps"));
  EXPECT_TRUE(Has(outbox.body, "/password/reset?token="));
  EXPECT_TRUE(Has(outbox.body, "waiting"));
}

INSTANTIATE_TEST_SUITE_P(Backends, AccountRightsTest, ::testing::ValuesIn(AllBackends()), Backends);

}  // namespace
}  // namespace diseasemaps::testing
