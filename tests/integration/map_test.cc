// The community map's API through the real binary, on SQLite and PostgreSQL: what each
// viewer sees (anonymous: public members only, small cities at their country; members:
// members-only too; hidden: totals only; suspended: nowhere), the members and countries
// lists, live updates (join, move, visibility, leave, suspension) reaching the map
// without a restart, bad input answered 400, and the condition page's community box.
#include "map_fixture.h"

namespace diseasemaps::testing {
namespace {

using nlohmann::json;

std::string Backends(const ::testing::TestParamInfo<Backend>& info) { return BackendName(info.param); }

TEST_P(MapTest, AnonymousVisitorsSeePublicMembersAndSmallCitiesAtTheirCountry) {
  AddCommunity();
  TestServer server(database_);
  json map = Parse(server.Get("/api/v1/map?condition=900001&zoom=20" + std::string(kWorld)));
  EXPECT_EQ(map["zoom"], 20);
  EXPECT_EQ(map["condition"]["orphacode"], kOrphacode);
  EXPECT_EQ(map["condition"]["name"], "Testing syndrome");
  EXPECT_EQ(map["condition"]["url"], kConditionPath);
  // Totals: every active member, hidden ones included; never the suspended one.
  EXPECT_EQ(map["totals"]["members"], 9);
  EXPECT_EQ(map["totals"]["roles"]["affected"], 4);
  EXPECT_EQ(map["totals"]["roles"]["professional"], 0);
  EXPECT_EQ(map["totals"]["summary"],
            "9 members: 4 affected, 2 family & friends, 1 adviser, 1 researcher, 1 organisation");

  const json lyon = Place(map, LyonId());
  ASSERT_TRUE(lyon.is_object()) << map.dump();
  EXPECT_EQ(lyon["type"], "place");
  EXPECT_EQ(lyon["count"], 3);  // not the hidden one, not the suspended one
  EXPECT_EQ(lyon["roles"]["affected"], 3);
  EXPECT_EQ(lyon["place"], Gazetteer::Embedded().Label(*lyon_));
  EXPECT_NEAR(lyon["lat"].get<double>(), lyon_->latitude, 1e-9);
  // Marseille has 2 public members, fewer than k = 3: they show at France's point.
  EXPECT_TRUE(Place(map, MarseilleId()).is_null()) << map.dump();
  const json france = Place(map, "country:FR");
  ASSERT_TRUE(france.is_object()) << map.dump();
  EXPECT_EQ(france["place"], "France");
  EXPECT_EQ(france["count"], 3);
  EXPECT_EQ(france["roles"]["family"], 2);
  EXPECT_EQ(france["roles"]["researcher"], 1);
  EXPECT_EQ(Visible(map), 6);
  EXPECT_FALSE(Has(map.dump(), "lyonhidden"));

  // At zoom 0 everything in France is one cluster with the same counts.
  json world = Parse(server.Get("/api/v1/map?condition=900001&zoom=0"));
  ASSERT_EQ(world["items"].size(), 1u) << world.dump();
  EXPECT_EQ(world["items"][0]["type"], "cluster");
  EXPECT_EQ(world["items"][0]["count"], 6);
  EXPECT_GT(world["items"][0]["expansion_zoom"].get<int>(), 0);
  // A role filter counts only the chosen roles; empty items are left out.
  json family = Parse(server.Get("/api/v1/map?condition=900001&roles=family&zoom=20"));
  ASSERT_EQ(family["items"].size(), 1u) << family.dump();
  EXPECT_EQ(family["items"][0]["place_id"], "country:FR");
  EXPECT_EQ(family["items"][0]["count"], 2);
  EXPECT_EQ(family["items"][0]["roles"]["researcher"], 0);
  // Issue 16: the totals line follows the role filter (hidden members of those roles
  // still counted: 2 family & friends in all).
  EXPECT_EQ(family["totals"]["members"], 2);
  EXPECT_EQ(family["totals"]["roles"]["affected"], 0);
  EXPECT_EQ(family["totals"]["summary"], "2 members: 2 family & friends");
  json two = Parse(server.Get("/api/v1/map?condition=900001&roles=affected,adviser&zoom=20"));
  EXPECT_EQ(two["totals"]["members"], 5);
  EXPECT_EQ(two["totals"]["summary"], "5 members: 4 affected, 1 adviser");
  // A box elsewhere holds nothing; the slug names the same scope.
  EXPECT_TRUE(Parse(server.Get("/api/v1/map?condition=testing-syndrome-900001&zoom=5&bbox=100,-40,150,-10"))["items"]
                  .empty());

  // Members lists: Lyon's three; Marseille's none (too small for a visitor); France all six.
  json at_lyon = Parse(server.Get("/api/v1/map/members?condition=900001&place=" + LyonId()));
  EXPECT_EQ(at_lyon["place"], Gazetteer::Embedded().Label(*lyon_));
  EXPECT_EQ(at_lyon["total"], 3);
  EXPECT_EQ(at_lyon["per_page"], 20);
  ASSERT_EQ(at_lyon["members"].size(), 3u);
  EXPECT_EQ(at_lyon["members"][0]["display_name"], "lyon1");
  EXPECT_EQ(at_lyon["members"][0]["role"], "affected");
  EXPECT_EQ(at_lyon["members"][0]["role_label"], "affected");
  EXPECT_EQ(at_lyon["members"][0]["url"], "/members/" + std::to_string(lyon_ids_[0]));
  EXPECT_TRUE(at_lyon["members"][0]["contact_url"].is_null());  // visitors contact nobody
  EXPECT_EQ(Parse(server.Get("/api/v1/map/members?condition=900001&place=" + MarseilleId()))["total"], 0);
  EXPECT_EQ(Parse(server.Get("/api/v1/map/members?condition=900001&place=country:FR"))["total"], 6);
  EXPECT_TRUE(Parse(server.Get("/api/v1/map/members?condition=900001&place=country:FR&page=2"))["members"].empty());

  json countries = Parse(server.Get("/api/v1/map/countries?condition=900001"));
  ASSERT_EQ(countries["countries"].size(), 1u) << countries.dump();
  EXPECT_EQ(countries["countries"][0]["code"], "FR");
  EXPECT_EQ(countries["countries"][0]["name"], "France");
  EXPECT_EQ(countries["countries"][0]["count"], 6);
  EXPECT_EQ(countries["countries"][0]["place_id"], "country:FR");
  EXPECT_EQ(countries["countries"][0]["roles"]["affected"], 3);
  server.Stop();

  // With k = 2 Marseille stands on its own for visitors.
  TestServer k2(database_, {"--map-min-city-members", "2"});
  json small = Parse(k2.Get("/api/v1/map?condition=900001&zoom=20"));
  ASSERT_TRUE(Place(small, MarseilleId()).is_object()) << small.dump();
  EXPECT_EQ(Place(small, MarseilleId())["count"], 2);
  EXPECT_EQ(Place(small, "country:FR")["count"], 1);
}

TEST_P(MapTest, SignedInMembersAlsoSeeMembersOnlyProfiles) {
  AddCommunity();
  AddUser(database_, "viv@example.org", "Viv Viewer", {"member"}, kPassword);
  TestServer server(database_);
  SignedIn viv = SignIn(server, "viv@example.org", kPassword);
  const std::map<std::string, std::string> as_viv = {{"Cookie", viv.cookie}};
  json map = Parse(server.Get("/api/v1/map?condition=900001&zoom=20", as_viv));
  EXPECT_EQ(Place(map, LyonId())["count"], 3);
  const json marseille = Place(map, MarseilleId());
  ASSERT_TRUE(marseille.is_object()) << map.dump();  // no k rule for members
  EXPECT_EQ(marseille["count"], 3);
  EXPECT_EQ(marseille["roles"]["adviser"], 1);
  EXPECT_EQ(Place(map, "country:FR")["count"], 1);
  EXPECT_EQ(Visible(map), 7);
  EXPECT_EQ(map["totals"]["members"], 9);

  json at_lyon = Parse(server.Get("/api/v1/map/members?condition=900001&place=" + LyonId(), as_viv));
  ASSERT_EQ(at_lyon["members"].size(), 3u);
  EXPECT_EQ(at_lyon["members"][0]["contact_url"], "/messages/new?to=" + std::to_string(lyon_ids_[0]));
  EXPECT_TRUE(at_lyon["members"][1]["contact_url"].is_null());  // does not accept contact
  EXPECT_EQ(Parse(server.Get("/api/v1/map/members?condition=900001&place=" + MarseilleId(), as_viv))["total"], 3);
  EXPECT_EQ(Parse(server.Get("/api/v1/map/countries?condition=900001", as_viv))["countries"][0]["count"], 7);
}

// Issue 16: a place's card names the place and each member's conditions, and a demo
// member is marked as such and never offered "Send a message" (guard::NeverContactable).
TEST_P(MapTest, APlaceCardNamesThePlaceAndConditionsAndNeverOffersADemoMember) {
  AddCommunity();
  AddUser(database_, "viv@example.org", "Viv Viewer", {"member"}, kPassword);
  Status s = database_.db().Run([&](soci::session& sql) {
    const long long lyon1 = lyon_ids_[0];  // accepts contact
    sql << "INSERT INTO memberships (user_id, orphacode, role, joined_at) VALUES (:u, 900002, 'family', 1700000001)",
        soci::use(lyon1);
    sql << "INSERT INTO synthetic_members (user_id, seed) VALUES (:u, 7)", soci::use(lyon1);
    return Status::Ok();
  });
  ASSERT_TRUE(s.ok()) << s.message();
  TestServer server(database_);
  SignedIn viv = SignIn(server, "viv@example.org", kPassword);
  json at_lyon = Parse(server.Get("/api/v1/map/members?condition=900001&place=" + LyonId(), {{"Cookie", viv.cookie}}));
  EXPECT_TRUE(Has(at_lyon["place"].get<std::string>(), "Lyon")) << at_lyon.dump();
  ASSERT_EQ(at_lyon["members"].size(), 3u) << at_lyon.dump();
  bool saw_demo = false;
  for (const json& m : at_lyon["members"]) {
    if (m["id"] == lyon_ids_[0]) {
      saw_demo = true;
      EXPECT_EQ(m["synthetic"], true);
      EXPECT_TRUE(m["contact_url"].is_null()) << m.dump();
      EXPECT_EQ(m["conditions"], json::array({"Other syndrome", "Testing syndrome"}));
    } else {
      EXPECT_EQ(m["synthetic"], false);
      EXPECT_EQ(m["conditions"], json::array({"Testing syndrome"}));
    }
  }
  EXPECT_TRUE(saw_demo);
}

TEST_P(MapTest, TheAllConditionsMapCountsEachMemberOnceInTheirFirstRole) {
  const long long both = AddMember("both", "public", lyon_, "", "family", true, false, 1700000100);
  AlsoJoin(both, kOther, "researcher", 1700000000);  // joined earlier: their role on /map
  AddMember("one", "public", lyon_, "", "affected");
  AddMember("two", "public", lyon_, "", "affected");
  TestServer server(database_);
  json all = Parse(server.Get("/api/v1/map?zoom=20"));
  EXPECT_TRUE(all["condition"].is_null());
  EXPECT_EQ(all["totals"]["members"], 3);
  EXPECT_EQ(all["totals"]["roles"]["researcher"], 1);
  EXPECT_EQ(all["totals"]["roles"]["family"], 0);
  EXPECT_EQ(Place(all, LyonId())["count"], 3);
  json other = Parse(server.Get("/api/v1/map?condition=900002&zoom=20"));
  EXPECT_EQ(other["totals"]["summary"], "1 member: 1 researcher");
  // One member in Lyon, below k for visitors: at France's point.
  ASSERT_EQ(other["items"].size(), 1u) << other.dump();
  EXPECT_EQ(other["items"][0]["place_id"], "country:FR");
}

TEST_P(MapTest, JoiningMovingHidingLeavingAndSuspensionReachTheMap) {
  AddCommunity();
  AddUser(database_, "new@example.org", "Nina New", {"member"}, kPassword);
  AddUser(database_, "ada@example.org", "Ada Admin", {"admin"}, kPassword);
  TestServer server(database_);
  SignedIn nina = SignIn(server, "new@example.org", kPassword);
  const std::string target = "/api/v1/map?condition=900001&zoom=20";
  auto lyon_count = [&](const json& map) {
    const json lyon = Place(map, LyonId());
    return lyon.is_object() ? lyon["count"].get<long long>() : 0;
  };

  // Nina says she lives in Lyon, publicly, then joins: Lyon shows 4.
  JoinFromLyon(server, nina, "Nina");
  EXPECT_TRUE(Eventually(server, target, {}, [&](const json& m) {
    return lyon_count(m) == 4 && m["totals"]["members"] == 10;
  }));
  // She moves to Marseille: Marseille reaches k = 3 for visitors and leaves France's point.
  ASSERT_EQ(PostAs(server, nina, "/account/profile",
                 "display_name=Nina&city=Marseille&city_id=" + std::to_string(marseille_->id) +
                     "&country=&visibility=public")
                .status,
            303u);
  EXPECT_TRUE(Eventually(server, target, {}, [&](const json& m) {
    const json marseille = Place(m, MarseilleId());
    return lyon_count(m) == 3 && marseille.is_object() && marseille["count"] == 3 &&
           Place(m, "country:FR")["count"] == 1;
  }));
  // The members lists follow her: Marseille lists three with her, Lyon three without.
  json at_marseille = Parse(server.Get("/api/v1/map/members?condition=900001&place=" + MarseilleId()));
  EXPECT_EQ(at_marseille["total"], 3);
  EXPECT_TRUE(Has(at_marseille.dump(), "\"Nina\"")) << at_marseille.dump();
  EXPECT_FALSE(Has(Parse(server.Get("/api/v1/map/members?condition=900001&place=" + LyonId())).dump(), "Nina"));
  EXPECT_EQ(Parse(server.Get("/api/v1/map/members?condition=900001&place=country:FR"))["total"], 7);
  // Hidden: off the map, still counted.
  ASSERT_EQ(PostAs(server, nina, "/account/profile",
                 "display_name=Nina&city=Marseille&city_id=" + std::to_string(marseille_->id) +
                     "&country=&visibility=hidden")
                .status,
            303u);
  EXPECT_TRUE(Eventually(server, target, {}, [&](const json& m) {
    return Place(m, MarseilleId()).is_null() && Place(m, "country:FR")["count"] == 3 &&
           m["totals"]["members"] == 10;
  }));
  // Leaving takes her out of the totals too.
  ASSERT_EQ(PostAs(server, nina, std::string(kConditionPath) + "/membership", "action=leave").status, 303u);
  EXPECT_TRUE(Eventually(server, target, {}, [&](const json& m) { return m["totals"]["members"] == 9; }));

  // An admin suspends a Lyon member: Lyon falls below k for visitors.
  SignedIn ada = SignIn(server, "ada@example.org", kPassword);
  ASSERT_EQ(PostAs(server, ada, "/admin/users/" + std::to_string(lyon_ids_[1]) + "/suspend", "reason=Spam").status, 303u);
  EXPECT_TRUE(Eventually(server, target, {}, [&](const json& m) {
    return lyon_count(m) == 0 && Place(m, "country:FR")["count"] == 5 && m["totals"]["members"] == 8;
  }));
  EXPECT_EQ(Parse(server.Get("/api/v1/map/members?condition=900001&place=" + LyonId()))["total"], 0);
}

// A moderator suspends the author of a reported message from the queue: the author
// leaves the map at once, as when an admin suspends them (the re-sync, 60 s away, would
// be too late for this test's 15 s).
TEST_P(MapTest, ASuspensionFromTheReportsQueueReachesTheMap) {
  AddCommunity();
  AddUser(database_, "amy@example.org", "Amy", {"member"}, kPassword);
  AddUser(database_, "ben@example.org", "Ben", {"member"}, kPassword);
  AddUser(database_, "mo@example.org", "Mo Moderator", {"moderator"}, kPassword);
  TestServer server(database_);
  SignedIn amy = SignIn(server, "amy@example.org", kPassword);
  SignedIn ben = SignIn(server, "ben@example.org", kPassword);
  SignedIn mo = SignIn(server, "mo@example.org", kPassword);
  const std::string target = "/api/v1/map?condition=900001&zoom=20";
  // Amy lives in Lyon, publicly, in the community; Ben accepts messages.
  JoinFromLyon(server, amy, "Amy");
  ASSERT_EQ(PostAs(server, ben, "/account/profile", "display_name=Ben&city=&city_id=&country=&visibility=members&accepts_contact=1")
                .status,
            303u);
  EXPECT_TRUE(Eventually(server, target, {}, [&](const json& m) { return Place(m, LyonId())["count"] == 4; }));

  const long long ben_id = UserIdOf(database_, "ben@example.org");
  HttpResult sent = PostAs(server, amy, "/messages", "to=" + std::to_string(ben_id) + "&body=Rude+words");
  ASSERT_EQ(sent.status, 303u) << sent.body;
  const std::string thread = sent.Header("location").substr(0, sent.Header("location").find('#'));
  const long long message = QueryNumber(database_.db(), "SELECT MAX(id) FROM messages");
  ASSERT_EQ(PostAs(server, ben, thread + "/report", "message=" + std::to_string(message) + "&reason=Insults").status, 303u);
  const long long report = QueryNumber(database_.db(), "SELECT MAX(id) FROM message_reports");
  ASSERT_EQ(PostAs(server, mo, "/admin/reports/" + std::to_string(report), "action=suspend&note=Insults").status, 303u);
  EXPECT_TRUE(Eventually(server, target, {}, [&](const json& m) {
    return Place(m, LyonId())["count"] == 3 && m["totals"]["members"] == 9;
  }));
  EXPECT_FALSE(Has(Parse(server.Get("/api/v1/map/members?condition=900001&place=" + LyonId())).dump(), "Amy"));
}

TEST_P(MapTest, ChangesMadeBehindTheServersBackArriveWithTheResync) {
  AddCommunity();
  TestServer server(database_, {"--map-resync-interval", "1"});
  AddMember("late", "public", lyon_, "", "affected");  // as another server would
  EXPECT_TRUE(Eventually(server, "/api/v1/map?condition=900001&zoom=20", {}, [&](const json& m) {
    return Place(m, LyonId())["count"] == 4;
  }));
}

TEST_P(MapTest, BadInputIsRefusedWithAMessage) {
  TestServer server(database_);
  const char* bad[] = {
      "/api/v1/map",  // zoom is required
      "/api/v1/map?zoom=-1",
      "/api/v1/map?zoom=21",
      "/api/v1/map?zoom=abc",
      "/api/v1/map?zoom=2.5",
      "/api/v1/map?zoom=3&bbox=10,10,5,20",    // west > east
      "/api/v1/map?zoom=3&bbox=0,20,10,10",    // south > north
      "/api/v1/map?zoom=3&bbox=-181,0,10,10",  // out of range
      "/api/v1/map?zoom=3&bbox=0,0,10,91",
      "/api/v1/map?zoom=3&bbox=0,0,10",
      "/api/v1/map?zoom=3&bbox=a,b,c,d",
      "/api/v1/map?zoom=3&bbox=0,0,10,10,5",    // five numbers
      "/api/v1/map?zoom=3&bbox=0,0,1e1,10",     // no exponents
      "/api/v1/map?zoom=3&bbox=+-1,0,10,10",
      "/api/v1/map?zoom=3&roles=affected,cousins",
      "/api/v1/map?zoom=3&condition=999999",
      "/api/v1/map?zoom=3&condition=no-such-condition",
      "/api/v1/map/members",
      "/api/v1/map/members?place=town:3",
      "/api/v1/map/members?place=country:FR&page=0",
      "/api/v1/map/members?place=country:FR&page=x",
      "/api/v1/map/countries?roles=nobody",
  };
  for (const char* target : bad) {
    HttpResult r = server.Get(target);
    EXPECT_EQ(r.status, 400u) << target << " " << r.body;
    json body = json::parse(r.body, nullptr, false);
    ASSERT_TRUE(body.is_object()) << target;
    // The API's one error shape: {"error": {"status", "message"}}.
    EXPECT_EQ(body["error"]["status"], 400) << target << " " << r.body;
    EXPECT_TRUE(body["error"]["message"].is_string()) << target << " " << r.body;
  }
  EXPECT_TRUE(Has(server.Get("/api/v1/map?zoom=21").body, "0 to 20"));
  EXPECT_TRUE(Has(server.Get("/api/v1/map?zoom=3&roles=cousins").body, "affected, family"));
  // The empty map is an answer, not an error.
  json empty = Parse(server.Get("/api/v1/map?zoom=3&roles="));
  EXPECT_EQ(empty["totals"]["summary"], "No members yet");
  EXPECT_TRUE(empty["items"].empty());
}

TEST_P(MapTest, TheCommunityBoxSaysWhatTheMapSaysAndLinksToIt) {
  AddCommunity();
  TestServer server(database_);
  HttpResult page = server.Get(kConditionPath);
  ASSERT_EQ(page.status, 200u);
  EXPECT_TRUE(Has(page.body, "9 members: 4 affected, 2 family &amp; friends, 1 adviser, 1 researcher, 1 organisation."))
      << page.body;
  EXPECT_TRUE(Has(page.body, "href=\"/conditions/testing-syndrome-900001/map\">See the community map</a>"));
}

TEST_P(MapTest, DemoDataFillsTheMapShowsTheBannerAndGoesAwayWholly) {
  AddCommunity();
  TestServer server(database_, {"--cache-check-interval", "0.1"});
  EXPECT_FALSE(Has(server.Get("/").body, "Demo data"));

  auto [code, output] = RunBinary({"--database", database_.url(), "demo-data", "--members", "300", "--seed", "7"});
  ASSERT_EQ(code, 0) << output;
  EXPECT_TRUE(Has(output, "created 300 synthetic members and 0 synthetic experiences (seed 7)")) << output;
  EXPECT_EQ(QueryNumber(database_.db(), "SELECT COUNT(*) FROM synthetic_members"), 300);
  // Every page says so (cached anonymous pages too), soon after the command.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(15);
  while (!Has(server.Get("/").body, "Demo data: the members shown are synthetic") &&
         std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  EXPECT_TRUE(Has(server.Get("/").body, "Demo data: the members shown are synthetic"));
  EXPECT_TRUE(Has(server.Get(kConditionPath).body, "Demo data: the members shown are synthetic"));
  // The synthetic members reach the map without a restart; real ones are still there.
  EXPECT_TRUE(Eventually(server, "/api/v1/map?zoom=0", {}, [](const json& m) {
    return m["totals"]["members"].get<long long>() == 309;
  }));
  // Nobody can sign in as one.
  const std::string demo_email = "demo-7-0@synthetic.invalid";
  SignedIn form = OpenForm(server, "/login");
  HttpResult login = PostForm(server, "/login", form.cookie,
                              "csrf=" + form.csrf + "&email=" + http::PercentEncode(demo_email) +
                                  "&password=" + http::PercentEncode("!synthetic"));
  EXPECT_NE(login.status, 303u) << login.body.substr(0, 500);

  // The same seed gives the same members.
  TestDatabase other(GetParam());
  InsertCondition(other.db(), kOrphacode, "Testing syndrome");
  InsertCondition(other.db(), kOther, "Other syndrome");
  ASSERT_EQ(RunBinary({"--database", other.url(), "demo-data", "--members", "300", "--seed", "7"}).first, 0);
  const std::string digest =
      "SELECT COUNT(*) FROM users u JOIN profiles p ON p.user_id = u.id JOIN memberships m ON m.user_id = u.id"
      " WHERE u.email_key LIKE 'demo-7-%' AND ";
  for (const std::string& where : {std::string("p.visibility = 'public'"), std::string("m.role = 'family'"),
                                   std::string("m.orphacode = 900001"), std::string("p.place_kind = 'city'")}) {
    EXPECT_EQ(QueryNumber(database_.db(), digest + where), QueryNumber(other.db(), digest + where)) << where;
  }

  // --remove deletes the synthetic members and nothing else.
  auto [removed, removed_output] = RunBinary({"--database", database_.url(), "demo-data", "--remove"});
  ASSERT_EQ(removed, 0) << removed_output;
  EXPECT_TRUE(Has(removed_output, "removed 300 synthetic members"));
  EXPECT_EQ(QueryNumber(database_.db(), "SELECT COUNT(*) FROM users WHERE email_key LIKE 'demo-%'"), 0);
  EXPECT_EQ(QueryNumber(database_.db(), "SELECT COUNT(*) FROM users"), 10);
  EXPECT_TRUE(Eventually(server, "/api/v1/map?zoom=0", {}, [](const json& m) {
    return m["totals"]["members"].get<long long>() == 9;
  }));
  const auto gone = std::chrono::steady_clock::now() + std::chrono::seconds(15);
  while (Has(server.Get("/").body, "Demo data") && std::chrono::steady_clock::now() < gone) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  EXPECT_FALSE(Has(server.Get("/").body, "Demo data"));
}

INSTANTIATE_TEST_SUITE_P(Backends, MapTest, ::testing::ValuesIn(AllBackends()), Backends);

}  // namespace
}  // namespace diseasemaps::testing
