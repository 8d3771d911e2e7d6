// Every URL the server answers, declared in one place (app/routes.cc); the services the
// handlers call are built by app/services.cc.
#pragma once

#include <memory>

#include "app/services.h"
#include "app/site.h"
#include "http/router.h"

namespace diseasemaps {

// Fills the router. REQUIRES: site outlives the router; services was built from site.
void DeclareRoutes(http::Router& router, Site& site, std::shared_ptr<const Services> services);

}  // namespace diseasemaps
