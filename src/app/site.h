// Site: the long-lived services a running server shares with its features. Built once
// by the serve command and passed to app/services.cc, which builds each feature's
// objects from it, and to app/routes.cc. Owns nothing; the serve command owns the pieces.
#pragma once

#include <functional>
#include <string>

#include "accounts/session_gate.h"
#include "accounts/user_store.h"
#include "catalog/condition_page.h"
#include "app/limits.h"
#include "http/static_files.h"
#include "mail/outbox_store.h"
#include "map/map_service.h"
#include "platform/crypto.h"
#include "platform/db/database.h"
#include "platform/metrics.h"
#include "platform/page_cache.h"
#include "platform/rate_limiter.h"
#include "platform/worker_pool.h"
#include "search/post_search_service.h"
#include "search/search_service.h"

namespace diseasemaps {

struct Site {
  Database& db;
  PageCache& page_cache;
  Metrics& metrics;
  WorkerPool& workers;
  const http::StaticFiles& static_files;
  accounts::UserStore& users;
  PasswordHasher& hasher;
  mail::OutboxStore& outbox;
  search::SearchService& search;
  bool test_hooks = false;  // routes used only by the test suite
  std::string public_url;   // "https://diseasemaps.example", no trailing slash
  bool secure_cookies = false;
  std::string mail_transport;  // where e-mail goes, for admins: "smtp://host:587", "the console", ""
  // The request hooks, for features that add to the site header (messages/).
  accounts::SessionGate* session_gate = nullptr;
  int max_new_conversations_per_day = limits::kDefaultNewConversationsPerDay;  // --max-new-conversations-per-day
  map::MapService* map = nullptr;  // the community map; null: no map routes
  search::PostSearchService* post_search = nullptr;  // forum posts; null: /search finds conditions only
  catalog::ConditionPageSettings condition_pages{};  // --unreviewed-symptom-labels
  int experiences_min_cell = 5;  // --experiences-min-cell: k of the shared experiences' charts
  std::function<bool()> draining = [] { return false; };  // the server is stopping (SIGTERM)
  std::string node_id{};  // this process's row in `nodes` (admin/node_heartbeat.h); "" when none
  // Where the limits of app/limits.h are counted: in memory, or (on PostgreSQL, shared
  // by every node) in the database (platform/db_rate_limiter.h).
  RateLimiterFactory rate_limiters = MemoryRateLimiters();
};

}  // namespace diseasemaps
