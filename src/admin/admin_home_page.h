// GET /admin: the administrators' front door. Lists every admin screen the viewer may
// open, with what each is for, and the system's state (admin/system_status.h): the
// database and replica, the outbox's backlog, the search index's age, the community
// map in memory, and the serve nodes seen in the last minute. Admins only (the guard's
// kSeeSystemStatus); a visitor goes to the sign-in page, anyone else gets 403.
#pragma once

#include "admin/system_status.h"
#include "http/request.h"

namespace diseasemaps::admin {

// Blocks on the database: runs on the worker pool, as every page does.
http::Response AdminHomePage(const SystemParts& parts, const http::Request& request);

}  // namespace diseasemaps::admin
