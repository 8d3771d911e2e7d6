// Metrics: request counts by route and status, a latency histogram, and gauges that
// are read when /metrics is scraped, rendered in the Prometheus text format.
//
// Thread-safe. RecordRequest() is called once per response from any I/O thread.
#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace diseasemaps {

class Metrics {
 public:
  // Upper bounds of the latency buckets, in seconds; +Inf is implied.
  static constexpr std::array<double, 14> kLatencyBuckets = {
      0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

  // `route` is the route's pattern ("/conditions/{slug}"), never the raw path, so the
  // number of series stays bounded.
  void RecordRequest(const std::string& route, unsigned status,
                     std::chrono::microseconds latency);

  // A gauge read at render time, such as the worker-pool queue length.
  void AddGauge(std::string name, std::string help, std::function<double()> read);

  std::string RenderPrometheus() const;

 private:
  struct Gauge {
    std::string name;
    std::string help;
    std::function<double()> read;
  };
  mutable std::mutex mutex_;
  std::map<std::pair<std::string, unsigned>, unsigned long long> requests_;
  std::array<std::atomic<unsigned long long>, kLatencyBuckets.size() + 1> buckets_{};
  std::atomic<unsigned long long> latency_count_{0};
  std::atomic<unsigned long long> latency_sum_us_{0};
  std::vector<Gauge> gauges_;
};

}  // namespace diseasemaps
