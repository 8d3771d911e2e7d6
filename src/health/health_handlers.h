// Operational endpoints: /healthz (200 only when the database answers and the server is
// not stopping, else 503), /metrics (Prometheus text format), and the test suite's
// /__test/slow (declared only with --test-hooks).
#pragma once

#include "http/request.h"
#include "platform/db/database.h"
#include "platform/metrics.h"

namespace diseasemaps::health {

// draining: the server is stopping (after SIGTERM): 503 whatever the database says, so a
// load balancer sends new traffic elsewhere while requests in flight finish.
http::Response Healthz(Database& db, bool draining);
http::Response MetricsPage(const Metrics& metrics);
// /__test/slow?ms=N: holds a worker thread for N milliseconds (default 100, at most
// 10000), for the shutdown and load tests.
http::Response SlowForTests(const http::Request& request);

}  // namespace diseasemaps::health
