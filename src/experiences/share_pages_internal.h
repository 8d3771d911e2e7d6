// What the two files of SharePages share (share_pages.cc, share_pages_mine.cc): the
// words every page of the member side uses the same way. Not for other modules.
#pragma once

#include <string>

#include "experiences/experience.h"
#include "platform/i18n.h"

namespace diseasemaps::experiences::share_internal {

inline constexpr const char* kUnavailable =
    i18n::N_("Shared experiences are unavailable right now. Please try again in a moment.");
inline constexpr const char* kNoSuchExperience = i18n::N_("You have no shared experience at this address.");

// "About yourself" or "About my son", as the member's own pages name an experience.
inline std::string AboutWhom(const Experience& e) {
  return e.subject == Subject::kSelf ? i18n::Tr("About yourself") : i18n::Tr("About {label}", {{"label", e.label}});
}

}  // namespace diseasemaps::experiences::share_internal
