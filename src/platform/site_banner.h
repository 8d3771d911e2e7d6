// SiteBanner: a notice every page shows at the top of its layout until changed, such as
// "Demo data: the members shown are synthetic" (map/demo_data.h). Read by
// Templates::RenderPage (templates.cc) on every page; setting it does not clear the page
// cache, the caller does that. Thread-safe; reading is one atomic load.
#pragma once

#include <string>

namespace diseasemaps {

// Sets the banner; "" removes it.
void SetSiteBanner(std::string text);

}  // namespace diseasemaps
