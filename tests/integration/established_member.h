// Test support for the forums' integration tests: an established member, past the new
// members' limits (app/limits.h): their address confirmed 40 days ago, with five posts
// written then (a topic "Hello from long ago" in "About this site").
#pragma once

#include <chrono>
#include <string>

#include <gtest/gtest.h>

#include "test_server.h"

namespace diseasemaps::testing {

inline void EstablishForumMember(TestDatabase& database, const std::string& email) {
  const long long id = UserIdOf(database, email);
  const long long then = std::chrono::duration_cast<std::chrono::seconds>(
                             std::chrono::system_clock::now().time_since_epoch()).count() - 40LL * 24 * 60 * 60;
  Status s = database.db().InTransaction([&](soci::session& sql) {
    sql << "UPDATE users SET email_confirmed_at = :t WHERE id = :u", soci::use(then, "t"), soci::use(id, "u");
    long long forum = 0;
    sql << "SELECT id FROM forums WHERE slug = 'about-this-site'", soci::into(forum);
    long long topic = 0;
    sql << "INSERT INTO forum_topics (forum_id, author_id, title, created_at, post_count, reply_count, last_post_at)"
           " VALUES (:f, :u, 'Hello from long ago', :t, 5, 4, :t) RETURNING id",
        soci::use(forum, "f"), soci::use(id, "u"), soci::use(then, "t"), soci::into(topic);
    for (long long n = 1; n <= 5; ++n) {
      sql << "INSERT INTO forum_posts (topic_id, number, author_id, body, created_at) VALUES (:p, :n, :u, 'Old', :t)",
          soci::use(topic, "p"), soci::use(n, "n"), soci::use(id, "u"), soci::use(then, "t");
    }
    sql << "UPDATE forums SET topic_count = topic_count + 1, post_count = post_count + 5 WHERE id = :f",
        soci::use(forum, "f");
    return Status::Ok();
  });
  ASSERT_TRUE(s.ok()) << s.message();
}

}  // namespace diseasemaps::testing
