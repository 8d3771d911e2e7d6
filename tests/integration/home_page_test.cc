// The home page as a front door, and the A-Z index that replaced its paged list, on
// SQLite and PostgreSQL: the site's numbers, the largest communities, reviewed answers
// (only once reviewed), an empty catalogue, the letters and a letter's page.
#include <gtest/gtest.h>

#include <string>

#include "test_server.h"

namespace diseasemaps::testing {
namespace {

bool Has(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

class HomePageTest : public ::testing::TestWithParam<Backend> {
 protected:
  TestDatabase database_{GetParam()};

  // An active member of the community of `orphacode`, placed in `country` ("" for none).
  void AddMember(const std::string& name, int orphacode, const std::string& country) {
    const std::string email = name + "@example.org";
    auto done = database_.db().InTransaction([&](soci::session& sql) {
      sql << "INSERT INTO users (email, email_key, display_name, password_hash, status, created_at)"
             " VALUES (:e, :k, :n, '!', 'active', 1700000000)",
          soci::use(email), soci::use(email), soci::use(name);
      long long user = 0;
      sql << "SELECT id FROM users WHERE email_key = :k", soci::use(email), soci::into(user);
      if (!country.empty()) {
        sql << "INSERT INTO profiles (user_id, place_kind, country_code, latitude, longitude, visibility,"
               " updated_at) VALUES (:u, 'country', :cc, 1.0, 2.0, 'public', 1)",
            soci::use(user), soci::use(country);
      }
      sql << "INSERT INTO memberships (user_id, orphacode, role, joined_at) VALUES (:u, :o, 'affected', 1)",
          soci::use(user), soci::use(orphacode);
      return Status::Ok();
    });
    ASSERT_TRUE(done.ok()) << done.message();
  }

  // An answer about `orphacode` whose only version has `status`; an approved one is
  // published, reviewed by Dr Ada Lee at `reviewed_at`.
  void AddAnswer(int orphacode, const std::string& slug, const std::string& question, const std::string& status,
                 long long reviewed_at) {
    auto done = database_.db().InTransaction([&](soci::session& sql) {
      sql << "INSERT INTO answers (condition_id, slug, question, position, created_at, updated_at)"
             " SELECT id, :s, :q, 0, 1, 1 FROM conditions WHERE orphacode = :o",
          soci::use(slug), soci::use(question), soci::use(orphacode);
      long long answer = 0;
      sql << "SELECT a.id FROM answers a JOIN conditions c ON c.id = a.condition_id"
             " WHERE c.orphacode = :o AND a.slug = :s",
          soci::use(orphacode), soci::use(slug), soci::into(answer);
      const bool approved = status == "approved";
      const std::string reviewer = approved ? "Dr Ada Lee" : "";
      soci::indicator reviewer_ind = approved ? soci::i_ok : soci::i_null;
      soci::indicator time_ind = approved ? soci::i_ok : soci::i_null;
      sql << "INSERT INTO answer_versions (answer_id, number, question, short_answer, body_markdown, status,"
             " author_label, created_at, updated_at, submitted_at, reviewed_at, reviewer_name)"
             " VALUES (:a, 1, :q, 'Short.', 'Body.', :st, 'Editor', 1, 1, :sub, :rev, :who)",
          soci::use(answer), soci::use(question), soci::use(status), soci::use(reviewed_at, time_ind),
          soci::use(reviewed_at, time_ind), soci::use(reviewer, reviewer_ind);
      if (approved) {
        sql << "UPDATE answers SET published_version_id = (SELECT id FROM answer_versions WHERE answer_id = :a),"
               " last_reviewed_at = :t WHERE id = :a2",
            soci::use(answer), soci::use(reviewed_at), soci::use(answer);
      }
      return Status::Ok();
    });
    ASSERT_TRUE(done.ok()) << done.message();
  }
};

std::string Backends(const ::testing::TestParamInfo<Backend>& info) {
  return BackendName(info.param);
}

TEST_P(HomePageTest, SaysTheSiteNumbersInWords) {
  for (int i = 0; i < 1200; i += 100) InsertCondition(database_.db(), 900000 + i, "Condition " + std::to_string(i));
  AddMember("ana", 900000, "ES");
  AddMember("ben", 900000, "FR");
  AddMember("cai", 900100, "FR");
  TestServer server(database_, {"--no-starter-catalogue"});
  HttpResult home = server.Get("/");
  ASSERT_EQ(home.status, 200u);
  EXPECT_TRUE(Has(home.body, "12 rare conditions described")) << home.body;
  EXPECT_TRUE(Has(home.body, "3 members in the communities"));
  EXPECT_TRUE(Has(home.body, "0 experiences shared"));
  EXPECT_TRUE(Has(home.body, "3 members in 2 countries"));
  EXPECT_TRUE(Has(home.body, "href=\"/map\""));
  EXPECT_TRUE(Has(home.body, "action=\"/search\""));
  EXPECT_TRUE(Has(home.body, "dancing eyes"));
  EXPECT_TRUE(Has(home.body, "href=\"/conditions/a-z\""));
  EXPECT_FALSE(Has(home.body, "condition-list")) << "the home page no longer lists every condition";
}

TEST_P(HomePageTest, FormatsNumbersInThePageLanguage) {
  auto inserted = database_.db().Run([](soci::session& sql) {
    sql << "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1001)"
           " INSERT INTO conditions (orphacode, slug, name, sort_name, entry_type, status, created_at, updated_at)"
           " SELECT 800000 + i, 'entry-' || i, 'Entry ' || i, 'entry ' || i, 'Disease', 'active', 1, 1 FROM n";
    return Status::Ok();
  });
  ASSERT_TRUE(inserted.ok()) << inserted.message();
  TestServer server(database_, {"--no-starter-catalogue"});
  EXPECT_TRUE(Has(server.Get("/").body, "1,001 rare conditions described"));
}

TEST_P(HomePageTest, ListsTheLargestCommunitiesFirst) {
  InsertCondition(database_.db(), 558, "Marfan syndrome");
  InsertCondition(database_.db(), 586, "Cystic fibrosis");
  InsertCondition(database_.db(), 1183, "Opsoclonus-myoclonus syndrome");
  AddMember("ana", 586, "");
  AddMember("ben", 1183, "");
  AddMember("cai", 1183, "");
  TestServer server(database_, {"--no-starter-catalogue"});
  HttpResult home = server.Get("/");
  const auto oms = home.body.find("Opsoclonus-myoclonus syndrome</a> <span class=\"meta\">2 members");
  const auto cf = home.body.find("Cystic fibrosis</a> <span class=\"meta\">1 member<");
  ASSERT_NE(oms, std::string::npos) << home.body;
  ASSERT_NE(cf, std::string::npos);
  EXPECT_LT(oms, cf);
  EXPECT_FALSE(Has(home.body, "Marfan syndrome")) << "a community without members is not listed";
}

TEST_P(HomePageTest, ShowsAnswersOnlyOnceReviewedNewestFirst) {
  InsertCondition(database_.db(), 1183, "Opsoclonus-myoclonus syndrome");
  AddAnswer(1183, "causes", "What causes it?", "approved", 1764547200);       // 1 December 2025
  AddAnswer(1183, "treatment", "How is it treated?", "approved", 1764720000); // 3 December 2025
  AddAnswer(1183, "outlook", "What is the outlook?", "submitted", 0);
  TestServer server(database_, {"--no-starter-catalogue"});
  HttpResult home = server.Get("/");
  const auto treated = home.body.find("href=\"/conditions/opsoclonus-myoclonus-syndrome-1183#answer-treatment\"");
  const auto causes = home.body.find("href=\"/conditions/opsoclonus-myoclonus-syndrome-1183#answer-causes\"");
  ASSERT_NE(treated, std::string::npos) << home.body;
  ASSERT_NE(causes, std::string::npos);
  EXPECT_LT(treated, causes);
  EXPECT_TRUE(Has(home.body, "Reviewed by Dr Ada Lee on"));
  EXPECT_FALSE(Has(home.body, "What is the outlook?")) << "unreviewed text never appears as reviewed";
}

TEST_P(HomePageTest, WithoutAnswersOrCommunitiesThoseSectionsAreLeftOut) {
  InsertCondition(database_.db(), 558, "Marfan syndrome");
  TestServer server(database_, {"--no-starter-catalogue"});
  HttpResult home = server.Get("/");
  ASSERT_EQ(home.status, 200u);
  EXPECT_FALSE(Has(home.body, "Recently reviewed answers"));
  EXPECT_FALSE(Has(home.body, "The most active"));
  EXPECT_FALSE(Has(home.body, "By specialty")) << "no classifications imported";
  EXPECT_TRUE(Has(home.body, "No one is on the map yet"));
}

TEST_P(HomePageTest, LinksEachSpecialtyWithItsCount) {
  InsertCondition(database_.db(), 98006, "Rare neurological disease", "Category");
  auto done = database_.db().Run([](soci::session& sql) {
    sql << "INSERT INTO orphanet_classifications (id, root_orphacode, data_version) VALUES (181, 98006, 'test')";
    sql << "INSERT INTO orphanet_classification_nodes (classification_id, orphacode, descendants)"
           " VALUES (181, 98006, 1234)";
    return Status::Ok();
  });
  ASSERT_TRUE(done.ok()) << done.message();
  TestServer server(database_, {"--no-starter-catalogue"});
  HttpResult home = server.Get("/");
  EXPECT_TRUE(Has(home.body, "By specialty"));
  EXPECT_TRUE(Has(home.body, "<a href=\"/conditions/browse/181\">Rare neurological disease</a>")) << home.body;
  EXPECT_TRUE(Has(home.body, "1,234 conditions and groups"));
}

TEST_P(HomePageTest, AnEmptyCatalogueSaysHowToLoadOne) {
  TestServer server(database_, {"--no-starter-catalogue"});
  HttpResult home = server.Get("/");
  EXPECT_EQ(home.status, 200u);
  EXPECT_TRUE(Has(home.body, "The catalogue is empty"));
  EXPECT_TRUE(Has(home.body, "diseasemaps import orphanet"));
  EXPECT_TRUE(Has(home.body, "action=\"/search\""));
  HttpResult index = server.Get("/conditions/a-z");
  EXPECT_EQ(index.status, 200u);
  EXPECT_TRUE(Has(index.body, "The catalogue is empty"));
}

TEST_P(HomePageTest, OldPagedListLinksRedirectToTheAToZIndex) {
  InsertCondition(database_.db(), 558, "Marfan syndrome");
  TestServer server(database_, {"--no-starter-catalogue"});
  HttpResult old = server.Get("/?page=2");
  EXPECT_EQ(old.status, 301u);
  EXPECT_EQ(old.Header("location"), "/conditions/a-z");
}

TEST_P(HomePageTest, TheAToZIndexLinksOnlyInitialsThatHaveConditions) {
  InsertCondition(database_.db(), 558, "Marfan syndrome");
  InsertCondition(database_.db(), 586, "Cystic fibrosis");
  InsertCondition(database_.db(), 999, "3-methylglutaconic aciduria");
  InsertCondition(database_.db(), 998, "Émery syndrome");
  TestServer server(database_, {"--no-starter-catalogue"});
  HttpResult index = server.Get("/conditions/a-z");
  ASSERT_EQ(index.status, 200u);
  EXPECT_TRUE(Has(index.body, "href=\"/conditions/a-z/m\""));
  EXPECT_TRUE(Has(index.body, "href=\"/conditions/a-z/c\""));
  EXPECT_TRUE(Has(index.body, "href=\"/conditions/a-z/0-9\""));
  EXPECT_TRUE(Has(index.body, "href=\"/conditions/a-z/other\""));
  EXPECT_FALSE(Has(index.body, "href=\"/conditions/a-z/b\""));
  EXPECT_TRUE(Has(index.body, ">B</span>"));
}

TEST_P(HomePageTest, ALettersPageListsItsConditionsBySortName) {
  InsertCondition(database_.db(), 558, "Marfan syndrome");
  InsertCondition(database_.db(), 100, "McLeod syndrome");
  InsertCondition(database_.db(), 101, "Macular dystrophy");
  InsertCondition(database_.db(), 586, "Cystic fibrosis");
  InsertCondition(database_.db(), 999, "3-methylglutaconic aciduria");
  InsertCondition(database_.db(), 102, "<script>alert(1)</script> syndrome");
  TestServer server(database_, {"--no-starter-catalogue"});
  HttpResult m = server.Get("/conditions/a-z/m");
  ASSERT_EQ(m.status, 200u);
  const auto macular = m.body.find("Macular dystrophy");
  const auto marfan = m.body.find("Marfan syndrome");
  const auto mcleod = m.body.find("McLeod syndrome");
  ASSERT_NE(macular, std::string::npos);
  ASSERT_NE(marfan, std::string::npos);
  ASSERT_NE(mcleod, std::string::npos);
  EXPECT_LT(macular, marfan);
  EXPECT_LT(marfan, mcleod);
  EXPECT_FALSE(Has(m.body, "Cystic fibrosis"));
  EXPECT_TRUE(Has(m.body, "3 conditions"));
  EXPECT_TRUE(Has(m.body, "aria-current=\"page\">M</a>"));
  EXPECT_TRUE(Has(server.Get("/conditions/a-z/0-9").body, "3-methylglutaconic aciduria"));
  HttpResult other = server.Get("/conditions/a-z/other");
  EXPECT_FALSE(Has(other.body, "<script>alert(1)"));
  EXPECT_TRUE(Has(other.body, "&lt;script&gt;alert(1)&lt;/script&gt; syndrome"));
  HttpResult none = server.Get("/conditions/a-z/q");
  EXPECT_EQ(none.status, 200u);
  EXPECT_TRUE(Has(none.body, "No condition in the catalogue begins with this letter."));
  HttpResult upper = server.Get("/conditions/a-z/M");
  EXPECT_EQ(upper.status, 301u);
  EXPECT_EQ(upper.Header("location"), "/conditions/a-z/m");
}

TEST_P(HomePageTest, AnUnknownInitialIsAClear404) {
  InsertCondition(database_.db(), 558, "Marfan syndrome");
  TestServer server(database_, {"--no-starter-catalogue"});
  HttpResult bad = server.Get("/conditions/a-z/mm");
  EXPECT_EQ(bad.status, 404u);
  EXPECT_TRUE(Has(bad.body, "The A–Z index has no page “mm”")) << bad.body;
}

INSTANTIATE_TEST_SUITE_P(Backends, HomePageTest, ::testing::ValuesIn(AllBackends()), Backends);

}  // namespace
}  // namespace diseasemaps::testing
