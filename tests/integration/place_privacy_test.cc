// Regressions from the security probe, through the real binary on SQLite and PostgreSQL:
// no page names a member's place more precisely than the community map shows it to the
// same viewer (a public member alone in Reykjavík is on the anonymous map at Iceland's
// point, so no anonymous page may say "Reykjavík"), and a suspended member's profile is
// gone for everyone but admins.
#include <deque>
#include <regex>
#include <set>

#include "map_fixture.h"

namespace diseasemaps::testing {
namespace {

using nlohmann::json;

class PlacePrivacyTest : public MapTest {
 protected:
  // Moves every membership of the member to another condition.
  void MoveMemberships(long long user, int orphacode) {
    auto done = database_.db().Run([&](soci::session& sql) {
      sql << "UPDATE memberships SET orphacode = :o WHERE user_id = :u", soci::use(orphacode), soci::use(user);
      return Status::Ok();
    });
    ASSERT_TRUE(done.ok()) << done.message();
  }
};

std::string Backends(const ::testing::TestParamInfo<Backend>& info) { return BackendName(info.param); }

// Internal links of an HTML page ("/members/5", "/conditions/x") and the "url"s of a
// JSON answer, without fragments.
std::vector<std::string> LinksIn(const std::string& body) {
  static const std::regex kLink(R"((?:href="|"url":")(/[^"#]*))");
  std::vector<std::string> links;
  for (auto it = std::sregex_iterator(body.begin(), body.end(), kLink); it != std::sregex_iterator(); ++it) {
    const std::string escaped = (*it)[1];
    if (escaped.rfind("/static/", 0) == 0) continue;
    std::string link;
    for (size_t i = 0; i < escaped.size(); ++i) {
      link.push_back(escaped[i]);
      if (escaped.compare(i, 5, "&amp;") == 0) i += 4;
    }
    links.push_back(link);
  }
  return links;
}

TEST_P(PlacePrivacyTest, NoAnonymousResponseNamesACityWithFewerThanKVisibleMembers) {
  AddCommunity();  // Lyon: 3 public members of the condition; Marseille: 2 public, 1 members-only
  const City& reykjavik = CityNamed("Reykjavik");
  AddMember("alone", "public", &reykjavik, "", "affected", true, true);
  // Lyon has 3 public members of kOrphacode, but this member belongs to kOther only, and
  // is alone in Lyon there: the map of kOther shows them at France's point.
  const long long elsewhere = AddMember("otherlyon", "public", lyon_, "", "affected");
  MoveMemberships(elsewhere, kOther);
  TestServer server(database_);
  ASSERT_TRUE(server.started());

  const std::vector<std::string> never_named = {std::string(marseille_->name), std::string(reykjavik.name)};
  std::deque<std::string> queue = {"/", kConditionPath, "/conditions/other-syndrome-900002", "/map",
                                   std::string(kConditionPath) + "/map",
                                   "/api/v1/map?zoom=3" + std::string(kWorld),
                                   "/api/v1/map?zoom=12&condition=900001" + std::string(kWorld),
                                   "/api/v1/map/countries?condition=900001",
                                   "/api/v1/map/members?place=country:IS&condition=900001",
                                   "/api/v1/map/members?place=country:FR&condition=900001",
                                   "/api/v1/map/members?place=country:FR&condition=900002",
                                   "/api/v1/map/members?place=country:FR"};
  const long long last_user = QueryNumber(database_.db(), "SELECT MAX(id) FROM users");
  for (long long id = 1; id <= last_user; ++id) queue.push_back("/members/" + std::to_string(id));
  std::set<std::string> seen(queue.begin(), queue.end());
  int fetched = 0, profiles_shown = 0;
  constexpr int kMaxFetches = 300;
  while (!queue.empty() && fetched < kMaxFetches) {
    const std::string target = queue.front();
    queue.pop_front();
    HttpResult r = server.Get(target);
    ++fetched;
    EXPECT_LT(r.status, 500u) << target;
    if (r.status != 200u) continue;
    if (target.rfind("/members/", 0) == 0) ++profiles_shown;
    for (const std::string& city : never_named) {
      EXPECT_FALSE(Has(r.body, city)) << target << " names " << city << " to a visitor";
    }
    for (const std::string& link : LinksIn(r.body)) {
      if (seen.insert(link).second) queue.push_back(link);
    }
  }
  EXPECT_GE(profiles_shown, 7) << "the public members' pages were not reached";

  // The rule coarsens, it does not hide: the country stays, and a city with enough
  // members is still named (so the checks above could have seen a city's name).
  HttpResult lone = server.Get("/members/" + std::to_string(elsewhere));
  ASSERT_EQ(lone.status, 200u);
  EXPECT_FALSE(Has(lone.body, std::string(lyon_->name))) << lone.body;
  EXPECT_TRUE(Has(lone.body, "France")) << lone.body;
  HttpResult lyon = server.Get("/members/" + std::to_string(lyon_ids_.front()));
  EXPECT_TRUE(Has(lyon.body, std::string(lyon_->name))) << lyon.body;
  EXPECT_TRUE(Has(server.Get(kConditionPath).body, std::string(lyon_->name)));

  // Signed-in members see cities on the map, so they see them on profiles too.
  AddUser(database_, "reader@example.org", "Reader", {}, kPassword);
  const SignedIn reader = SignIn(server, "reader@example.org", kPassword);
  HttpResult seen_by_member =
      server.Get("/members/" + std::to_string(elsewhere), {{"Cookie", reader.cookie}});
  EXPECT_TRUE(Has(seen_by_member.body, std::string(lyon_->name))) << seen_by_member.body;
}

TEST_P(PlacePrivacyTest, ASuspendedMembersProfileIsShownToAdminsOnly) {
  const long long suspended = AddMember("gone", "public", lyon_, "", "affected", /*active=*/false, true);
  const long long active = AddMember("here", "public", lyon_, "", "affected", true, true);
  AddUser(database_, "member@example.org", "Member", {}, kPassword);
  AddUser(database_, "admin@example.org", "Admin", {"admin"}, kPassword);
  TestServer server(database_);
  const SignedIn member = SignIn(server, "member@example.org", kPassword);
  const SignedIn admin = SignIn(server, "admin@example.org", kPassword);
  const std::string page = "/members/" + std::to_string(suspended);

  EXPECT_EQ(server.Get(page).status, 404u);
  EXPECT_EQ(server.Get(page, {{"Cookie", member.cookie}}).status, 404u);
  HttpResult as_admin = server.Get(page, {{"Cookie", admin.cookie}});
  EXPECT_EQ(as_admin.status, 200u);
  EXPECT_FALSE(Has(as_admin.body, "/messages/new?to=" + std::to_string(suspended))) << "nobody writes to them";
  // The 404 reads exactly like a member who never existed (but for the address itself,
  // which the language links repeat).
  auto without_address = [](std::string body, const std::string& address) {
    for (std::size_t at = body.find(address); at != std::string::npos; at = body.find(address, at)) {
      body.replace(at, address.size(), "ADDRESS");
    }
    return body;
  };
  EXPECT_EQ(without_address(server.Get(page).body, page),
            without_address(server.Get("/members/999999").body, "/members/999999"));
  EXPECT_EQ(server.Get("/members/" + std::to_string(active)).status, 200u);
}

INSTANTIATE_TEST_SUITE_P(Backends, PlacePrivacyTest, ::testing::ValuesIn(AllBackends()), Backends);

}  // namespace
}  // namespace diseasemaps::testing
