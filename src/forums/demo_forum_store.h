// DemoForumStore: all the SQL of the forums' demo data (demo_forums.h): what the generator
// reads (the synthetic members and the communities they joined, the catalogue's words) and
// the bulk writes of synthetic topics and posts, and their removal.
//
// What is synthetic: a topic started by a synthetic member (synthetic_members, migration
// 0010). Every post of such a topic is one of a synthetic member's, since nobody can sign in
// as one; a reply a real member wrote in one goes with it when it is removed. A synthetic
// member's read positions and watches are synthetic too, and so is a condition's forum row
// that Insert made (it had none): Insert notes it in site_state as `synthetic_forum:<id>`
// (no migration; a named row beside the content generation).
//
// Guarantees: Insert writes one batch in one transaction with the counters the pages read
// kept true (a topic's posts, replies and last post; a forum's topics, posts and last post;
// a post's "helped"), with each topic's read positions and watches, makes a condition's
// forum row when it is its first, bumps the content generation (the posts index is the
// caller's: demo_forums.h asks for one rebuild at the end rather than a change per topic).
// Remove deletes the synthetic topics with everything that hangs on them, the synthetic
// members' forum watches, and the forum rows Insert made that nothing real holds (no topic
// left, no moderation log line, no real member's watch, readers as made), and nothing else;
// then it recounts the forums. Ids are given in bulk: on PostgreSQL the two tables are
// locked for the batch and their identity sequences moved past them.
// Blocking: each method leases its own connection.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "platform/db/database.h"
#include "platform/status.h"

namespace diseasemaps::forums {

// A synthetic member and the communities they joined.
struct DemoAuthor {
  long long user_id = 0;
  std::vector<int> orphacodes;
};

// A condition's words: its name and the plain labels of its signs (HPO's lay label, else
// HPO's term).
struct DemoCondition {
  int orphacode = 0;
  std::string name;
  std::vector<std::string> signs;
};

struct DemoPost {
  long long author_id = 0;
  std::string body;
  std::optional<long long> reply_to;  // a number of an earlier post of the topic
  long long created_at = 0;
  std::vector<long long> helped_by;   // members who found it helpful, not its author
};

// How far a member has read a topic (forum_topic_reads): the number of the last post they saw.
struct DemoRead {
  long long user_id = 0;
  long long number = 0;
  long long read_at = 0;
};

// A member's watch level of a topic or forum other than "normal" (which is no row):
// "watching", "tracking" or "muted" (notifications/notification_rules.h).
struct DemoWatch {
  long long user_id = 0;
  std::string level;
  long long updated_at = 0;
};

struct DemoTopic {
  std::optional<int> orphacode;  // a condition's forum; else the site-wide forum `slug`
  std::string slug;
  std::string title;
  std::vector<DemoPost> posts;   // numbered 1, 2, … in this order; the first is the topic's
  std::vector<DemoRead> reads;   // at most one per member; numbers within the topic's posts
  std::vector<DemoWatch> watches;  // at most one per member
};

// A watch of a forum: a condition's (orphacode) or the site-wide forum `slug`.
struct DemoForumWatch {
  std::optional<int> orphacode;
  std::string slug;
  DemoWatch watch;
};

// How many topics and posts were made or removed (and, when made, the read positions and
// the topic and forum watches that came with them).
struct DemoForumCounts {
  long long topics = 0;
  long long posts = 0;
  long long reads = 0;
  long long watches = 0;
};

class DemoForumStore {
 public:
  explicit DemoForumStore(Database& db) : db_(db) {}

  // Every synthetic member with the active conditions whose community they joined.
  Result<std::vector<DemoAuthor>> SyntheticAuthors();
  // The words of these active conditions.
  Result<std::vector<DemoCondition>> Conditions(const std::set<int>& orphacodes);
  // The slugs of the site-wide forums, by position.
  Result<std::vector<std::string>> SiteWideSlugs();
  // Writes the topics with their posts and reactions. REQUIRES: every author and helper
  // is a synthetic member; each topic has at least one post, dates not decreasing.
  Status Insert(const std::vector<DemoTopic>& batch);
  // Adds these forum watches of synthetic members, skipping a forum that has no row and a
  // member who already has a level for that forum. REQUIRES: every member is synthetic.
  // Returns how many were added.
  Result<long long> WatchForums(const std::vector<DemoForumWatch>& watches);
  // Turns e-mail off for every synthetic member who has no choice recorded yet (digests
  // "never", replies and mentions off): their addresses are under .invalid, and their
  // watches must exercise in-app notifications without filling the outbox.
  Status QuietSyntheticMembers(long long now);
  // Deletes every synthetic topic, the synthetic members' forum watches, and the forum rows
  // Insert made that nothing real holds; returns how many topics and posts went.
  Result<DemoForumCounts> Remove();

 private:
  Database& db_;
};

}  // namespace diseasemaps::forums
