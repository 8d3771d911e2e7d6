#include "map/map_privacy.h"

#include <algorithm>

namespace diseasemaps::map {

ViewerClass ClassOf(const guard::Viewer& viewer) {
  return guard::ActiveMember(viewer) ? ViewerClass::kMember : ViewerClass::kAnonymous;
}

guard::Viewer RepresentativeOf(ViewerClass viewer_class) {
  guard::Viewer viewer;
  if (viewer_class == ViewerClass::kMember) {
    viewer.user_id = 0;  // no real member has id 0: never the owner of anything
    viewer.roles = {guard::Role::kMember};
  }
  return viewer;
}

bool ShownOnMap(ViewerClass viewer_class, guard::Visibility visibility, bool account_active) {
  if (!account_active) return false;
  return guard::CanListMember(RepresentativeOf(viewer_class), visibility);
}

bool CountedInTotals(bool account_active) { return account_active; }

bool CityShownAsCity(ViewerClass viewer_class, uint32_t visible_members, uint32_t k) {
  if (viewer_class == ViewerClass::kMember) return true;
  return visible_members >= k;
}

bool CityNameable(ViewerClass viewer_class, std::span<const uint32_t> visible_per_scope, uint32_t k) {
  return std::all_of(visible_per_scope.begin(), visible_per_scope.end(),
                     [&](uint32_t visible) { return CityShownAsCity(viewer_class, visible, k); });
}

}  // namespace diseasemaps::map
