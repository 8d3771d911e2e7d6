// DemoForumGenerator's read positions and watches (forums/demo_forums.h): what posting and
// reading would leave, from the seed alone.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "forums/demo_forums.h"

namespace diseasemaps::forums {
namespace {

constexpr long long kNow = 1'800'000'000;

DemoForumGenerator Generator(uint64_t seed) {
  std::vector<DemoAuthor> authors;
  for (long long id = 1; id <= 40; ++id) {
    authors.push_back(DemoAuthor{id, id % 4 == 0 ? std::vector<int>{} : std::vector<int>{id % 2 == 0 ? 1183 : 558}});
  }
  std::vector<DemoCondition> conditions = {{1183, "Dancing eyes syndrome", {"Wandering eye movements"}},
                                           {558, "Marfan syndrome", {"Tall stature"}}};
  return DemoForumGenerator(seed, kNow, authors, conditions, {"general", "caregivers"});
}

bool IsLevel(const std::string& level) { return level == "watching" || level == "tracking" || level == "muted"; }

TEST(DemoForums, EveryWriterHasReadToTheirLastPostAndWatchesTheTopic) {
  DemoForumGenerator generator = Generator(9);
  bool unread = false, lurker = false;
  for (int i = 0; i < 40; ++i) {
    const DemoTopic topic = generator.Topic(1 + i % 25);
    const long long posts = static_cast<long long>(topic.posts.size());
    std::map<long long, long long> last_post;  // writer -> number
    for (long long n = 1; n <= posts; ++n) last_post[topic.posts[static_cast<std::size_t>(n - 1)].author_id] = n;
    std::map<long long, DemoRead> reads;
    for (const DemoRead& read : topic.reads) {
      ASSERT_TRUE(reads.emplace(read.user_id, read).second) << "one position per member";
      ASSERT_GE(read.number, 1);
      ASSERT_LE(read.number, posts);
      EXPECT_GE(read.read_at, topic.posts[static_cast<std::size_t>(read.number - 1)].created_at);
      EXPECT_LE(read.read_at, kNow);
      if (read.number < posts) unread = true;
      if (!last_post.contains(read.user_id)) lurker = true;
    }
    std::set<long long> watchers;
    for (const DemoWatch& watch : topic.watches) {
      ASSERT_TRUE(watchers.insert(watch.user_id).second) << "one level per member";
      EXPECT_TRUE(IsLevel(watch.level)) << watch.level;
      EXPECT_LE(watch.updated_at, kNow);
    }
    for (const auto& [writer, number] : last_post) {
      ASSERT_TRUE(reads.contains(writer));
      EXPECT_GE(reads[writer].number, number);
      EXPECT_TRUE(watchers.contains(writer));
    }
  }
  EXPECT_TRUE(unread) << "some members have posts left to read";
  EXPECT_TRUE(lurker) << "some members read without writing";
}

TEST(DemoForums, TheSameSeedMakesTheSameReadsAndWatches) {
  DemoForumGenerator a = Generator(4), b = Generator(4);
  for (int i = 0; i < 5; ++i) {
    const DemoTopic x = a.Topic(20), y = b.Topic(20);
    ASSERT_EQ(x.reads.size(), y.reads.size());
    for (std::size_t r = 0; r < x.reads.size(); ++r) {
      EXPECT_EQ(x.reads[r].user_id, y.reads[r].user_id);
      EXPECT_EQ(x.reads[r].number, y.reads[r].number);
      EXPECT_EQ(x.reads[r].read_at, y.reads[r].read_at);
    }
    ASSERT_EQ(x.watches.size(), y.watches.size());
  }
  EXPECT_EQ(a.ForumWatches().size(), b.ForumWatches().size());
}

TEST(DemoForums, ForumWatchesAreOfTheMembersCommunitiesOrSiteWideForums) {
  DemoForumGenerator generator = Generator(2);
  const std::vector<DemoForumWatch> watches = generator.ForumWatches();
  ASSERT_FALSE(watches.empty());
  for (const DemoForumWatch& w : watches) {
    EXPECT_TRUE(IsLevel(w.watch.level)) << w.watch.level;
    if (w.orphacode) {
      EXPECT_NE(w.watch.user_id % 4, 0) << "a member without a community watches none";
      EXPECT_EQ(*w.orphacode, w.watch.user_id % 2 == 0 ? 1183 : 558);
    } else {
      EXPECT_TRUE(w.slug == "general" || w.slug == "caregivers") << w.slug;
    }
  }
}

}  // namespace
}  // namespace diseasemaps::forums
