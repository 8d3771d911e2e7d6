#include "pages/static_file_page.h"

#include "pages/error_pages.h"
#include "platform/i18n.h"

namespace diseasemaps::pages {

http::Response StaticFilePage(const http::StaticFiles& files, const http::Request& request, const std::string& name) {
  http::Response response = files.Serve(request, name);
  if (response.status == 404) return ErrorPage(&request, 404, i18n::Tr("There is no file at this address."));
  return response;
}

}  // namespace diseasemaps::pages
