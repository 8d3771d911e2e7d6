#include "app/cli.h"

#include <iostream>
#include <thread>

#include <CLI/CLI.hpp>

#include "app/commands.h"
#include "app/settings.h"
#include "accounts/user_command.h"
#include "http/client_address.h"
#include "backup/backup_command.h"
#include "catalog/import/import_command.h"
#include "notifications/digest_command.h"

namespace diseasemaps {

int RunCli(int argc, char** argv) {
  CommonOptions common;
  ServeOptions serve;
  serve.server.io_threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));

  CLI::App app{"DiseaseMaps: condition pages people can trust, and the people behind them.\n"
               "Settings: flags, then DISEASEMAPS_<NAME> environment variables (for example\n"
               "DISEASEMAPS_PORT), then --config FILE (name = value lines), then defaults."};
  app.set_version_flag("--version", DISEASEMAPS_VERSION);
  app.require_subcommand(1);
  app.fallthrough();  // global options may also follow the subcommand
  app.add_option("--config", common.config_file, "Config file of `name = value` lines")
      ->envname("DISEASEMAPS_CONFIG");
  app.add_option("--database", common.database.url,
                 "SQLite file path, or postgresql://user@host:port/name")
      ->capture_default_str();
  app.add_option("--db-pool", common.database.pool_size, "Database connections in the pool")
      ->capture_default_str()->check(CLI::Range(1, 512));
  app.add_option("--log-level", common.log_level, "trace, debug, info, warn or error")
      ->capture_default_str()
      ->check(CLI::IsMember({"trace", "debug", "info", "warn", "error"}));

  CLI::App* serve_cmd = app.add_subcommand("serve", "Migrate the database and serve HTTP");
  serve_cmd->add_option("--address", serve.server.address, "Address to listen on")
      ->capture_default_str();
  serve_cmd->add_option("--port", serve.server.port, "Port to listen on (0: any free port)")
      ->capture_default_str();
  serve_cmd->add_option("--threads", serve.server.io_threads, "I/O threads (default: cores)")
      ->capture_default_str()->check(CLI::Range(1, 256));
  serve_cmd->add_option("--workers", serve.workers,
                        "Worker threads for blocking work (0: two per core with SQLite, four with PostgreSQL)")
      ->capture_default_str()->check(CLI::Range(0, 1024));
  serve_cmd->add_option("--body-limit", serve.server.body_limit, "Largest request body, bytes")
      ->capture_default_str()->check(CLI::Range(std::size_t{1024}, std::size_t{1} << 30));
  serve_cmd->add_option("--header-limit", serve.server.header_limit, "Largest request header, bytes")
      ->capture_default_str()->check(CLI::Range(std::size_t{1024}, std::size_t{1} << 20));
  serve_cmd->add_option("--header-timeout", serve.header_timeout_s,
                        "Seconds to receive a request once it has begun")
      ->capture_default_str()->check(CLI::Range(0.1, 3600.0));
  serve_cmd->add_option("--idle-timeout", serve.idle_timeout_s,
                        "Seconds an idle keep-alive connection stays open")
      ->capture_default_str()->check(CLI::Range(0.1, 3600.0));
  serve_cmd->add_option("--write-timeout", serve.write_timeout_s, "Seconds to send a response")
      ->capture_default_str()->check(CLI::Range(0.1, 3600.0));
  serve_cmd->add_option("--shutdown-grace", serve.shutdown_grace_s,
                        "Seconds to finish requests in flight on SIGTERM")
      ->capture_default_str()->check(CLI::Range(0.0, 3600.0));
  serve_cmd->add_option("--max-connections", serve.server.max_connections,
                        "Open connections at most; more are refused")
      ->capture_default_str()->check(CLI::Range(std::size_t{1}, std::size_t{1000000}));
  serve_cmd->add_option("--drain-delay", serve.drain_delay_s,
                        "Seconds to go on serving after SIGTERM, with /healthz answering 503, so a load "
                        "balancer takes this node out before it stops")
      ->capture_default_str()->check(CLI::Range(0.0, 600.0));
  serve_cmd->add_option("--trust-proxy", serve.trust_proxy,
                        "Proxies (addresses, CIDR ranges) whose X-Forwarded-For names the client")
      ->check([](const std::string& list) {
        auto parsed = http::TrustedProxies::Parse(list);
        return parsed.ok() ? std::string() : parsed.status().message();
      });
  serve_cmd->add_option("--database-replica", serve.database_replica,
                        "A PostgreSQL hot standby (postgresql://…) for reads that may lag: anonymous pages, "
                        "search, lists, the map's full reads")
      ->group("Database");
  serve_cmd->add_option("--replica-max-lag", serve.replica_max_lag_s,
                        "Seconds the replica may be behind; further behind, reads go to the primary")
      ->capture_default_str()->check(CLI::Range(0.1, 3600.0))->group("Database");
  serve_cmd->add_option("--primary-reads-after-write", serve.primary_reads_after_write_s,
                        "Seconds a visitor reads only from the primary after they changed something")
      ->capture_default_str()->check(CLI::Range(1.0, 3600.0))->group("Database");
  serve_cmd->add_option("--static-dir", serve.static_dir,
                        "The built static tree (default: static/ beside the binary, else "
                        "../share/diseasemaps/static from it)");
  serve_cmd->add_option("--page-cache-mb", serve.page_cache_mb,
                        "Memory for cached anonymous pages, MiB")
      ->capture_default_str()->check(CLI::Range(0, 65536));
  serve_cmd->add_option("--cache-check-interval", serve.cache_check_interval_s,
                        "Seconds between checks for writes by other processes, which "
                        "clear the page cache")
      ->capture_default_str()->check(CLI::Range(0.05, 3600.0));
  serve_cmd->add_option("--search-index", serve.search_index,
                        "Directory of this server's search index (default: beside an SQLite "
                        "database, or var/search-index/HOST-PORT-NAME for PostgreSQL)");
  serve_cmd->add_flag("--migrate,!--no-migrate", serve.migrate,
                      "Apply pending migrations at start (default: on)");
  serve_cmd->add_flag("--starter-catalogue,!--no-starter-catalogue", serve.starter_catalogue,
                      "Load the built-in starter catalogue when the catalogue is empty "
                      "(default: on)");
  serve_cmd->add_flag("--access-log,!--no-access-log", serve.server.access_log,
                      "One log line per request (default: on)");
  serve_cmd->add_option("--public-url", serve.public_url,
                        "The address visitors use, for sitemaps and canonical links "
                        "(default: http://ADDRESS:PORT)");
  serve_cmd->add_flag("--secure-cookies", serve.secure_cookies,
                      "Mark cookies Secure (on by itself when --public-url is https://)");
  serve_cmd->add_option("--smtp-url", serve.mail.smtp.url,
                        "SMTP server for e-mail: smtp://host:587 (STARTTLS) or smtps://host:465; "
                        "without it, e-mail waits in /admin/outbox")
      ->group("E-mail");
  serve_cmd->add_option("--smtp-user", serve.mail.smtp.username, "SMTP user name")->group("E-mail");
  serve_cmd->add_option("--smtp-password", serve.mail.smtp.password,
                        "SMTP password (prefer DISEASEMAPS_SMTP_PASSWORD to keep it out of ps)")
      ->group("E-mail");
  serve_cmd->add_option("--smtp-from", serve.mail.smtp.from, "The From of every e-mail")
      ->capture_default_str()
      ->group("E-mail");
  serve_cmd->add_flag("--smtp-starttls,!--no-smtp-starttls", serve.mail.smtp.require_starttls,
                      "Require STARTTLS on smtp:// (default: on; turn off only for a relay on loopback)")
      ->group("E-mail");
  serve_cmd->add_flag("--mail-to-console", serve.mail.to_console,
                      "With no SMTP server, print each e-mail on standard output (for trying the site "
                      "locally; `make run` does this)")
      ->group("E-mail");
  serve_cmd->add_option("--mail-check-interval", serve.mail_check_interval_s,
                        "Seconds between looks at the outbox")
      ->capture_default_str()
      ->check(CLI::Range(0.05, 3600.0))
      ->group("E-mail");
  serve_cmd->add_option("--max-new-conversations-per-day", serve.max_new_conversations_per_day,
                        "Conversations an account confirmed less than 7 days ago may start in 24 hours; "
                        "over it, 429")
      ->capture_default_str()
      ->check(CLI::Range(0, 100000));
  serve_cmd->add_option("--experiences-min-cell", serve.experiences_min_cell,
                        "Shared experiences: a chart (and its part of the API) is shown only once at least "
                        "this many people shared that part; 3 or more")
      ->capture_default_str()
      ->check(CLI::Validator(
          [](std::string& value) -> std::string {
            int k = 0;
            try {
              k = std::stoi(value);
            } catch (...) {
              return "--experiences-min-cell takes a whole number, such as 5";
            }
            if (k < 3) {
              return "--experiences-min-cell must be 3 or more: with fewer people in a chart, one person's "
                     "answers could be worked out";
            }
            if (k > 1000) return "--experiences-min-cell must be 1000 or less";
            return std::string();
          },
          "INT >= 3"));
  serve_cmd->add_option("--unreviewed-symptom-labels", serve.unreviewed_symptom_labels,
                        "Symptom labels HPO has translated but not reviewed (CANDIDATE): 'show' them "
                        "marked as not reviewed, or show the 'english' label instead")
      ->capture_default_str()
      ->check(CLI::IsMember({"show", "english"}));
  serve_cmd->add_option("--map-min-city-members", serve.map_min_city_members,
                        "Visitors see a city on the community map only with at least this many "
                        "visible members; smaller ones show at their country")
      ->capture_default_str()->check(CLI::Range(1u, 1000u))->group("Community map");
  serve_cmd->add_option("--map-resync-interval", serve.map_resync_interval_s,
                        "Seconds between full re-reads of the members for the community map, so "
                        "every server on one database converges")
      ->capture_default_str()->check(CLI::Range(1.0, 86400.0))->group("Community map");
  serve_cmd->add_option("--digest-interval", serve.digest_interval_s,
                        "Seconds between two passes of sending the due digests of new forum topics")
      ->capture_default_str()->check(CLI::Range(1.0, 86400.0))->group("E-mail");
  serve_cmd->add_flag("--test-hooks", serve.test_hooks,
                      "Expose routes used only by the test suite; never in production");

  CLI::App* migrate_cmd = app.add_subcommand("migrate", "Apply pending database migrations");
  std::string reindex_path;
  CLI::App* reindex_cmd = app.add_subcommand("reindex", "Rebuild the search index from the database");
  reindex_cmd->add_option("--search-index", reindex_path, "Directory of the index (default: as serve)");
  DemoDataOptions demo;
  CLI::App* demo_cmd = app.add_subcommand(
      "demo-data", "Create synthetic members, experiences and forum posts to show the site (every page then says so), or remove them");
  demo_cmd->add_option("--members", demo.members, "How many synthetic members to create")
      ->capture_default_str()->check(CLI::Range(0LL, 100000000LL));
  demo_cmd->add_option("--experiences", demo.experiences,
                       "How many shared experiences to create for synthetic members (affected or family)")
      ->capture_default_str()->check(CLI::Range(0LL, 100000000LL));
  demo_cmd->add_option("--experiences-condition", demo.experiences_orphacode,
                       "Put every synthetic experience in this condition's community (an ORPHAcode)")
      ->check(CLI::Range(1, 99999999));
  demo_cmd->add_option("--forum-topics", demo.forum_topics,
                       "How many synthetic forum topics to create, in condition and site-wide forums "
                       "(0 with --forum-posts: one for every 40 posts)")
      ->capture_default_str()->check(CLI::Range(0LL, 100000000LL));
  demo_cmd->add_option("--forum-posts", demo.forum_posts,
                       "How many synthetic forum posts to spread over those topics (at least one each)")
      ->capture_default_str()->check(CLI::Range(0LL, 100000000LL));
  demo_cmd->add_option("--forum-long-topic", demo.forum_long_topic,
                       "Also one public topic in General with exactly this many posts (for benchmarks)")
      ->capture_default_str()->check(CLI::Range(0LL, 1000000LL));
  demo_cmd->add_option("--search-index", demo.search_index,
                       "Directory of the search index, whose forum posts index is rebuilt (default: as serve)");
  demo_cmd->add_option("--seed", demo.seed, "The same seed makes the same members and posts")->capture_default_str();
  demo_cmd->add_flag("--remove", demo.remove,
                     "Delete every synthetic member, their experiences and forum topics, and nothing else");
  AddImportCommands(app, common);
  AddUserCommands(app, common);
  AddBackupCommands(app, common);
  AddDigestCommand(app, common);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }

  CLI::App* chosen = serve_cmd->parsed()          ? serve_cmd
                     : migrate_cmd->parsed()      ? migrate_cmd
                     : reindex_cmd->parsed()      ? reindex_cmd
                     : demo_cmd->parsed()         ? demo_cmd
                     : ChosenImportCommand(app)   ? ChosenImportCommand(app)
                     : ChosenBackupCommand(app)   ? ChosenBackupCommand(app)
                     : ChosenDigestCommand(app)   ? ChosenDigestCommand(app)
                                                  : ChosenUserCommand(app);
  std::map<std::string, std::string> file_values;
  if (!common.config_file.empty()) {
    auto read = ReadConfigFile(common.config_file);
    if (!read.ok()) return Fail(read.status().message());
    file_values = *read;
  }
  if (Status s = FillFromEnvironmentAndFile(*chosen, ProcessEnvironment(), file_values); !s.ok()) {
    return Fail(s.message());
  }

  if (serve_cmd->parsed()) return RunServe(common, serve);
  if (reindex_cmd->parsed()) return RunReindex(common, reindex_path);
  if (demo_cmd->parsed()) return RunDemoData(common, demo);
  if (ChosenImportCommand(app) != nullptr) return RunImportCommand(app);
  if (ChosenUserCommand(app) != nullptr) return RunUserCommand(app);
  if (ChosenBackupCommand(app) != nullptr) return RunBackupCommand(app);
  if (ChosenDigestCommand(app) != nullptr) return RunDigestCommand(app);
  return RunMigrate(common);
}

}  // namespace diseasemaps
