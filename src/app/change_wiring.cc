#include "app/change_wiring.h"

#include <spdlog/spdlog.h>

#include "platform/change_notice.h"

namespace diseasemaps {

std::unique_ptr<ChangeListener> ListenForChanges(Database& db, const std::string& database_url,
                                                 std::function<void()> content_changed,
                                                 search::SearchIndexer& indexer, search::PostIndexer& posts,
                                                 map::MapService& map, Metrics& metrics) {
  if (db.backend() != Backend::kPostgresql) return nullptr;
  auto conninfo = PostgresConninfo(database_url);
  if (!conninfo.ok()) {
    spdlog::warn("change notices: {}; other nodes' changes arrive at the next poll", conninfo.status().message());
    return nullptr;
  }
  auto listener = std::make_unique<ChangeListener>(
      *conninfo,
      [content_changed, &indexer, &posts, &map](const std::string& payload) {
        const ChangeNotice notice = ParseChangeNotice(payload);
        switch (notice.kind) {
          case ChangeNotice::Kind::kContent: content_changed(); break;
          case ChangeNotice::Kind::kSearch:
            indexer.Wake();
            posts.Wake();
            break;
          case ChangeNotice::Kind::kMember: map.MemberChanged(notice.member_id); break;
          case ChangeNotice::Kind::kUnknown: break;
        }
      },
      [content_changed, &indexer, &posts, &map] {
        content_changed();
        indexer.Wake();
        posts.Wake();
        if (Status s = map.Resync(); !s.ok()) spdlog::warn("community map: re-sync failed ({})", s.message());
      });
  ChangeListener* listening = listener.get();
  metrics.AddGauge("diseasemaps_change_listener_up",
                   "1 while this node listens for other nodes' change notices (PostgreSQL).",
                   [listening] { return listening->listening() ? 1.0 : 0.0; });
  return listener;
}

}  // namespace diseasemaps
