// MemberChangedFn: how the code that writes a member's data (profile, memberships,
// suspension, deletion) tells the features that keep a copy of it in memory (the
// community map, map/map_service.h) that it changed. Called with the member's user id
// after the write's transaction committed, on the worker that made it; it may block
// briefly (it re-reads that member). An empty function does nothing.
#pragma once

#include <functional>

namespace diseasemaps::accounts {

using MemberChangedFn = std::function<void(long long user_id)>;

inline void Notify(const MemberChangedFn& fn, long long user_id) {
  if (fn) fn(user_id);
}

}  // namespace diseasemaps::accounts
