// Demo data for the forums (`diseasemaps demo-data --forum-topics N --forum-posts N
// --forum-long-topic N`): synthetic topics and posts written by the synthetic members
// (map/demo_data.h), so demo sites show living forums and the benchmark
// (bench/forums.sh) has a million posts to read and search.
//
// DemoForumGenerator makes topics from a seed alone (its own splitmix64, as the members'
// generator, so every machine makes the same ones): a topic goes to the forum of a
// community one of its authors joined (most of them; the busiest communities draw the
// most, since members do) or to a site-wide forum; its replies come mostly from that
// community. The text is our own sentence patterns filled with the catalogue's real
// words: the condition's name and the plain labels of its signs (HPO's lay labels), so
// that searching a condition or a sign finds posts that talk about it. Posts are spread
// over topics with a long tail (a few busy topics, many short ones), dated over the last
// two years, each after the one before; some reply to an earlier post; about one in ten
// was found helpful by one to three other synthetic members. Everyone who wrote in a topic
// has read it at least to their last post and tracks it, as posting does; half of them came
// back later and read on, one starter in four watches their topic and one member in forty
// muted it; a few community members read part of it without writing. One member in three
// with a community watches or tracks its forum, a few track or mute a site-wide one. The
// synthetic members' e-mail is turned off (their addresses are under .invalid), so their
// watches make in-app notifications only. The long topic
// (--forum-long-topic) is one more topic in the site-wide "General" forum, public, with
// exactly that many posts: the benchmark reads its first and last pages.
//
// CreateDemoForums writes batches of about kDemoForumBatchPosts posts, each one
// transaction (DemoForumStore::Insert keeps every counter true); RemoveDemoForums deletes
// every synthetic topic. What is synthetic, and what removing takes: demo_forum_store.h.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "forums/demo_forum_store.h"
#include "platform/status.h"

namespace diseasemaps::forums {

inline constexpr long long kDemoForumBatchPosts = 20000;
inline constexpr const char* kLongTopicForum = "general";

struct DemoForumOptions {
  long long topics = 0;      // 0 with posts: one topic for every 40 posts
  long long posts = 0;       // spread over the topics, at least one each
  long long long_topic = 0;  // one more topic, in General, with exactly this many posts
  uint64_t seed = 1;
  long long now = 0;         // the newest post's time at most (seconds since the epoch)
};

class DemoForumGenerator {
 public:
  // REQUIRES: authors not empty; site_slugs holds kLongTopicForum.
  DemoForumGenerator(uint64_t seed, long long now, std::vector<DemoAuthor> authors,
                     std::vector<DemoCondition> conditions, std::vector<std::string> site_slugs);

  // A topic with `posts` posts (at least 1) in a forum the generator chooses, or in the
  // site-wide forum `slug` when one is given.
  DemoTopic Topic(long long posts, const std::string& slug = "");
  // How many posts each of `topics` topics gets: `posts` in all, at least one each.
  std::vector<long long> Spread(long long topics, long long posts);
  // The synthetic members' watches of forums: of their communities' and the site-wide ones.
  std::vector<DemoForumWatch> ForumWatches();

 private:
  uint64_t Random();
  uint64_t Below(uint64_t n) { return n == 0 ? 0 : Random() % n; }
  double Unit() { return static_cast<double>(Random() >> 11) * 0x1.0p-53; }
  template <typename T>
  const T& Any(const std::vector<T>& from) { return from[Below(from.size())]; }
  long long AnyAuthor();
  // A community member of the condition (most often), else any synthetic member.
  long long Replier(int orphacode);
  std::string Sign(const DemoCondition& condition);
  std::string Fill(const std::string& pattern, const DemoCondition& condition);
  std::string Body(const DemoCondition& condition, int sentences, bool opening);
  // Who read `topic` how far, and who watches or mutes it (see the file comment).
  void ReadsAndWatches(DemoTopic& topic, int orphacode);
  // A moment after `at`, never after now.
  long long Later(long long at, long long at_most_seconds);

  uint64_t state_;
  long long now_;
  std::vector<DemoAuthor> authors_;
  std::vector<long long> with_community_;               // indexes into authors_ with a community
  std::map<int, std::vector<long long>> communities_;  // orphacode -> member ids
  std::map<int, DemoCondition> conditions_;
  std::vector<int> orphacodes_;                        // of conditions_, for site-wide topics
  std::vector<std::string> site_slugs_;
};

// Creates the topics and posts `options` asks for among the synthetic members; `progress`
// gets the posts written so far after each batch; returns how many topics and posts.
// FailedPrecondition when there is no synthetic member or the catalogue has no active
// condition.
Result<DemoForumCounts> CreateDemoForums(DemoForumStore& store, const DemoForumOptions& options,
                        const std::function<void(long long)>& progress = {});
// Deletes every synthetic topic with its posts.
Result<DemoForumCounts> RemoveDemoForums(DemoForumStore& store);

}  // namespace diseasemaps::forums
