// Operational endpoints: /healthz (200 only when the database answers and the server is
// not stopping, else 503) and
// /metrics (Prometheus text format).
#pragma once

#include "http/request.h"
#include "platform/db/database.h"
#include "platform/metrics.h"

namespace diseasemaps::health {

// draining: the server is stopping (after SIGTERM): 503 whatever the database says, so a
// load balancer sends new traffic elsewhere while requests in flight finish.
http::Response Healthz(Database& db, bool draining);
http::Response MetricsPage(const Metrics& metrics);

}  // namespace diseasemaps::health
