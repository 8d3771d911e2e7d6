#include "pages/moment.h"

#include "platform/i18n.h"
#include "platform/text.h"

namespace diseasemaps::pages {

nlohmann::json MomentView(long long unix_seconds) {
  return {{"iso", UtcTime(unix_seconds, "%Y-%m-%dT%H:%M:%SZ")}, {"text", UtcMinute(unix_seconds)}, {"kind", "minute"}};
}

nlohmann::json DayView(long long unix_seconds) {
  return {{"iso", UtcTime(unix_seconds, "%Y-%m-%dT%H:%M:%SZ")},
          {"text", i18n::FormatDate(i18n::CurrentLanguage(), unix_seconds)},
          {"kind", "day"}};
}

}  // namespace diseasemaps::pages
