// The subcommands' options and entry points. Each Run* function returns an exit code.
#pragma once

#include <filesystem>
#include <memory>
#include <ostream>
#include <string>

#include "app/limits.h"
#include "http/server.h"
#include "mail/courier.h"
#include "platform/db/database.h"

namespace diseasemaps {

struct CommonOptions {
  std::string config_file;
  DatabaseOptions database;
  std::string log_level = "info";
};

struct ServeOptions {
  http::ServerOptions server;
  int workers = 0;  // 0: two per core with SQLite, four with PostgreSQL
  double header_timeout_s = 10, idle_timeout_s = 60, write_timeout_s = 30, shutdown_grace_s = 10;
  double drain_delay_s = 0;  // after SIGTERM, serve this long with /healthz 503, then drain
  std::string trust_proxy;  // proxies whose X-Forwarded-For is believed (http/client_address.h)
  std::string static_dir;  // empty: the static/ folder beside the binary
  bool migrate = true;
  bool starter_catalogue = true;  // load it into an empty catalogue at start
  int page_cache_mb = 64;
  double cache_check_interval_s = 1;  // how often to look for other processes' writes
  std::string search_index;  // empty: search::DefaultIndexPath(database)
  bool test_hooks = false;
  std::string public_url;  // empty: http://ADDRESS:PORT
  bool secure_cookies = false;  // also on when public_url starts with https://
  mail::CourierOptions mail;
  double mail_check_interval_s = 5;
  double digest_interval_s = 600;  // notifications/digest_job.h
  int max_new_conversations_per_day = limits::kDefaultNewConversationsPerDay;  // for new accounts
  int experiences_min_cell = 5;  // k: a part of the shared experiences is shown from k people
  std::string unreviewed_symptom_labels = "show";  // "show" (with a note) or "english"
  uint32_t map_min_city_members = 3;  // k: smaller cities show at their country for visitors
  double map_resync_interval_s = 60;  // how often the map re-reads every member
  std::string database_replica;  // a hot standby's postgresql:// URL; empty: none (platform/db/replica.h)
  double replica_max_lag_s = 10;  // further behind: reads go to the primary
  double primary_reads_after_write_s = 5;  // http/read_your_writes.h
};

int RunServe(const CommonOptions& common, ServeOptions options);

struct DemoDataOptions {
  long long members = 1000;
  long long experiences = 0;     // synthetic shared experiences, after the members
  int experiences_orphacode = 0;  // only this condition's communities (0: all)
  long long forum_topics = 0;     // synthetic forum topics and posts (forums/demo_forums.h)
  long long forum_posts = 0;
  long long forum_long_topic = 0;
  std::string search_index;       // the forum posts index to rebuild is beside it (empty: as serve)
  uint64_t seed = 1;
  bool remove = false;
};
// `demo-data` (demo_data_command.cc): creates synthetic members for the community map,
// their experiences and forum posts, or removes them all.
int RunDemoData(const CommonOptions& common, const DemoDataOptions& options);
// `reindex`: rebuilds the search index at `index_path` (empty: the default) from the
// database; when a server holds it, asks every server to rebuild its own.
int RunReindex(const CommonOptions& common, const std::string& index_path);

// Asks every server on db to rebuild its forum posts index and rebuilds the one beside
// `conditions_index` when no server holds it, saying so on `out`.
Status RebuildPostsIndex(Database& db, const std::filesystem::path& conditions_index, std::ostream& out);

// Opens the database named by the global options with pool_size connections and
// applies pending migrations (logging each). Fails with a message naming --database.
Result<std::unique_ptr<Database>> OpenMigratedDatabase(const CommonOptions& common, int pool_size);
int RunMigrate(const CommonOptions& common);

// Prints "diseasemaps: <message>" on stderr and returns 1.
int Fail(const std::string& message);

}  // namespace diseasemaps
