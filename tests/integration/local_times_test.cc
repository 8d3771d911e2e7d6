// Moments on pages, on both databases, through the real binary: every screen that
// shows a time writes it as <time datetime="…Z" data-local="…">UTC text</time>
// (pages/moment.h), which web/static/js/local-time.js rewrites in the visitor's time
// zone; without script the UTC text stands, and says it is UTC.
#include <gtest/gtest.h>

#include <regex>

#include "test_server.h"

namespace diseasemaps::testing {
namespace {

constexpr const char* kPassword = "correct horse battery staple";
// 2025-12-05T09:30:00Z
constexpr long long kJoined = 1764927000;

std::string Backends(const ::testing::TestParamInfo<Backend>& info) { return BackendName(info.param); }

bool Has(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

long long Moments(const std::string& html) {
  static const std::regex moment(
      "<time datetime=\"20[0-9]{2}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z\" data-local=\"minute\">"
      "20[0-9]{2}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2} UTC</time>");
  return std::distance(std::sregex_iterator(html.begin(), html.end(), moment), std::sregex_iterator());
}

class LocalTimesTest : public ::testing::TestWithParam<Backend> {
 protected:
  TestDatabase database_{GetParam()};
};

TEST_P(LocalTimesTest, TheAuditLogAndTheOutboxGiveEachMomentAsATimeElement) {
  AddUser(database_, "ada@example.org", "Ada Admin", {"admin"}, kPassword);
  TestServer server(database_);
  SignedIn ada = SignIn(server, "ada@example.org", kPassword);
  // Something in the outbox and the audit log: a registration and its confirmation mail.
  SignedIn form = OpenForm(server, "/register");
  ASSERT_EQ(PostForm(server, "/register", form.cookie,
                     "csrf=" + form.csrf + "&email=lu%40example.org&display_name=Lu&password=violet+harbour+kettle")
                .status,
            303u);
  const std::string token = TokenInLink(LatestMailTo(database_, "lu@example.org"), "/account/confirm");
  ASSERT_EQ(PostForm(server, "/account/confirm", form.cookie, "csrf=" + form.csrf + "&token=" + token).status, 303u);

  HttpResult audit = server.Get("/admin/audit", {{"Cookie", ada.cookie}});
  ASSERT_EQ(audit.status, 200u);
  EXPECT_GE(Moments(audit.body), 1) << audit.body;
  HttpResult outbox = server.Get("/admin/outbox", {{"Cookie", ada.cookie}});
  ASSERT_EQ(outbox.status, 200u);
  EXPECT_GE(Moments(outbox.body), 1) << outbox.body;
  EXPECT_TRUE(Has(outbox.body, "written <time datetime="));
  // No "last error:" with nothing after it for a mail that never failed.
  EXPECT_FALSE(Has(outbox.body, "last error: </p>"));
  EXPECT_FALSE(Has(outbox.body, "last error: ·"));
  EXPECT_TRUE(Has(outbox.body, "<script type=\"module\" src=\"/static/js/local-time.js\"></script>"));

  // The same elements under /es/, the UTC text unchanged, the words around it Spanish.
  HttpResult spanish = server.Get("/es/admin/outbox", {{"Cookie", ada.cookie}});
  EXPECT_TRUE(Has(spanish.body, "escrito el <time datetime=")) << spanish.body;
}

TEST_P(LocalTimesTest, AProfileSaysSinceWhenAsADay) {
  AddUser(database_, "pam@example.org", "Pam Public", {"member"}, kPassword);
  TestServer server(database_);  // the starter catalogue has ORPHA:1183
  const long long id = QueryNumber(database_.db(), "SELECT id FROM users WHERE email_key = 'pam@example.org'");
  ASSERT_TRUE(database_.db().Run([&](soci::session& sql) {
    sql << "INSERT INTO profiles (user_id, bio, visibility, updated_at) VALUES (:id, '', 'public', 1)", soci::use(id);
    sql << "INSERT INTO memberships (user_id, orphacode, role, joined_at) VALUES (:id, 1183, 'affected', :at)",
        soci::use(id), soci::use(kJoined);
    return true;
  }).ok());
  SignedIn pam = SignIn(server, "pam@example.org", kPassword);
  HttpResult profile = server.Get("/members/" + std::to_string(id), {{"Cookie", pam.cookie}});
  ASSERT_EQ(profile.status, 200u);
  EXPECT_TRUE(Has(profile.body, "since <time datetime=\"2025-12-05T09:30:00Z\" data-local=\"day\">5 December 2025</time>"))
      << profile.body;
}

INSTANTIATE_TEST_SUITE_P(Backends, LocalTimesTest, ::testing::ValuesIn(AllBackends()), Backends);

}  // namespace
}  // namespace diseasemaps::testing
