#include "health/health_handlers.h"

#include <algorithm>
#include <chrono>
#include <string>
#include <thread>

namespace diseasemaps::health {

http::Response Healthz(Database& db, bool draining) {
  if (draining) return http::Response::Text("stopping: finishing requests in flight\n", 503).NoStore();
  auto answer = db.Run([](soci::session& sql) {
    int one = 0;
    sql << "SELECT 1", soci::into(one);
    return one;
  });
  http::Response response = answer.ok() && *answer == 1
                                ? http::Response::Text("ok\n", 200)
                                : http::Response::Text("database unavailable\n", 503);
  response.NoStore();
  return response;
}

http::Response MetricsPage(const Metrics& metrics) {
  http::Response response = http::Response::Text(metrics.RenderPrometheus());
  response.content_type = "text/plain; version=0.0.4; charset=utf-8";
  response.NoStore();
  return response;
}

http::Response SlowForTests(const http::Request& request) {
  const long ms = std::clamp(std::stol(request.Query("ms").value_or("100")), 0L, 10000L);
  std::this_thread::sleep_for(std::chrono::milliseconds(ms));
  return http::Response::Text("slept " + std::to_string(ms) + " ms\n");
}

}  // namespace diseasemaps::health
