// Admins manage site roles in the web UI, on both databases; everyone else is refused.
#include <gtest/gtest.h>

#include "test_server.h"

namespace diseasemaps::testing {
namespace {

constexpr const char* kPassword = "correct horse battery staple";

class AdminTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    AddUser(database_, "ada@example.org", "Ada Admin", {"admin"}, kPassword);
    AddUser(database_, "rita@example.org", "Dr Rita Reviewer", {"member"}, kPassword, "MD, neurology");
  }
  long long IdOf(const std::string& email) { return UserIdOf(database_, email); }
  HttpResult Post(TestServer& server, const SignedIn& who, const std::string& path, const std::string& body) {
    return server.Request("POST", path,
                          {{"Cookie", who.cookie}, {"Content-Type", "application/x-www-form-urlencoded"}},
                          body);
  }
  TestDatabase database_{GetParam()};
};

std::string Backends(const ::testing::TestParamInfo<Backend>& info) { return BackendName(info.param); }

bool Has(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

TEST_P(AdminTest, AnAdminGivesAndTakesRolesAndItIsAudited) {
  TestServer server(database_);
  SignedIn ada = SignIn(server, "ada@example.org", kPassword);
  HttpResult list = server.Get("/admin/users", {{"Cookie", ada.cookie}});
  ASSERT_EQ(list.status, 200u);
  EXPECT_TRUE(Has(list.body, "Dr Rita Reviewer"));
  EXPECT_FALSE(Has(list.body, "rita@example.org"));  // addresses are never shown
  const std::string rita = std::to_string(IdOf("rita@example.org"));
  HttpResult saved = Post(server, ada, "/admin/users/" + rita + "/roles",
                          "csrf=" + ada.csrf + "&role=member&role=reviewer");
  EXPECT_EQ(saved.status, 303u);
  HttpResult after = server.Get("/admin/users?q=rita", {{"Cookie", ada.cookie}});
  EXPECT_TRUE(Has(after.body, "value=\"reviewer\" checked"));
  EXPECT_FALSE(Has(after.body, "class=\"account-name\">Ada Admin"));  // the search narrowed the list
  EXPECT_TRUE(Has(after.body, "class=\"account-name\">Dr Rita Reviewer"));
  auto audited = database_.db().Run([&](soci::session& sql) {
    long long n = 0;
    sql << "SELECT COUNT(*) FROM audit_log WHERE action = 'user.roles' AND subject = :s"
           " AND actor_user_id IS NOT NULL",
        soci::use("user:" + rita), soci::into(n);
    return n;
  });
  ASSERT_TRUE(audited.ok());
  EXPECT_EQ(*audited, 1);
  // The new reviewer can now reach the review queue.
  SignedIn reviewer = SignIn(server, "rita@example.org", kPassword);
  EXPECT_EQ(server.Get("/editorial", {{"Cookie", reviewer.cookie}}).status, 200u);
}

TEST_P(AdminTest, OthersAreRefusedAndAnAdminKeepsTheirOwnAdminRole) {
  TestServer server(database_);
  EXPECT_EQ(server.Get("/admin/users").status, 303u);  // to the sign-in page
  SignedIn rita = SignIn(server, "rita@example.org", kPassword);
  EXPECT_EQ(server.Get("/admin/users", {{"Cookie", rita.cookie}}).status, 403u);
  const std::string ada_id = std::to_string(IdOf("ada@example.org"));
  EXPECT_EQ(Post(server, rita, "/admin/users/" + ada_id + "/roles", "csrf=" + rita.csrf + "&role=member").status,
            403u);
  SignedIn ada = SignIn(server, "ada@example.org", kPassword);
  HttpResult self = Post(server, ada, "/admin/users/" + ada_id + "/roles", "csrf=" + ada.csrf + "&role=member");
  EXPECT_EQ(self.status, 409u);
  EXPECT_TRUE(Has(self.body, "own admin role"));
  EXPECT_EQ(Post(server, ada, "/admin/users/" + ada_id + "/roles", "csrf=" + ada.csrf + "&role=wizard").status,
            422u);
  EXPECT_EQ(Post(server, ada, "/admin/users/999999/roles", "csrf=" + ada.csrf + "&role=member").status, 404u);
  EXPECT_EQ(Post(server, ada, "/admin/users/" + ada_id + "/roles", "role=admin").status, 403u);  // no token
}

INSTANTIATE_TEST_SUITE_P(Backends, AdminTest, ::testing::ValuesIn(AllBackends()), Backends);

}  // namespace
}  // namespace diseasemaps::testing
