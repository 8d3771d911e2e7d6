// `diseasemaps demo-data`: synthetic members (map/demo_data.h), their shared experiences
// (experiences/demo_experiences.h) and forum topics and posts (forums/demo_forums.h), or
// `--remove` to delete all of them and nothing else. Forum posts are made last and removed
// first (they need their authors); the forum posts index is rebuilt after either.
#include <chrono>
#include <ctime>
#include <filesystem>
#include <iostream>

#include "app/commands.h"
#include "experiences/demo_experiences.h"
#include "forums/demo_forums.h"
#include "map/demo_data.h"
#include "platform/gazetteer.h"
#include "search/search_indexer.h"

namespace diseasemaps {
namespace {

// Synthetic members made for the forums when there are none and none were asked for.
constexpr long long kForumMembersWhenNone = 1000;

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

std::filesystem::path IndexPath(const CommonOptions& common, const DemoDataOptions& options) {
  return options.search_index.empty() ? search::DefaultIndexPath(common.database.url)
                                      : std::filesystem::path(options.search_index);
}

int RemoveAll(Database& db, const std::filesystem::path& index) {
  forums::DemoForumStore forum_store(db);
  auto forums_removed = forums::RemoveDemoForums(forum_store);
  if (!forums_removed.ok()) return Fail("demo-data: " + forums_removed.status().message());
  experiences::ExperienceStore experience_store(db);
  // Experiences before members: deleting their members would drop them without a recount.
  auto experiences_removed = experiences::RemoveDemoExperiences(experience_store);
  if (!experiences_removed.ok()) return Fail("demo-data: " + experiences_removed.status().message());
  map::MapStore store(db);
  auto removed = map::RemoveDemoMembers(store);
  if (!removed.ok()) return Fail("demo-data: " + removed.status().message());
  std::cout << "removed " << *removed << " synthetic members and " << *experiences_removed
            << " synthetic experiences" << std::endl;
  std::cout << "removed " << forums_removed->topics << " synthetic forum topics and " << forums_removed->posts
            << " synthetic forum posts" << std::endl;
  if (forums_removed->topics > 0) {
    if (Status s = RebuildPostsIndex(db, index, std::cout); !s.ok()) {
      return Fail("demo-data: " + s.message());
    }
  }
  return 0;
}

}  // namespace

int RunDemoData(const CommonOptions& common, const DemoDataOptions& options) {
  auto db = OpenMigratedDatabase(common, 2);
  if (!db.ok()) return Fail(db.status().message());
  if (options.remove) return RemoveAll(**db, IndexPath(common, options));
  map::MapStore store(**db);
  const bool forums_asked = options.forum_topics > 0 || options.forum_posts > 0 || options.forum_long_topic > 0;
  long long members = options.members;
  if (members == 0 && forums_asked) {
    auto existing = store.CountSynthetic();
    if (!existing.ok()) return Fail("demo-data: " + existing.status().message());
    if (*existing == 0) members = kForumMembersWhenNone;  // the posts need authors
  }
  const auto start = std::chrono::steady_clock::now();
  if (members > 0) {
    Status s = map::CreateDemoMembers(store, members, options.seed, Gazetteer::Embedded(), [&](long long done) {
      if (done % 100000 == 0 || done == members) {
        std::cout << "created " << done << " of " << members << " synthetic members" << std::endl;
      }
    });
    if (!s.ok()) return Fail("demo-data: " + s.message());
  }
  if (options.experiences > 0) {
    experiences::ExperienceStore experience_store(**db);
    std::optional<int> only;
    if (options.experiences_orphacode > 0) only = options.experiences_orphacode;
    Status s = experiences::CreateDemoExperiences(
        experience_store, options.experiences, options.seed, only, [&](long long done) {
          if (done % 50000 == 0 || done == options.experiences) {
            std::cout << "created " << done << " of " << options.experiences << " synthetic experiences" << std::endl;
          }
        });
    if (!s.ok()) return Fail("demo-data: " + s.message());
  }
  std::cout << "created " << members << " synthetic members and " << options.experiences
            << " synthetic experiences (seed " << options.seed << ") in " << SecondsSince(start)
            << " s; remove them with `diseasemaps demo-data --remove`" << std::endl;
  if (!forums_asked) return 0;
  const auto forums_start = std::chrono::steady_clock::now();
  forums::DemoForumStore forum_store(**db);
  forums::DemoForumOptions forum_options;
  forum_options.topics = options.forum_topics;
  forum_options.posts = options.forum_posts;
  forum_options.long_topic = options.forum_long_topic;
  forum_options.seed = options.seed;
  forum_options.now = static_cast<long long>(std::time(nullptr));
  long long reported = 0;
  auto made = forums::CreateDemoForums(forum_store, forum_options, [&](long long done) {
    if (done - reported >= 100000) {
      std::cout << "created " << done << " synthetic forum posts" << std::endl;
      reported = done;
    }
  });
  if (!made.ok()) return Fail("demo-data: " + made.status().message());
  std::cout << "created " << made->topics << " synthetic forum topics and " << made->posts
            << " synthetic forum posts in " << SecondsSince(forums_start) << " s" << std::endl;
  std::cout << "with " << made->reads << " read positions and " << made->watches << " topic and forum watches"
            << std::endl;
  const auto index_start = std::chrono::steady_clock::now();
  if (Status indexed = RebuildPostsIndex(**db, IndexPath(common, options), std::cout);
      !indexed.ok()) {
    return Fail("demo-data: " + indexed.message());
  }
  std::cout << "forum posts index ready in " << SecondsSince(index_start) << " s" << std::endl;
  return 0;
}

}  // namespace diseasemaps
