#include "app/commands.h"

#include <unistd.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <iostream>
#include <thread>

#include <spdlog/async.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include "admin/node_heartbeat.h"
#include "notifications/digest_job.h"
#include "app/change_wiring.h"
#include "app/routes.h"
#include "app/services.h"
#include "accounts/session_gate.h"
#include "accounts/user_store.h"
#include "app/limits.h"
#include "app/site.h"
#include "articles/answer_content.h"
#include "catalog/starter_catalogue.h"
#include "http/dispatcher.h"
#include "http/read_your_writes.h"
#include "http/static_files.h"
#include "mail/outbox_gauges.h"
#include "pages/access.h"
#include "pages/error_pages.h"
#include "platform/content_generation.h"
#include "platform/crypto.h"
#include "platform/db/migrations.h"
#include "platform/db/replica.h"
#include "platform/db_rate_limiter.h"
#include "platform/i18n.h"
#include "platform/signing.h"
#include "platform/templates.h"
#include "map/map_service.h"
#include "platform/gazetteer.h"
#include "search/post_indexer.h"
#include "search/search_indexer.h"

namespace diseasemaps {
namespace {

std::chrono::milliseconds Millis(double seconds) {
  return std::chrono::milliseconds(static_cast<long long>(seconds * 1000));
}

void SetUpLogging(const std::string& level) {
  spdlog::set_level(spdlog::level::from_str(level));
  spdlog::set_pattern("%Y-%m-%dT%H:%M:%S.%e %^%l%$ %v");
  if (!spdlog::get("access")) {
    spdlog::init_thread_pool(16384, 1);
    auto access = std::make_shared<spdlog::async_logger>(
        "access", std::make_shared<spdlog::sinks::stdout_sink_mt>(), spdlog::thread_pool(),
        spdlog::async_overflow_policy::block);
    access->set_pattern("%Y-%m-%dT%H:%M:%S.%e access %v");
    spdlog::register_logger(access);
  }
}

// The static tree: static/ beside the binary (the build tree: build/static), or, for an
// installed binary, ../share/diseasemaps/static from it (the package's
// /usr/bin/diseasemaps reads /usr/share/diseasemaps/static, wherever the root is).
std::filesystem::path DefaultStaticDir() {
  std::error_code ec;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) return "static";
  const auto beside = exe.parent_path() / "static";
  if (std::filesystem::is_directory(beside, ec)) return beside;
  const auto installed = exe.parent_path().parent_path() / "share" / "diseasemaps" / "static";
  if (std::filesystem::is_directory(installed, ec)) return installed;
  return beside;  // neither: the error names the usual place
}

Result<std::unique_ptr<Database>> OpenDatabase(const CommonOptions& common) {
  auto db = Database::Open(common.database);
  if (!db.ok()) {
    return Status::Unavailable(db.status().message() +
                               " (check --database or DISEASEMAPS_DATABASE)");
  }
  return db;
}

// The replica's state in /metrics (platform/db/replica.h).
void AddReplicaGauges(Metrics& metrics, const Replica& replica) {
  metrics.AddGauge("diseasemaps_replica_up", "1 when the last check reached the read replica, replaying.",
                   [&replica] { return replica.state().reachable ? 1.0 : 0.0; });
  metrics.AddGauge("diseasemaps_replica_in_use", "1 when reads that may lag go to the read replica now.",
                   [&replica] { return replica.state().in_use ? 1.0 : 0.0; });
  metrics.AddGauge("diseasemaps_replica_lag_bytes", "Bytes of WAL the replica has yet to replay (-1: unknown).",
                   [&replica] { return static_cast<double>(replica.state().lag_bytes); });
  metrics.AddGauge("diseasemaps_replica_lag_seconds",
                   "Seconds since the primary was where the replica is now (-1: unknown).",
                   [&replica] { return replica.state().lag_seconds; });
  metrics.AddGauge("diseasemaps_replica_reads_total", "Database reads the replica served.",
                   [&replica] { return static_cast<double>(replica.state().reads); });
  metrics.AddGauge("diseasemaps_replica_fallbacks_total", "Reads that failed on the replica and ran on the primary.",
                   [&replica] { return static_cast<double>(replica.state().fallbacks); });
}

// Brings the schema up to date, or checks it is when migrate is false.
Status PrepareSchema(Database& db, bool migrate) {
  auto migrations = EmbeddedMigrations();
  if (!migrations.ok()) return migrations.status();
  if (!migrate) {
    auto version = SchemaVersion(db);
    if (!version.ok()) return version.status();
    const int known = migrations->empty() ? 0 : migrations->back().version;
    if (*version != known) {
      return Status::FailedPrecondition(
          "the database is at schema version " + std::to_string(*version) +
          " and this diseasemaps needs " + std::to_string(known) +
          ": run `diseasemaps migrate` (or serve without --no-migrate)");
    }
    return Status::Ok();
  }
  auto outcome = Migrate(db, *migrations);
  if (!outcome.ok()) return outcome.status();
  for (const auto& name : outcome->applied) spdlog::info("migrated: {}", name);
  if (outcome->applied.empty()) {
    spdlog::info("database {} is at schema version {}", db.description(), outcome->to_version);
  }
  return Status::Ok();
}

Status LoadStarterCatalogue(Database& db) {
  auto entries = catalog::EmbeddedStarterCatalogue();
  if (!entries.ok()) {
    if (entries.status().code() != Status::Code::kNotFound) return entries.status();
    spdlog::warn("{}", entries.status().message());
    return Status::Ok();
  }
  auto loaded = catalog::LoadStarterCatalogueIfEmpty(db, *entries);
  if (!loaded.ok()) return Status::Internal("cannot load the starter catalogue: " + loaded.status().message());
  if (*loaded > 0) {
    spdlog::info("the catalogue was empty: loaded the starter catalogue ({} conditions); "
                 "`diseasemaps import orphanet DIR` loads the full one",
                 *loaded);
  }
  return Status::Ok();
}

}  // namespace

int Fail(const std::string& message) {
  std::cerr << "diseasemaps: " << message << std::endl;
  return 1;
}

Result<std::unique_ptr<Database>> OpenMigratedDatabase(const CommonOptions& common, int pool_size) {
  SetUpLogging(common.log_level);
  DatabaseOptions options = common.database;
  options.pool_size = pool_size;
  auto db = Database::Open(options);
  if (!db.ok()) {
    return Status::Unavailable(db.status().message() + " (check --database or DISEASEMAPS_DATABASE)");
  }
  if (Status s = PrepareSchema(**db, true); !s.ok()) return s;
  return db;
}

int RunMigrate(const CommonOptions& common) {
  SetUpLogging(common.log_level);
  auto db = OpenDatabase(common);
  if (!db.ok()) return Fail(db.status().message());
  if (Status s = PrepareSchema(**db, true); !s.ok()) return Fail(s.message());
  return 0;
}

int RunServe(const CommonOptions& common, ServeOptions options) {
  SetUpLogging(common.log_level);
  const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  // With SQLite a request is work for a core, never a wait on a server: workers beyond
  // two per core only take turns on the cores, and every request in flight finishes
  // later (measured on a forum page at 32 connections: p99 26 ms with four per core,
  // 20 ms with two, for the same throughput). PostgreSQL requests wait on the network.
  const int workers = options.workers > 0 ? options.workers
                      : BackendOf(common.database.url) == Backend::kSqlite ? 2 * cores
                                                                           : 4 * cores;

  if (Status s = Templates::CheckAll(); !s.ok()) return Fail("a template is broken: " + s.message());
  if (Status s = i18n::CheckCatalogues(); !s.ok()) return Fail("the message catalogues are broken: " + s.message());
  if (Status s = InitCrypto(); !s.ok()) return Fail(s.message());
  if (Status s = mail::CheckSmtpSettings(options.mail.smtp); !s.ok()) return Fail(s.message());
  const std::filesystem::path static_dir =
      options.static_dir.empty() ? DefaultStaticDir() : std::filesystem::path(options.static_dir);
  auto static_files = http::StaticFiles::Load(static_dir);
  if (!static_files.ok()) return Fail(static_files.status().message());

  auto db = OpenDatabase(common);
  if (!db.ok()) return Fail(db.status().message());
  if (Status s = PrepareSchema(**db, options.migrate); !s.ok()) return Fail(s.message());
  if (options.starter_catalogue) {
    if (Status s = LoadStarterCatalogue(**db); !s.ok()) return Fail(s.message());
  }
  if (auto answers = articles::LoadEmbeddedAnswers(**db); !answers.ok()) {
    return Fail("cannot load the shipped answers: " + answers.status().message());
  }

  const std::filesystem::path index_path = options.search_index.empty()
                                                ? search::DefaultIndexPath(common.database.url)
                                                : std::filesystem::path(options.search_index);
  auto indexer = search::SearchIndexer::Open(**db, index_path, /*allow_private_copy=*/true);
  if (!indexer.ok()) return Fail("search index: " + indexer.status().message() + " (check --search-index)");
  if (Status s = (*indexer)->Start(); !s.ok()) return Fail("search index: " + s.message());
  auto post_indexer = search::PostIndexer::Open(**db, index_path, /*allow_private_copy=*/true);
  if (!post_indexer.ok()) return Fail("posts index: " + post_indexer.status().message() + " (check --search-index)");
  if (Status s = (*post_indexer)->Start(); !s.ok()) return Fail("posts index: " + s.message());

  // The read replica, checked once now so that the map's first read may use it.
  std::unique_ptr<Replica> replica;
  if (!options.database_replica.empty()) {
    ReplicaOptions replica_options;
    replica_options.url = options.database_replica;
    replica_options.pool_size = std::max(2, common.database.pool_size / 2);
    replica_options.max_lag = Millis(options.replica_max_lag_s);
    auto created = Replica::Create(**db, replica_options);
    if (!created.ok()) return Fail(created.status().message());
    replica = std::move(*created);
    replica->Start();
    (*db)->UseReplica(replica.get());
  }
  // Nothing reads through the replica once this function returns.
  struct ReplicaDetach {
    Database& db;
    ~ReplicaDetach() { db.UseReplica(nullptr); }
  } replica_detach{**db};

  WorkerPool pool(workers);
  PageCache page_cache(static_cast<std::size_t>(options.page_cache_mb) * 1024 * 1024);
  Metrics metrics;
  Database& database = **db;
  metrics.AddGauge("diseasemaps_worker_queue_length", "Blocking jobs waiting for a worker thread.",
                   [&pool] { return pool.queue_length(); });
  metrics.AddGauge("diseasemaps_worker_threads", "Worker threads for blocking work.",
                   [workers] { return workers; });
  metrics.AddGauge("diseasemaps_db_pool_in_use", "Database connections leased right now.",
                   [&database] { return database.connections_in_use(); });
  metrics.AddGauge("diseasemaps_db_pool_size", "Database connections in the pool.",
                   [&database] { return database.pool_size(); });
  metrics.AddGauge("diseasemaps_page_cache_entries", "Anonymous pages held in memory.",
                   [&page_cache] { return static_cast<double>(page_cache.entries()); });
  if (replica) AddReplicaGauges(metrics, *replica);

  accounts::UserStore users(database);
  PasswordHasher hasher(limits::kConcurrentPasswordHashes);
  mail::OutboxStore outbox(database);
  Site site{database, page_cache, metrics, pool, **static_files, users, hasher, outbox, (*indexer)->service(),
            options.test_hooks, options.public_url, options.secure_cookies, ""};
  site.rate_limiters = RateLimitersFor(database);
  site.mail_transport = options.mail.smtp.configured() ? mail::DescribeSmtpServer(options.mail.smtp)
                        : options.mail.to_console        ? "the console"
                                                         : "";
  map::MapServiceOptions map_options;
  map_options.min_city_members = options.map_min_city_members;
  map_options.resync_interval = Millis(options.map_resync_interval_s);
  map::MapService map_service(database, Gazetteer::Embedded(), map_options);
  if (Status s = map_service.Load(); !s.ok()) return Fail("community map: " + s.message());
  map_service.Start();
  site.map = &map_service;
  site.post_search = &(*post_indexer)->service();
  metrics.AddGauge("diseasemaps_map_members", "Members the community map holds in memory.",
                   [&map_service] { return static_cast<double>(map_service.Size().members); });
  metrics.AddGauge("diseasemaps_map_places", "Places with members the community map holds in memory.",
                   [&map_service] { return static_cast<double>(map_service.Size().places); });
  search::SearchService& search_service = (*indexer)->service();
  metrics.AddGauge("diseasemaps_search_index_age_seconds",
                   "Seconds since this server last refreshed its search index (-1: not ready).", [&search_service] {
                     const long long published = search_service.published_at();
                     return published == 0 ? -1.0 : static_cast<double>(pages::NowSeconds() - published);
                   });
  // This process's row in `nodes`, for the admin home's list of servers.
  admin::NodeHeartbeat heartbeat(database);
  site.node_id = heartbeat.node().id;
  mail::OutboxGauges outbox_gauges(outbox, metrics, Millis(options.mail_check_interval_s));
  http::Router router;  // filled below, once the public URL is known; read-only after that
  http::Dispatcher dispatcher(router, pool, page_cache, pages::ErrorPage);

  options.server.header_timeout = Millis(options.header_timeout_s);
  options.server.idle_timeout = Millis(options.idle_timeout_s);
  options.server.write_timeout = Millis(options.write_timeout_s);
  options.server.shutdown_grace = Millis(options.shutdown_grace_s);
  options.server.drain_delay = Millis(options.drain_delay_s);
  auto trusted_proxies = http::TrustedProxies::Parse(options.trust_proxy);
  if (!trusted_proxies.ok()) return Fail(trusted_proxies.status().message());
  options.server.trusted_proxies = *trusted_proxies;
  http::Server server(options.server, dispatcher, metrics);
  site.draining = [&server] { return server.draining(); };
  metrics.AddGauge("diseasemaps_http_open_connections", "Open client connections.",
                   [&server] { return static_cast<double>(server.open_connections()); });
  metrics.AddGauge("diseasemaps_http_requests_in_flight", "Requests read and not yet answered.",
                   [&server] { return static_cast<double>(server.requests_in_flight()); });
  if (Status s = server.Bind(); !s.ok()) return Fail(s.message());
  if (site.public_url.empty()) {
    site.public_url = "http://" + options.server.address + ":" + std::to_string(server.port());
  }
  while (!site.public_url.empty() && site.public_url.back() == '/') site.public_url.pop_back();
  if (site.public_url.rfind("https://", 0) == 0) site.secure_cookies = true;
  accounts::SessionGate gate(users, site.secure_cookies);
  // With a replica, a visitor who just changed something reads the primary for a while.
  std::unique_ptr<http::ReadYourWrites> read_your_writes;
  if (replica) {
    auto key = database.InTransaction(
        [](soci::session& sql) { return SigningKey(sql, "primary-reads", pages::NowSeconds()); });
    if (!key.ok()) return Fail("cannot read the signing key: " + key.status().message());
    read_your_writes = std::make_unique<http::ReadYourWrites>(
        *key, std::chrono::seconds(static_cast<long long>(std::ceil(options.primary_reads_after_write_s))),
        site.secure_cookies, [] { return pages::NowSeconds(); });
    dispatcher.SetHooks(read_your_writes->Around(gate.Hooks()));
    dispatcher.SetReplicaPolicy([rw = read_your_writes.get()](const http::Request& r) { return rw->ReadsPrimary(r); });
  } else {
    dispatcher.SetHooks(gate.Hooks());
  }
  site.session_gate = &gate;
  site.max_new_conversations_per_day = options.max_new_conversations_per_day;
  site.experiences_min_cell = options.experiences_min_cell;
  site.condition_pages.unreviewed_labels = options.unreviewed_symptom_labels == "english"
                                               ? catalog::UnreviewedLabels::kEnglish
                                               : catalog::UnreviewedLabels::kShowWithNote;
  DeclareRoutes(router, site, BuildServices(site));

  std::cout << "DiseaseMaps is serving on http://" << options.server.address << ":"
            << server.port() << "/ (database: " << database.description()
            << "; stop with Ctrl-C)" << std::endl;
  auto content_changed = [&page_cache, &map_service] {
    map_service.DemoDataMayHaveChanged();  // the banner first, then pages rendered with it
    page_cache.Invalidate();
  };
  ContentGenerationWatcher watcher(database, Millis(options.cache_check_interval_s), content_changed);
  options.mail.interval = Millis(options.mail_check_interval_s);
  mail::Courier courier(outbox, options.mail);
  notifications::DigestJob digests(database, site.public_url, Millis(options.digest_interval_s));
  (*indexer)->Watch(Millis(options.cache_check_interval_s));
  (*post_indexer)->Watch(Millis(options.cache_check_interval_s));
  // On PostgreSQL, other nodes' writes wake the watchers above at once (the polls stay).
  auto listener = ListenForChanges(database, common.database.url, content_changed, **indexer, **post_indexer,
                                   map_service, metrics);
  server.Run(/*handle_signals=*/true);
  pool.Join();
  spdlog::info("stopped");
  if (auto access = spdlog::get("access")) access->flush();
  return 0;
}

Status RebuildPostsIndex(Database& db, const std::filesystem::path& conditions_index, std::ostream& out) {
  search::PostSearchStore post_store(db);
  if (Status s = post_store.RequestRebuild(); !s.ok()) return s;
  auto posts = search::PostIndexer::Open(db, conditions_index, /*allow_private_copy=*/false);
  if (!posts.ok() && posts.status().code() == Status::Code::kConflict) return Status::Ok();  // the request reaches it
  if (!posts.ok()) return Status::Internal("posts index: " + posts.status().message());
  auto built = (*posts)->Rebuild();
  if (!built.ok()) return Status::Internal("posts index: " + built.status().message());
  out << "reindexed " << built->posts << " forum posts in " << built->seconds << " s" << std::endl;
  return Status::Ok();
}

int RunReindex(const CommonOptions& common, const std::string& index_path) {
  auto db = OpenMigratedDatabase(common, 2);
  if (!db.ok()) return Fail(db.status().message());
  const std::filesystem::path path =
      index_path.empty() ? search::DefaultIndexPath(common.database.url) : std::filesystem::path(index_path);
  search::SearchStore store(**db);
  auto indexer = search::SearchIndexer::Open(**db, path, /*allow_private_copy=*/false);
  search::PostSearchStore post_store(**db);
  if (!indexer.ok() && indexer.status().code() == Status::Code::kConflict) {
    if (Status s = store.RequestRebuild(); !s.ok()) return Fail(s.message());
    if (Status s = post_store.RequestRebuild(); !s.ok()) return Fail(s.message());
    std::cout << "a running server holds " << path.string()
              << ": asked every server on this database to rebuild its index" << std::endl;
    return 0;
  }
  if (!indexer.ok()) return Fail("search index: " + indexer.status().message());
  // Other servers (other machines, or their own private indexes) rebuild theirs too; this
  // index includes that request, so a server opening it later does not rebuild again.
  if (Status s = store.RequestRebuild(); !s.ok()) return Fail(s.message());
  auto report = (*indexer)->Rebuild();
  if (!report.ok()) return Fail("search index: " + report.status().message());
  std::cout << "reindexed " << report->conditions << " conditions into " << path.string() << " in "
            << report->seconds << " s" << std::endl;
  // The posts index: rebuilt here when no server holds it, and by every server in any case.
  if (Status s = RebuildPostsIndex(**db, path, std::cout); !s.ok()) return Fail(s.message());
  return 0;
}

}  // namespace diseasemaps
