// Operational endpoints: /healthz (200 only when the database answers, else 503) and
// /metrics (Prometheus text format).
#pragma once

#include "http/request.h"
#include "platform/db/database.h"
#include "platform/metrics.h"

namespace diseasemaps::health {

http::Response Healthz(Database& db);
http::Response MetricsPage(const Metrics& metrics);

}  // namespace diseasemaps::health
