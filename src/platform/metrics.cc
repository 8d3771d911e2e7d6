#include "platform/metrics.h"

#include <sstream>

namespace diseasemaps {
namespace {

std::string EscapeLabel(const std::string& value) {
  std::string out;
  for (char c : value) {
    if (c == '\\' || c == '"') out.push_back('\\');
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out.push_back(c);
  }
  return out;
}

}  // namespace

void Metrics::RecordRequest(const std::string& route, unsigned status,
                            std::chrono::microseconds latency) {
  {
    std::lock_guard lock(mutex_);
    ++requests_[{route, status}];
  }
  const double seconds = static_cast<double>(latency.count()) / 1e6;
  std::size_t bucket = 0;
  while (bucket < kLatencyBuckets.size() && seconds > kLatencyBuckets[bucket]) ++bucket;
  buckets_[bucket].fetch_add(1, std::memory_order_relaxed);
  latency_count_.fetch_add(1, std::memory_order_relaxed);
  latency_sum_us_.fetch_add(static_cast<unsigned long long>(latency.count()),
                            std::memory_order_relaxed);
}

void Metrics::AddGauge(std::string name, std::string help, std::function<double()> read) {
  std::lock_guard lock(mutex_);
  gauges_.push_back({std::move(name), std::move(help), std::move(read)});
}

std::string Metrics::RenderPrometheus() const {
  std::ostringstream out;
  out << "# HELP diseasemaps_http_requests_total HTTP requests answered, by route and status.\n"
         "# TYPE diseasemaps_http_requests_total counter\n";
  std::vector<Gauge> gauges;
  {
    std::lock_guard lock(mutex_);
    for (const auto& [key, count] : requests_) {
      out << "diseasemaps_http_requests_total{route=\"" << EscapeLabel(key.first)
          << "\",status=\"" << key.second << "\"} " << count << "\n";
    }
    gauges = gauges_;
  }
  out << "# HELP diseasemaps_http_request_duration_seconds Time from a request's last byte "
         "read to its response's last byte written.\n"
         "# TYPE diseasemaps_http_request_duration_seconds histogram\n";
  unsigned long long cumulative = 0;
  for (std::size_t i = 0; i < buckets_.size(); ++i) {
    cumulative += buckets_[i].load(std::memory_order_relaxed);
    out << "diseasemaps_http_request_duration_seconds_bucket{le=\"";
    if (i < kLatencyBuckets.size()) out << kLatencyBuckets[i];
    else out << "+Inf";
    out << "\"} " << cumulative << "\n";
  }
  out << "diseasemaps_http_request_duration_seconds_sum "
      << static_cast<double>(latency_sum_us_.load()) / 1e6 << "\n"
      << "diseasemaps_http_request_duration_seconds_count " << latency_count_.load() << "\n";
  for (const Gauge& gauge : gauges) {
    out << "# HELP " << gauge.name << " " << gauge.help << "\n"
        << "# TYPE " << gauge.name << " gauge\n"
        << gauge.name << " " << gauge.read() << "\n";
  }
  return out.str();
}

}  // namespace diseasemaps
