// Every URL the server answers, declared in one place (app/routes.cc).
#pragma once

#include "app/site.h"
#include "http/router.h"

namespace diseasemaps {

void DeclareRoutes(http::Router& router, Site& site);

}  // namespace diseasemaps
