// Wires the change notices of other nodes (platform/change_notice.h) to this server
// process's caches: "content" calls content_changed (what the content-generation
// watcher calls when it sees the generation move: the page cache, the demo banner),
// "search" wakes the search indexers (conditions and forum posts), "member:<id>" makes
// the community map re-read that member; after a reconnect (notices may have been lost)
// all of them look at once.
// Only on PostgreSQL: an SQLite database has one server process and nothing to hear.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "map/map_service.h"
#include "platform/change_listener.h"
#include "platform/db/database.h"
#include "platform/metrics.h"
#include "search/post_indexer.h"
#include "search/search_indexer.h"

namespace diseasemaps {

// The listener, or null on SQLite (or when the URL cannot be read, logged). REQUIRES:
// the listener is destroyed before the indexers, map and metrics it uses.
std::unique_ptr<ChangeListener> ListenForChanges(Database& db, const std::string& database_url,
                                                 std::function<void()> content_changed,
                                                 search::SearchIndexer& indexer, search::PostIndexer& posts,
                                                 map::MapService& map, Metrics& metrics);

}  // namespace diseasemaps
