// The forums' integration fixture, shared by the suites that go through the forums
// (forums_test.cc, forum_moderation_test.cc, forum_search_test.cc, notifications_test.cc,
// forum_admin_test.cc, forum_cluster_test.cc): a test database on each backend with three
// members (Amy and Ben, and Mo, a moderator; a suite may make its own instead) and a
// condition whose forum is members-only, and the steps every forum test takes: signed-in
// requests, starting a topic, replying, reading a topic's address back, counting and
// changing rows, and waiting for forum search (/api/v1/search?type=discussions) to show
// what a test expects. Forms are posted with the member's CSRF token (test_server.h PostAs).
#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <functional>
#include <map>
#include <string>
#include <thread>

#include <nlohmann/json.hpp>

#include "http/url.h"
#include "test_server.h"

namespace diseasemaps::testing {

class ForumFixture : public ::testing::TestWithParam<Backend> {
 protected:
  static constexpr const char* kPassword = "correct horse battery staple";
  static constexpr const char* kConditionForum = "dancing-eyes-1183";  // members-only

  void SetUp() override {
    AddUser(database_, "amy@example.org", "Amy", {"member"}, kPassword);
    AddUser(database_, "ben@example.org", "Ben", {"member"}, kPassword);
    AddUser(database_, "mo@example.org", "Mo Moderator", {"moderator"}, kPassword);
    InsertCondition(database_.db(), 1183, "Dancing eyes");
  }

  static bool Has(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
  }
  static std::string Enc(const std::string& text) { return http::PercentEncode(text); }

  // A number the query selects (COUNT(*), MAX(id), …).
  long long Count(const std::string& query) { return QueryNumber(database_.db(), query); }
  // How many audit entries have this action ("forum.hide", …).
  long long Audits(const std::string& action) {
    return Count("SELECT COUNT(*) FROM audit_log WHERE action = '" + action + "'");
  }
  void Sql(const std::string& statement) {
    Status s = database_.db().Run([&](soci::session& sql) {
      sql << statement;
      return Status::Ok();
    });
    ASSERT_TRUE(s.ok()) << s.message();
  }

  static HttpResult Get(TestServer& server, const SignedIn& who, const std::string& path) {
    return server.Get(path, {{"Cookie", who.cookie}});
  }
  // Starts a topic; returns the response (303 to the topic when posted).
  static HttpResult StartTopic(TestServer& server, const SignedIn& who, const std::string& forum,
                               const std::string& title, const std::string& body) {
    return PostAs(server, who, "/forums/" + forum + "/new", "title=" + Enc(title) + "&body=" + Enc(body));
  }
  // "/forums/general/t/1-hello#post-3" -> "/forums/general/t/1-hello".
  static std::string PathOf(const HttpResult& result) {
    const std::string location = result.Header("location");
    return location.substr(0, location.find_first_of("?#"));
  }
  // A topic started by `who` in `forum`; returns its path.
  static std::string Topic(TestServer& server, const SignedIn& who, const std::string& forum,
                           const std::string& title, const std::string& body) {
    HttpResult started = StartTopic(server, who, forum, title, body);
    EXPECT_EQ(started.status, 303u) << started.body;
    return PathOf(started);
  }
  // A reply in the topic at `path`, to post `reply_to` when it is not 0.
  static HttpResult Reply(TestServer& server, const SignedIn& who, const std::string& path, const std::string& body,
                          long long reply_to = 0) {
    return PostAs(server, who, path,
                  (reply_to > 0 ? "reply_to=" + std::to_string(reply_to) + "&" : std::string()) + "body=" + Enc(body));
  }
  // The part of a topic's path before the title words: "/forums/general/t/1".
  static std::string Base(const std::string& topic_path) {
    return topic_path.substr(0, topic_path.find('-', topic_path.find("/t/")));
  }

  // The discussions the API returns for `query`, as `cookie` ("" for a visitor).
  static nlohmann::json Discussions(TestServer& server, const std::string& query, const std::string& cookie = "") {
    std::map<std::string, std::string> headers;
    if (!cookie.empty()) headers["Cookie"] = cookie;
    HttpResult r = server.Get("/api/v1/search?type=discussions&q=" + Enc(query), headers);
    EXPECT_EQ(r.status, 200u) << r.body;
    return nlohmann::json::parse(r.body, nullptr, false);
  }
  // Polls for up to 20 s until the results for `query` satisfy `want`.
  static bool Eventually(TestServer& server, const std::string& query, const std::string& cookie,
                         const std::function<bool(const nlohmann::json&)>& want) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (std::chrono::steady_clock::now() < deadline) {
      const nlohmann::json body = Discussions(server, query, cookie);
      if (body.is_object() && want(body["results"])) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
  }
  static std::function<bool(const nlohmann::json&)> Hits(std::size_t n) {
    return [n](const nlohmann::json& results) { return results.size() == n; };
  }

  TestDatabase database_{GetParam()};
};

}  // namespace diseasemaps::testing
