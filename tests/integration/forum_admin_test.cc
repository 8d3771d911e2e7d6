// The forums' admin screen through the real binary, on SQLite and PostgreSQL: an
// administrator creates a site-wide forum and edits it, each change one audit entry;
// switching a forum's readers to members hides its posts from visitors at once, in its
// pages (cached ones included) and in search, and a condition's forum can be opened to
// everyone; visitors, members and moderators are refused; bad input, a taken address,
// an unknown forum and a CSRF failure change nothing.
#include <gtest/gtest.h>

#include <string>

#include "forum_fixture.h"

namespace diseasemaps::testing {
namespace {

class ForumAdminTest : public ForumFixture {
 protected:
  void SetUp() override {
    ForumFixture::SetUp();
    AddUser(database_, "ada@example.org", "Ada Admin", {"admin"}, kPassword);
  }

  // The site-wide form's fields, urlencoded.
  static std::string Fields(const std::string& name, const std::string& description, const std::string& readers,
                            const std::string& position) {
    return "name=" + Enc(name) + "&description=" + Enc(description) + "&readers=" + readers +
           "&position=" + position;
  }
  long long Forums() { return Count("SELECT COUNT(*) FROM forums"); }
  long long AllAudits() { return Count("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'forum.%'"); }
  std::string Readers(const std::string& slug) {
    return Count("SELECT COUNT(*) FROM forums WHERE slug = '" + slug + "' AND readers = 'members'") > 0 ? "members"
                                                                                                       : "everyone";
  }
};

std::string Backends(const ::testing::TestParamInfo<Backend>& info) { return BackendName(info.param); }

TEST_P(ForumAdminTest, AnAdministratorCreatesASiteWideForumAndEditsIt) {
  TestServer server(database_);
  SignedIn ada = SignIn(server, "ada@example.org", kPassword);
  HttpResult home = Get(server, ada, "/admin");
  EXPECT_TRUE(Has(home.body, "href=\"/admin/forums\"")) << home.body;

  HttpResult list = Get(server, ada, "/admin/forums");
  ASSERT_EQ(list.status, 200u);
  for (const char* name : {"General", "Caregivers", "Research news", "About this site"}) {
    EXPECT_TRUE(Has(list.body, name)) << name;
  }
  EXPECT_TRUE(Has(list.body, "value=\"5\""));  // the next position

  HttpResult created = PostAs(server, ada, "/admin/forums",
                              "slug=living-with-pain&" + Fields("Living with pain", "Days, nights and what helps.",
                                                                "members", "5"));
  ASSERT_EQ(created.status, 303u) << created.body;
  EXPECT_EQ(created.Header("location"), "/admin/forums?done=created");
  EXPECT_TRUE(Has(Get(server, ada, "/admin/forums?done=created").body, "The forum was created."));
  EXPECT_EQ(Audits("forum.create"), 1);
  EXPECT_EQ(Count("SELECT position FROM forums WHERE slug = 'living-with-pain'"), 5);
  EXPECT_EQ(Readers("living-with-pain"), "members");

  // Members read it; visitors are sent to sign in, and /forums lists it.
  SignedIn amy = SignIn(server, "amy@example.org", kPassword);
  HttpResult page = Get(server, amy, "/forums/living-with-pain");
  ASSERT_EQ(page.status, 200u);
  EXPECT_TRUE(Has(page.body, "Living with pain"));
  EXPECT_TRUE(Has(page.body, "Days, nights and what helps."));
  EXPECT_FALSE(Has(page.body, "/admin/forums/"));  // only administrators see the link
  EXPECT_EQ(server.Get("/forums/living-with-pain").status, 303u);
  EXPECT_TRUE(Has(server.Get("/forums").body, "Living with pain"));

  // Its settings, reached from the forum's page.
  EXPECT_TRUE(Has(Get(server, ada, "/forums/living-with-pain").body, "href=\"/admin/forums/living-with-pain\""));
  HttpResult saved = PostAs(server, ada, "/admin/forums/living-with-pain",
                            Fields("Living with chronic pain", "Days, nights and what helps.", "members", "2"));
  ASSERT_EQ(saved.status, 303u) << saved.body;
  EXPECT_EQ(saved.Header("location"), "/admin/forums/living-with-pain?done=saved");
  EXPECT_EQ(Audits("forum.update"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'forum.update' AND detail LIKE "
                  "'title: Living with pain → Living with chronic pain; position: 5 → 2'"),
            1);
  EXPECT_TRUE(Has(Get(server, amy, "/forums/living-with-pain").body, "Living with chronic pain"));

  // Saving the same again writes nothing.
  HttpResult same = PostAs(server, ada, "/admin/forums/living-with-pain",
                           Fields("Living with chronic pain", "Days, nights and what helps.", "members", "2"));
  EXPECT_EQ(same.Header("location"), "/admin/forums/living-with-pain?done=unchanged");
  EXPECT_EQ(AllAudits(), 2);

  // A seeded forum renamed shows the new name, not the translated seed.
  ASSERT_EQ(PostAs(server, ada, "/admin/forums/general",
                   Fields("General chat", "Anything at all.", "everyone", "1")).status,
            303u);
  EXPECT_TRUE(Has(server.Get("/forums/general").body, "General chat"));
  EXPECT_TRUE(Has(server.Get("/es/forums").body, "General chat"));
}

TEST_P(ForumAdminTest, MembersOnlyReadersHidePostsFromVisitorsPagesCacheAndSearchAtOnce) {
  TestServer server(database_, {"--cache-check-interval", "0.1"});
  ASSERT_TRUE(server.started()) << server.Log();
  SignedIn amy = SignIn(server, "amy@example.org", kPassword);
  SignedIn ada = SignIn(server, "ada@example.org", kPassword);
  const std::string path = Topic(server, amy, "general", "Zebra nights", "Our zebraword routine at bedtime.");
  // A visitor reads it (and the pages are cached) and finds it.
  ASSERT_EQ(server.Get("/forums/general").status, 200u);
  ASSERT_EQ(server.Get(path).status, 200u);
  ASSERT_TRUE(Has(server.Get(path).body, "zebraword"));
  ASSERT_TRUE(Eventually(server, "zebraword", "", Hits(1))) << server.Log();
  const long long changes = Count("SELECT COUNT(*) FROM forum_search_changes");

  HttpResult switched = PostAs(server, ada, "/admin/forums/general", Fields("General", "Anything about living with "
                                                                                       "a rare condition that has no "
                                                                                       "better place.",
                                                                            "members", "1"));
  ASSERT_EQ(switched.status, 303u) << switched.body;
  EXPECT_EQ(Audits("forum.readers"), 1);
  EXPECT_EQ(Audits("forum.update"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'forum.readers' AND subject = 'forum:general' AND "
                  "detail = 'everyone → members'"),
            1);
  // The topic was noted for the posts index in the same transaction.
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_search_changes"), changes + 1);

  // At once: no cached page, no search result for a visitor; members still read and find it.
  HttpResult forum = server.Get("/forums/general");
  EXPECT_EQ(forum.status, 303u);
  EXPECT_FALSE(Has(forum.body, "Zebra nights"));
  HttpResult topic = server.Get(path);
  EXPECT_EQ(topic.status, 303u);
  EXPECT_FALSE(Has(topic.body, "zebraword"));
  EXPECT_EQ(Discussions(server, "zebraword")["results"].size(), 0u);
  EXPECT_FALSE(Has(server.Get("/search?q=zebraword&type=discussions").body, "Zebra nights"));
  EXPECT_EQ(Get(server, amy, path).status, 200u);
  EXPECT_TRUE(Eventually(server, "zebraword", amy.cookie, Hits(1))) << server.Log();
  EXPECT_TRUE(Has(Get(server, amy, "/forums/general").body, "Only signed-in members can read this forum"));

  // Back to everyone: visitors read and find it again.
  ASSERT_EQ(PostAs(server, ada, "/admin/forums/general",
                   Fields("General", "Anything about living with a rare condition that has no better place.",
                          "everyone", "1")).status,
            303u);
  EXPECT_EQ(server.Get(path).status, 200u);
  EXPECT_TRUE(Eventually(server, "zebraword", "", Hits(1))) << server.Log();
}

TEST_P(ForumAdminTest, AConditionsForumIsOpenedByItsAddressAndOnlyItsReadersChange) {
  TestServer server(database_);
  SignedIn ada = SignIn(server, "ada@example.org", kPassword);
  EXPECT_EQ(server.Get(std::string("/forums/") + kConditionForum).status, 303u);  // members-only by default

  HttpResult found = Get(server, ada, std::string("/admin/forums?forum=") + kConditionForum);
  ASSERT_EQ(found.status, 303u);
  EXPECT_EQ(found.Header("location"), std::string("/admin/forums/") + kConditionForum);
  HttpResult settings = Get(server, ada, found.Header("location"));
  ASSERT_EQ(settings.status, 200u);
  EXPECT_TRUE(Has(settings.body, "Settings of Dancing eyes"));
  EXPECT_FALSE(Has(settings.body, "name=\"name\""));
  EXPECT_TRUE(Has(settings.body, "id=\"forum-readers-members\" name=\"readers\" value=\"members\" checked"));

  // A name sent along is ignored: a condition's forum takes its readers only.
  HttpResult saved =
      PostAs(server, ada, std::string("/admin/forums/") + kConditionForum, "readers=everyone&name=Renamed");
  ASSERT_EQ(saved.status, 303u) << saved.body;
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forums WHERE orphacode = 1183 AND readers = 'everyone' AND title = ''"), 1);
  EXPECT_EQ(Audits("forum.readers"), 1);
  HttpResult page = server.Get(std::string("/forums/") + kConditionForum);
  EXPECT_EQ(page.status, 200u);
  EXPECT_TRUE(Has(page.body, "Everyone can read this forum"));
}

TEST_P(ForumAdminTest, VisitorsMembersAndModeratorsAreRefusedAndNothingChanges) {
  TestServer server(database_);
  HttpResult visitor = server.Get("/admin/forums");
  EXPECT_EQ(visitor.status, 303u);
  EXPECT_EQ(visitor.Header("location"), "/login?next=" + Enc("/admin/forums"));
  SignedIn amy = SignIn(server, "amy@example.org", kPassword);
  SignedIn mo = SignIn(server, "mo@example.org", kPassword);
  for (const SignedIn* who : {&amy, &mo}) {
    HttpResult list = Get(server, *who, "/admin/forums");
    EXPECT_EQ(list.status, 403u);
    EXPECT_TRUE(Has(list.body, "Only administrators can manage the forums."));
    EXPECT_EQ(Get(server, *who, "/admin/forums/general").status, 403u);
    EXPECT_EQ(PostAs(server, *who, "/admin/forums", "slug=siblings&" + Fields("Siblings", "", "everyone", "5")).status,
              403u);
    EXPECT_EQ(PostAs(server, *who, "/admin/forums/general", Fields("Mine", "", "members", "1")).status, 403u);
  }
  EXPECT_FALSE(Has(Get(server, mo, "/forums/general").body, "/admin/forums/general"));
  EXPECT_EQ(Forums(), 4);
  EXPECT_EQ(Readers("general"), "everyone");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forums WHERE title = 'General'"), 1);
  EXPECT_EQ(AllAudits(), 0);
}

TEST_P(ForumAdminTest, BadInputATakenAddressAnUnknownForumAndCsrfFailuresChangeNothing) {
  TestServer server(database_);
  SignedIn ada = SignIn(server, "ada@example.org", kPassword);
  Sql("UPDATE conditions SET slug = 'dancing-eyes' WHERE orphacode = 1183");
  struct Case {
    std::string fields;
    unsigned status;
    std::string message;
  };
  const Case cases[] = {
      {"slug=siblings&" + Fields("", "", "everyone", "5"), 422, "Give the forum a name, so people know what it is for."},
      {"slug=siblings&" + Fields(std::string(81, 'x'), "", "everyone", "5"), 422,
       "Please keep this to 80 characters (it has 81)."},
      {"slug=Siblings+Forum&" + Fields("Siblings", "", "everyone", "5"), 422, "lower-case letters"},
      {"slug=new&" + Fields("Siblings", "", "everyone", "5"), 422, "is a word the site uses for its own pages"},
      {"slug=siblings&" + Fields("Siblings", "", "all", "5"), 422, "Choose who may read the forum"},
      {"slug=siblings&" + Fields("Siblings", "", "everyone", "first"), 422, "The position is a whole number"},
      {"slug=general&" + Fields("General again", "", "everyone", "5"), 409, "is taken by another forum or a condition"},
      {"slug=dancing-eyes&" + Fields("Dancing", "", "everyone", "5"), 409, "is taken by another forum or a condition"},
  };
  for (const Case& c : cases) {
    HttpResult r = PostAs(server, ada, "/admin/forums", c.fields);
    EXPECT_EQ(r.status, c.status) << c.fields;
    EXPECT_TRUE(Has(r.body, c.message)) << c.fields << "\n" << r.body;
    EXPECT_TRUE(Has(r.body, "aria-invalid=\"true\"")) << c.fields;
  }
  // What was typed comes back.
  EXPECT_TRUE(Has(PostAs(server, ada, "/admin/forums", "slug=siblings&" + Fields("", "For brothers", "members", "7"))
                      .body,
                  "value=\"For brothers\""));

  HttpResult empty_name = PostAs(server, ada, "/admin/forums/general", Fields(" ", "", "members", "1"));
  EXPECT_EQ(empty_name.status, 422u);
  EXPECT_TRUE(Has(empty_name.body, "Give the forum a name"));
  EXPECT_EQ(PostAs(server, ada, "/admin/forums/nowhere", Fields("X", "", "members", "1")).status, 404u);
  EXPECT_EQ(Get(server, ada, "/admin/forums/nowhere").status, 404u);
  HttpResult unknown = Get(server, ada, "/admin/forums?forum=nowhere");
  EXPECT_EQ(unknown.status, 404u);
  EXPECT_TRUE(Has(unknown.body, "There is no forum at this address"));

  // Without the session's CSRF token the gate refuses before the handler.
  HttpResult forged = PostForm(server, "/admin/forums/general", ada.cookie, Fields("Forged", "", "members", "1"));
  EXPECT_EQ(forged.status, 403u);
  HttpResult forged_new =
      PostForm(server, "/admin/forums", ada.cookie, "csrf=wrong&slug=forged&" + Fields("Forged", "", "members", "1"));
  EXPECT_EQ(forged_new.status, 403u);

  EXPECT_EQ(Forums(), 4);
  EXPECT_EQ(Readers("general"), "everyone");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forums WHERE slug = 'general' AND title = 'General' AND position = 1"), 1);
  EXPECT_EQ(AllAudits(), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, ForumAdminTest, ::testing::ValuesIn(AllBackends()), Backends);

}  // namespace
}  // namespace diseasemaps::testing
