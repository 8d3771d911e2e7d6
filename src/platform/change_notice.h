// Change notices: how a write on one server process wakes the caches of every other
// process on the same PostgreSQL database at once, instead of at their next poll.
//
// A writer calls NotifyChange inside its own transaction: on PostgreSQL that is
// `NOTIFY diseasemaps_changes, '<notice>'`, which the server delivers when (and only
// when) the transaction commits, once per distinct notice per transaction; on SQLite
// (one process) it does nothing. platform/change_listener.h receives them. Notices only
// say "look now": every cache keeps its periodic check, so a notice lost (a listener
// reconnecting, a node killed between commit and notice) delays a change, never loses it.
//
// The notices:
//   content      the content generation moved (platform/content_generation.h): page
//                caches, the map's demo-data banner
//   search       the search change log grew (search/search_store.h): search indexes
//   member:<id>  a member's profile, memberships, suspension or deletion changed: the
//                community map re-reads that member (map/map_service.h)
#pragma once

#include <string>

#include <soci/soci.h>

#include "platform/db/database.h"
#include "platform/status.h"

namespace diseasemaps {

inline constexpr const char* kChangesChannel = "diseasemaps_changes";

struct ChangeNotice {
  enum class Kind { kUnknown, kContent, kSearch, kMember };
  Kind kind = Kind::kUnknown;
  long long member_id = 0;  // for kMember
};

std::string ContentNotice();
std::string SearchNotice();
std::string MemberNotice(long long member_id);
// Reads a notice's payload; kUnknown for anything else (a newer server's notice).
ChangeNotice ParseChangeNotice(const std::string& payload);

// REQUIRES: called inside a transaction on `sql`, with a notice made above.
void NotifyChange(soci::session& sql, const std::string& notice);

// For a change already committed (the member hooks, accounts/member_events.h): sends the
// notice in a statement of its own. Does nothing on SQLite.
Status AnnounceChange(Database& db, const std::string& notice);

}  // namespace diseasemaps
