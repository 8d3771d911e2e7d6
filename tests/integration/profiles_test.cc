// Profiles through the real binary, on SQLite and PostgreSQL: editing one's profile,
// what anonymous visitors, members and admins see, joining and leaving a condition's
// community, verification, bad input and CSRF refusals that change nothing, and the
// places API.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "http/url.h"
#include "profiles/profile_store.h"
#include "test_server.h"

namespace diseasemaps::testing {
namespace {

constexpr const char* kPassword = "correct horse battery staple";
constexpr int kOrphacode = 900001;
constexpr const char* kConditionPath = "/conditions/testing-syndrome-900001";
constexpr const char* kParisFrance = "Paris, Île-de-France, France";

bool Has(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

std::string Enc(const std::string& text) { return http::PercentEncode(text); }

class ProfilesTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    AddUser(database_, "ada@example.org", "Ada Admin", {"admin"}, kPassword);
    AddUser(database_, "pam@example.org", "Pam Public", {"member"}, kPassword);
    AddUser(database_, "meg@example.org", "Meg Members", {"member"}, kPassword);
    AddUser(database_, "hal@example.org", "Hal Hidden", {"member"}, kPassword);
    InsertCondition(database_.db(), kOrphacode, "Testing syndrome");
  }

  long long IdOf(const std::string& email) { return UserIdOf(database_, email); }
  std::string MemberPath(const std::string& email) { return "/members/" + std::to_string(IdOf(email)); }

  long long Count(const std::string& query) { return QueryNumber(database_.db(), query); }
  std::string Text(const std::string& query) {
    auto text = database_.db().Run([&](soci::session& sql) {
      std::string value;
      soci::indicator ind = soci::i_ok;
      sql << query, soci::into(value, ind);
      return ind == soci::i_null ? std::string("NULL") : value;
    });
    return text.ok() ? *text : "";
  }

  HttpResult Post(TestServer& server, const SignedIn& who, const std::string& path, const std::string& body) {
    return server.Request("POST", path,
                          {{"Cookie", who.cookie}, {"Content-Type", "application/x-www-form-urlencoded"}},
                          body);
  }
  HttpResult SaveProfile(TestServer& server, const SignedIn& who, const std::string& fields) {
    return Post(server, who, "/account/profile", "csrf=" + who.csrf + "&" + fields);
  }
  std::string ParisFranceId(TestServer& server) {
    HttpResult found = server.Get("/api/v1/places?q=paris");
    EXPECT_EQ(found.status, 200u);
    auto body = nlohmann::json::parse(found.body);
    EXPECT_EQ(body["places"][0]["label"], kParisFrance);
    return body["places"][0]["id"].get<std::string>();
  }

  TestDatabase database_{GetParam()};
};

std::string Backends(const ::testing::TestParamInfo<Backend>& info) { return BackendName(info.param); }

TEST_P(ProfilesTest, AMemberEditsTheirProfileAndOthersSeeIt) {
  TestServer server(database_);
  SignedIn pam = SignIn(server, "pam@example.org", kPassword);
  HttpResult form = server.Get("/account/profile", {{"Cookie", pam.cookie}});
  ASSERT_EQ(form.status, 200u);
  EXPECT_TRUE(Has(form.body, "value=\"Pam Public\""));
  EXPECT_TRUE(Has(form.body, "id=\"visibility-members\" name=\"visibility\" value=\"members\" checked"));  // default
  EXPECT_TRUE(Has(form.body, "/static/js/place-combobox.js"));

  const std::string paris = ParisFranceId(server);
  HttpResult saved = SaveProfile(server, pam,
                                 "display_name=Pam+P.&bio=" + Enc("Mother of a boy with it.\nHappy to talk.") +
                                     "&languages=" + Enc("English, Français") + "&city=" + Enc(kParisFrance) +
                                     "&city_id=" + paris + "&country=&visibility=public&accepts_contact=1");
  ASSERT_EQ(saved.status, 303u) << saved.body;
  EXPECT_EQ(saved.Header("location"), "/account/profile?done=saved");

  const long long id = IdOf("pam@example.org");
  const std::string where = " FROM profiles WHERE user_id = " + std::to_string(id);
  EXPECT_EQ(Text("SELECT place_kind" + where), "city");
  EXPECT_EQ(Text("SELECT city_name" + where), "Paris");
  EXPECT_EQ(Text("SELECT country_code" + where), "FR");
  EXPECT_EQ(Count("SELECT COUNT(*)" + where + " AND latitude > 48.85 AND latitude < 48.86"), 1);
  EXPECT_EQ(Text("SELECT display_name FROM users WHERE id = " + std::to_string(id)), "Pam P.");

  HttpResult page = server.Get(MemberPath("pam@example.org"));  // anonymous: public
  ASSERT_EQ(page.status, 200u);
  EXPECT_TRUE(Has(page.body, "Pam P."));
  EXPECT_TRUE(Has(page.body, "Mother of a boy with it."));
  // Pam is the only member in Paris, so the map shows her at France's point to visitors,
  // and her page names no closer place to them (map_privacy.h CityNameable); her own
  // view names the city.
  EXPECT_TRUE(Has(page.body, "<dd>France</dd>")) << page.body;
  EXPECT_FALSE(Has(page.body, "Paris"));
  EXPECT_TRUE(Has(server.Get(MemberPath("pam@example.org"), {{"Cookie", pam.cookie}}).body, kParisFrance));
  EXPECT_TRUE(Has(page.body, "English, Français"));
  EXPECT_TRUE(Has(page.body, "Accepts messages"));
  EXPECT_TRUE(Has(page.body, "GeoNames"));
  EXPECT_FALSE(Has(page.body, "pam@example.org"));  // never an address

  // The form comes back filled in, with the city's label and id.
  HttpResult again = server.Get("/account/profile?done=saved", {{"Cookie", pam.cookie}});
  EXPECT_TRUE(Has(again.body, "Your profile was saved."));
  EXPECT_TRUE(Has(again.body, "value=\"" + std::string(kParisFrance) + "\""));
  EXPECT_TRUE(Has(again.body, "name=\"city_id\" value=\"" + paris + "\""));
  EXPECT_TRUE(Has(again.body, "value=\"public\" checked"));

  // A country alone replaces the city.
  ASSERT_EQ(SaveProfile(server, pam, "display_name=Pam&city=&city_id=&country=FR&visibility=public").status, 303u);
  EXPECT_EQ(Text("SELECT place_kind" + where), "country");
  EXPECT_EQ(Text("SELECT city_name" + where), "NULL");
  EXPECT_TRUE(Has(server.Get(MemberPath("pam@example.org")).body, "<dd>France</dd>"));
}

TEST_P(ProfilesTest, BadInputComesBackWithMessagesAndChangesNothing) {
  TestServer server(database_);
  SignedIn pam = SignIn(server, "pam@example.org", kPassword);
  ASSERT_EQ(SaveProfile(server, pam, "display_name=Pam&bio=Before&visibility=members").status, 303u);
  const std::string where = " FROM profiles WHERE user_id = " + std::to_string(IdOf("pam@example.org"));

  HttpResult bad = SaveProfile(server, pam,
                               "display_name=" + Enc("<b>Pam</b>") + "&bio=" + std::string(1001, 'x') +
                                   "&languages=Welsh&city=Xyzzyville&visibility=everyone");
  EXPECT_EQ(bad.status, 422u);
  EXPECT_TRUE(Has(bad.body, "Your profile was not saved"));
  EXPECT_TRUE(Has(bad.body, "Please keep this to 1,000 characters (it has 1,001)."));
  EXPECT_TRUE(Has(bad.body, "We know no city called “Xyzzyville”")) << bad.body;
  EXPECT_TRUE(Has(bad.body, "Please choose who can see your profile."));
  EXPECT_TRUE(Has(bad.body, "value=\"&lt;b&gt;Pam&lt;/b&gt;\""));  // kept, as text
  EXPECT_TRUE(Has(bad.body, "value=\"Welsh\""));
  EXPECT_TRUE(Has(bad.body, "value=\"Xyzzyville\""));
  EXPECT_EQ(Text("SELECT bio" + where), "Before");
  EXPECT_EQ(Text("SELECT languages" + where), "");
  EXPECT_EQ(Text("SELECT display_name FROM users WHERE email_key = 'pam@example.org'"), "Pam");

  // A name several places share: "which one?", then the choice saves.
  HttpResult which = SaveProfile(server, pam, "display_name=Pam&city=Paris&visibility=members");
  EXPECT_EQ(which.status, 422u);
  EXPECT_TRUE(Has(which.body, "Several places are called “Paris”: which one?"));
  EXPECT_TRUE(Has(which.body, "Paris, Texas, United States"));
  EXPECT_EQ(Text("SELECT place_kind" + where), "none");
  const std::string paris = ParisFranceId(server);
  EXPECT_TRUE(Has(which.body, "name=\"city_choice\" value=\"" + paris + "\""));
  EXPECT_EQ(SaveProfile(server, pam, "display_name=Pam&city=Paris&city_id=&city_choice=" + paris +
                                         "&visibility=members").status,
            303u);
  EXPECT_EQ(Text("SELECT country_code" + where), "FR");

  // Typed with its region, without the type-ahead, a name resolves on the server.
  EXPECT_EQ(SaveProfile(server, pam, "display_name=Pam&city=" + Enc("paris, texas") + "&visibility=members").status,
            303u);
  EXPECT_EQ(Text("SELECT admin_name" + where), "Texas");

  // An id that names no city is refused.
  EXPECT_EQ(SaveProfile(server, pam, "display_name=Pam&city=X&city_id=12&visibility=members").status, 422u);
  EXPECT_EQ(Text("SELECT admin_name" + where), "Texas");
}

TEST_P(ProfilesTest, FormsWithoutTheCsrfTokenAreRefusedAndChangeNothing) {
  TestServer server(database_);
  SignedIn pam = SignIn(server, "pam@example.org", kPassword);
  HttpResult forged = server.Request("POST", "/account/profile",
                                     {{"Cookie", pam.cookie}, {"Content-Type", "application/x-www-form-urlencoded"}},
                                     "display_name=Forged&visibility=public");
  EXPECT_EQ(forged.status, 403u);
  EXPECT_EQ(Text("SELECT display_name FROM users WHERE email_key = 'pam@example.org'"), "Pam Public");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM profiles"), 0);
  HttpResult join = server.Request("POST", std::string(kConditionPath) + "/membership",
                                   {{"Cookie", pam.cookie}, {"Content-Type", "application/x-www-form-urlencoded"}},
                                   "csrf=wrong&action=join&role=affected");
  EXPECT_EQ(join.status, 403u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM memberships"), 0);
  SignedIn ada = SignIn(server, "ada@example.org", kPassword);
  HttpResult verify = server.Request(
      "POST", "/admin/users/" + std::to_string(IdOf("pam@example.org")) + "/verification",
      {{"Cookie", ada.cookie}, {"Content-Type", "application/x-www-form-urlencoded"}}, "verified=1");
  EXPECT_EQ(verify.status, 403u);
}

TEST_P(ProfilesTest, EachViewerSeesWhatVisibilityAllows) {
  TestServer server(database_);
  SignedIn pam = SignIn(server, "pam@example.org", kPassword);
  SignedIn meg = SignIn(server, "meg@example.org", kPassword);
  SignedIn hal = SignIn(server, "hal@example.org", kPassword);
  SignedIn ada = SignIn(server, "ada@example.org", kPassword);
  ASSERT_EQ(SaveProfile(server, pam, "display_name=Pam+Public&visibility=public").status, 303u);
  ASSERT_EQ(SaveProfile(server, hal, "display_name=Hal+Hidden&visibility=hidden&accepts_contact=1").status, 303u);
  // Meg never saved a profile: members-only by default.
  const std::string p = MemberPath("pam@example.org"), m = MemberPath("meg@example.org"),
                    h = MemberPath("hal@example.org");

  EXPECT_EQ(server.Get(p).status, 200u);
  EXPECT_EQ(server.Get(m).status, 404u);
  HttpResult hidden = server.Get(h);
  EXPECT_EQ(hidden.status, 404u);
  EXPECT_EQ(hidden.body.find("Hal"), std::string::npos);
  EXPECT_EQ(server.Get("/members/999999").status, 404u);  // the same answer as no member at all
  EXPECT_EQ(server.Get("/members/abc").status, 404u);

  EXPECT_EQ(server.Get(p, {{"Cookie", meg.cookie}}).status, 200u);
  EXPECT_EQ(server.Get(m, {{"Cookie", pam.cookie}}).status, 200u);
  EXPECT_EQ(server.Get(h, {{"Cookie", pam.cookie}}).status, 404u);

  EXPECT_EQ(server.Get(h, {{"Cookie", hal.cookie}}).status, 200u);  // the owner
  EXPECT_TRUE(Has(server.Get(h, {{"Cookie", hal.cookie}}).body, "only you"));
  EXPECT_EQ(server.Get(h, {{"Cookie", ada.cookie}}).status, 200u);  // an admin
  EXPECT_EQ(server.Get(m, {{"Cookie", ada.cookie}}).status, 200u);
}

TEST_P(ProfilesTest, MembersJoinAndLeaveAConditionAndHiddenMembersAreNeverListed) {
  TestServer server(database_);
  HttpResult empty = server.Get(kConditionPath);
  ASSERT_EQ(empty.status, 200u);
  EXPECT_TRUE(Has(empty.body, "No members have joined"));
  EXPECT_TRUE(Has(empty.body, "Sign in to join this community"));
  EXPECT_FALSE(Has(empty.body, "Join this community</button>"));

  SignedIn pam = SignIn(server, "pam@example.org", kPassword);
  SignedIn meg = SignIn(server, "meg@example.org", kPassword);
  SignedIn hal = SignIn(server, "hal@example.org", kPassword);
  SignedIn ada = SignIn(server, "ada@example.org", kPassword);
  ASSERT_EQ(SaveProfile(server, pam, "display_name=Pam+Public&visibility=public").status, 303u);
  ASSERT_EQ(SaveProfile(server, hal, "display_name=Hal+Hidden&visibility=hidden").status, 303u);
  const std::string join = std::string(kConditionPath) + "/membership";
  HttpResult page = server.Get(kConditionPath, {{"Cookie", pam.cookie}});
  EXPECT_TRUE(Has(page.body, "Join this community</button>"));
  EXPECT_TRUE(Has(page.body, "value=\"family\">Family &amp; friends"));

  HttpResult joined = Post(server, pam, join, "csrf=" + pam.csrf + "&action=join&role=family");
  EXPECT_EQ(joined.status, 303u);
  EXPECT_EQ(joined.Header("location"), std::string(kConditionPath) + "?community=joined#community-title");
  EXPECT_EQ(Post(server, meg, join, "csrf=" + meg.csrf + "&action=join&role=affected").status, 303u);
  EXPECT_EQ(Post(server, hal, join, "csrf=" + hal.csrf + "&action=join&role=affected").status, 303u);

  HttpResult anonymous = server.Get(kConditionPath);
  EXPECT_TRUE(Has(anonymous.body, "3 members: 2 affected, 1 family &amp; friends")) << anonymous.body;
  EXPECT_TRUE(Has(anonymous.body, ">Pam Public</a>"));
  EXPECT_FALSE(Has(anonymous.body, "Meg Members"));
  EXPECT_FALSE(Has(anonymous.body, "Hal Hidden"));

  HttpResult member = server.Get(kConditionPath, {{"Cookie", meg.cookie}});
  EXPECT_TRUE(Has(member.body, ">Pam Public</a>"));
  EXPECT_TRUE(Has(member.body, ">Meg Members</a>"));
  EXPECT_FALSE(Has(member.body, "Hal Hidden"));
  EXPECT_TRUE(Has(member.body, "You are a member of this community as: <strong>Affected</strong>"));

  HttpResult admin = server.Get(kConditionPath, {{"Cookie", ada.cookie}});
  EXPECT_TRUE(Has(admin.body, ">Meg Members</a>"));
  EXPECT_FALSE(Has(admin.body, "Hal Hidden"));  // hidden: never in lists, even for admins

  // The profile lists the memberships.
  HttpResult profile = server.Get(MemberPath("pam@example.org"));
  EXPECT_TRUE(Has(profile.body, "Testing syndrome"));
  EXPECT_TRUE(Has(profile.body, "Family &amp; friends"));

  // Changing one's role keeps one membership.
  EXPECT_EQ(Post(server, pam, join, "csrf=" + pam.csrf + "&action=join&role=adviser").status, 303u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM memberships WHERE role = 'adviser'"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM memberships"), 3);

  // A bad role re-displays the page with a message and changes nothing.
  HttpResult bad = Post(server, pam, join, "csrf=" + pam.csrf + "&action=join&role=wizard");
  EXPECT_EQ(bad.status, 422u);
  EXPECT_TRUE(Has(bad.body, "Please choose one of the roles in the list."));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM memberships WHERE role = 'adviser'"), 1);
  EXPECT_EQ(Post(server, pam, join, "csrf=" + pam.csrf + "&action=join&role=").status, 422u);
  EXPECT_EQ(Post(server, pam, "/conditions/no-such-condition/membership",
                 "csrf=" + pam.csrf + "&action=join&role=affected").status,
            404u);

  // Leaving.
  EXPECT_EQ(Post(server, meg, join, "csrf=" + meg.csrf + "&action=leave").status, 303u);
  EXPECT_EQ(Post(server, meg, join, "csrf=" + meg.csrf + "&action=leave").status, 409u);
  HttpResult after = server.Get(kConditionPath);
  EXPECT_TRUE(Has(after.body, "2 members: 1 affected, 1 adviser")) << after.body;
  EXPECT_EQ(Count("SELECT COUNT(*) FROM memberships"), 2);
}

TEST_P(ProfilesTest, AnAdminVerifiesAProfessionalAndTheBadgeShows) {
  TestServer server(database_);
  SignedIn pam = SignIn(server, "pam@example.org", kPassword);
  SignedIn meg = SignIn(server, "meg@example.org", kPassword);
  SignedIn ada = SignIn(server, "ada@example.org", kPassword);
  ASSERT_EQ(SaveProfile(server, pam, "display_name=Dr+Pam&visibility=public").status, 303u);
  const std::string join = std::string(kConditionPath) + "/membership";
  ASSERT_EQ(Post(server, pam, join, "csrf=" + pam.csrf + "&action=join&role=professional").status, 303u);
  const std::string pam_id = std::to_string(IdOf("pam@example.org"));
  const std::string meg_id = std::to_string(IdOf("meg@example.org"));

  HttpResult list = server.Get("/admin/users?q=pam", {{"Cookie", ada.cookie}});
  EXPECT_TRUE(Has(list.body, "/admin/users/" + pam_id + "/verification"));
  EXPECT_FALSE(Has(server.Get("/admin/users?q=meg", {{"Cookie", ada.cookie}}).body, "/verification"));

  EXPECT_EQ(Post(server, meg, "/admin/users/" + pam_id + "/verification", "csrf=" + meg.csrf + "&verified=1").status,
            403u);
  EXPECT_EQ(Post(server, ada, "/admin/users/" + meg_id + "/verification", "csrf=" + ada.csrf + "&verified=1").status,
            409u);  // not a professional or organisation
  EXPECT_EQ(Post(server, ada, "/admin/users/" + pam_id + "/verification", "csrf=" + ada.csrf + "&verified=yes").status,
            422u);
  EXPECT_EQ(Post(server, ada, "/admin/users/999999/verification", "csrf=" + ada.csrf + "&verified=1").status, 404u);
  EXPECT_FALSE(Has(server.Get(MemberPath("pam@example.org")).body, "Verified"));

  HttpResult verified = Post(server, ada, "/admin/users/" + pam_id + "/verification", "csrf=" + ada.csrf + "&verified=1");
  EXPECT_EQ(verified.status, 303u);
  EXPECT_TRUE(Has(server.Get(MemberPath("pam@example.org")).body, "Verified Healthcare professional"));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'profile.verify' AND subject = 'user:" + pam_id +
                  "' AND actor_user_id IS NOT NULL"),
            1);
  EXPECT_TRUE(Has(server.Get("/admin/users?q=pam", {{"Cookie", ada.cookie}}).body, "Remove the verification"));

  EXPECT_EQ(Post(server, ada, "/admin/users/" + pam_id + "/verification", "csrf=" + ada.csrf + "&verified=0").status,
            303u);
  EXPECT_FALSE(Has(server.Get(MemberPath("pam@example.org")).body, "Verified"));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'profile.unverify'"), 1);
  // Saving one's profile never touches the verification.
  ASSERT_EQ(Post(server, ada, "/admin/users/" + pam_id + "/verification", "csrf=" + ada.csrf + "&verified=1").status,
            303u);
  ASSERT_EQ(SaveProfile(server, pam, "display_name=Dr+Pam&visibility=public&bio=Hi").status, 303u);
  EXPECT_TRUE(Has(server.Get(MemberPath("pam@example.org")).body, "Verified Healthcare professional"));
}

TEST_P(ProfilesTest, ThePlacesApiFindsCitiesByPrefixWithoutAccents) {
  TestServer server(database_);
  HttpResult paris = server.Get("/api/v1/places?q=PARIS");
  ASSERT_EQ(paris.status, 200u);
  auto body = nlohmann::json::parse(paris.body);
  EXPECT_EQ(body["count"], 8);
  EXPECT_EQ(body["places"][0]["label"], kParisFrance);
  EXPECT_EQ(body["places"][0]["admin_area"], "Île-de-France");
  EXPECT_EQ(body["places"][0]["country"], "France");
  // Then the next largest places called Paris (issue 16: by population, other names
  // counted as names): Parys, South Africa, is also called "Paris".
  EXPECT_EQ(body["places"][1]["label"], "Parys, Free State, South Africa");
  EXPECT_EQ(body["places"][2]["name"], "Paris");  // another Paris, told apart by its label
  EXPECT_EQ(body["places"][2]["label"], "Paris, Texas, United States");

  auto etienne = nlohmann::json::parse(server.Get("/api/v1/places?q=saint%20etie").body);
  ASSERT_GT(etienne["count"].get<int>(), 0);
  EXPECT_EQ(etienne["places"][0]["name"], "Saint-Étienne");
  auto narrowed = nlohmann::json::parse(server.Get("/api/v1/places?q=" + Enc("paris, texas")).body);
  EXPECT_EQ(narrowed["count"], 1);
  EXPECT_EQ(nlohmann::json::parse(server.Get("/api/v1/places?q=qqqqzzz").body)["count"], 0);

  HttpResult missing = server.Get("/api/v1/places");
  EXPECT_EQ(missing.status, 400u);
  EXPECT_TRUE(Has(missing.body, "\"error\""));
  EXPECT_EQ(server.Get("/api/v1/places?q=%20%20").status, 400u);
  EXPECT_EQ(server.Get("/api/v1/places?q=" + std::string(101, 'a')).status, 400u);

  auto countries = nlohmann::json::parse(server.Get("/api/v1/places/countries").body);
  EXPECT_GT(countries["count"].get<int>(), 200);
  bool france = false;
  for (const auto& c : countries["countries"]) france = france || (c["code"] == "FR" && c["name"] == "France");
  EXPECT_TRUE(france);
}

// "What you can do next" names the community's verified professionals and organisations:
// only verified ones, only those the viewer may list.
TEST_P(ProfilesTest, NextStepsNameTheVerifiedOrganisationsOfTheCommunity) {
  TestServer server(database_);
  SignedIn pam = SignIn(server, "pam@example.org", kPassword);
  SignedIn meg = SignIn(server, "meg@example.org", kPassword);
  SignedIn ada = SignIn(server, "ada@example.org", kPassword);
  const std::string join = std::string(kConditionPath) + "/membership";
  ASSERT_EQ(SaveProfile(server, pam, "display_name=Pam+Org&country=FR&visibility=public").status, 303u);
  ASSERT_EQ(Post(server, pam, join, "csrf=" + pam.csrf + "&action=join&role=organisation").status, 303u);
  ASSERT_EQ(SaveProfile(server, meg, "display_name=Meg+Doctor&country=FR&visibility=public").status, 303u);
  ASSERT_EQ(Post(server, meg, join, "csrf=" + meg.csrf + "&action=join&role=professional").status, 303u);
  // (Asked signed in: an anonymous page would be cached until the content generation is read again.)
  EXPECT_FALSE(Has(server.Get(kConditionPath, {{"Cookie", meg.cookie}}).body, "Verified professionals and organisations here"));

  ASSERT_EQ(Post(server, ada, "/admin/users/" + std::to_string(IdOf("pam@example.org")) + "/verification",
                 "csrf=" + ada.csrf + "&verified=1").status,
            303u);
  const std::string page = server.Get(kConditionPath).body;
  const std::size_t box = page.find("Verified professionals and organisations here");
  ASSERT_NE(box, std::string::npos) << page;
  const std::size_t end = page.find("</ul>", box);
  const std::string listed = page.substr(box, end - box);
  EXPECT_TRUE(Has(listed, ">Pam Org</a>")) << listed;
  EXPECT_FALSE(Has(listed, "Meg Doctor")) << "not verified";
}

// What the lead's "download my data" and "delete my account" build on.
TEST_P(ProfilesTest, ExportHoldsTheMembersOwnDataAndDeletionRemovesIt) {
  TestServer server(database_);
  SignedIn pam = SignIn(server, "pam@example.org", kPassword);
  SignedIn ada = SignIn(server, "ada@example.org", kPassword);
  ASSERT_EQ(SaveProfile(server, pam, "display_name=Pam&bio=Hello&languages=English&country=FR&visibility=public"
                                     "&accepts_contact=1").status,
            303u);
  const std::string join = std::string(kConditionPath) + "/membership";
  ASSERT_EQ(Post(server, pam, join, "csrf=" + pam.csrf + "&action=join&role=organisation").status, 303u);
  const long long pam_id = IdOf("pam@example.org");
  ASSERT_EQ(Post(server, ada, "/admin/users/" + std::to_string(pam_id) + "/verification",
                 "csrf=" + ada.csrf + "&verified=1").status,
            303u);

  profiles::ProfileStore store(database_.db());
  auto exported = store.Export(pam_id);
  ASSERT_TRUE(exported.ok()) << exported.status().message();
  EXPECT_EQ((*exported)["display_name"], "Pam");
  EXPECT_EQ((*exported)["bio"], "Hello");
  EXPECT_EQ((*exported)["languages"], "English");
  EXPECT_EQ((*exported)["visibility"], "public");
  EXPECT_EQ((*exported)["accepts_contact"], true);
  EXPECT_EQ((*exported)["location"]["kind"], "country");
  EXPECT_EQ((*exported)["location"]["country_code"], "FR");
  EXPECT_TRUE((*exported)["verified_at"].is_number());
  EXPECT_FALSE(exported->contains("verified_by"));  // the admin is not the member's data
  ASSERT_EQ((*exported)["memberships"].size(), 1u);
  EXPECT_EQ((*exported)["memberships"][0]["orphacode"], kOrphacode);
  EXPECT_EQ((*exported)["memberships"][0]["role"], "organisation");
  EXPECT_EQ(store.Export(999999).status().code(), Status::Code::kNotFound);

  // Deleting the admin's data clears them as verifier; deleting Pam's removes hers.
  const long long ada_id = IdOf("ada@example.org");
  ASSERT_TRUE(database_.db().InTransaction([&](soci::session& sql) {
    profiles::ProfileStore::DeleteMemberData(sql, ada_id);
    return Status::Ok();
  }).ok());
  EXPECT_EQ(Text("SELECT verified_by FROM profiles WHERE user_id = " + std::to_string(pam_id)), "NULL");
  ASSERT_TRUE(database_.db().InTransaction([&](soci::session& sql) {
    profiles::ProfileStore::DeleteMemberData(sql, pam_id);
    return Status::Ok();
  }).ok());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM profiles WHERE user_id = " + std::to_string(pam_id)), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM memberships WHERE user_id = " + std::to_string(pam_id)), 0);
  EXPECT_FALSE(Has(server.Get(kConditionPath).body, ">Pam</a>"));
}

INSTANTIATE_TEST_SUITE_P(Backends, ProfilesTest, ::testing::ValuesIn(AllBackends()), Backends);

}  // namespace
}  // namespace diseasemaps::testing
